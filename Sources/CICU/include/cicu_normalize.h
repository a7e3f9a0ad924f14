#ifndef CICU_NORMALIZE_H
#define CICU_NORMALIZE_H
#include <stdint.h>

/* NFC of the UTF-8 text `source` (valid UTF-8 expected; invalid bytes become U+FFFD), except that CJK
   compatibility ideographs are kept as written (NFC would replace them by other code points).
   Returns 0 when the text is already NFC (nothing is written); otherwise the length in bytes of the
   normalized UTF-8 text, written to `target` when it fits in `targetCapacity` (call again with a larger
   buffer when the result exceeds the capacity); -1 on an ICU error. */
int32_t cicu_nfc_utf8(const char *source, int32_t sourceLength, char *target, int32_t targetCapacity);

#endif
