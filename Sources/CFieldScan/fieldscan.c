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
    /* Most letters of European names: a lead byte from C3 to DF (C2 may start a C1 control) and any
       continuation byte, decided in a few instructions. */
    if ((uint8_t)(lead - 0xC3) <= 0xDF - 0xC3 && i + 1 < length) return (bytes[i + 1] & 0xC0) == 0x80 ? 2 : 0;
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

/* edgeBytes without the delimiter's byte, which never starts or ends a cell that is not empty (a tab
   delimiter is not whitespace in a cell): one table per edge byte. */
static const uint8_t edgeBytesNoTab[256] = {[0x20] = 1, [0xA0] = 1, [0xC2] = 1};
static const uint8_t edgeBytesNoSpace[256] = {[0x09] = 1, [0xA0] = 1, [0xC2] = 1};
static const uint8_t edgeBytesNoA0[256] = {[0x09] = 1, [0x20] = 1, [0xC2] = 1};
static const uint8_t edgeBytesNoC2[256] = {[0x09] = 1, [0x20] = 1, [0xA0] = 1};

static inline const uint8_t *edgesInCells(uint8_t delimiter) {
    switch (delimiter) {
    case 0x09: return edgeBytesNoTab;
    case 0x20: return edgeBytesNoSpace;
    case 0xA0: return edgeBytesNoA0;
    case 0xC2: return edgeBytesNoC2;
    default: return edgeBytes;
    }
}

/* 64 bytes at a time: bit k of `delimiters` for a delimiter at byte k, of `others` for any other special
   byte (the non-ASCII ones among them, which may be parts of plain characters). */
typedef struct {
    uint64_t delimiters;
    uint64_t others;
} window;

static inline window portableWindow(const uint8_t *p, uint8_t delimiter) {
    window w = {0, 0};
    for (int k = 0; k < 64; k++) {
        uint8_t c = p[k];
        if (c == delimiter) w.delimiters |= 1ULL << k;
        else if (c < 0x20 || c >= 0x7F || c == 0x22) w.others |= 1ULL << k;
    }
    return w;
}

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CFS_HAS_WIDE 1
/* Signed compares: below 0x20 are the controls and, negative, every byte from 0x80 on. */
static inline window sse2Window(const uint8_t *p, uint8_t delimiter) {
    window w = {0, 0};
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        __m128i isDelimiter = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)delimiter));
        __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                                    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x22))));
        w.delimiters |= (uint64_t)(uint32_t)_mm_movemask_epi8(isDelimiter) << (16 * k);
        w.others |= (uint64_t)(uint32_t)_mm_movemask_epi8(_mm_andnot_si128(isDelimiter, special)) << (16 * k);
    }
    return w;
}

__attribute__((target("avx2")))
static inline window avx2Window(const uint8_t *p, uint8_t delimiter) {
    window w = {0, 0};
    for (int k = 0; k < 2; k++) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(p + 32 * k));
        __m256i isDelimiter = _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)delimiter));
        __m256i special = _mm256_or_si256(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v),
                                          _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7F)),
                                                          _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x22))));
        w.delimiters |= (uint64_t)(uint32_t)_mm256_movemask_epi8(isDelimiter) << (32 * k);
        w.others |= (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(isDelimiter, special)) << (32 * k);
    }
    return w;
}
#elif defined(__aarch64__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <arm_neon.h>
#define CFS_HAS_WIDE 1
/* NEON has no movemask: weigh each lane's 0xFF by its bit and add neighbours pairwise (as simdjson does). */
static inline uint64_t neonMask64(uint8x16_t m0, uint8x16_t m1, uint8x16_t m2, uint8x16_t m3) {
    const uint8x16_t weights = {1, 2, 4, 8, 16, 32, 64, 128, 1, 2, 4, 8, 16, 32, 64, 128};
    uint8x16_t sum0 = vpaddq_u8(vandq_u8(m0, weights), vandq_u8(m1, weights));
    uint8x16_t sum1 = vpaddq_u8(vandq_u8(m2, weights), vandq_u8(m3, weights));
    sum0 = vpaddq_u8(sum0, sum1);
    sum0 = vpaddq_u8(sum0, sum0);
    return vgetq_lane_u64(vreinterpretq_u64_u8(sum0), 0);
}
static inline window neonWindow(const uint8_t *p, uint8_t delimiter) {
    uint8x16_t d[4], o[4];
    for (int k = 0; k < 4; k++) {
        uint8x16_t v = vld1q_u8(p + 16 * k);
        d[k] = vceqq_u8(v, vdupq_n_u8(delimiter));
        uint8x16_t special = vorrq_u8(vorrq_u8(vcltq_u8(v, vdupq_n_u8(0x20)), vcgeq_u8(v, vdupq_n_u8(0x7F))),
                                      vceqq_u8(v, vdupq_n_u8(0x22)));
        o[k] = vbicq_u8(special, d[k]);
    }
    return (window){neonMask64(d[0], d[1], d[2], d[3]), neonMask64(o[0], o[1], o[2], o[3])};
}
#endif

