#ifndef CFIELDSCAN_H
#define CFIELDSCAN_H
#include <stdint.h>

/* The tokenizer's hot path. cfs_split_plain reads 64 bytes per step (AVX2 when the processor has it,
   else SSE2, on x86-64; NEON on arm64; a plain loop elsewhere); cfs_next_special 16 (SSE2 or NEON).
   A byte is special in an unquoted cell when it is the delimiter, a quote, a C0 control (tab and the
   line breaks included), DEL or not ASCII; every other byte is plain. */

/* Where cfs_split_plain stopped: `stop` is the first byte at or after its start that is special and not
   the delimiter nor part of a plain multi-byte character (or `length`, or the start of the next cell when
   `ends` is full); `count` cells before it ended at a delimiter, their end offsets written to `ends`;
   `edgeSpace` is nonzero when a cell it passed, or the one it stops in, starts with a space, a tab or a
   byte of a no-break space (none of them the delimiter), or a cell it passed ends with one (the reader
   looks at the last cell's start itself too: the split has it for free);
   `firstNonASCII` is the offset of the first multi-byte character it passed, or -1. */
typedef struct {
    int64_t stop;
    int64_t count;
    int32_t edgeSpace;
    int64_t firstNonASCII;
} cfs_split;

/* Splits the plain cells of a record from `start` (the first byte of a cell) on, up to `capacity` of
   them, and stops at the first special byte that is not the delimiter or a valid multi-byte character
   other than a C1 control, U+2028 or U+2029: the caller reads the cell there. */
cfs_split cfs_split_plain(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity);

/* The widest way of reading a step this processor has: 2 AVX2, 1 SSE2 or NEON, 0 a byte at a time. */
int32_t cfs_best_level(void);

/* cfs_split_plain reading its steps at `level` (at most cfs_best_level()), for tests that compare them. */
cfs_split cfs_split_plain_at_level(int32_t level, const uint8_t *bytes, int64_t start, int64_t length,
                                   uint8_t delimiter, int64_t *ends, int64_t capacity);

/* The offset of the first special byte at or after `start`, or `length`. */
int64_t cfs_next_special(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter);

/* One record cfs_split_records found: plain cells (as cfs_split_plain passes them) ended by LF or CR LF. */
typedef struct {
    /* Offset of its line break, the end of its last cell. */
    int64_t lineBreak;
    /* Offset of its first multi-byte character, or -1. */
    int64_t firstNonASCII;
    /* Offset just past its last multi-byte character (-1 when there is none): the record's bytes after it
       are ASCII, which the value checks would otherwise find by scanning back from its end. */
    int64_t endOfNonASCII;
    /* Cells before the last, each ended by a delimiter (see cfs_split_records for its entries of `ends`). */
    int32_t delimiters;
    /* Continuation bytes of its multi-byte characters: a column after the last one is counted without
       reading the line again. */
    int32_t continuationBytes;
    /* 1 when the line break is CR LF. */
    uint8_t crlf;
    /* 1 when one of its cells starts or ends with a space, a tab or a byte of a no-break space. */
    uint8_t edgeSpace;
} cfs_record;

/* Reads records from `start` (a record's first byte) on, as many in a row as are plain cells ended by LF
   or CR LF, up to `maxRecords` of them and none that starts after `latestStart`, and returns how many;
   their cell bounds go to `ends` one record after another, `delimiters` + 2 entries a record: the offset
   just before its first byte, its delimiters and its line break, so that cell k runs from entry k plus one
   to entry k + 1. It stops before a record that starts with a quote, holds any other special byte, does
   not end in a whole window before `length`, or finds fewer than 128 entries of `ends` left at a window
   (so none with a `capacity` below 129): the caller reads that one itself. A window's bytes after a line
   break are read as the next record's, not read again. */
int64_t cfs_split_records(const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                          int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords, int64_t latestStart);

/* cfs_split_records reading its windows at `level` (at most cfs_best_level()), for tests. */
int64_t cfs_split_records_at_level(int32_t level, const uint8_t *bytes, int64_t start, int64_t length, uint8_t delimiter,
                                   int64_t *ends, int64_t capacity, cfs_record *records, int64_t maxRecords,
                                   int64_t latestStart);

#endif
