#include "cicu_text.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unicode/utypes.h>
#include <unicode/ustring.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/uscript.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ucal.h>
#include <unicode/uregion.h>
#include <unicode/uenum.h>

/* ---- UTF-8 <-> UTF-16 helpers (heap buffers; the values are cells, so small) ---- */

static UChar *to_utf16(const char *s, int32_t length, int32_t *outLength) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strFromUTF8(NULL, 0, &needed, s, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return NULL;
    status = U_ZERO_ERROR;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)(needed + 1));
    if (buffer == NULL) return NULL;
    u_strFromUTF8WithSub(buffer, needed + 1, outLength, s, length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { free(buffer); return NULL; }
    return buffer;
}

/* Writes UTF-16 as UTF-8 into out; returns the needed length (excluding NUL) or -1. */
static int32_t from_utf16(const UChar *u, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8WithSub(out, capacity, &needed, u, length, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return needed;
    if (U_FAILURE(status)) return -1;
    return needed;
}

/* ---- Normalization ---- */

static const UNormalizer2 *nfc_instance(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance(&status); /* a shared, thread-safe ICU singleton */
    return U_FAILURE(status) ? NULL : n;
}

/* ---- Spoof checking ---- */

static USpoofChecker *spoof_checker = NULL;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;

static void spoof_init(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&status);
    if (U_FAILURE(status)) return;
    uspoof_setChecks(sc, USPOOF_CONFUSABLE, &status);
    if (U_FAILURE(status)) { uspoof_close(sc); return; }
    spoof_checker = sc;
}

void cicu_version(char *out, int32_t capacity) {
    UVersionInfo version;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(version);
    u_versionToString(version, text);
    snprintf(out, (size_t)capacity, "%s", text);
}

int32_t cicu_skeleton(const char *s, int32_t length, char *out, int32_t capacity) {
    pthread_once(&spoof_once, spoof_init);
    if (spoof_checker == NULL) return -1;
    UErrorCode status = U_ZERO_ERROR;
    /* uspoof_getSkeleton* only reads the configured checker: safe to share between threads. */
    int32_t n = uspoof_getSkeletonUTF8(spoof_checker, 0, s, length, out, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return n;
    if (U_FAILURE(status)) return -1;
    return n;
}

int32_t cicu_script(uint32_t codePoint) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codePoint, &status);
    if (U_FAILURE(status)) return -1;
    return (int32_t)code;
}

int32_t cicu_script_name(int32_t script, char *out, int32_t capacity) {
    const char *name = uscript_getShortName((UScriptCode)script);
    if (name == NULL || capacity <= 0) return 0;
    strncpy(out, name, (size_t)capacity - 1);
    out[capacity - 1] = 0;
    return 1;
}

/* ---- Locales ---- */

/* A code of ICU's current ISO 3166 list is known without ICU's region table, which uregion builds at its
   first call (3.4 M instructions); StartupTablesTests checks that the region table knows every one of them. */
static int region_known(const char *region) {
    if (region[0] == 0) return 1;
    for (const char *const *code = uloc_getISOCountries(); *code != NULL; code++) {
        if (strcmp(*code, region) == 0) return 1;
    }
    UErrorCode status = U_ZERO_ERROR;
    const URegion *r = uregion_getRegionFromCode(region, &status);
    return U_SUCCESS(status) && r != NULL;
}

int32_t cicu_locale_check(const char *tag, char *canonicalOut, int32_t capacity) {
    if (capacity > 0) canonicalOut[0] = 0;
    size_t n = strlen(tag);
    if (n == 0 || n > 200) return 0;
    char buffer[256];
    for (size_t i = 0; i <= n; i++) buffer[i] = tag[i] == '_' ? '-' : tag[i];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)buffer[i];
        if (!(isalnum(c) || c == '-')) return 0;
    }
    UErrorCode status = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(buffer, localeID, (int32_t)sizeof localeID, &parsed, &status);
    if (U_FAILURE(status) || parsed != (int32_t)n) return 0;
    int32_t flags = CICU_LOCALE_WELL_FORMED;
    char language[ULOC_LANG_CAPACITY], script[ULOC_SCRIPT_CAPACITY], region[ULOC_COUNTRY_CAPACITY];
    status = U_ZERO_ERROR;
    uloc_getLanguage(localeID, language, (int32_t)sizeof language, &status);
    uloc_getScript(localeID, script, (int32_t)sizeof script, &status);
    uloc_getCountry(localeID, region, (int32_t)sizeof region, &status);
    if (U_FAILURE(status)) return 0;
    if (language[0] == 0) return 0; /* "x-private" or a bare region */
    const char *iso3 = uloc_getISO3Language(localeID);
    if (iso3 != NULL && iso3[0] != 0) flags |= CICU_LOCALE_LANGUAGE_KNOWN;
    if (region_known(region)) flags |= CICU_LOCALE_REGION_KNOWN;
    if (script[0] == 0 || u_getPropertyValueEnum(UCHAR_SCRIPT, script) != UCHAR_INVALID_CODE)
        flags |= CICU_LOCALE_SCRIPT_KNOWN;
    status = U_ZERO_ERROR;
    char canonicalID[ULOC_FULLNAME_CAPACITY];
    uloc_canonicalize(localeID, canonicalID, (int32_t)sizeof canonicalID, &status);
    if (U_FAILURE(status)) { status = U_ZERO_ERROR; strcpy(canonicalID, localeID); }
    uloc_toLanguageTag(canonicalID, canonicalOut, capacity, 1, &status);
    if (U_FAILURE(status) && capacity > 0) canonicalOut[0] = 0;
    return flags;
}