/* The last bytes before `length`, fewer than a window, a byte at a time, after `count` cells ended;
   `startsCell` is 1 when byte i starts a cell. */
static cfs_split splitTail(const uint8_t *bytes, int64_t start, int64_t i, int64_t length, uint8_t delimiter,
                           int64_t *ends, int64_t count, int64_t capacity, int startsCell, uint8_t edgeSpace,
                           int64_t firstNonASCII) {
    const uint8_t *edges = edgesInCells(delimiter);
    if (startsCell && i < length) edgeSpace |= edges[bytes[i]];
    while (i < length) {
        uint8_t c = bytes[i];
        if (c == delimiter) {
            if (i > start) edgeSpace |= edges[bytes[i - 1]];
            if (i + 1 < length) edgeSpace |= edges[bytes[i + 1]];
            ends[count++] = i++;
            if (count == capacity) return (cfs_split){i, count, edgeSpace, firstNonASCII};
        } else if (!isSpecial(c, delimiter)) {
            i++;
        } else {
            int64_t sequence = c >= 0x80 ? plainSequence(bytes, i, length) : 0;
            if (sequence == 0) break;
            if (firstNonASCII < 0) firstNonASCII = i;
            i += sequence;
        }
    }
    return (cfs_split){i, count, edgeSpace, firstNonASCII};
}

typedef window (*windowReader)(const uint8_t *, uint8_t);

/* The split, inlined into one function per way of reading a window (so that `read` is inlined too).
   A window's special bytes other than delimiters are looked at in order: one that starts a plain multi-byte
   character is passed over with its continuation bytes (none of which can be a delimiter), the first
   anything else stops the split. Every delimiter before that ends a cell.
   Edges without keeping track of cells: the bytes just before and after a delimiter (and the split's
   first byte) are cell ends and starts, and a non-empty cell's are never the delimiter; so a cell starts
   or ends with whitespace when one of those bytes is an edge byte other than the delimiter. */
