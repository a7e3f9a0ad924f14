#ifndef CPHONENUMBER_DIGIT_AUTOMATON_H
#define CPHONENUMBER_DIGIT_AUTOMATON_H
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cphonenumber {

/* One of libphonenumber's metadata patterns, as a DigitAutomaton input. */
struct DigitPattern {
    std::string regex;
    /* Accepted when a prefix of the input matches (libphonenumber's Consume of leading digits), rather
       than the whole input (FullMatch of a national number pattern). */
    bool prefix = false;
};

/* A deterministic automaton over the digits 0-9 that runs up to 32 patterns in one pass: the accept mask
   of the state an input ends in has bit i set exactly when pattern i matches it. The patterns are the
   regular subset of ICU syntax that libphonenumber's metadata uses (digits, \d, classes, groups,
   alternation, ?, *, +, {n}, {n,}, {n,m}); anything else fails the compilation, and the caller keeps
   libphonenumber's own matcher. The input is always ASCII digits, so a class is its set of digits. */
class DigitAutomaton {
public:
    /* Compiles `patterns`; false (and an empty automaton) for syntax outside the subset or more than
       `maxStates` states. With `dollarAsEmpty`, a '$' anchor is read as matching everywhere: the
       automaton then accepts a superset, which suits a test for "may match". */
    bool compile(const std::vector<DigitPattern> &patterns, size_t maxStates, bool dollarAsEmpty = false);

    /* The accept mask after reading `digits` (ASCII '0'-'9' only). */
    uint32_t run(const char *digits, size_t length) const {
        int32_t state = 0;
        for (size_t i = 0; i < length && state >= 0; i++) state = next_[size_t(state) * 10 + size_t(digits[i] - '0')];
        return state >= 0 ? accept_[size_t(state)] : 0;
    }

    /* Whether some non-empty prefix of `digits` ends in an accepting state. */
    bool acceptsNonEmptyPrefix(const char *digits, size_t length) const {
        int32_t state = 0;
        for (size_t i = 0; i < length; i++) {
            state = next_[size_t(state) * 10 + size_t(digits[i] - '0')];
            if (state < 0) return false;
            if (accept_[size_t(state)] != 0) return true;
        }
        return false;
    }

    size_t stateCount() const { return accept_.size(); }

private:
    /* next_[state * 10 + digit]: the following state, -1 once no pattern can match any more. */
    std::vector<int32_t> next_;
    std::vector<uint32_t> accept_;
};

}  // namespace cphonenumber
#endif
