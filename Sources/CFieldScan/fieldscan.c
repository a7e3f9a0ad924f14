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

/* 1 for a byte surrounding whitespace may start or end with: space, tab, either byte of a no-break space. */
static const uint8_t edgeBytes[256] = {[0x09] = 1, [0x20] = 1, [0xA0] = 1, [0xC2] = 1};

/* The length of the UTF-8 sequence at bytes[i] (a byte from 0x80 on) when it is valid (Unicode Table 3-7),
   complete before `length` and no character the reader notes as a control (C1, U+2028, U+2029); else 0. */
static inline int64_t plainSequence(const uint8_t *bytes, int64_t i, int64_t length) {
    uint8_t lead = bytes[i];
    int64_t need;
    uint8_t low = 0x80, high = 0xBF;
    if (lead < 0xC2) return 0;
    else if (lead <= 0xDF) need = 1;
    else if (lead == 0xE0) { need = 2; low = 0xA0; }
    else if (lead <= 0xEC) need = 2;
    else if (lead == 0xED) { need = 2; high = 0x9F; }
    else if (lead <= 0xEF) need = 2;
    else if (lead == 0xF0) { need = 3; low = 0x90; }
    else if (lead <= 0xF3) need = 3;
    else if (lead == 0xF4) { need = 3; high = 0x8F; }
    else return 0;
    if (i + need >= length) return 0;
    uint8_t second = bytes[i + 1];
    if (second < low || second > high) return 0;
    for (int64_t k = 2; k <= need; k++) {
        if ((bytes[i + k] & 0xC0) != 0x80) return 0;
    }
    if (lead == 0xC2 && second <= 0x9F) return 0;
    if (lead == 0xE2 && second == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9)) return 0;
    return need + 1;
}

/* The cells a split has ended so far. */
typedef struct {
    int64_t *ends;
    int64_t count;
    int64_t cellStart;
    uint8_t edgeSpace;
} cells;

/* Ends the cell before the delimiter at `end`; false when `ends` is full. */
static inline int endCell(const uint8_t *bytes, int64_t end, cells *ended, int64_t capacity) {
    if (end > ended->cellStart) ended->edgeSpace |= edgeBytes[bytes[ended->cellStart]] | edgeBytes[bytes[end - 1]];
    ended->ends[ended->count++] = end;
    ended->cellStart = end + 1;
    return ended->count < capacity;
}

cfs_split cfs_split_plain(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity) {
    cells ended = {ends, 0, start, 0};
    int64_t firstNonASCII = -1;
    int64_t i = start;
    while (i + 16 <= length) {
        uint64_t delimiters, others;
        masks(bytes + i, delimiter, &delimiters, &others);
        /* Only the delimiters before the first other special byte end plain cells. */
        if (others) delimiters &= (others & (0 - others)) - 1;
        for (; delimiters; delimiters &= delimiters - 1) {
            if (!endCell(bytes, i + position(delimiters), &ended, capacity)) {
                return (cfs_split){ended.cellStart, ended.count, ended.edgeSpace, firstNonASCII};
            }
        }
        if (!others) {
            i += 16;
            continue;
        }
        int64_t stop = i + position(others);
        int64_t sequence = bytes[stop] >= 0x80 ? plainSequence(bytes, stop, length) : 0;
        if (sequence == 0) return (cfs_split){stop, ended.count, ended.edgeSpace, firstNonASCII};
        if (firstNonASCII < 0) firstNonASCII = stop;
        i = stop + sequence;
    }
    while (i < length) {
        uint8_t c = bytes[i];
        if (c == delimiter) {
            if (!endCell(bytes, i, &ended, capacity)) {
                return (cfs_split){ended.cellStart, ended.count, ended.edgeSpace, firstNonASCII};
            }
            i++;
        } else if (!isSpecial(c, delimiter)) {
            i++;
        } else {
            int64_t sequence = c >= 0x80 ? plainSequence(bytes, i, length) : 0;
            if (sequence == 0) break;
            if (firstNonASCII < 0) firstNonASCII = i;
            i += sequence;
        }
    }
    return (cfs_split){i, ended.count, ended.edgeSpace, firstNonASCII};
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
