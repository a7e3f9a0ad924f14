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
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    for (int byte = 0; byte < 256; byte++) {
        UChar units[4];
        char source = (char)byte;
        status = U_ZERO_ERROR;
        ucnv_reset(converter);
        int32_t length = ucnv_toUChars(converter, units, 4, &source, 1, &status);
        if (U_FAILURE(status) || length < 1) { out[byte] = 0xFFFFFFFFu; continue; }
        UChar32 c;
        int32_t i = 0;
        U16_NEXT(units, i, length, c);
        out[byte] = i == length ? (uint32_t)c : 0xFFFFFFFFu;
    }
    ucnv_close(converter);
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
