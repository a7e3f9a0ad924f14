#include "cicu_normalize.h"
#include <pthread.h>
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

enum { STACK_UNITS = 1024 };

/* NFC replaces each CJK compatibility ideograph (U+F900..U+FAFF, U+2F800..U+2FA1F) by the unified ideograph
   it is a duplicate of: a different code point, and in Korean names a different reading (the duplicates
   exist for KS X 1001's hanja). Such a name is correct as written, so normalization leaves them alone. */
static const UNormalizer2 *keeping_compatibility_ideographs = NULL;
static pthread_once_t keeping_once = PTHREAD_ONCE_INIT;

static void keeping_init(void) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    UChar pattern[48];
    u_uastrcpy(pattern, "[^\\uF900-\\uFAFF\\U0002F800-\\U0002FA1F]");
    USet *others = uset_openPattern(pattern, -1, &status);
    if (U_FAILURE(status)) return;
    uset_freeze(others);
    UNormalizer2 *filtered = unorm2_openFiltered(nfc, others, &status);  /* keeps `others`: never closed */
    if (U_SUCCESS(status)) keeping_compatibility_ideographs = filtered;
}

static int has_compatibility_ideograph(const UChar *s, int32_t length) {
    for (int32_t i = 0; i < length; i++) {
        if (s[i] >= 0xF900 && s[i] <= 0xFAFF) return 1;
        /* U+2F800..U+2FA1F: lead surrogate 0xD87E */
        if (s[i] == 0xD87E) return 1;
    }
    return 0;
}

int32_t cicu_nfc_utf8(const char *source, int32_t sourceLength, char *target, int32_t targetCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) return -1;

    UChar stackIn[STACK_UNITS];
    UChar *in = stackIn;
    int32_t inLength = 0;
    u_strFromUTF8WithSub(in, STACK_UNITS, &inLength, source, sourceLength, 0xFFFD, NULL, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || inLength > STACK_UNITS) {
        status = U_ZERO_ERROR;
        in = (UChar *)malloc(sizeof(UChar) * (size_t)(inLength + 1));
        if (in == NULL) return -1;
        u_strFromUTF8WithSub(in, inLength + 1, &inLength, source, sourceLength, 0xFFFD, NULL, &status);
    }
    if (U_FAILURE(status)) { if (in != stackIn) free(in); return -1; }

    if (unorm2_isNormalized(nfc, in, inLength, &status) && U_SUCCESS(status)) {
        if (in != stackIn) free(in);
        return 0;
    }
    status = U_ZERO_ERROR;
    if (has_compatibility_ideograph(in, inLength)) {
        pthread_once(&keeping_once, keeping_init);
        if (keeping_compatibility_ideographs == NULL) { if (in != stackIn) free(in); return -1; }
        nfc = keeping_compatibility_ideographs;
        if (unorm2_isNormalized(nfc, in, inLength, &status) && U_SUCCESS(status)) {
            if (in != stackIn) free(in);
            return 0;
        }
        status = U_ZERO_ERROR;
    }
    int32_t outCapacity = inLength * 3 + 16;
    UChar *out = (UChar *)malloc(sizeof(UChar) * (size_t)outCapacity);
    if (out == NULL) { if (in != stackIn) free(in); return -1; }
    int32_t outLength = unorm2_normalize(nfc, in, inLength, out, outCapacity, &status);
    if (in != stackIn) free(in);
    if (U_FAILURE(status)) { free(out); return -1; }

    int32_t utf8Length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(target, targetCapacity, &utf8Length, out, outLength, 0xFFFD, NULL, &status);
    free(out);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return utf8Length;
    if (U_FAILURE(status)) return -1;
    return utf8Length;
}
