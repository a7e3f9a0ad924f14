#ifndef CICU_WIDTH_H
#define CICU_WIDTH_H
#include <stdint.h>

/* Terminal columns a code point takes, from ICU's UCHAR_EAST_ASIAN_WIDTH and general category: 2 for
   East Asian Wide and Fullwidth, 0 for combining marks (Mn, Me), format characters (Cf), Hangul medial
   and final jamo and other zero-width code points, 1 otherwise (Ambiguous counts as narrow, as most
   Western terminals show it). Control characters are the caller's business (they are shown escaped). */
int32_t cicu_display_width(uint32_t codePoint);

#endif
