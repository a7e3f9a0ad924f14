#include "digit_automaton.h"

#include <algorithm>
#include <unordered_map>

namespace cphonenumber {
namespace {

constexpr uint16_t kAllDigits = 0x3FF;

/* A parsed pattern: digit sets combined by concatenation, alternation and bounded or unbounded repeats. */
struct Node {
    enum Kind { Empty, Set, Concat, Alternation, Repeat } kind = Empty;
    uint16_t digits = 0;
    int min = 0, max = 0;  // Repeat; max -1 is unbounded
    std::vector<Node> children;
};

class Parser {
public:
    Parser(const std::string &text, bool dollarAsEmpty) : text_(text), dollarAsEmpty_(dollarAsEmpty) {}

    bool parse(Node *out) {
        if (!alternation(out)) return false;
        return position_ == text_.size();
    }

private:
    const std::string &text_;
    const bool dollarAsEmpty_;
    size_t position_ = 0;

    bool atEnd() const { return position_ >= text_.size(); }
    char peek() const { return text_[position_]; }

    bool alternation(Node *out) {
        Node first;
        if (!concatenation(&first)) return false;
        if (atEnd() || peek() != '|') {
            *out = std::move(first);
            return true;
        }
        out->kind = Node::Alternation;
        out->children.push_back(std::move(first));
        while (!atEnd() && peek() == '|') {
            position_++;
            Node next;
            if (!concatenation(&next)) return false;
            out->children.push_back(std::move(next));
        }
        return true;
    }

    bool concatenation(Node *out) {
        out->kind = Node::Concat;
        while (!atEnd() && peek() != '|' && peek() != ')') {
            Node item;
            if (!atom(&item) || !quantifier(&item)) return false;
            out->children.push_back(std::move(item));
        }
        return true;
    }

    bool atom(Node *out) {
        char c = text_[position_++];
        if (c >= '0' && c <= '9') {
            out->kind = Node::Set;
            out->digits = uint16_t(1u << (c - '0'));
            return true;
        }
        switch (c) {
        case '\\':
            if (atEnd() || text_[position_++] != 'd') return false;
            out->kind = Node::Set;
            out->digits = kAllDigits;
            return true;
        case '[':
            return digitClass(out);
        case '(':
            // A capturing group matches what a non-capturing one does.
            if (text_.compare(position_, 2, "?:") == 0) position_ += 2;
            else if (!atEnd() && peek() == '?') return false;  // look-around and flags
            if (!alternation(out)) return false;
            if (atEnd() || text_[position_++] != ')') return false;
            return true;
        case '$':
            if (!dollarAsEmpty_) return false;
            out->kind = Node::Empty;
            return true;
        default:
            return false;
        }
    }

    bool digitClass(Node *out) {
        bool negated = !atEnd() && peek() == '^';
        if (negated) position_++;
        uint16_t digits = 0;
        while (!atEnd() && peek() != ']') {
            char c = text_[position_++];
            if (c == '\\') {
                if (atEnd() || text_[position_++] != 'd') return false;
                digits = kAllDigits;
                continue;
            }
            if (c < '0' || c > '9') return false;
            char last = c;
            if (position_ + 1 < text_.size() && peek() == '-' && text_[position_ + 1] != ']') {
                last = text_[position_ + 1];
                if (last < c || last > '9') return false;
                position_ += 2;
            }
            for (char d = c; d <= last; d++) digits |= uint16_t(1u << (d - '0'));
        }
        if (atEnd()) return false;
        position_++;
        out->kind = Node::Set;
        out->digits = negated ? uint16_t(kAllDigits & ~digits) : digits;
        return true;
    }

    bool number(int *out) {
        size_t start = position_;
        int value = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9' && value < 1000) value = value * 10 + (text_[position_++] - '0');
        *out = value;
        return position_ > start && value < 1000;
    }

    bool quantifier(Node *item) {
        if (atEnd()) return true;
        int min, max;
        switch (peek()) {
        case '?': min = 0; max = 1; position_++; break;
        case '*': min = 0; max = -1; position_++; break;
        case '+': min = 1; max = -1; position_++; break;
        case '{':
            position_++;
            if (!number(&min)) return false;
            max = min;
            if (!atEnd() && peek() == ',') {
                position_++;
                max = -1;
                if (!atEnd() && peek() != '}' && (!number(&max) || max < min)) return false;
            }
            if (atEnd() || text_[position_++] != '}') return false;
            break;
        default:
            return true;
        }
        // A lazy quantifier matches the same strings; a possessive one may not, nor may a repeated one.
        if (!atEnd() && peek() == '?') position_++;
        if (!atEnd() && (peek() == '+' || peek() == '*' || peek() == '?' || peek() == '{')) return false;
        Node repeated;
        repeated.kind = Node::Repeat;
        repeated.min = min;
        repeated.max = max;
        repeated.children.push_back(std::move(*item));
        *item = std::move(repeated);
        return true;
    }
};

/* Thompson automaton: every state has epsilon moves and at most one move on a set of digits. */
struct NfaState {
    std::vector<int> epsilon;
    uint16_t digits = 0;
    int target = -1;
    uint32_t accept = 0;
};

class NfaBuilder {
public:
    explicit NfaBuilder(size_t maxStates) : maxStates_(maxStates) {}
    std::vector<NfaState> states;

    int add() {
        states.emplace_back();
        return int(states.size()) - 1;
    }

