#ifndef CDIGEST_H
#define CDIGEST_H
#include <stdint.h>

/* The bulk of `fix`'s content digest (ContentDigest): eight 64-bit lanes over 64-byte stripes, each lane
   adding the product of the two halves of its word xor a key (32 x 32 -> 64 bits: four lanes an
   instruction with AVX2, chosen at run time; a plain loop on other processors) and its neighbour's word
   as read. The key moves by one word at each of 16 stripes, and every 16 stripes (1 KiB) each lane is
   scrambled by a multiplication, so that the same bytes at another place give another digest. Every
   level gives the same lanes. */
typedef struct {
    uint64_t lanes[8];
    /* Stripes mixed so far. */
    uint64_t stripes;
} cfs_digest;

void cfs_digest_init(cfs_digest *digest);

/* Mixes in `length` bytes, a multiple of 64. */
void cfs_digest_stripes(cfs_digest *digest, const uint8_t *bytes, int64_t length);

/* cfs_digest_stripes reading at `level` (at most cfs_best_level()), for tests that compare them. */
void cfs_digest_stripes_at_level(int32_t level, cfs_digest *digest, const uint8_t *bytes, int64_t length);

#endif
