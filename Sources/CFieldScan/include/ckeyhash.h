#ifndef CKEYHASH_H
#define CKEYHASH_H
#include <stdbool.h>
#include <stdint.h>
#include "cfieldscan.h"

/* duplicate-identifier's key fingerprints (KeyFingerprint): mixes one part of a key, `length` bytes, into
   `*state`, ASCII letters lowercased when `fold` is 1. Sixteen bytes per 64 x 64 -> 128-bit multiply,
   folded to 64 bits; up to 16 bytes in one (read as overlapping words, as wyhash does), longer ones
   ending with their last 16 bytes. The length is mixed in (multiplied), so parts keep their boundaries and keys of other lengths do not meet. Returns 0 with
   `*state` unchanged when `fold` is 1 and a byte is not ASCII (the caller lowercases such a part as
   Unicode and mixes the result with `fold` 0); else 1. */
int32_t cfs_key_mix(uint64_t *state, const uint8_t *bytes, int64_t length, int32_t fold);

/* The fingerprints (`seed` and cfs_key_mix, the bits of `mask` kept) of cell `cell` of `count` records cfs_split_records split,
   their cell bounds from `ends` on (the entries it wrote from the first record's): `plain[r]` is 1 where `fingerprints[r]`
   is record r's; 0 where the caller judges the cell itself: it is missing or empty, its record has a cell
   with a space at an edge (to trim), `screen` holds its first byte and it has at most `screenedUpTo` bytes
   (it may be a placeholder), or it has a byte that is not ASCII when `fold` is 1. */
void cfs_key_fingerprints(const uint8_t *bytes, const int64_t *ends, const cfs_record *records,
                          int64_t count, int64_t cell, int32_t fold, const bool *screen, int64_t screenedUpTo, uint64_t seed,
                          uint64_t mask, uint64_t *fingerprints, uint8_t *plain);

#endif
