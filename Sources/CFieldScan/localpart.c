#include "clocalpart.h"

#if defined(__SSE2__)
#include <emmintrin.h>

int64_t cfs_local_part_end16(const uint8_t *bytes, int64_t length) {
    if (length < 16) return -2;
    __m128i v = _mm_loadu_si128((const __m128i *)bytes);
    /* Unsigned ranges as a minimum: x - low <= span exactly when max(x - low, span) == span. */
    __m128i fromA = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i letter = _mm_cmpeq_epi8(_mm_max_epu8(fromA, _mm_set1_epi8(25)), _mm_set1_epi8(25));
    __m128i from0 = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i digit = _mm_cmpeq_epi8(_mm_max_epu8(from0, _mm_set1_epi8(9)), _mm_set1_epi8(9));
    __m128i dot = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
    uint32_t others = ~(uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), dot)) & 0xFFFF;
    if (others == 0) return -2;
    int at = __builtin_ctz(others);
    if (bytes[at] != '@') return -2;
    uint32_t dots = (uint32_t)_mm_movemask_epi8(dot) & ((1u << at) - 1);
    /* Not empty, no dot first or last, no two dots in a row. */
    if (at == 0 || (dots & 1) || (dots >> (at - 1)) || (dots & (dots >> 1))) return -1;
    return at;
}
#else
int64_t cfs_local_part_end16(const uint8_t *bytes, int64_t length) {
    (void)bytes;
    (void)length;
    return -2;
}
#endif
