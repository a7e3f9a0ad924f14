#include "cicu_normalize.h"
#include <stdlib.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

enum { STACK_UNITS = 1024 };

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