__attribute__((always_inline))
static inline cfs_split splitWith(windowReader read, const uint8_t *bytes, int64_t start, int64_t length,
                                  uint8_t delimiter, int64_t *ends, int64_t capacity) {
    const uint8_t *edges = edgesInCells(delimiter);
    int64_t count = 0;
    uint8_t edgeSpace = 0;
    int64_t firstNonASCII = -1;
    /* 1 when the window's first byte starts a cell: the split's first, or one after a delimiter. */
    uint64_t startsCell = 1;
    int64_t i = start;
    while (i + 64 <= length) {
        window w = read(bytes + i, delimiter);
        uint64_t delimiters = w.delimiters;
        int64_t next = i + 64;
        int64_t firstBefore = firstNonASCII;
        /* Where the split stops in this window at a special byte, or -1. */
        int64_t stop = -1;
        for (uint64_t pending = w.others; pending;) {
            int bit = __builtin_ctzll(pending);
            int64_t at = i + bit;
            int64_t sequence = bytes[at] >= 0x80 ? plainSequence(bytes, at, length) : 0;
            if (sequence == 0) {
                stop = at;
                delimiters &= (1ULL << bit) - 1;
                break;
            }
            if (firstNonASCII < 0) firstNonASCII = at;
            if (bit + sequence >= 64) {
                next = at + sequence;
                break;
            }
            pending &= ~((1ULL << (bit + sequence)) - 1);
        }
        int64_t room = capacity - count;
        int full = __builtin_popcountll(delimiters) >= room;
        if (full) {
            /* The cell that fills `ends` is the split's last: keep the delimiters up to it. */
            uint64_t after = delimiters;
            for (int64_t k = 0; k < room; k++) after &= after - 1;
            delimiters ^= after;
        }
        if (startsCell) edgeSpace |= edges[bytes[i]];
        uint64_t d = delimiters;
        if (i == start && (d & 1)) {
            /* The split's first cell is empty: the byte before it is not the split's. */
            ends[count++] = i;
            edgeSpace |= edges[bytes[i + 1]];
            d &= d - 1;
        }
        /* A delimiter in the window's last byte leaves the byte after it to the next window (or split). */
        for (uint64_t inside = d & ~(1ULL << 63); inside; inside &= inside - 1) {
            int64_t at = i + __builtin_ctzll(inside);
            ends[count++] = at;
            edgeSpace |= edges[bytes[at - 1]] | edges[bytes[at + 1]];
        }
        if (d >> 63) {
            ends[count++] = i + 63;
            edgeSpace |= edges[bytes[i + 62]];
        }
        if (full) {
            int64_t cellStart = count > 0 ? ends[count - 1] + 1 : start;
            /* Characters after the last cell are the next split's; the next cell's first byte counts
               (`edgeSpace` says so for the cell the split stops at). */
            if (firstNonASCII >= cellStart) firstNonASCII = firstBefore;
            if (cellStart == i + 64 && cellStart < length) edgeSpace |= edges[bytes[cellStart]];
            return (cfs_split){cellStart, count, edgeSpace, firstNonASCII};
        }
        if (stop >= 0) return (cfs_split){stop, count, edgeSpace, firstNonASCII};
        startsCell = next == i + 64 ? delimiters >> 63 : 0;
        i = next;
    }
    return splitTail(bytes, start, i, length, delimiter, ends, count, capacity, (int)startsCell, edgeSpace, firstNonASCII);
}

static cfs_split splitPortable(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                               int64_t *ends, int64_t capacity) {
    return splitWith(portableWindow, bytes, start, length, delimiter, ends, capacity);
}

#if defined(__x86_64__) || defined(__i386__)
static cfs_split splitSSE2(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                           int64_t *ends, int64_t capacity) {
    return splitWith(sse2Window, bytes, start, length, delimiter, ends, capacity);
}

__attribute__((target("avx2")))
static cfs_split splitAVX2(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                           int64_t *ends, int64_t capacity) {
    return splitWith(avx2Window, bytes, start, length, delimiter, ends, capacity);
}
#elif defined(CFS_HAS_WIDE)
static cfs_split splitNEON(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                           int64_t *ends, int64_t capacity) {
    return splitWith(neonWindow, bytes, start, length, delimiter, ends, capacity);
}
#endif

/* ---- Records in a row (cfs_split_records) ---- */

/* The most entries of `ends` one window adds: a delimiter's, or a line break's and the next record's
   first, for each of its bytes. */
#define CFS_WINDOW_ENTRIES 128

/* The records from `start` on that are plain cells ended by LF or CR LF, read window after window: the
   bytes of a window after one record's line break are the next record's, not read again. */
