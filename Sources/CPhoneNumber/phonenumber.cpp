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

extern "C" void cphonenumber_analyze(const char *number, const char *defaultRegion, cphonenumber_info *info) {
    std::memset(info, 0, sizeof *info);
    info->type = 11;
    // PhoneNumberUtil is a thread-safe singleton.
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
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
    info->isValid = util->IsValidNumber(parsed) ? 1 : 0;
    info->isPossible = util->IsPossibleNumber(parsed) ? 1 : 0;
    info->type = static_cast<int32_t>(util->GetNumberType(parsed));
    info->countryCode = parsed.country_code();
    info->countryCodeSource = parsed.has_country_code_source() ? static_cast<int32_t>(parsed.country_code_source()) : 0;
    std::string formatted;
    util->Format(parsed, PhoneNumberUtil::E164, &formatted);
    copy_out(formatted, info->e164, sizeof info->e164);
    formatted.clear();
    util->Format(parsed, PhoneNumberUtil::INTERNATIONAL, &formatted);
    copy_out(formatted, info->international, sizeof info->international);
    std::string regionCode;
    util->GetRegionCodeForNumber(parsed, &regionCode);
    if (regionCode != "ZZ") copy_out(regionCode, info->region, sizeof info->region);
}
