#include "cicu_mojibake.h"
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/ustring.h>
#include <stdlib.h>

int32_t cicu_single_byte_table(const char *charset, uint32_t *out) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return 0;
    if (ucnv_getMaxCharSize(converter) != 1) { ucnv_close(converter); return 0; }
    /* All 256 bytes in one conversion (a byte at a time cost 2.4 M instructions for the 15 pages): an
       undefined byte is skipped, and the offsets say which byte gave each unit. The page is stateless, so
       a byte reads as it would alone. */
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_SKIP, NULL, NULL, NULL, &status);
    char bytes[256];
    for (int byte = 0; byte < 256; byte++) bytes[byte] = (char)byte;
    UChar units[1024];
    int32_t offsets[1024];
    UChar *target = units;
    const char *source = bytes;
    ucnv_toUnicode(converter, &target, units + 1024, &source, bytes + 256, offsets, 1, &status);
    ucnv_close(converter);
    if (U_FAILURE(status) || source != bytes + 256) return 0;
    const uint32_t unset = 0xFFFFFFFEu;
    for (int byte = 0; byte < 256; byte++) out[byte] = unset;
    int32_t length = (int32_t)(target - units);
    for (int32_t i = 0; i < length;) {
        int32_t byte = offsets[i];
        UChar32 c;
        U16_NEXT(units, i, length, c);
        /* A byte that reads as more than one character has no single character. */
        out[byte] = out[byte] == unset ? (uint32_t)c : 0xFFFFFFFFu;
    }
    for (int byte = 0; byte < 256; byte++) {
        if (out[byte] == unset) out[byte] = 0xFFFFFFFFu;
    }
    return 1;
}

int32_t cicu_encode(const char *charset, const char *utf8, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8(NULL, 0, &units, utf8, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
    UChar *text = malloc(sizeof(UChar) * (size_t)(units + 1));
    if (text == NULL) return -1;
    status = U_ZERO_ERROR;
    u_strFromUTF8(text, units + 1, NULL, utf8, length, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { free(text); return -1; }
    ucnv_setFromUCallBack(converter, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t written = ucnv_fromUChars(converter, out, capacity, text, units, &status);
    ucnv_close(converter);
    free(text);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) return written;
    return U_FAILURE(status) ? -1 : written;
}