__attribute__((always_inline))
static inline int64_t splitRecordsWith(windowReader read, const uint8_t *bytes, int64_t start, int64_t length,
                                       uint8_t delimiter, int64_t *ends, int64_t capacity, cfs_record *records,
                                       int64_t maxRecords, int64_t latestStart) {
    /* Every window is read whole and strictly before `length`: the byte after a delimiter is read as the
       start of the next cell. */
    if (maxRecords <= 0 || capacity < CFS_WINDOW_ENTRIES + 1 || start + 64 >= length || start > latestStart || bytes[start] == 0x22) return 0;
    const uint8_t *edges = edgesInCells(delimiter);
    int64_t found = 0, count = 0;
    /* The record being read: its first byte, where its bounds start in `ends`, its first character. */
    int64_t recordStart = start, recordEnds = 0, firstNonASCII = -1, endOfNonASCII = -1, continuationBytes = 0;
    uint8_t edgeSpace = edges[bytes[start]];
    /* Bits of the next window that were read already: the end of a character or a line break. */
    uint64_t skip = 0;
    ends[count++] = start - 1;
    /* A delimiter's neighbours are its cells' edges; the byte before `start` may not be there to read
       (every later record follows a line break, which is no edge). */
    if (bytes[start] == delimiter) {
        ends[count++] = start;
        edgeSpace |= edges[bytes[start + 1]];
        skip = 1;
    }
    for (int64_t i = start; i + 64 < length; i += 64) {
        /* Room for every entry the window can add. */
        if (count + CFS_WINDOW_ENTRIES > capacity) return found;
        window w = read(bytes + i, delimiter);
        uint64_t delimiters = w.delimiters & ~skip, others = w.others & ~skip;
        skip = 0;
        while (others) {
            int bit = __builtin_ctzll(others);
            uint64_t before = delimiters & ((1ULL << bit) - 1);
            delimiters ^= before;
            for (; before; before &= before - 1) {
                int64_t at = i + __builtin_ctzll(before);
                edgeSpace |= edges[bytes[at - 1]] | edges[bytes[at + 1]];
                ends[count++] = at;
            }
            int64_t at = i + bit;
            uint8_t c = bytes[at];
            if (c >= 0x80) {
                int64_t sequence = plainSequence(bytes, at, length);
                if (sequence == 0) return found;
                if (firstNonASCII < 0) firstNonASCII = at;
                endOfNonASCII = at + sequence;
                continuationBytes += sequence - 1;
                int64_t past = bit + sequence;
                if (past >= 64) {
                    skip = (1ULL << (past - 64)) - 1;
                    break;
                }
                others &= ~((1ULL << past) - 1);
                continue;
            }
            int64_t breakLength = c == 0x0A ? 1 : c == 0x0D && bytes[at + 1] == 0x0A ? 2 : 0;
            if (breakLength == 0) return found;
            /* The record ends here; its last cell runs from after its last delimiter to the line break. */
            int64_t lastStart = ends[count - 1] + 1;
            if (at > lastStart) edgeSpace |= edges[bytes[lastStart]] | edges[bytes[at - 1]];
            ends[count++] = at;
            /* Member by member: a compound literal also stored zeros into the padding, two stores a record. */
            cfs_record *record = &records[found++];
            record->lineBreak = at;
            record->firstNonASCII = firstNonASCII;
            record->endOfNonASCII = endOfNonASCII;
            record->delimiters = (int32_t)(count - recordEnds - 2);
            record->continuationBytes = (int32_t)continuationBytes;
            record->crlf = (uint8_t)(breakLength - 1);
            record->edgeSpace = (uint8_t)(edgeSpace != 0);
            recordStart = at + breakLength;
            if (found == maxRecords || recordStart >= length || recordStart > latestStart || bytes[recordStart] == 0x22) return found;
            recordEnds = count;
            ends[count++] = recordStart - 1;
            firstNonASCII = -1;
            endOfNonASCII = -1;
            continuationBytes = 0;
            edgeSpace = edges[bytes[recordStart]];
            int64_t next = recordStart - i;
            if (next >= 64) {
                /* A CR LF across windows: its LF is the next window's first byte. */
                skip = next - 64 ? 1 : 0;
                break;
            }
            uint64_t behind = (1ULL << next) - 1;
            others &= ~behind;
            delimiters &= ~behind;
        }
        for (; delimiters; delimiters &= delimiters - 1) {
            int64_t at = i + __builtin_ctzll(delimiters);
            edgeSpace |= edges[bytes[at - 1]] | edges[bytes[at + 1]];
            ends[count++] = at;
        }
    }
    return found;
}

