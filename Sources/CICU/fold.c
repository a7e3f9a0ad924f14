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

/* ICU's Latin-ASCII for the Latin letters that case folding and decomposition leave non-ASCII (ł, ø, æ,
   đ, ı...), made from ICU 72 with each letter alone and between ASCII letters: the transliterator costs
   150 M instructions to create (half of the lint of a one-line file), so it is made only for a letter not
   listed here. A test compares every entry with the transliterator. Sorted by letter. */
static const struct { uint16_t letter; char ascii[3]; } latinASCIITable[] = {
    {0x00E6, "ae"}, {0x00F0, "d"}, {0x00F8, "o"}, {0x00FE, "th"}, {0x0111, "d"}, {0x0127, "h"}, {0x0131, "i"},
    {0x0138, "q"}, {0x0142, "l"}, {0x014B, "n"}, {0x0153, "oe"}, {0x0167, "t"}, {0x0180, "b"}, {0x0183, "b"},
    {0x0188, "c"}, {0x018C, "d"}, {0x0192, "f"}, {0x0195, "hv"}, {0x0199, "k"}, {0x019A, "l"}, {0x019E, "n"},
    {0x01A3, "oi"}, {0x01A5, "p"}, {0x01AB, "t"}, {0x01AD, "t"}, {0x01B4, "y"}, {0x01B6, "z"}, {0x01E5, "g"},
    {0x0221, "d"}, {0x0225, "z"}, {0x0234, "l"}, {0x0235, "n"}, {0x0236, "t"}, {0x0237, "j"}, {0x0238, "db"},
    {0x0239, "qp"}, {0x023C, "c"}, {0x023F, "s"}, {0x0240, "z"}, {0x0247, "e"}, {0x0249, "j"}, {0x024D, "r"},
    {0x024F, "y"}, {0x0253, "b"}, {0x0255, "c"}, {0x0256, "d"}, {0x0257, "d"}, {0x025B, "e"}, {0x025F, "j"},
    {0x0260, "g"}, {0x0261, "g"}, {0x0262, "G"}, {0x0266, "h"}, {0x0267, "h"}, {0x0268, "i"}, {0x026A, "I"},
    {0x026B, "l"}, {0x026C, "l"}, {0x026D, "l"}, {0x0271, "m"}, {0x0272, "n"}, {0x0273, "n"}, {0x0274, "N"},
    {0x0276, "OE"}, {0x027C, "r"}, {0x027D, "r"}, {0x027E, "r"}, {0x0280, "R"}, {0x0282, "s"}, {0x0288, "t"},
    {0x0289, "u"}, {0x028B, "v"}, {0x028F, "Y"}, {0x0290, "z"}, {0x0291, "z"}, {0x0299, "B"}, {0x029B, "G"},
    {0x029C, "H"}, {0x029D, "j"}, {0x029F, "L"}, {0x02A0, "q"}, {0x02A3, "dz"}, {0x02A5, "dz"},
    {0x02A6, "ts"}, {0x02AA, "ls"}, {0x02AB, "lz"}, {0x1D00, "A"}, {0x1D01, "AE"}, {0x1D03, "B"},
    {0x1D04, "C"}, {0x1D05, "D"}, {0x1D06, "D"}, {0x1D07, "E"}, {0x1D0A, "J"}, {0x1D0B, "K"}, {0x1D0C, "L"},
    {0x1D0D, "M"}, {0x1D0F, "O"}, {0x1D18, "P"}, {0x1D1B, "T"}, {0x1D1C, "U"}, {0x1D20, "V"}, {0x1D21, "W"},
    {0x1D22, "Z"}, {0x1D6B, "ue"}, {0x1D6C, "b"}, {0x1D6D, "d"}, {0x1D6E, "f"}, {0x1D6F, "m"}, {0x1D70, "n"},
    {0x1D71, "p"}, {0x1D72, "r"}, {0x1D73, "r"}, {0x1D74, "s"}, {0x1D75, "t"}, {0x1D76, "z"}, {0x1D7A, "th"},
    {0x1D7B, "I"}, {0x1D7D, "p"}, {0x1D7E, "U"}, {0x1D80, "b"}, {0x1D81, "d"}, {0x1D82, "f"}, {0x1D83, "g"},
    {0x1D84, "k"}, {0x1D85, "l"}, {0x1D86, "m"}, {0x1D87, "n"}, {0x1D88, "p"}, {0x1D89, "r"}, {0x1D8A, "s"},
    {0x1D8C, "v"}, {0x1D8D, "x"}, {0x1D8E, "z"}, {0x1D8F, "a"}, {0x1D91, "d"}, {0x1D92, "e"}, {0x1D93, "e"},
    {0x1D96, "i"}, {0x1D99, "u"}, {0x1E9C, "s"}, {0x1E9D, "s"}, {0x1EFB, "ll"}, {0x1EFD, "v"}, {0x1EFF, "y"},
    {0x2C61, "l"}, {0x2C65, "a"}, {0x2C66, "t"}, {0x2C68, "h"}, {0x2C6A, "k"}, {0x2C6C, "z"}, {0x2C71, "v"},
    {0x2C73, "w"}, {0x2C74, "v"}, {0x2C78, "e"}, {0x2C7A, "o"}, {0xA730, "F"}, {0xA731, "S"}, {0xA733, "aa"},
    {0xA735, "ao"}, {0xA737, "au"}, {0xA739, "av"}, {0xA73B, "av"}, {0xA73D, "ay"}, {0xA741, "k"},
    {0xA743, "k"}, {0xA745, "k"}, {0xA747, "l"}, {0xA749, "l"}, {0xA74B, "o"}, {0xA74D, "o"}, {0xA74F, "oo"},
    {0xA751, "p"}, {0xA753, "p"}, {0xA755, "p"}, {0xA757, "q"}, {0xA759, "q"}, {0xA75F, "v"}, {0xA761, "vy"},
    {0xA765, "th"}, {0xA767, "th"}, {0xA771, "d"}, {0xA772, "l"}, {0xA773, "m"}, {0xA774, "n"}, {0xA775, "r"},
    {0xA776, "R"}, {0xA777, "t"}, {0xA77A, "d"}, {0xA77C, "f"}, {0xA787, "t"}, {0xA791, "n"}, {0xA793, "c"},
    {0xA7A1, "g"}, {0xA7A3, "k"}, {0xA7A5, "n"}, {0xA7A7, "r"}, {0xA7A9, "s"},
};

