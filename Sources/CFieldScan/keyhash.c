#include "ckeyhash.h"
#include <string.h>

#define HIGH_BITS 0x8080808080808080ULL
/* From wyhash's secrets: odd, half their bits set. */
#define K0 0xA0761D6478BD642FULL
#define K1 0xE7037ED1A0B428DBULL

/* Words in the machine's order: fingerprints never leave the process. */
static inline uint64_t load64(const uint8_t *p) {
    uint64_t word;
    memcpy(&word, p, 8);
    return word;
}

static inline uint64_t load32(const uint8_t *p) {
    uint32_t word;
    memcpy(&word, p, 4);
    return word;
}

/* The 128-bit product folded to 64 bits. */
static inline uint64_t mix(uint64_t a, uint64_t b) {
    __uint128_t product = (__uint128_t)a * b;
    return (uint64_t)product ^ (uint64_t)(product >> 64);
}

/* 'A'...'Z' to 'a'...'z' in each byte; other bytes unchanged (as WordHasher.lowercasedASCII). */
static inline uint64_t lowercased(uint64_t w) {
    uint64_t low7 = w & 0x7F7F7F7F7F7F7F7FULL;
    uint64_t atLeastA = low7 + 0x3F3F3F3F3F3F3F3FULL;
    uint64_t aboveZ = low7 + 0x2525252525252525ULL;
    return w | ((atLeastA & ~aboveZ & ~w & HIGH_BITS) >> 2);
}

/* Inlined into the batch loop, where a call cost as much as the mixing. */
static inline __attribute__((always_inline)) int32_t mixPart(uint64_t *state, const uint8_t *bytes, int64_t length, int32_t fold) {
    uint64_t h = *state, a, b, seen;
    if (length <= 16) {
        if (length >= 4) {
            /* Four words of 4 bytes: the first and last, and two in between (the same ones again below 8). */
            int64_t inner = (length >> 3) << 2;
            a = load32(bytes) << 32 | load32(bytes + inner);
            b = load32(bytes + length - 4) << 32 | load32(bytes + length - 4 - inner);
        } else if (length > 0) {
            a = (uint64_t)bytes[0] << 16 | (uint64_t)bytes[length >> 1] << 8 | bytes[length - 1];
            b = 0;
        } else {
            a = b = 0;
        }
        seen = a | b;
    } else {
        seen = 0;
        int64_t i = 0;
        for (; i + 16 < length; i += 16) {
            uint64_t x = load64(bytes + i), y = load64(bytes + i + 8);
            seen |= x | y;
            if (fold) { x = lowercased(x); y = lowercased(y); }
            h = mix(x ^ K1, y ^ h);
        }
        a = load64(bytes + length - 16);
        b = load64(bytes + length - 8);
        seen |= a | b;
    }
    if (fold) {
        if (seen & HIGH_BITS) return 0;
        a = lowercased(a);
        b = lowercased(b);
    }
    /* The length multiplied, not XORed in bare: a bare length cancels against the last byte ("12" and "123"). */
    h ^= (uint64_t)length * K0;
    *state = mix(a ^ K1, b ^ h ^ K0);
    return 1;
}

int32_t cfs_key_mix(uint64_t *state, const uint8_t *bytes, int64_t length, int32_t fold) {
    return mixPart(state, bytes, length, fold);
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* `lowercased` of both words of `v` at once (bytes 0x80 and above are left as they are, as there). */
static inline __m128i lowercased16(__m128i v) {
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    return _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}

/* mixPart of a part of more than 16 bytes, 16 bytes a vector: the same state, with the lowercasing and
   the test for bytes that are not ASCII done on both words together. */
static inline __attribute__((always_inline)) int32_t mixLongPart(uint64_t *state, const uint8_t *bytes, int64_t length, int32_t fold) {
    uint64_t h = *state;
    __m128i seen = _mm_setzero_si128(), v;
    for (int64_t i = 0; i + 16 < length; i += 16) {
        v = _mm_loadu_si128((const __m128i *)(bytes + i));
        seen = _mm_or_si128(seen, v);
        if (fold) v = lowercased16(v);
        h = mix((uint64_t)_mm_cvtsi128_si64(v) ^ K1, (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)) ^ h);
    }
    v = _mm_loadu_si128((const __m128i *)(bytes + length - 16));
    if (fold) {
        if (_mm_movemask_epi8(_mm_or_si128(seen, v))) return 0;
        v = lowercased16(v);
    }
    h ^= (uint64_t)length * K0;
    *state = mix((uint64_t)_mm_cvtsi128_si64(v) ^ K1, (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)) ^ h ^ K0);
    return 1;
}
#else
static inline __attribute__((always_inline)) int32_t mixLongPart(uint64_t *state, const uint8_t *bytes, int64_t length, int32_t fold) {
    return mixPart(state, bytes, length, fold);
}
#endif

/* cfs_key_fingerprints with `fold` a constant, so that each loop tests it once, not at every record. */
static inline __attribute__((always_inline)) void fingerprintCells(const uint8_t *bytes, const int64_t *ends,
        const cfs_record *records, int64_t count, int64_t cell, int32_t fold, const bool *screen, int64_t screenedUpTo,
        uint64_t seed, uint64_t mask, uint64_t *fingerprints, uint8_t *plain) {
    for (int64_t r = 0; r < count; r++) {
        const cfs_record *record = records + r;
        int64_t cells = record->delimiters;
        uint8_t found = 0;
        if (cell <= cells && !record->edgeSpace) {
            int64_t first = ends[cell] + 1;
            int64_t end = ends[cell + 1];
            int64_t length = end - first;
            uint64_t h = seed;
            if (length > 0 && (length > screenedUpTo || !screen[bytes[first]])
                && (length > 16 ? mixLongPart(&h, bytes + first, length, fold) : mixPart(&h, bytes + first, length, fold))) {
                fingerprints[r] = h & mask;
                found = 1;
            }
        }
        plain[r] = found;
        ends += cells + 2;
    }
}

void cfs_key_fingerprints(const uint8_t *bytes, const int64_t *ends, const cfs_record *records,
                          int64_t count, int64_t cell, int32_t fold, const bool *screen, int64_t screenedUpTo, uint64_t seed,
                          uint64_t mask, uint64_t *fingerprints, uint8_t *plain) {
    if (fold) {
        fingerprintCells(bytes, ends, records, count, cell, 1, screen, screenedUpTo, seed, mask, fingerprints, plain);
    } else {
        fingerprintCells(bytes, ends, records, count, cell, 0, screen, screenedUpTo, seed, mask, fingerprints, plain);
    }
}
