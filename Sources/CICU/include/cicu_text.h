#ifndef CICU_TEXT_H
#define CICU_TEXT_H
#include <stdint.h>

/* Text, locale, time zone and region helpers over system ICU. Plain C types only: Swift must never see
   <unicode/...> (Foundation on Linux bundles its own ICU module). Strings are UTF-8 with explicit lengths;
   outputs are NUL-terminated when they fit. Functions returning a length return the full length needed
   (which may exceed `capacity`: call again with a bigger buffer) or -1 on error. ICU objects are created
   once per process and reused; the ones that are not thread-safe are guarded by a mutex. */

/* The version of the ICU library in use ("72.1") into `out` (>= 24 bytes). */
void cicu_version(char *out, int32_t capacity);

/* A hint to load the cache line at `p` now (Swift has no prefetch of its own); inlined, never a call. */
static inline void cicu_prefetch(const void *p) { __builtin_prefetch(p); }

/* The confusable skeleton (UTS #39) of `s`, from ICU's spoof checker. */
int32_t cicu_skeleton(const char *s, int32_t length, char *out, int32_t capacity);
/* The UScriptCode of a code point (0 Common, 1 Inherited, 25 Latin, 14 Greek, 8 Cyrillic...), or -1. */
int32_t cicu_script(uint32_t codePoint);
/* Short script name ("Latn", "Cyrl") into `out` (>= 8 bytes); returns 1 when known. */
int32_t cicu_script_name(int32_t script, char *out, int32_t capacity);

/* Locale tag analysis. Returns a bit set: 1 well-formed BCP 47 (after '_' -> '-'), 2 language known to
   ICU, 4 region absent or a known region, 8 script absent or known. `canonicalOut` receives the
   canonical BCP 47 form ("en-US") when well-formed. */
enum { CICU_LOCALE_WELL_FORMED = 1, CICU_LOCALE_LANGUAGE_KNOWN = 2, CICU_LOCALE_REGION_KNOWN = 4,
       CICU_LOCALE_SCRIPT_KNOWN = 8 };
int32_t cicu_locale_check(const char *tag, char *canonicalOut, int32_t capacity);
/* The script a BCP 47 tag most likely stands for (ICU's likely subtags: 'zh-TW' -> 'Hant', 'zh' -> 'Hans'),
   into `out`; returns 1, or 0 when ICU cannot tell. */
int32_t cicu_locale_likely_script(const char *tag, char *out, int32_t capacity);

/* Canonical time zone id (CLDR: "US/Central" -> "America/Chicago"); -1 when ICU does not know `id`. */
int32_t cicu_tz_canonical(const char *id, char *out, int32_t capacity);
/* IANA id for a Windows zone id ("Central Standard Time" -> "America/Chicago"); -1 when unknown. */
int32_t cicu_tz_from_windows(const char *windowsId, char *out, int32_t capacity);
/* Raw (standard) offset of a zone in milliseconds and whether it observes DST (bit 1 of *flags). */
int32_t cicu_tz_offset(const char *id, int32_t *rawOffsetMs, int32_t *usesDST);

/* ISO 3166-1 alpha-2 for a region code (alpha-2 in any case, alpha-3, numeric, deprecated aliases such as
   "UK"); returns 1 when it names a territory (not a grouping like "EU" or "419"), 0 otherwise. */
int32_t cicu_region_alpha2(const char *code, char *out, int32_t capacity);
/* Number of territories and the alpha-2 code of the i-th one. */
int32_t cicu_territory_count(void);
int32_t cicu_territory_code(int32_t index, char *out, int32_t capacity);
/* Display name of a region ("FR") in a display language ("en") as UTF-8. */
int32_t cicu_region_display_name(const char *alpha2, const char *displayLanguage, char *out, int32_t capacity);

#endif
