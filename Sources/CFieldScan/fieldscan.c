#include "cfieldscan.h"

/* masks() sets, for the 16 bytes at p, one bit per delimiter byte in *delimiters and one per other special
   byte in *others. Byte k is bit k << CFS_SHIFT, so that a position is ctz(mask) >> CFS_SHIFT. */
#if defined(__SSE2__)
#include <emmintrin.h>
#define CFS_SHIFT 0
static inline void masks(const uint8_t *p, uint8_t delimiter, uint64_t *delimiters, uint64_t *others) {
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i isDelimiter = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)delimiter));
    /* Signed: below 0x20 are the controls and, negative, every byte from 0x80 on. */
    __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                                _mm_cmpeq_epi8(v, _mm_set1_epi8(0x22))));
    *delimiters = (uint32_t)_mm_movemask_epi8(isDelimiter);
    *others = (uint32_t)_mm_movemask_epi8(_mm_andnot_si128(isDelimiter, special));
}
#elif defined(__ARM_NEON) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <arm_neon.h>
#define CFS_SHIFT 2
/* NEON has no movemask: narrowing each 16-bit lane by 4 leaves a nibble per byte; keep its top bit. */
static inline uint64_t nibbleMask(uint8x16_t hits) {
    uint8x8_t nibbles = vshrn_n_u16(vreinterpretq_u16_u8(hits), 4);
    return vget_lane_u64(vreinterpret_u64_u8(nibbles), 0) & 0x8888888888888888ULL;
}
static inline void masks(const uint8_t *p, uint8_t delimiter, uint64_t *delimiters, uint64_t *others) {
    uint8x16_t v = vld1q_u8(p);
    uint8x16_t isDelimiter = vceqq_u8(v, vdupq_n_u8(delimiter));
    uint8x16_t special = vorrq_u8(vorrq_u8(vcltq_u8(v, vdupq_n_u8(0x20)), vcgeq_u8(v, vdupq_n_u8(0x7F))),
                                  vceqq_u8(v, vdupq_n_u8(0x22)));
    *delimiters = nibbleMask(isDelimiter);
    *others = nibbleMask(vbicq_u8(special, isDelimiter));
}
#else
#define CFS_SHIFT 0
static inline void masks(const uint8_t *p, uint8_t delimiter, uint64_t *delimiters, uint64_t *others) {
    uint64_t d = 0, o = 0;
    for (int k = 0; k < 16; k++) {
        uint8_t c = p[k];
        if (c == delimiter) d |= 1ULL << k;
        else if (c < 0x20 || c >= 0x7F || c == 0x22) o |= 1ULL << k;
    }
    *delimiters = d;
    *others = o;
}
#endif

static inline int isSpecial(uint8_t c, uint8_t delimiter) {
    return c == delimiter || c < 0x20 || c >= 0x7F || c == 0x22;
}

static inline int64_t position(uint64_t mask) { return __builtin_ctzll(mask) >> CFS_SHIFT; }

cfs_split cfs_split_plain(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity) {
    cfs_split result = {start, 0, 0};
    int64_t cellStart = start;
    int64_t i = start;
    for (; i + 16 <= length; i += 16) {
        uint64_t delimiters, others;
        masks(bytes + i, delimiter, &delimiters, &others);
        /* Only the delimiters before the first other special byte end plain cells. */
        if (others) delimiters &= (others & (0 - others)) - 1;
        while (delimiters) {
            int64_t end = i + position(delimiters);
            if (end > cellStart) result.edgeSpace |= (bytes[cellStart] == 0x20) | (bytes[end - 1] == 0x20);
            ends[result.count++] = end;
            cellStart = end + 1;
            if (result.count == capacity) {
                result.stop = cellStart;
                return result;
            }
            delimiters &= delimiters - 1;
        }
        if (others) {
            result.stop = i + position(others);
            return result;
        }
    }
    for (; i < length; i++) {
        uint8_t c = bytes[i];
        if (c != delimiter) {
            if (isSpecial(c, delimiter)) break;
            continue;
        }
        if (i > cellStart) result.edgeSpace |= (bytes[cellStart] == 0x20) | (bytes[i - 1] == 0x20);
        ends[result.count++] = i;
        cellStart = i + 1;
        if (result.count == capacity) {
            result.stop = cellStart;
            return result;
        }
    }
    result.stop = i;
    return result;
}

int64_t cfs_next_special(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter) {
    int64_t i = start;
    for (; i + 16 <= length; i += 16) {
        uint64_t delimiters, others;
        masks(bytes + i, delimiter, &delimiters, &others);
        uint64_t any = delimiters | others;
        if (any) return i + position(any);
    }
    while (i < length && !isSpecial(bytes[i], delimiter)) i++;
    return i;
}
