#include "cphonenumber.h"
#include <phonenumbers/phonenumberutil.h>

using i18n::phonenumbers::PhoneNumberUtil;

extern "C" int32_t cphonenumber_available(void) {
    return PhoneNumberUtil::GetInstance() != nullptr ? 1 : 0;
}
