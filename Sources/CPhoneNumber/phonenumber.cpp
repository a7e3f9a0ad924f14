#include "cphonenumber.h"
#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/phonenumber.pb.h>
#include <cstring>
#include <string>

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

extern "C" int32_t cphonenumber_available(void) {
    return PhoneNumberUtil::GetInstance() != nullptr ? 1 : 0;
}

static void copy_out(const std::string &s, char *out, size_t capacity) {
    std::strncpy(out, s.c_str(), capacity - 1);
    out[capacity - 1] = 0;
}

/* Fills *info from a parsed number and its type. Finding a number's region runs the number patterns of
   every region sharing its country code (25 for +1), and so does each of IsValidNumber and GetNumberType:
   validity is read off the type instead (IsValidNumber is exactly "the type of the number in its own
   region is not UNKNOWN"), which saves a third of the work per distinct number. */
static void describe(const PhoneNumberUtil *util, const PhoneNumber &parsed, PhoneNumberUtil::PhoneNumberType type,
                     cphonenumber_info *info) {
    info->isValid = type != PhoneNumberUtil::UNKNOWN ? 1 : 0;
    info->isPossible = util->IsPossibleNumber(parsed) ? 1 : 0;
    info->type = static_cast<int32_t>(type);
    info->countryCode = parsed.country_code();
    info->countryCodeSource = parsed.has_country_code_source() ? static_cast<int32_t>(parsed.country_code_source()) : 0;
    std::string formatted;
    util->Format(parsed, PhoneNumberUtil::E164, &formatted);
    copy_out(formatted, info->e164, sizeof info->e164);
    // The region only names where an invalid number was judged; finding it is another pattern search.
    if (info->isValid) return;
    std::string regionCode;
    util->GetRegionCodeForNumber(parsed, &regionCode);
    if (regionCode != "ZZ") copy_out(regionCode, info->region, sizeof info->region);
}

/* Parsing dominates the cost (its regular expressions run for every distinct number, and a contacts file
   has a distinct number on every row). A number written as '+', digits and the usual separators is split
   into country code (country codes are prefix-free) and national number directly. Only a valid result is
   trusted; anything else, and every national number starting with 0 (national prefixes, Italian leading
   zeros), goes through the full parse, so the verdicts are the same. */
static bool analyze_plus_digits(const PhoneNumberUtil *util, const char *number, cphonenumber_info *info) {
    const char *p = number;
    while (*p == ' ') p++;
    if (*p != '+') return false;
    char digits[24];
    size_t n = 0;
    for (p++; *p; p++) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            if (n == sizeof digits - 1) return false;
            digits[n++] = c;
        } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
            return false;
        }
    }
    digits[n] = 0;
    if (n < 8 || n > 15) return false;
    for (size_t ccLength = 1; ccLength <= 3; ccLength++) {
        int cc = 0;
        for (size_t i = 0; i < ccLength; i++) cc = cc * 10 + (digits[i] - '0');
        std::string region;
        util->GetRegionCodeForCountryCode(cc, &region);
        // "ZZ" is an unknown code ("001" a non-geographic one): try one digit more.
        if (region == "ZZ") continue;
        if (digits[ccLength] == '0') return false;
        PhoneNumber candidate;
        candidate.set_country_code(cc);
        candidate.set_national_number(std::strtoull(digits + ccLength, nullptr, 10));
        candidate.set_country_code_source(PhoneNumber::FROM_NUMBER_WITH_PLUS_SIGN);
        const PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(candidate);
        if (type == PhoneNumberUtil::UNKNOWN) return false;
        describe(util, candidate, type, info);
        return true;
    }
    return false;
}

extern "C" void cphonenumber_analyze(const char *number, const char *defaultRegion, cphonenumber_info *info) {
    std::memset(info, 0, sizeof *info);
    info->type = 11;
    // PhoneNumberUtil is a thread-safe singleton.
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    if (analyze_plus_digits(util, number, info)) return;
    PhoneNumber parsed;
    std::string region = (defaultRegion != nullptr && defaultRegion[0] != 0) ? defaultRegion : "ZZ";
    PhoneNumberUtil::ErrorType error = util->ParseAndKeepRawInput(number, region, &parsed);
    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR: info->parseError = 0; break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: info->parseError = 1; break;
    case PhoneNumberUtil::NOT_A_NUMBER: info->parseError = 2; break;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD: info->parseError = 3; break;
    case PhoneNumberUtil::TOO_SHORT_NSN: info->parseError = 4; break;
    case PhoneNumberUtil::TOO_LONG_NSN: info->parseError = 5; break;
    default: info->parseError = 2; break;
    }
    if (info->parseError != 0) return;
    describe(util, parsed, util->GetNumberType(parsed), info);
}
