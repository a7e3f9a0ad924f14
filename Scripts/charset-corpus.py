#!/usr/bin/env python3
"""Wrong safe transcodes of importlint's charset judge on whole directory exports, per code page.

Writes an evaluation corpus the way Windows tools write these files and counts, per (true code page, judged
code page, safe or not), how importlint reads them. A SAFE verdict whose charset does not decode the file to
the text written is the defect (a safe fix that writes wrong names); a right reading offered only as unsafe
is a lost convenience.

Files: a Receptionist contact export (First Name, Last Name, Email, Business Title, Department, Location)
or a 4me People export (Name, Primary Email, Job Title, Organization, Site) with names from Faker's locale
of each language (pip package `faker`) and titles, departments and cities from Scripts/charset_samples.py,
written as
  - PowerShell 5.1 `ConvertTo-Csv | Set-Content` (every cell quoted, comma, CRLF, the ANSI code page),
  - Excel "CSV" (unquoted, `;` in continental Europe, CRLF, the ANSI code page),
  - a console tool (unquoted, comma, CRLF, the OEM code page),
  - a Unix or LDAP feed (ldapsearch | iconv, Perl and PHP scripts, MySQL dumps: comma or tab, LF),
  - Excel for Mac 2011 "CSV" (`;` in continental Europe, CR line ends, the Mac code page),
for each ANSI code page (1250-1258, 874, 932, 936, 949, 950), OEM page (437, 737, 775, 850, 852, 855, 857, 866,
and 720, 860, 862, 863, 864, 865, 869, some of which the judge does not list), ISO-8859-1/2/4/5/7/9/13/15, KOI8-R/U and
Mac Roman, Central European and Cyrillic, in four shapes: one country only, several of the code page's countries (and English names),
small (5 to 30 rows, few accented letters) and rare accents (100 to 400 rows, mostly English names).
A person whose name the code page cannot write is left out, as such a person cannot be in that export.
Per true code page it counts: right and safe; safe in another code page that decodes the file to the same
text ("identical bytes, right text"); right but unsafe; wrong and unsafe; and WRONG SAFE, which must be 0.

Usage: Scripts/charset-corpus.py [--binary .build/debug/importlint] [--per-shape 12] [--seed 1] [--pages P,...] [--keep DIR]
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys
import tempfile

from faker import Faker

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from charset_samples import CODEC_OF, LANGUAGES, encode  # noqa: E402

# Language: (Faker locale, the key of its titles and places in charset_samples.LANGUAGES, or None for
# Faker's own city and job).
LOCALES = {
    "en": ("en_US", None), "de": ("de_DE", "de"), "fr": ("fr_FR", "fr"), "es": ("es_ES", "es"),
    "pt": ("pt_PT", "pt"), "it": ("it_IT", "it"), "nl": ("nl_NL", "nl"), "da": ("da_DK", "da"),
    "sv": ("sv_SE", "sv"), "no": ("no_NO", "da"), "fi": ("fi_FI", "fi"), "is": ("is_IS", None),
    "pl": ("pl_PL", "pl"), "cs": ("cs_CZ", "cs"), "sk": ("sk_SK", "sk"), "hu": ("hu_HU", "hu"),
    "hr": ("hr_HR", "hr"), "sl": ("sl_SI", "hr"), "ro": ("ro_RO", "ro"), "tr": ("tr_TR", "tr"),
    "lt": ("lt_LT", "lt"), "lv": ("lv_LV", "lv"), "et": ("et_EE", "et"), "ru": ("ru_RU", "ru"),
    "uk": ("uk_UA", "uk"), "bg": ("bg_BG", "bg"), "el": ("el_GR", "el"), "he": ("he_IL", "he"),
    "ar": ("ar_SA", "ar"), "th": ("th_TH", "th"), "vi": ("vi_VN", "vi"), "ja": ("ja_JP", "ja"),
    "zh": ("zh_CN", "zh"), "zh-tw": ("zh_TW", "zh-tw"), "ko": ("ko_KR", "ko"),
}

# (code page as importlint names it, Python codec, tool, single-country languages, languages of a
# multinational file of that code page)
CODE_PAGES = [
    ("windows-1252", "cp1252", "ansi", ["it", "da", "de", "fr", "es", "pt", "nl", "sv", "no", "fi", "is"],
     ["en", "de", "fr", "es", "it", "nl", "da", "sv", "pt"]),
    ("windows-1250", "cp1250", "ansi", ["pl", "cs", "sk", "hu", "hr", "sl", "ro"], ["en", "pl", "cs", "sk", "hu", "de"]),
    ("windows-1251", "cp1251", "ansi", ["ru", "uk", "bg"], ["en", "ru", "uk", "bg"]),
    ("windows-1253", "cp1253", "ansi", ["el"], ["en", "el"]),
    ("windows-1254", "cp1254", "ansi", ["tr"], ["en", "tr", "de", "fr"]),
    ("windows-1255", "cp1255", "ansi", ["he"], ["en", "he"]),
    ("windows-1256", "cp1256", "ansi", ["ar"], ["en", "ar", "fr"]),
    ("windows-1257", "cp1257", "ansi", ["lt", "lv", "et"], ["en", "lt", "lv", "et", "da", "sv", "fi", "de"]),
    ("windows-1258", "cp1258", "ansi", ["vi"], ["en", "vi"]),
    ("windows-874", "cp874", "ansi", ["th"], ["en", "th"]),
    ("Shift_JIS", "cp932", "ansi", ["ja"], ["en", "ja"]),
    ("GBK", "gbk", "ansi", ["zh"], ["en", "zh"]),
    ("windows-949", "cp949", "ansi", ["ko"], ["en", "ko"]),
    ("Big5", "cp950", "ansi", ["zh-tw"], ["en", "zh-tw"]),
    ("IBM437", "cp437", "oem", ["en", "fr", "es", "de"], ["en", "fr", "es", "de", "sv"]),
    ("IBM850", "cp850", "oem", ["de", "fr", "it", "es", "pt", "da", "nl"], ["en", "de", "fr", "it", "es", "da"]),
    ("IBM852", "cp852", "oem", ["pl", "cs", "sk", "hu", "hr", "sl", "ro"], ["en", "pl", "cs", "hu", "de"]),
    ("IBM855", "cp855", "oem", ["ru", "bg"], ["en", "ru", "bg"]),
    ("IBM857", "cp857", "oem", ["tr"], ["en", "tr", "de"]),
    ("IBM866", "cp866", "oem", ["ru", "uk", "bg"], ["en", "ru", "bg"]),
    ("IBM737", "cp737", "oem", ["el"], ["en", "el"]),
    ("IBM775", "cp775", "oem", ["lt", "lv", "et"], ["en", "lt", "lv", "da", "de"]),
    # Unix and LDAP feeds (ldapsearch | iconv, Perl and PHP HR scripts, MySQL latin1 dumps).
    ("ISO-8859-1", "latin_1", "unix", ["de", "fr", "es", "pt", "it", "da", "sv", "fi", "is"],
     ["en", "de", "fr", "es", "it", "nl", "da", "sv", "pt"]),
    ("ISO-8859-15", "iso8859_15", "unix", ["fr", "fi", "de", "et"], ["en", "fr", "fi", "de", "et"]),
    ("ISO-8859-2", "iso8859_2", "unix", ["pl", "cs", "sk", "hu", "hr", "sl", "ro"], ["en", "pl", "cs", "sk", "hu", "de"]),
    ("ISO-8859-4", "iso8859_4", "unix", ["lt", "lv", "et"], ["en", "lt", "lv", "et", "da", "de"]),
    ("ISO-8859-13", "iso8859_13", "unix", ["lt", "lv", "et", "pl"], ["en", "lt", "lv", "et", "pl", "de", "sv"]),
    ("ISO-8859-5", "iso8859_5", "unix", ["ru", "bg"], ["en", "ru", "bg"]),
    ("ISO-8859-7", "iso8859_7", "unix", ["el"], ["en", "el"]),
    ("ISO-8859-9", "iso8859_9", "unix", ["tr"], ["en", "tr", "de", "fr"]),
    ("KOI8-R", "koi8_r", "unix", ["ru"], ["en", "ru"]),
    ("KOI8-U", "koi8_u", "unix", ["uk", "ru"], ["en", "uk", "ru"]),
    # Excel for Mac 2011 "CSV" (CR line ends, the Mac code page of the system's language).
    ("macintosh", "mac_roman", "mac", ["fr", "de", "es", "it", "pt", "sv", "da", "nl"], ["en", "fr", "de", "es", "it", "sv"]),
    ("x-mac-centraleurroman", "mac_latin2", "mac", ["pl", "cs", "sk", "hu"], ["en", "pl", "cs", "hu", "de"]),
    ("x-mac-cyrillic", "mac_cyrillic", "mac", ["ru", "uk", "bg"], ["en", "ru", "uk", "bg"]),
    # DOS code pages the judge does not list (865 reads every letter as 850 does), and Portuguese 860 and
    # Canadian French 863, which it lists since session 30.
    ("IBM865", "cp865", "oem", ["da", "no"], ["en", "da", "no", "de"]),
    ("IBM869", "cp869", "oem", ["el"], ["en", "el"]),
    ("IBM862", "cp862", "oem", ["he"], ["en", "he"]),
    ("x-IBM720", "cp720", "oem", ["ar"], ["en", "ar"]),
    ("IBM864", "cp864", "oem", ["ar"], ["en", "ar"]),
    ("IBM860", "cp860", "oem", ["pt"], ["en", "pt"]),
    ("IBM863", "cp863", "oem", ["fr"], ["en", "fr"]),
]

CODECS = dict(CODEC_OF)
CODECS.update({name: codec for name, codec, *_ in CODE_PAGES})
CODECS.update({"ISO-8859-13": "iso8859_13", "ISO-8859-4": "iso8859_4", "ISO-8859-10": "iso8859_10",
               "windows-936": "gbk", "windows-932": "cp932", "windows-950": "cp950", "IBM737": "cp737",
               "IBM775": "cp775", "IBM855": "cp855", "IBM857": "cp857", "IBM865": "cp865"})

SEMICOLON_COUNTRIES = {"de", "fr", "es", "pt", "it", "nl", "da", "sv", "no", "fi", "is", "pl", "cs", "sk", "hu",
                       "hr", "sl", "ro", "tr", "lt", "lv", "et", "ru", "uk", "bg", "el", "vi"}

_fakers = {}


def faker(language, seed):
    if language not in _fakers:
        f = Faker(LOCALES[language][0])
        f.seed_instance(seed)
        _fakers[language] = f
    return _fakers[language]


def person(language, rng, seed):
    f = faker(language, seed)
    words_key = LOCALES[language][1]
    if words_key:
        words = LANGUAGES[words_key][1]
        title, department, place = rng.choice(words), rng.choice(words), rng.choice(words)
    else:
        title, department, place = f.job()[:60], "IT", f.city()
    first, last = f.first_name(), f.last_name()
    mail = f"user{rng.randint(1, 99999)}@example.com"
    return first, last, mail, title, department, place


def rows_for(languages, count, codec, rng, seed, rare_local=None):
    """`count` people of `languages` the code page can write; with `rare_local`, that share of them local
    (the rest English)."""
    out = []
    attempts = 0
    while len(out) < count and attempts < count * 20:
        attempts += 1
        if rare_local is not None:
            language = rng.choice(languages[1:]) if rng.random() < rare_local else "en"
        else:
            language = rng.choice(languages)
        p = person(language, rng, seed)
        try:
            encode(" ".join(p), codec)
        except UnicodeEncodeError:
            continue
        out.append(p)
    return out


def render(rows, tool, semicolon, people_format, rng):
    if people_format:
        header = ["Name", "Primary Email", "Job Title", "Organization", "Site"]
        rows = [[f"{r[0]} {r[1]}", r[2], r[3], r[4], r[5]] for r in rows]
    else:
        header = ["First Name", "Last Name", "Email", "Business Title", "Department", "Location"]
        rows = [list(r) for r in rows]
    if tool == "powershell":
        return "".join(",".join('"' + c.replace('"', '""') + '"' for c in r) + "\r\n" for r in [header] + rows)
    sep = "\t" if tool == "unix-tsv" else ";" if semicolon else ","
    end = {"unix": "\n", "unix-tsv": "\n", "mac": "\r"}.get(tool, "\r\n")
    return "".join(sep.join('"' + c + '"' if sep in c or '"' in c else c for c in r) + end for r in [header] + rows)


def corpus(per_shape, seed, pages=None):
    """Yields (code page, shape, language, bytes, text)."""
    rng = random.Random(seed)
    for name, codec, kind, singles, mix in CODE_PAGES:
        if pages and name not in pages:
            continue
        for shape in ["single", "multinational", "small", "rare"]:
            for i in range(per_shape):
                if shape in ("single", "small"):
                    language = singles[i % len(singles)]
                    languages = [language]
                else:
                    language = "mix"
                    languages = mix
                if shape == "single":
                    count = rng.randint(40, 400)
                elif shape == "small":
                    count = rng.randint(5, 30)
                elif shape == "multinational":
                    count = rng.randint(40, 600)
                else:
                    count = rng.randint(100, 400)
                rows = rows_for(languages, count, codec, rng, seed,
                                rare_local=rng.choice([0.01, 0.03, 0.08]) if shape == "rare" else None)
                tool = {"oem": "console", "mac": "mac"}.get(kind) \
                    or rng.choice(["unix", "unix-tsv"] if kind == "unix" else ["powershell", "excel"])
                semicolon = tool in ("excel", "mac") and language in SEMICOLON_COUNTRIES
                text = render(rows, tool, semicolon, rng.random() < 0.3, rng)
                data = encode(text, codec)
                if not any(b >= 0x80 for b in data):
                    continue  # nothing to judge
                yield name, shape, language, data, data.decode(codec)


def verdicts(binary, paths):
    out = subprocess.run([binary, "check", "--no-config", "--format", "json", *paths], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"importlint failed: {out.stderr}")
    result = {}
    for f in json.loads(out.stdout)["files"]:
        legacy = [d for d in f["diagnostics"] if d["rule"] == "legacy-encoding"]
        safe = bool(legacy) and legacy[0]["fix"]["applicability"] == "safe"
        result[f["path"]] = (f["encoding"], safe, legacy[0]["message"] if legacy else "")
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/importlint")
    parser.add_argument("--per-shape", type=int, default=12)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="write the corpus to this folder and keep it")
    parser.add_argument("--pages", help="only these true code pages (comma-separated)")
    parser.add_argument("--verbose", action="store_true", help="list every wrong safe file")
    args = parser.parse_args()
    tmp = tempfile.TemporaryDirectory()
    folder = args.keep or tmp.name
    os.makedirs(folder, exist_ok=True)
    truths = {}
    for k, (name, shape, language, data, text) in enumerate(corpus(args.per_shape, args.seed, args.pages and args.pages.split(","))):
        path = os.path.join(folder, f"{name}-{shape}-{language}-{k}.csv")
        with open(path, "wb") as f:
            f.write(data)
        truths[path] = (name, shape, language, data, text)
    judged = {}
    paths = list(truths)
    for i in range(0, len(paths), 200):
        judged.update(verdicts(args.binary, paths[i:i + 200]))
    confusion = collections.Counter()
    # files, right and safe, identical bytes (another page's reading of the same text) and safe, right but
    # unsafe, wrong and unsafe, wrong and safe
    per_page = collections.defaultdict(lambda: [0] * 6)
    wrong_safe = []
    for path, (name, shape, language, data, text) in truths.items():
        encoding, safe, message = judged[path]
        codec = CODECS.get(encoding)
        right = codec is not None and data.decode(codec, errors="replace") == text
        confusion[(name, encoding if not right else f"={encoding}", "safe" if safe else "unsafe")] += 1
        cell = per_page[name]
        cell[0] += 1
        column = (1 if encoding == name else 2) if right and safe else 3 if right else 5 if safe else 4
        cell[column] += 1
        if safe and not right:
            wrong_safe.append((os.path.basename(path), encoding, message[:160]))
    print(f"{'true code page':22}{'files':>7}{'right safe':>12}{'ident. safe':>12}{'right unsafe':>14}"
          f"{'wrong unsafe':>14}{'WRONG SAFE':>12}")
    totals = [0] * 6
    for name, *_ in CODE_PAGES:
        if name not in per_page:
            continue
        cell = per_page[name]
        totals = [a + b for a, b in zip(totals, cell)]
        print(f"{name:22}{cell[0]:7}{cell[1]:12}{cell[2]:12}{cell[3]:14}{cell[4]:14}{cell[5]:12}")
    print(f"{'all':22}{totals[0]:7}{totals[1]:12}{totals[2]:12}{totals[3]:14}{totals[4]:14}{totals[5]:12}")
    print("confusion (true, judged ('=' when it reads right), safe?): count")
    for key, n in sorted(confusion.items()):
        print(f"  {key[0]:22} {key[1]:22} {key[2]:7} {n}")
    for w in wrong_safe if args.verbose else wrong_safe[:30]:
        print("  wrong safe:", *w)
    return 1 if wrong_safe else 0


if __name__ == "__main__":
    sys.exit(main())