int32_t cicu_locale_likely_script(const char *tag, char *out, int32_t capacity) {
    if (capacity > 0) out[0] = 0;
    UErrorCode status = U_ZERO_ERROR;
    char localeID[ULOC_FULLNAME_CAPACITY], maximized[ULOC_FULLNAME_CAPACITY];
    int32_t parsed = 0;
    uloc_forLanguageTag(tag, localeID, (int32_t)sizeof localeID, &parsed, &status);
    if (U_FAILURE(status)) return 0;
    uloc_addLikelySubtags(localeID, maximized, (int32_t)sizeof maximized, &status);
    if (U_FAILURE(status)) return 0;
    uloc_getScript(maximized, out, capacity, &status);
    return U_SUCCESS(status) && out[0] != 0;
}

/* ---- Time zones ---- */

int32_t cicu_tz_canonical(const char *id, char *out, int32_t capacity) {
    UChar uid[128], result[128];
    if (strlen(id) >= 128) return -1;
    u_uastrcpy(uid, id);
    UErrorCode status = U_ZERO_ERROR;
    UBool isSystem = 0;
    int32_t len = ucal_getCanonicalTimeZoneID(uid, -1, result, 128, &isSystem, &status);
    if (U_FAILURE(status) || !isSystem || len <= 0) return -1;
    return from_utf16(result, len, out, capacity);
}

int32_t cicu_tz_from_windows(const char *windowsId, char *out, int32_t capacity) {
    UChar uid[128], result[128];
    if (strlen(windowsId) >= 128) return -1;
    u_uastrcpy(uid, windowsId);
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = ucal_getTimeZoneIDForWindowsID(uid, -1, NULL, result, 128, &status);
    if (U_FAILURE(status) || len <= 0) return -1;
    return from_utf16(result, len, out, capacity);
}

int32_t cicu_tz_offset(const char *id, int32_t *rawOffsetMs, int32_t *usesDST) {
    UChar uid[128];
    if (strlen(id) >= 128) return 0;
    u_uastrcpy(uid, id);
    UErrorCode status = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(uid, -1, "en", UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) return 0;
    *rawOffsetMs = ucal_get(cal, UCAL_ZONE_OFFSET, &status);
    ucal_close(cal);
    status = U_ZERO_ERROR;
    int32_t dst = ucal_getDSTSavings(uid, &status);
    *usesDST = U_SUCCESS(status) && dst != 0;
    return 1;
}

/* ---- Regions ---- */

int32_t cicu_region_alpha2(const char *code, char *out, int32_t capacity) {
    char upper[8];
    size_t n = strlen(code);
    if (n == 0 || n > 3) return 0;
    for (size_t i = 0; i <= n; i++) upper[i] = (char)toupper((unsigned char)code[i]);
    UErrorCode status = U_ZERO_ERROR;
    const URegion *r = uregion_getRegionFromCode(upper, &status);
    if (U_FAILURE(status) || r == NULL) return 0;
    if (uregion_getType(r) == URGN_DEPRECATED) {
        UEnumeration *preferred = uregion_getPreferredValues(r, &status);
        if (U_FAILURE(status) || preferred == NULL) return 0;
        const char *first = uenum_count(preferred, &status) == 1 ? uenum_next(preferred, NULL, &status) : NULL;
        if (first == NULL) { uenum_close(preferred); return 0; }
        r = uregion_getRegionFromCode(first, &status);
        uenum_close(preferred);
        if (U_FAILURE(status) || r == NULL) return 0;
    }
    if (uregion_getType(r) != URGN_TERRITORY) return 0;
    const char *alpha2 = uregion_getRegionCode(r);
    if (alpha2 == NULL || strlen(alpha2) != 2 || capacity < 3) return 0;
    strcpy(out, alpha2);
    return 1;
}

static char territories[400][4];
static int32_t territory_total = 0;
static pthread_once_t territory_once = PTHREAD_ONCE_INIT;

static void territory_init(void) {
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *e = uregion_getAvailable(URGN_TERRITORY, &status);
    if (U_FAILURE(status) || e == NULL) return;
    const char *code;
    while ((code = uenum_next(e, NULL, &status)) != NULL && U_SUCCESS(status) && territory_total < 400) {
        if (strlen(code) == 2) {
            strcpy(territories[territory_total], code);
            territory_total++;
        }
    }
    uenum_close(e);
}

int32_t cicu_territory_count(void) {
    pthread_once(&territory_once, territory_init);
    return territory_total;
}

int32_t cicu_territory_code(int32_t index, char *out, int32_t capacity) {
    pthread_once(&territory_once, territory_init);
    if (index < 0 || index >= territory_total || capacity < 3) return 0;
    strcpy(out, territories[index]);
    return 1;
}

int32_t cicu_region_display_name(const char *alpha2, const char *displayLanguage, char *out, int32_t capacity) {
    char localeID[16];
    if (strlen(alpha2) > 3) return -1;
    strcpy(localeID, "und_");
    strcat(localeID, alpha2);
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = uloc_getDisplayCountry(localeID, displayLanguage, name, 256, &status);
    if (U_FAILURE(status) || len <= 0 || status == U_USING_DEFAULT_WARNING) return -1;
    return from_utf16(name, len, out, capacity);
}