/* The entry for `c`, or NULL. */
static const char *latinASCIIEntry(UChar32 c) {
    int32_t low = 0, high = (int32_t)(sizeof latinASCIITable / sizeof latinASCIITable[0]);
    while (low < high) {
        int32_t mid = (low + high) / 2;
        if (latinASCIITable[mid].letter < c) low = mid + 1; else high = mid;
    }
    int32_t count = (int32_t)(sizeof latinASCIITable / sizeof latinASCIITable[0]);
    return low < count && latinASCIITable[low].letter == c ? latinASCIITable[low].ascii : NULL;
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

static int32_t fold(const char *utf8, int32_t length, char *out, int32_t capacity, int useTable);

int32_t cicu_fold_for_key(const char *utf8, int32_t length, char *out, int32_t capacity) {
    return fold(utf8, length, out, capacity, 1);
}

int32_t cicu_fold_for_key_transliterating(const char *utf8, int32_t length, char *out, int32_t capacity) {
    return fold(utf8, length, out, capacity, 0);
}

static int32_t fold(const char *utf8, int32_t length, char *out, int32_t capacity, int useTable) {
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
       look-alikes (an all-Cyrillic "АСМЕ"), use the Latin letter. Not in a word made only of
       look-alikes when another letter of the text is Greek or Cyrillic but no look-alike: the text is
       written in that script, and the word is one of its own in capitals ('ΕΤΑΙΡΕΙΑ ΠΛΗΡΟΦΟΡΙΚΗΣ' is
       'Εταιρεία Πληροφορικής', Greek capitals having no accents). */
    int32_t scriptShown = 0;
    for (int32_t i = 0; i < n && !scriptShown;) {
        UChar32 c; U16_NEXT(b, i, n, c);
        scriptShown = c >= LOOKALIKE_FIRST && c <= LOOKALIKE_LAST && !lookalikeLatin[c - LOOKALIKE_FIRST] && u_isalpha(c);
    }
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
        if (lookalike > 0 && (latin > 0 || (other == 0 && lookalike >= 2 && !scriptShown))) {
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
    int32_t m = 0, needsLatinASCII = 0, usedTable = 0, otherNonASCII = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c; U16_NEXT(b, i, n, c);
        if (u_charType(c) == U_NON_SPACING_MARK || c == 0x0640) continue;
        c = foldArabic(c);
        const char *ascii = useTable && c >= 0x80 ? latinASCIIEntry(c) : NULL;
        if (ascii) {
            while (*ascii) a[m++] = (UChar)*ascii++;
            usedTable = 1;
            continue;
        }
        if (c >= 0x80) {
            otherNonASCII = 1;
            if (isLatinLetter(c)) needsLatinASCII = 1;
        }
        U16_APPEND_UNSAFE(a, m, c);
    }
    /* The transliterator maps more than letters (ʼ, «, –...): where it would have run for a listed letter,
       it still runs on whatever else is left. */
    if (usedTable && otherNonASCII) needsLatinASCII = 1;

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