int32_t cfs_best_level(void) {
#if defined(__x86_64__) || defined(__i386__)
    /* Cached: the answer cannot change while the process runs (a race stores the same value). */
    static int32_t level = -1;
    int32_t known = __atomic_load_n(&level, __ATOMIC_RELAXED);
    if (known >= 0) return known;
    __builtin_cpu_init();
    known = __builtin_cpu_supports("avx2") ? 2 : 1;
    __atomic_store_n(&level, known, __ATOMIC_RELAXED);
    return known;
#elif defined(CFS_HAS_WIDE)
    return 1;
#else
    return 0;
#endif
}

typedef cfs_split (*splitter)(const uint8_t *, int64_t, int64_t, uint8_t, int64_t *, int64_t);

static splitter splitterAt(int32_t level) {
#if defined(__x86_64__) || defined(__i386__)
    if (level >= 2) return splitAVX2;
    if (level == 1) return splitSSE2;
#elif defined(CFS_HAS_WIDE)
    if (level >= 1) return splitNEON;
#endif
    (void)level;
    return splitPortable;
}

cfs_split cfs_split_plain_at_level(int32_t level, const uint8_t *bytes, int64_t start, int64_t length,
                                   uint8_t delimiter, int64_t *ends, int64_t capacity) {
    return splitterAt(level)(bytes, start, length, delimiter, ends, capacity);
}

static cfs_split chooseAndSplit(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                int64_t *ends, int64_t capacity);

/* The splitter for this processor: chooseAndSplit until the first call has chosen (a race between two
   first calls stores the same pointer). */
static splitter chosen = chooseAndSplit;

static cfs_split chooseAndSplit(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                int64_t *ends, int64_t capacity) {
    splitter split = splitterAt(cfs_best_level());
    __atomic_store_n(&chosen, split, __ATOMIC_RELAXED);
    return split(bytes, start, length, delimiter, ends, capacity);
}

cfs_split cfs_split_plain(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity) {
    return __atomic_load_n(&chosen, __ATOMIC_RELAXED)(bytes, start, length, delimiter, ends, capacity);
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

static int64_t splitRecordsPortable(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                    int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart) {
    return splitRecordsWith(portableWindow, bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
}
#if defined(__x86_64__) || defined(__i386__)
static int64_t splitRecordsSSE2(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart) {
    return splitRecordsWith(sse2Window, bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
}
__attribute__((target("avx2")))
static int64_t splitRecordsAVX2(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart) {
    return splitRecordsWith(avx2Window, bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
}
#elif defined(CFS_HAS_WIDE)
static int64_t splitRecordsNEON(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart) {
    return splitRecordsWith(neonWindow, bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
}
#endif

int64_t cfs_split_records_at_level(int32_t level, const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                   int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords,
                                   int64_t latestStart) {
#if defined(__x86_64__) || defined(__i386__)
    if (level >= 2) return splitRecordsAVX2(bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
    if (level == 1) return splitRecordsSSE2(bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
#elif defined(CFS_HAS_WIDE)
    if (level >= 1) return splitRecordsNEON(bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
#endif
    return splitRecordsPortable(bytes, start, length, delimiter, ends, capacity, records, maxRecords, latestStart);
}

int64_t cfs_split_records(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart) {
    return cfs_split_records_at_level(cfs_best_level(), bytes, start, length, delimiter, ends, capacity, records, maxRecords,
                                      latestStart);
}
