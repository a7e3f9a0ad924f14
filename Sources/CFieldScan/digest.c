#include "cdigest.h"
#include "cfieldscan.h"
#include <string.h>

/* 24 words: stripe s of a 16-stripe block keys its lanes with words s to s + 7; then one scramble word per
   lane. From splitmix64 seeded with the first digits of pi. */
static const uint64_t secret[32] = {
    0x2CB0F69F4ABEA221ULL, 0x9417034723148989ULL, 0xDD555950609DFE03ULL, 0xDBAFB150DEB12800ULL,
    0x7E789B2E6C442CB6ULL, 0xF41E5636C7E4F8C4ULL, 0x0959D150F8FBA7E4ULL, 0xA97316F13CDB9EEAULL,
    0x74CD8258F9520068ULL, 0x55C74A62E116868BULL, 0xD2F4C799A2023CBDULL, 0xDF98CB79A37B51B9ULL,
    0x396F5885524F3905ULL, 0xAF1D56386CA3B276ULL, 0xA9FFBE6B5104E85AULL, 0x6BD0C51B9FD533B3ULL,
    0x980CE91C50AB4B56ULL, 0x28AC395780FE62C5ULL, 0x768912E3A6BCEDC7ULL, 0x50B3E8C9332C7C88ULL,
    0xCE3BBFE520BD47DAULL, 0xCBA6C8E8E0BB7C4FULL, 0xBF194DB8434A346DULL, 0x7D8F2A7B60416D7FULL,
    0x0849D1F6E0E10A5EULL, 0x7654B590D064E22FULL, 0x16D1DA9507DF3AF2ULL, 0xF63AEF1089EA30E4ULL,
    0x9ADE6673CC6C522BULL, 0x4C75BC274E37087CULL, 0xD35E12B49F51F27BULL, 0x22DDF2FFCEE481EAULL,
};
static const uint64_t *const scrambleKeys = secret + 24;
#define STRIPES_PER_BLOCK 16
#define PRIME32 0x9E3779B1ULL

void cfs_digest_init(cfs_digest *digest) {
    static const uint64_t start[8] = {
        0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL, 0xA4093822299F31D0ULL, 0x082EFA98EC4E6C89ULL,
        0x452821E638D01377ULL, 0xBE5466CF34E90C6CULL, 0xC0AC29B7C97C50DDULL, 0x3F84D5B5B5470917ULL,
    };
    memcpy(digest->lanes, start, sizeof start);
    digest->stripes = 0;
}

static inline uint64_t load64(const uint8_t *p) {
    uint64_t word;
    memcpy(&word, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word = __builtin_bswap64(word);
#endif
    return word;
}

static void stripesPlain(cfs_digest *digest, const uint8_t *bytes, int64_t length) {
    uint64_t *lanes = digest->lanes;
    for (int64_t i = 0; i + 64 <= length; i += 64) {
        const uint64_t *key = secret + digest->stripes % STRIPES_PER_BLOCK;
        uint64_t words[8];
        for (int k = 0; k < 8; k++) words[k] = load64(bytes + i + 8 * k);
        for (int k = 0; k < 8; k++) {
            uint64_t keyed = words[k] ^ key[k];
            lanes[k] += (keyed & 0xFFFFFFFFULL) * (keyed >> 32) + words[k ^ 1];
        }
        if (++digest->stripes % STRIPES_PER_BLOCK == 0) {
            for (int k = 0; k < 8; k++) lanes[k] = ((lanes[k] ^ (lanes[k] >> 47)) ^ scrambleKeys[k]) * PRIME32;
        }
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

__attribute__((target("avx2")))
static void stripesAVX2(cfs_digest *digest, const uint8_t *bytes, int64_t length) {
    __m256i lanes[2];
    for (int k = 0; k < 2; k++) lanes[k] = _mm256_loadu_si256((const __m256i *)(digest->lanes + 4 * k));
    const __m256i prime = _mm256_set1_epi64x((long long)PRIME32);
    for (int64_t i = 0; i + 64 <= length; i += 64) {
        const uint64_t *key = secret + digest->stripes % STRIPES_PER_BLOCK;
        for (int k = 0; k < 2; k++) {
            __m256i words = _mm256_loadu_si256((const __m256i *)(bytes + i + 32 * k));
            __m256i keyed = _mm256_xor_si256(words, _mm256_loadu_si256((const __m256i *)(key + 4 * k)));
            __m256i product = _mm256_mul_epu32(keyed, _mm256_srli_epi64(keyed, 32));
            lanes[k] = _mm256_add_epi64(lanes[k], _mm256_add_epi64(product, _mm256_shuffle_epi32(words, _MM_SHUFFLE(1, 0, 3, 2))));
        }
        if (++digest->stripes % STRIPES_PER_BLOCK == 0) {
            for (int k = 0; k < 2; k++) {
                __m256i x = _mm256_xor_si256(_mm256_xor_si256(lanes[k], _mm256_srli_epi64(lanes[k], 47)),
                                             _mm256_loadu_si256((const __m256i *)(scrambleKeys + 4 * k)));
                lanes[k] = _mm256_add_epi64(_mm256_mul_epu32(x, prime),
                                            _mm256_slli_epi64(_mm256_mul_epu32(_mm256_srli_epi64(x, 32), prime), 32));
            }
        }
    }
    for (int k = 0; k < 2; k++) _mm256_storeu_si256((__m256i *)(digest->lanes + 4 * k), lanes[k]);
}
#endif

void cfs_digest_stripes_at_level(int32_t level, cfs_digest *digest, const uint8_t *bytes, int64_t length) {
#if defined(__x86_64__)
    if (level >= 2) { stripesAVX2(digest, bytes, length); return; }
#endif
    (void)level;
    stripesPlain(digest, bytes, length);
}

void cfs_digest_stripes(cfs_digest *digest, const uint8_t *bytes, int64_t length) {
    cfs_digest_stripes_at_level(cfs_best_level(), digest, bytes, length);
}
