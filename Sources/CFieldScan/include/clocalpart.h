#ifndef CLOCALPART_H
#define CLOCALPART_H
#include <stdint.h>

/* The local part of an email address at `bytes` (of `length` bytes), judged from its first 32 bytes (16 at a
   time) when they tell: the offset of the '@' ending it when every byte before is an ASCII letter, a digit
   or a single dot that is neither first nor last; -1 when the first byte that is none of those is that '@'
   but the dots are wrong or there is no byte before it; -2 when they do not tell (fewer than 16 bytes, none
   of the first 32 other than a letter, digit or dot, or another byte first): the caller reads byte by
   byte. SSE2 on x86-64; elsewhere always -2. */
int64_t cfs_local_part_end32(const uint8_t *bytes, int64_t length);

#endif