    /* Adds the states of `node`; false past the size limit. */
    bool build(const Node &node, int *start, int *end) {
        if (states.size() > maxStates_) return false;
        switch (node.kind) {
        case Node::Empty:
            *start = *end = add();
            return true;
        case Node::Set:
            *start = add();
            *end = add();
            states[size_t(*start)].digits = node.digits;
            states[size_t(*start)].target = *end;
            return true;
        case Node::Concat: {
            *start = *end = add();
            for (const Node &child : node.children) {
                int s, e;
                if (!build(child, &s, &e)) return false;
                states[size_t(*end)].epsilon.push_back(s);
                *end = e;
            }
            return true;
        }
        case Node::Alternation: {
            *start = add();
            *end = add();
            for (const Node &child : node.children) {
                int s, e;
                if (!build(child, &s, &e)) return false;
                states[size_t(*start)].epsilon.push_back(s);
                states[size_t(e)].epsilon.push_back(*end);
            }
            return true;
        }
        case Node::Repeat: {
            const Node &child = node.children[0];
            *start = *end = add();
            for (int i = 0; i < node.min; i++) {
                int s, e;
                if (!build(child, &s, &e)) return false;
                states[size_t(*end)].epsilon.push_back(s);
                *end = e;
            }
            if (node.max < 0) {
                int loop = add(), s, e;
                if (!build(child, &s, &e)) return false;
                states[size_t(*end)].epsilon.push_back(loop);
                states[size_t(loop)].epsilon.push_back(s);
                states[size_t(e)].epsilon.push_back(loop);
                *end = loop;
                return true;
            }
            for (int i = node.min; i < node.max; i++) {
                int exit = add(), s, e;
                if (!build(child, &s, &e)) return false;
                states[size_t(*end)].epsilon.push_back(s);
                states[size_t(*end)].epsilon.push_back(exit);
                states[size_t(e)].epsilon.push_back(exit);
                *end = exit;
            }
            return true;
        }
        }
        return false;
    }

private:
    size_t maxStates_;
};

/* Subsets of NFA states, as keys of the subset construction. */
struct SubsetHash {
    size_t operator()(const std::vector<int> &subset) const {
        uint64_t h = 0xcbf29ce484222325ull;
        for (int s : subset) h = (h ^ uint32_t(s)) * 0x100000001b3ull;
        return size_t(h);
    }
};

void closeOver(const std::vector<NfaState> &nfa, std::vector<int> *set, std::vector<char> *seen) {
    std::vector<int> stack(set->begin(), set->end());
    for (int s : *set) (*seen)[size_t(s)] = 1;
    while (!stack.empty()) {
        int s = stack.back();
        stack.pop_back();
        for (int t : nfa[size_t(s)].epsilon) {
            if ((*seen)[size_t(t)]) continue;
            (*seen)[size_t(t)] = 1;
            set->push_back(t);
            stack.push_back(t);
        }
    }
    for (int s : *set) (*seen)[size_t(s)] = 0;
    // Only states with a digit move or an accept tag tell subsets apart.
    set->erase(std::remove_if(set->begin(), set->end(),
                              [&](int s) { return nfa[size_t(s)].digits == 0 && nfa[size_t(s)].accept == 0; }),
               set->end());
    std::sort(set->begin(), set->end());
}

}  // namespace

bool DigitAutomaton::compile(const std::vector<DigitPattern> &patterns, size_t maxStates, bool dollarAsEmpty) {
    next_.clear();
    accept_.clear();
    if (patterns.size() > 32) return false;
    NfaBuilder builder(maxStates * 16);
    int start = builder.add();
    for (size_t i = 0; i < patterns.size(); i++) {
        Node node;
        Parser parser(patterns[i].regex, dollarAsEmpty);
        int s, e;
        if (!parser.parse(&node) || !builder.build(node, &s, &e)) return false;
        builder.states[size_t(start)].epsilon.push_back(s);
        int done = builder.add();
        builder.states[size_t(e)].epsilon.push_back(done);
        builder.states[size_t(done)].accept = 1u << i;
        if (patterns[i].prefix) {
            builder.states[size_t(done)].digits = kAllDigits;
            builder.states[size_t(done)].target = done;
        }
    }
    const std::vector<NfaState> &nfa = builder.states;
    std::vector<char> seen(nfa.size(), 0);
    std::unordered_map<std::vector<int>, int32_t, SubsetHash> ids;
    std::vector<std::vector<int>> subsets;
    std::vector<int> initial{start};
    closeOver(nfa, &initial, &seen);
    ids.emplace(initial, 0);
    subsets.push_back(initial);
    for (size_t current = 0; current < subsets.size(); current++) {
        if (subsets.size() > maxStates) {
            next_.clear();
            accept_.clear();
            return false;
        }
        uint32_t accept = 0;
        for (int s : subsets[current]) accept |= nfa[size_t(s)].accept;
        accept_.push_back(accept);
        for (int digit = 0; digit < 10; digit++) {
            std::vector<int> moved;
            for (int s : subsets[current]) {
                if (nfa[size_t(s)].digits & (1u << digit)) moved.push_back(nfa[size_t(s)].target);
            }
            if (moved.empty()) {
                next_.push_back(-1);
                continue;
            }
            std::sort(moved.begin(), moved.end());
            moved.erase(std::unique(moved.begin(), moved.end()), moved.end());
            closeOver(nfa, &moved, &seen);
            if (moved.empty()) {
                next_.push_back(-1);
                continue;
            }
            auto found = ids.find(moved);
            if (found == ids.end()) {
                found = ids.emplace(moved, int32_t(subsets.size())).first;
                subsets.push_back(moved);
            }
            next_.push_back(found->second);
        }
    }
    return true;
}

}  // namespace cphonenumber
