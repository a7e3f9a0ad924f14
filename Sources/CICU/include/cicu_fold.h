#ifndef CICU_FOLD_H
#define CICU_FOLD_H
#include <stdint.h>

/* Folds a UTF-8 string for comparison: NFKC case folding (which also drops default-ignorable
   characters such as ZERO WIDTH NON-JOINER/JOINER and soft hyphens), canonical decomposition with
   combining marks removed (diacritics, Arabic harakat and hamza seats), Arabic/Persian letter
   variants unified, Arabic-Indic digits to ASCII, remaining Latin letters transliterated to ASCII,
   and Cyrillic/Greek look-alike letters inside Latin words replaced by their Latin skeleton.
   Writes NUL-terminated UTF-8 into `out` and returns its length, or the negative capacity needed
   when `out` is too small, or INT32_MIN on an ICU error. */
int32_t cicu_fold_for_key(const char *utf8, int32_t length, char *out, int32_t capacity);

/* The same with every remaining Latin letter sent through ICU's Latin-ASCII transliterator, for tests:
   `cicu_fold_for_key` looks the common ones up in a table instead. */
int32_t cicu_fold_for_key_transliterating(const char *utf8, int32_t length, char *out, int32_t capacity);


/* Number of ISO 3166 alpha-2 region codes ICU knows; `cicu_region_code(i)` returns the i-th
   (static storage, do not free) and `cicu_region_alpha3` its alpha-3 code. */
int32_t cicu_region_count(void);
const char *cicu_region_code(int32_t index);
const char *cicu_region_alpha3(const char *region);

#endif
