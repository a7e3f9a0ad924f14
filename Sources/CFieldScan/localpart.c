#include "clocalpart.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bit k for each byte k of the 16 at p that is an ASCII letter, a digit or a dot (*plain), a dot (*dots). */
static inline void classify(const uint8_t *p, uint32_t *plain, uint32_t *dots) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    /* Unsigned ranges as a maximum: x - low <= span exactly when max(x - low, span) == span. */
    __m128i fromA = _mm_sub_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    __m128i letter = _mm_cmpeq_epi8(_mm_max_epu8(fromA, _mm_set1_epi8(25)), _mm_set1_epi8(25));
    __m128i from0 = _mm_sub_epi8(v, _mm_set1_epi8('0'));
    __m128i digit = _mm_cmpeq_epi8(_mm_max_epu8(from0, _mm_set1_epi8(9)), _mm_set1_epi8(9));
    __m128i dot = _mm_cmpeq_epi8(v, _mm_set1_epi8('.'));
    *plain = (uint32_t)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), dot));
    *dots = (uint32_t)_mm_movemask_epi8(dot);
}

int64_t cfs_local_part_end32(const uint8_t *bytes, int64_t length) {
    if (length < 16) return -2;
    uint32_t plain, dots;
    classify(bytes, &plain, &dots);
    uint64_t others = ~plain & 0xFFFF, dotBits = dots;
    if (others == 0) {
        /* The next 16 bytes, or the last 16 when fewer are left (overlapping bytes already classified). */
        if (length < 17) return -2;
        int64_t second = length >= 32 ? 16 : length - 16;
        classify(bytes + second, &plain, &dots);
        others = (uint64_t)(~plain & 0xFFFF) << second & ~0xFFFFull;
        if (others == 0) return -2;
        dotBits |= (uint64_t)dots << second;
    }
    int at = __builtin_ctzll(others);
    if (bytes[at] != '@') return -2;
    dotBits &= (1ull << at) - 1;
    /* Not empty, no dot first or last, no two dots in a row. */
    if (at == 0 || (dotBits & 1) || (dotBits >> (at - 1)) || (dotBits & (dotBits >> 1))) return -1;
    return at;
}
#else
int64_t cfs_local_part_end32(const uint8_t *bytes, int64_t length) {
    (void)bytes;
    (void)length;
    return -2;
}
#endif
