#ifndef CICU_CHARSET_H
#define CICU_CHARSET_H
#include <stdint.h>

/* A streaming converter from a named charset to UTF-8 that keeps partial sequences between calls. From
   UTF-16LE and UTF-16BE an unpaired surrogate is written as the byte 0xFF and a lone byte at the end as
   0xFE (neither is ever UTF-8), not as U+FFFD, so that the damage stays visible. */
typedef struct cicu_converter cicu_converter;
cicu_converter *cicu_converter_open(const char *charset);
void cicu_converter_close(cicu_converter *converter);
/* Converts as much of `source` as fits into `target`; sets *consumed to the source bytes used and
   returns the UTF-8 bytes written, or -1 on an ICU error. `flush` != 0 on the last chunk. */
int32_t cicu_converter_to_utf8(cicu_converter *converter, const char *source, int32_t sourceLength,
                               char *target, int32_t targetCapacity, int32_t flush, int32_t *consumed);
/* Decodes `bytes` from `charset` into code points (at most `capacity`); every illegal or unmappable
   sequence becomes U+FFFD. Returns the number of code points written, or -1 for an unknown charset. */
int32_t cicu_decode_codepoints(const char *charset, const char *bytes, int32_t length, uint32_t *out,
                               int32_t capacity);
/* 1 when ICU knows the charset name. */
int32_t cicu_charset_is_known(const char *charset);

#endif
