#ifndef CPHONENUMBER_H
#define CPHONENUMBER_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Library version check used by the tests: returns 1 when libphonenumber is linked and answers. */
int32_t cphonenumber_available(void);

/* What libphonenumber makes of one phone number string. */
typedef struct cphonenumber_info {
    /* 0 parsed; 1 invalid country code; 2 not a number; 3 too short after IDD; 4 too short; 5 too long. */
    int32_t parseError;
    int32_t isValid;
    int32_t isPossible;
    /* libphonenumber's PhoneNumberType: 0 FIXED_LINE, 1 MOBILE, 2 FIXED_LINE_OR_MOBILE, 3 TOLL_FREE,
       4 PREMIUM_RATE, 5 SHARED_COST, 6 VOIP, 7 PERSONAL_NUMBER, 8 PAGER, 9 UAN, 10 VOICEMAIL, 11 UNKNOWN. */
    int32_t type;
    int32_t countryCode;
    /* Where the country code came from: 1 a '+' sign, 5 an international (IDD) prefix, 10 digits without
       '+', 20 the default region. */
    int32_t countryCodeSource;
    char e164[40];
    /* For an invalid number, the region it was judged in ("GB"); empty for a valid one or when unknown. */
    char region[4];
    /* The extension written after the number ("12" of '+1 212 555 0147 ext. 12'); empty when none. E.164
       has no place for it, so a fix that writes the E.164 form must append it. */
    char extension[24];
} cphonenumber_info;

/* Parses `number` (UTF-8) with `defaultRegion` ("US"; NULL or "" for none) into *info. Numbers written
   as '+', digits and separators are judged from libphonenumber's metadata by a fast exact path; the rest,
   and whatever that path is not certain of, by libphonenumber itself. */
void cphonenumber_analyze(const char *number, const char *defaultRegion, cphonenumber_info *info);

/* The same fields from plain libphonenumber calls only (ParseAndKeepRawInput, IsValidNumber,
   GetNumberType, IsPossibleNumber, E.164 Format, GetRegionCodeForNumber): the reference the differential
   test holds cphonenumber_analyze to. */
void cphonenumber_analyze_reference(const char *number, const char *defaultRegion, cphonenumber_info *info);

/* For the differential test: the regions libphonenumber supports, comma-separated and sorted, into `out`;
   returns the length written (0 when `capacity` is too small). */
int32_t cphonenumber_supported_regions(char *out, int32_t capacity);

/* For the differential test: libphonenumber's example number of `type` (PhoneNumberType values above)
   for `region`, formatted as `style` (0 E.164, 1 international, 2 national, 3 RFC 3966); returns 0 when
   the region has no example of that type. */
int32_t cphonenumber_example(const char *region, int32_t type, int32_t style, char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
