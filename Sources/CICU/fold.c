#include "cicu_fold.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* Latin letters of Cyrillic and Greek look-alikes, computed once from ICU's confusable skeletons:
   only single code points whose skeleton is one ASCII letter are kept, so 'А' (U+0410) -> 'a'
   but genuinely different letters such as 'Ж' stay as they are. */
enum { LOOKALIKE_FIRST = 0x0370, LOOKALIKE_LAST = 0x052F };
static char lookalikeLatin[LOOKALIKE_LAST - LOOKALIKE_FIRST + 1];
static pthread_once_t lookalikeOnce = PTHREAD_ONCE_INIT;

static void buildLookalikes(void) {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker *checker = uspoof_open(&status);
    if (U_FAILURE(status)) return;
    for (UChar32 c = LOOKALIKE_FIRST; c <= LOOKALIKE_LAST; c++) {
        UChar in[2]; int32_t inLength = 0;
        U16_APPEND_UNSAFE(in, inLength, c);
        UChar out[8];
        status = U_ZERO_ERROR;
        int32_t n = uspoof_getSkeleton(checker, 0, in, inLength, out, 8, &status);
        if (U_SUCCESS(status) && n == 1 && out[0] < 0x80 && u_isalpha(out[0])) {
            lookalikeLatin[c - LOOKALIKE_FIRST] = (char)u_tolower(out[0]);
        }
    }
    uspoof_close(checker);
}

/* "Latin-ASCII" is slow to create, so it is made once and shared; ICU transliterators are not
   documented as safe for concurrent use, hence the mutex. It only runs on the rare leftovers
   (ł, ø, æ, đ, ...) that decomposition does not reduce to ASCII. */
static UTransliterator *latinASCII;
static pthread_once_t latinOnce = PTHREAD_ONCE_INIT;
static pthread_mutex_t latinLock = PTHREAD_MUTEX_INITIALIZER;

static void buildLatinASCII(void) {
    UErrorCode status = U_ZERO_ERROR;
    UChar id[32];
    u_uastrcpy(id, "Latin-ASCII");
    latinASCII = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) latinASCII = NULL;
}

/* Arabic and Persian spellings of the same letter, and Arabic-Indic digits. */
static UChar32 foldArabic(UChar32 c) {
    switch (c) {
    case 0x06CC: case 0x0649: case 0x06D2: return 0x064A; /* Persian yeh, alef maksura, yeh barree -> yeh */
    case 0x06A9: case 0x06AA: return 0x0643;              /* keheh -> kaf */
    case 0x0629: case 0x06C0: case 0x06D5: return 0x0647; /* teh marbuta, heh with yeh, ae -> heh */
    case 0x0671: case 0x0672: case 0x0673: return 0x0627; /* alef wasla and hamza-seat forms -> alef */
    case 0x06C1: case 0x06BE: return 0x0647;              /* heh goal, heh doachashmee -> heh */
    default: break;
    }
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
    return c;
}

static int isLatinLetter(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN;
}

static int isWordChar(UChar32 c) { return u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK; }

int32_t cicu_fold_for_key(const char *utf8, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkcCF = unorm2_getNFKCCasefoldInstance(&status);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) return INT32_MIN;
    pthread_once(&lookalikeOnce, buildLookalikes);

    int32_t cap = length * 4 + 16;
    UChar *a = malloc(sizeof(UChar) * (size_t)cap);
    UChar *b = malloc(sizeof(UChar) * (size_t)cap);
    int32_t result = INT32_MIN;
    if (!a || !b) goto done;
    int32_t n = 0;
    u_strFromUTF8(a, cap, &n, utf8, length, &status);
    if (U_FAILURE(status)) goto done;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) goto done;
    n = unorm2_normalize(nfkc, a, n, b, cap, &status);
    if (U_FAILURE(status)) goto done;

    /* Look-alike letters, before case folding (the capital 'М' looks like 'M', the small 'м'
       does not): within each word that also has a Latin letter, or a word made only of
       look-alikes (an all-Cyrillic "АСМЕ"), use the Latin letter. */
    for (int32_t start = 0; start < n;) {
        int32_t end = start; UChar32 c;
        int32_t latin = 0, lookalike = 0, other = 0;
        while (end < n) {
            int32_t next = end; U16_NEXT(b, next, n, c);
            if (!isWordChar(c)) break;
            if (c < 0x80 || isLatinLetter(c)) latin++;
            else if (c >= LOOKALIKE_FIRST && c <= LOOKALIKE_LAST && lookalikeLatin[c - LOOKALIKE_FIRST]) lookalike++;
            else other++;
            end = next;
        }
        if (lookalike > 0 && (latin > 0 || (other == 0 && lookalike >= 2))) {
            for (int32_t i = start; i < end; i++) {
                UChar u = b[i];
                if (u >= LOOKALIKE_FIRST && u <= LOOKALIKE_LAST && lookalikeLatin[u - LOOKALIKE_FIRST])
                    b[i] = (UChar)lookalikeLatin[u - LOOKALIKE_FIRST];
            }
        }
        if (end == start) { U16_NEXT(b, end, n, c); }
        start = end;
    }

    n = unorm2_normalize(nfkcCF, b, n, a, cap, &status);
    if (U_FAILURE(status)) goto done;
    n = unorm2_normalize(nfd, a, n, b, cap, &status);
    if (U_FAILURE(status)) goto done;

    /* Drop combining marks and tatweel; unify Arabic letters. */
    int32_t m = 0, needsLatinASCII = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c; U16_NEXT(b, i, n, c);
        if (u_charType(c) == U_NON_SPACING_MARK || c == 0x0640) continue;
        c = foldArabic(c);
        if (c >= 0x80 && isLatinLetter(c)) needsLatinASCII = 1;
        U16_APPEND_UNSAFE(a, m, c);
    }

    if (needsLatinASCII) {
        pthread_once(&latinOnce, buildLatinASCII);
        if (latinASCII) {
            pthread_mutex_lock(&latinLock);
            int32_t limit = m;
            utrans_transUChars(latinASCII, a, &m, cap, 0, &limit, &status);
            pthread_mutex_unlock(&latinLock);
            if (U_FAILURE(status)) goto done;
        }
    }

    int32_t written = 0;
    u_strToUTF8(out, capacity, &written, a, m, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) result = -(written + 1);
    else if (U_FAILURE(status)) result = INT32_MIN;
    else result = written;
done:
    free(a); free(b);
    return result;
}

int32_t cicu_region_count(void) {
    const char *const *codes = uloc_getISOCountries();
    int32_t n = 0;
    while (codes[n]) n++;
    return n;
}

const char *cicu_region_code(int32_t index) { return uloc_getISOCountries()[index]; }

const char *cicu_region_alpha3(const char *region) {
    char localeID[16] = "und_";
    strncat(localeID, region, 8);
    return uloc_getISO3Country(localeID);
}
