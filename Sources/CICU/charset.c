#include "cicu_charset.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>

int32_t cicu_detect_charset(const char *bytes, int32_t length, char *nameOut, int32_t nameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *name = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && name != NULL && nameCapacity > 0) {
            strncpy(nameOut, name, (size_t)nameCapacity - 1);
            nameOut[nameCapacity - 1] = 0;
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

enum { PIVOT_CAPACITY = 4096 };

struct cicu_converter {
    UConverter *source;
    UConverter *utf8;
    UChar pivot[PIVOT_CAPACITY];
    UChar *pivotSource;
    UChar *pivotTarget;
};

cicu_converter *cicu_converter_open(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    cicu_converter *converter = calloc(1, sizeof(cicu_converter));
    if (converter == NULL) return NULL;
    converter->source = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { free(converter); return NULL; }
    converter->utf8 = ucnv_open("UTF-8", &status);
    if (U_FAILURE(status)) { ucnv_close(converter->source); free(converter); return NULL; }
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
