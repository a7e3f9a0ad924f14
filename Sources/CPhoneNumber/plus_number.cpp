#include "plus_number.h"

#include "compiled_metadata.h"
#include "digit_automaton.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <atomic>
#include <cstring>
#include <list>
#include <memory>
#include <mutex>
#include <string>

namespace cphonenumber {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxNsnLength = 17;  // PhoneNumberUtil::kMaxLengthForNsn
constexpr size_t kMinNsnLength = 2;   // PhoneNumberUtil::kMinLengthForNsn
constexpr size_t kMaxInputLength = 250;
constexpr uint32_t kLeadingDigitsBit = 1u << kDescCount;
/* Generous for the largest region (a few hundred states); a region past it keeps libphonenumber. */
constexpr size_t kMaxStates = 100000;

/* One region of a country calling code: its patterns in one automaton (bit = DescIndex, plus the leading
   digits), and per national-number length the bits whose possible lengths admit it. */
struct RegionTables {
    std::string id;
    DigitAutomaton automaton;
    std::array<uint32_t, kMaxNsnLength + 1> lengthBits{};
    bool sameMobileAndFixedLinePattern = false;
    bool hasLeadingDigits = false;

    uint32_t matches(const char *nsn, size_t length) const { return automaton.run(nsn, length) & lengthBits[length]; }
};

struct CountryTables {
    bool usable = false;
    /* In GetRegionCodesForCountryCallingCode's order (main country first), as GetRegionCodeForNumber tries
       them; each compiled when a number first reaches it (+1 has 25 regions, and most numbers stop at US). */
    std::vector<const RegionMetadata *> metadata;
    std::unique_ptr<std::atomic<const RegionTables *>[]> regions;
    /* The main country's national_prefix_for_parsing, which a parse tries to strip even after a '+'. */
    bool hasNationalPrefix = false;
    DigitAutomaton nationalPrefix;
    /* IsPossibleNumber by national-number length (it reads nothing else of the number). */
    std::array<bool, kMaxNsnLength + 1> possible{};
};

bool has(uint32_t mask, int desc) { return (mask & (1u << desc)) != 0; }

/* PhoneNumberUtil::GetNumberTypeHelper on the matched descriptions. */
PhoneNumberUtil::PhoneNumberType typeOf(const RegionTables &region, uint32_t mask) {
    if (!has(mask, kGeneralDesc)) return PhoneNumberUtil::UNKNOWN;
    if (has(mask, kPremiumRate)) return PhoneNumberUtil::PREMIUM_RATE;
    if (has(mask, kTollFree)) return PhoneNumberUtil::TOLL_FREE;
    if (has(mask, kSharedCost)) return PhoneNumberUtil::SHARED_COST;
    if (has(mask, kVoip)) return PhoneNumberUtil::VOIP;
    if (has(mask, kPersonalNumber)) return PhoneNumberUtil::PERSONAL_NUMBER;
    if (has(mask, kPager)) return PhoneNumberUtil::PAGER;
    if (has(mask, kUan)) return PhoneNumberUtil::UAN;
    if (has(mask, kVoicemail)) return PhoneNumberUtil::VOICEMAIL;
    if (has(mask, kFixedLine)) {
        return region.sameMobileAndFixedLinePattern || has(mask, kMobile) ? PhoneNumberUtil::FIXED_LINE_OR_MOBILE
                                                                          : PhoneNumberUtil::FIXED_LINE;
    }
    if (!region.sameMobileAndFixedLinePattern && has(mask, kMobile)) return PhoneNumberUtil::MOBILE;
    return PhoneNumberUtil::UNKNOWN;
}

const RegionMetadata *findMetadata(const std::string &id, int countryCode) {
    for (const RegionMetadata &region : compiledInMetadata()) {
        if (region.id == id && (id != "001" || region.countryCode == countryCode)) return &region;
    }
    return nullptr;
}

/* Leaves an empty automaton when the patterns are outside the supported syntax. */
void compileRegion(const RegionMetadata &metadata, RegionTables *region) {
    region->id = metadata.id;
    region->sameMobileAndFixedLinePattern = metadata.sameMobileAndFixedLinePattern;
    region->hasLeadingDigits = metadata.hasLeadingDigits;
    std::vector<DigitPattern> patterns;
    for (int desc = 0; desc < kDescCount; desc++) {
        const NumberDesc &d = metadata.descs[desc];
        patterns.push_back({d.pattern, false});
        // IsNumberMatchingDesc: a listed length is required; an empty pattern never matches.
        for (size_t length = 0; length <= kMaxNsnLength; length++) {
            bool lengthFits = d.possibleLengths.empty();
            for (int l : d.possibleLengths) lengthFits = lengthFits || size_t(l) == length;
            if (!d.pattern.empty() && lengthFits) region->lengthBits[length] |= 1u << desc;
        }
    }
    if (metadata.hasLeadingDigits) {
        patterns.push_back({metadata.leadingDigits, true});
        for (uint32_t &bits : region->lengthBits) bits |= kLeadingDigitsBit;
    }
    region->automaton.compile(patterns, kMaxStates);
}

/* Guards the lazy construction below; readers of finished tables take no lock. */
std::mutex buildLock;

const CountryTables *build(int countryCode) {
    auto tables = std::make_unique<CountryTables>();
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    std::list<std::string> codes;
    util->GetRegionCodesForCountryCallingCode(countryCode, &codes);
    for (const std::string &code : codes) {
        const RegionMetadata *metadata = findMetadata(code, countryCode);
        if (metadata == nullptr) return tables.release();
        tables->metadata.push_back(metadata);
    }
    if (tables->metadata.empty()) return tables.release();
    tables->regions = std::make_unique<std::atomic<const RegionTables *>[]>(tables->metadata.size());
    for (size_t i = 0; i < tables->metadata.size(); i++) tables->regions[i].store(nullptr, std::memory_order_relaxed);
    const std::string &nationalPrefix = tables->metadata.front()->nationalPrefixForParsing;
    if (!nationalPrefix.empty()) {
        tables->hasNationalPrefix = true;
        // '$' read as matching anywhere: a superset, so "no prefix can match" stays certain.
        if (!tables->nationalPrefix.compile({{nationalPrefix, false}}, kMaxStates, true)) return tables.release();
    }
    PhoneNumber sample;
    sample.set_country_code(countryCode);
    uint64_t nationalNumber = 1;
    for (size_t length = 1; length <= kMaxNsnLength; length++, nationalNumber *= 10) {
        sample.set_national_number(nationalNumber);
        tables->possible[length] = util->IsPossibleNumber(sample);
    }
    tables->usable = true;
    return tables.release();
}

/* The i-th region's tables, compiled on first use; nullptr when its patterns are outside the supported
   syntax (the number then goes to libphonenumber). */
const RegionTables *regionTables(const CountryTables &tables, size_t i) {
    const RegionTables *region = tables.regions[i].load(std::memory_order_acquire);
    if (region != nullptr) return region->automaton.stateCount() > 0 ? region : nullptr;
    std::lock_guard<std::mutex> guard(buildLock);
    region = tables.regions[i].load(std::memory_order_relaxed);
    if (region == nullptr) {
        auto compiled = std::make_unique<RegionTables>();
        compileRegion(*tables.metadata[i], compiled.get());
        region = compiled.release();
        tables.regions[i].store(region, std::memory_order_release);
    }
    return region->automaton.stateCount() > 0 ? region : nullptr;
}

/* Built on first use per country calling code, then only read; kept for the life of the process. */
std::array<std::atomic<const CountryTables *>, 1000> tablesByCode{};

const CountryTables *tablesFor(int countryCode) {
    const CountryTables *tables = tablesByCode[size_t(countryCode)].load(std::memory_order_acquire);
    if (tables != nullptr) return tables;
    std::lock_guard<std::mutex> guard(buildLock);
    tables = tablesByCode[size_t(countryCode)].load(std::memory_order_relaxed);
    if (tables == nullptr) {
        tables = build(countryCode);
        tablesByCode[size_t(countryCode)].store(tables, std::memory_order_release);
    }
    return tables;
}

/* The country calling codes libphonenumber knows (its map skips entries with the unknown region "ZZ"). */
const std::array<bool, 1000> &knownCountryCodes() {
    static const std::array<bool, 1000> known = [] {
        std::array<bool, 1000> codes{};
        for (const RegionMetadata &region : compiledInMetadata()) {
            if (region.id != "ZZ" && region.countryCode > 0 && region.countryCode < 1000) codes[size_t(region.countryCode)] = true;
        }
        return codes;
    }();
    return known;
}

void copyOut(const char *text, size_t length, char *out, size_t capacity) {
    if (length >= capacity) length = capacity - 1;
    std::memcpy(out, text, length);
    out[length] = 0;
}

}  // namespace

