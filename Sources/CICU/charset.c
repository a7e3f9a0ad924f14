#include "cicu_charset.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utf16.h>

enum { PIVOT_CAPACITY = 4096 };

/* What a UTF-16 stream holds that is no text. An unpaired surrogate is no character, and neither is a
   lone byte at the end (half of a code unit: the file was cut, or a tool appended 8-bit text). ICU's
   default writes U+FFFD for both, which is a real character: the damage would pass as text. The to-Unicode
   callback carries each through the UTF-16 pivot as a lone surrogate (the odd byte as U+DBFF, noting which
   lone unit it is); the from-Unicode callback writes each as a byte UTF-8 never holds, 0xFF for a
   surrogate and 0xFE for the odd byte, so that the reader reports its line and column like any other
   invalid byte. Lone units reach the from-Unicode side in the order they were written, so counting them
   tells the odd byte's from a surrogate's. */
struct utf16_damage {
    int littleEndian;
    int32_t loneUnitsWritten;
    int32_t loneUnitsRead;
    int32_t oddByteUnit;
};

struct cicu_converter {
    UConverter *source;
    UConverter *utf8;
    UChar pivot[PIVOT_CAPACITY];
    UChar *pivotSource;
    UChar *pivotTarget;
    struct utf16_damage damage;
};

static void keep_unpaired_surrogate(const void *context, UConverterToUnicodeArgs *args, const char *bytes,
                                    int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
    struct utf16_damage *damage = (struct utf16_damage *)context;
    if (reason != UCNV_ILLEGAL || length < 1 || length > 3) {
        UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, bytes, length, reason, status);
        return;
    }
    const unsigned char *b = (const unsigned char *)bytes;
    UChar units[2];
    int32_t count = 0;
    if (length >= 2) {
        units[count] = damage->littleEndian ? (UChar)(b[0] | (b[1] << 8)) : (UChar)((b[0] << 8) | b[1]);
        if (!U16_IS_SURROGATE(units[count])) {
            UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, bytes, length, reason, status);
            return;
        }
        count++;
    }
    if (length % 2 == 1) {
        damage->oddByteUnit = damage->loneUnitsWritten + count;
        units[count++] = 0xDBFF;
    }
    damage->loneUnitsWritten += count;
    *status = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, units, count, 0, status);
}

static void write_unpaired_surrogate(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
                                     int32_t length, UChar32 codePoint, UConverterCallbackReason reason,
                                     UErrorCode *status) {
    struct utf16_damage *damage = (struct utf16_damage *)context;
    if (reason != UCNV_ILLEGAL || !U_IS_SURROGATE(codePoint)) {
        UCNV_FROM_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, codePoint, reason, status);
        return;
    }
    const char invalid = damage->loneUnitsRead++ == damage->oddByteUnit ? (char)0xFE : (char)0xFF;
    *status = U_ZERO_ERROR;
    ucnv_cbFromUWriteBytes(args, &invalid, 1, 0, status);
}

cicu_converter *cicu_converter_open(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    cicu_converter *converter = calloc(1, sizeof(cicu_converter));
    if (converter == NULL) return NULL;
    converter->source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { free(converter); return NULL; }
    converter->utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) { ucnv_close(converter->source); free(converter); return NULL; }
    int littleEndian = strcmp(charset, "UTF-16LE") == 0;
    if (littleEndian || strcmp(charset, "UTF-16BE") == 0) {
        converter->damage = (struct utf16_damage){ .littleEndian = littleEndian, .oddByteUnit = -1 };
        ucnv_setToUCallBack(converter->source, keep_unpaired_surrogate, &converter->damage, NULL, NULL, &status);
        ucnv_setFromUCallBack(converter->utf8, write_unpaired_surrogate, &converter->damage, NULL, NULL, &status);
        if (U_FAILURE(status)) { cicu_converter_close(converter); return NULL; }
    }
    converter->pivotSource = converter->pivot;
    converter->pivotTarget = converter->pivot;
    return converter;
}

void cicu_converter_close(cicu_converter *converter) {
    if (converter == NULL) return;
    ucnv_close(converter->source);
    ucnv_close(converter->utf8);
    free(converter);
}

int32_t cicu_converter_to_utf8(cicu_converter *converter, const char *source, int32_t sourceLength,
                               char *target, int32_t targetCapacity, int32_t flush, int32_t *consumed) {
    UErrorCode status = U_ZERO_ERROR;
    const char *sourceCursor = source;
    char *targetCursor = target;
    ucnv_convertEx(converter->utf8, converter->source, &targetCursor, target + targetCapacity,
                   &sourceCursor, source + sourceLength, converter->pivot, &converter->pivotSource,
                   &converter->pivotTarget, converter->pivot + PIVOT_CAPACITY, 0, (UBool)(flush != 0), &status);
    *consumed = (int32_t)(sourceCursor - source);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return -1;
    return (int32_t)(targetCursor - target);
}

int32_t cicu_charset_is_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return 0;
    ucnv_close(c);
    return 1;
}

int32_t cicu_decode_codepoints(const char *charset, const char *bytes, int32_t length, uint32_t *out,
                               int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return -1;
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t unitsCapacity = length * 2 + 16;
    UChar *units = malloc(sizeof(UChar) * (size_t)unitsCapacity);
    if (units == NULL) { ucnv_close(converter); return -1; }
    UChar *target = units;
    const char *source = bytes;
    while (1) {
        UErrorCode step = U_ZERO_ERROR;
        ucnv_toUnicode(converter, &target, units + unitsCapacity, &source, bytes + length, NULL, 1, &step);
        // STOP leaves the source after the offending bytes: mark them and go on.
        if (step == U_ILLEGAL_CHAR_FOUND || step == U_INVALID_CHAR_FOUND || step == U_TRUNCATED_CHAR_FOUND) {
            if (target < units + unitsCapacity) *target++ = 0xFFFD;
            if (source < bytes + length) continue;
        }
        break;
    }
    int32_t unitCount = (int32_t)(target - units), written = 0, i = 0;
    while (i < unitCount && written < capacity) {
        UChar32 c;
        U16_NEXT(units, i, unitCount, c);
        out[written++] = (uint32_t)c;
    }
    free(units);
    ucnv_close(converter);
    return written;
}
