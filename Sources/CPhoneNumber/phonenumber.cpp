#include "cphonenumber.h"
#include "plus_number.h"

#include <phonenumbers/phonenumberutil.h>
#include <phonenumbers/phonenumber.pb.h>
#include <cstring>
#include <set>
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

static int32_t parse_error_code(PhoneNumberUtil::ErrorType error) {
    switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR: return 0;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return 1;
    case PhoneNumberUtil::NOT_A_NUMBER: return 2;
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD: return 3;
    case PhoneNumberUtil::TOO_SHORT_NSN: return 4;
    case PhoneNumberUtil::TOO_LONG_NSN: return 5;
    default: return 2;
    }
}

/* Parses into *parsed; false (with info->parseError set) when libphonenumber refuses the number. */
static bool parse(const PhoneNumberUtil *util, const char *number, const char *defaultRegion, PhoneNumber *parsed,
                  cphonenumber_info *info) {
    std::memset(info, 0, sizeof *info);
    info->type = PhoneNumberUtil::UNKNOWN;
    std::string region = (defaultRegion != nullptr && defaultRegion[0] != 0) ? defaultRegion : "ZZ";
    info->parseError = parse_error_code(util->ParseAndKeepRawInput(number, region, parsed));
    return info->parseError == 0;
}

/* The fields every path shares, once validity and type are known. */
static void describe(const PhoneNumberUtil *util, const PhoneNumber &parsed, bool isValid,
                     PhoneNumberUtil::PhoneNumberType type, cphonenumber_info *info) {
    info->isValid = isValid ? 1 : 0;
    info->isPossible = util->IsPossibleNumber(parsed) ? 1 : 0;
    info->type = static_cast<int32_t>(type);
    info->countryCode = parsed.country_code();
    info->countryCodeSource = parsed.has_country_code_source() ? static_cast<int32_t>(parsed.country_code_source()) : 0;
    std::string formatted;
    util->Format(parsed, PhoneNumberUtil::E164, &formatted);
    copy_out(formatted, info->e164, sizeof info->e164);
    if (parsed.has_extension()) copy_out(parsed.extension(), info->extension, sizeof info->extension);
    // The region only names where an invalid number was judged.
    if (isValid) return;
    std::string regionCode;
    util->GetRegionCodeForNumber(parsed, &regionCode);
    if (regionCode != "ZZ") copy_out(regionCode, info->region, sizeof info->region);
}

extern "C" void cphonenumber_analyze(const char *number, const char *defaultRegion, cphonenumber_info *info) {
    if (cphonenumber::analyzePlusNumber(number, info)) return;
    // PhoneNumberUtil is a thread-safe singleton.
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    if (!parse(util, number, defaultRegion, &parsed, info)) return;
    // Finding a number's region runs the patterns of every region sharing its country code, and so does
    // each of IsValidNumber and GetNumberType: validity is read off the type (IsValidNumber is exactly
    // "the type of the number in its own region is not UNKNOWN"), which the differential test confirms.
    const PhoneNumberUtil::PhoneNumberType type = util->GetNumberType(parsed);
    describe(util, parsed, type != PhoneNumberUtil::UNKNOWN, type, info);
}

extern "C" void cphonenumber_analyze_reference(const char *number, const char *defaultRegion, cphonenumber_info *info) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber parsed;
    if (!parse(util, number, defaultRegion, &parsed, info)) return;
    describe(util, parsed, util->IsValidNumber(parsed), util->GetNumberType(parsed), info);
}

extern "C" int32_t cphonenumber_supported_regions(char *out, int32_t capacity) {
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    std::string joined;
    for (const std::string &region : regions) joined += (joined.empty() ? "" : ",") + region;
    if (capacity <= 0 || joined.size() >= size_t(capacity)) return 0;
    copy_out(joined, out, size_t(capacity));
    return int32_t(joined.size());
}

extern "C" int32_t cphonenumber_example(const char *region, int32_t type, int32_t style, char *out, int32_t capacity) {
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber example;
    if (capacity <= 0 || type < 0 || type > PhoneNumberUtil::VOICEMAIL || style < 0 || style > 3
        || !util->GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type), &example)) {
        return 0;
    }
    std::string formatted;
    util->Format(example, static_cast<PhoneNumberUtil::PhoneNumberFormat>(style), &formatted);
    copy_out(formatted, out, size_t(capacity));
    return 1;
}
