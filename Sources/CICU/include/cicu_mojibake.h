#ifndef CICU_MOJIBAKE_H
#define CICU_MOJIBAKE_H
#include <stdint.h>

/* The code point each byte 0x00-0xFF decodes to in a single-byte charset, from ICU's converter (the
   Windows code pages map their unassigned bytes to the C1 control of the same number, as Windows does).
   Writes 256 entries into `out`, 0xFFFFFFFF for a byte the charset does not define. Returns 1 on success,
   0 when ICU does not know the charset or it is not a single-byte charset. */
int32_t cicu_single_byte_table(const char *charset, uint32_t *out);

/* Encodes UTF-8 text in a charset (any ICU converter, multi-byte ones such as Shift_JIS included). Returns
   the number of bytes written to `out`, the capacity needed when it exceeds `capacity`, or -1 when the
   charset is unknown, the text is not UTF-8 or a character has no mapping (no substitution is made). */
int32_t cicu_encode(const char *charset, const char *utf8, int32_t length, char *out, int32_t capacity);

#endif
