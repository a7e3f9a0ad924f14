#include "cicu_mojibake.h"
#include <unicode/ucnv.h>
#include <unicode/utf16.h>

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