bool analyzePlusNumber(const char *number, cphonenumber_info *info) {
    const char *p = number;
    while (*p == ' ') p++;
    if (*p != '+') return false;
    char digits[24];
    size_t count = 0;
    for (p++; *p; p++) {
        const char c = *p;
        if (c >= '0' && c <= '9') {
            if (count == sizeof digits) return false;
            digits[count++] = c;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
            return false;
        }
    }
    // Shorter digit strings are TOO_SHORT_AFTER_IDD; very long input is refused whole.
    if (count <= kMinNsnLength || size_t(p - number) > kMaxInputLength || digits[0] == '0') return false;
    // Country calling codes are prefix-free: the first known one of 1 to 3 digits is the one.
    const std::array<bool, 1000> &known = knownCountryCodes();
    int countryCode = 0;
    size_t codeLength = 0;
    for (size_t length = 1; length <= 3 && length < count; length++) {
        countryCode = countryCode * 10 + (digits[length - 1] - '0');
        if (known[size_t(countryCode)]) {
            codeLength = length;
            break;
        }
    }
    if (codeLength == 0) return false;
    const char *nsn = digits + codeLength;
    const size_t nsnLength = count - codeLength;
    // A leading zero is kept as an Italian leading zero or stripped as a national prefix: libphonenumber's.
    if (nsnLength < kMinNsnLength || nsnLength > kMaxNsnLength || nsn[0] == '0') return false;
    const CountryTables *tables = tablesFor(countryCode);
    if (!tables->usable) return false;
    if (tables->hasNationalPrefix && tables->nationalPrefix.acceptsNonEmptyPrefix(nsn, nsnLength)) return false;

    // GetRegionCodeForNumber: the only region, else the first whose leading digits start the number or,
    // without leading digits, that has a type for it.
    const RegionTables *region = nullptr;
    uint32_t mask = 0;
    const size_t regionCount = tables->metadata.size();
    for (size_t i = 0; i < regionCount; i++) {
        const RegionTables *candidate = regionTables(*tables, i);
        if (candidate == nullptr) return false;
        const uint32_t m = candidate->matches(nsn, nsnLength);
        const bool claims = regionCount == 1
            || (candidate->hasLeadingDigits ? (m & kLeadingDigitsBit) != 0 : typeOf(*candidate, m) != PhoneNumberUtil::UNKNOWN);
        if (claims) {
            region = candidate;
            mask = m;
            break;
        }
    }
    const PhoneNumberUtil::PhoneNumberType type = region != nullptr ? typeOf(*region, mask) : PhoneNumberUtil::UNKNOWN;

    std::memset(info, 0, sizeof *info);
    info->parseError = 0;
    info->isValid = type != PhoneNumberUtil::UNKNOWN ? 1 : 0;
    info->isPossible = tables->possible[nsnLength] ? 1 : 0;
    info->type = static_cast<int32_t>(type);
    info->countryCode = countryCode;
    info->countryCodeSource = static_cast<int32_t>(PhoneNumber::FROM_NUMBER_WITH_PLUS_SIGN);
    info->e164[0] = '+';
    copyOut(digits, count, info->e164 + 1, sizeof info->e164 - 1);
    if (!info->isValid && region != nullptr) copyOut(region->id.data(), region->id.size(), info->region, sizeof info->region);
    return true;
}

}  // namespace cphonenumber
