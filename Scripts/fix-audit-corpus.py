#!/usr/bin/env python3
"""Writes a corpus of people, contact-details and Receptionist exports made the way Windows and directory
tools make them, with the truth behind every cell, for Scripts/fix-audit.py.

Each file FILE gets FILE.truth.json: the codec that decodes the file as written ("mixed" for two exports of
different encodings appended), the header, whether the target can read the file at all, and per record the
cells as written (decoded), the clean value each cell stood for (null where the export lost it), and the
defect applied to it. Deterministic by --seed and --chains. Needs the `faker` package.

    python3 Scripts/fix-audit-corpus.py --out /tmp/audit --files 240 --seed 1 [--chains classic|widened|all]

`classic` is session 30's thirteen tool chains (the same corpus per seed as then); `widened` adds PowerShell 7
`-UseQuotes AsNeeded`, PS 5.1 `ConvertTo-Csv | Out-File` (UTF-16LE) in non-Latin locales, Excel "CSV" in seven
locales' ANSI pages (Shift-JIS and GBK among them), `cat` of a UTF-8-BOM export and an ANSI export, HR/SQL
feeds with placeholders in every optional column, and correct files in every locale (UTF-8 and UTF-16LE).

`extended` (session 32) adds scripts and tool chains: Excel for Mac "CSV UTF-8" and "CSV (Macintosh)" (Mac Roman,
CR ends), Numbers/macOS NFD text, Google Sheets downloads, LibreOffice saves (delimiter, charset, quoting), Entra
"Download users" and csvde exports (no target's format), a delimiter ending every line, hand-quoted headers with
spaces, multi-line addresses, cells at the length limits, public-data-sized files (1,500-5,000 rows) and correct
files in Georgian, Armenian, Amharic, Tamil, Bengali, Yoruba, Hawaiian, Māori, Icelandic and the other scripts,
with particles and U+2019 apostrophes; `every` is all of them. Earlier seeds' files are unchanged.

`tools` (session 33, Scripts/fix_audit_tool_chains.py, not in `every`) writes files as sqlcmd (-s",", padded or -W),
bcp -c, mysql --batch, psql -A, pandas to_csv, Excel number columns, Get-ADUser | Export-Csv, Outlook and Google
Contacts exports mapped onto The Receptionist, Export-Csv -Append, an interrupted copy and `cat` of a headerless
UTF-8-BOM export make them.
"""
import argparse, json, os, random, sys, unicodedata

from faker import Faker

from fix_audit_tool_chains import TOOL_CHAINS, make_tool_file

# locale: (ANSI page, OEM page, list separator, country, time zone (Rails), IANA id, 4me locale, phone form)
LOCALES = {
    "de_DE": ("cp1252", "cp850", ";", "DE", "Berlin", "Europe/Berlin", "de", "+49151{d8}"),
    "fr_FR": ("cp1252", "cp850", ";", "FR", "Paris", "Europe/Paris", "fr", "+336{d8}"),
    "nl_NL": ("cp1252", "cp850", ";", "NL", "Amsterdam", "Europe/Amsterdam", "nl", "+316{d8}"),
    "sv_SE": ("cp1252", "cp850", ";", "SE", "Stockholm", "Europe/Stockholm", "sv", "+4670{d7}"),
    "es_MX": ("cp1252", "cp850", ",", "MX", "Mexico City", "America/Mexico_City", "es", "+5255{d8}"),
    "pt_BR": ("cp1252", "cp850", ";", "BR", "Brasilia", "America/Sao_Paulo", "pt", "+55119{d8}"),
    "pl_PL": ("cp1250", "cp852", ";", "PL", "Warsaw", "Europe/Warsaw", "pl", "+48512{d6}"),
    "cs_CZ": ("cp1250", "cp852", ";", "CZ", "Prague", "Europe/Prague", "cs", "+420601{d6}"),
    "tr_TR": ("cp1254", "cp857", ";", "TR", "Istanbul", "Europe/Istanbul", "tr", "+90532{d7}"),
    "ru_RU": ("cp1251", "cp866", ";", "RU", "Moscow", "Europe/Moscow", "ru", "+7912{d7}"),
    "uk_UA": ("cp1251", "cp866", ";", "UA", "Kyiv", "Europe/Kyiv", "ru", "+38067{d7}"),
    "el_GR": ("cp1253", "cp737", ";", "GR", "Athens", "Europe/Athens", "en", "+3069{d8}"),
    "he_IL": ("cp1255", "cp862", ",", "IL", "Jerusalem", "Asia/Jerusalem", "he", "+97252{d7}"),
    "ar_EG": ("cp1256", "cp720", ",", "EG", "Cairo", "Africa/Cairo", "ar", "+2010{d8}"),
    "ar_SA": ("cp1256", "cp720", ",", "SA", "Riyadh", "Asia/Riyadh", "ar", "+96650{d7}"),
    "fa_IR": ("cp1256", "cp720", ",", "IR", "Tehran", "Asia/Tehran", "fa", "+98912{d7}"),
    "hi_IN": ("cp1252", "cp437", ",", "IN", "New Delhi", "Asia/Kolkata", "hi", "+9198{d8}"),
    "th_TH": ("cp874", "cp874", ",", "TH", "Bangkok", "Asia/Bangkok", "en", "+6681{d7}"),
    "vi_VN": ("cp1258", "cp1258", ",", "VN", "Hanoi", "Asia/Bangkok", "en", "+8491{d7}"),
    "ja_JP": ("cp932", "cp932", ",", "JP", "Tokyo", "Asia/Tokyo", "ja", "+8190{d8}"),
    "zh_CN": ("gbk", "gbk", ",", "CN", "Beijing", "Asia/Shanghai", "zh", "+86138{d8}"),
    "zh_TW": ("cp950", "cp950", ",", "TW", "Taipei", "Asia/Taipei", "zh", "+8869{d8}"),
    "ko_KR": ("cp949", "cp949", ",", "KR", "Seoul", "Asia/Seoul", "ko", "+8210{d8}"),
    "en_US": ("cp1252", "cp437", ",", "US", "Eastern Time (US & Canada)", "America/New_York", "en-US", "+1212555{d4}"),
}
# Rails names sharing one IANA id: a fix to any of them is right
IANA_TO_RAILS = {"Asia/Kolkata": ["Chennai", "Kolkata", "Mumbai", "New Delhi"], "Asia/Bangkok": ["Bangkok", "Hanoi"],
                 "Asia/Tokyo": ["Osaka", "Sapporo", "Tokyo"], "Europe/Moscow": ["Moscow", "St. Petersburg"],
                 "America/Mexico_City": ["Guadalajara", "Mexico City"], "Pacific/Auckland": ["Auckland", "Wellington"],
                 "Etc/UTC": ["UTC"]}
WINDOWS_DISPLAY_TZ = {"Europe/Berlin": "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna",
                      "Asia/Tokyo": "(UTC+09:00) Osaka, Sapporo, Tokyo"}
WINDOWS_TZ = {"Europe/Berlin": "W. Europe Standard Time", "Europe/Paris": "Romance Standard Time",
              "Europe/Moscow": "Russian Standard Time", "Asia/Tokyo": "Tokyo Standard Time",
              "America/New_York": "Eastern Standard Time", "Europe/Warsaw": "Central European Standard Time"}
COUNTRY_NAMES = {"DE": "Germany", "FR": "France", "NL": "Netherlands", "PL": "Poland", "CZ": "Czechia",
                 "TR": "Turkey", "US": "United States", "SE": "Sweden", "JP": "Japan", "BR": "Brazil"}
LIST_SEP_LOCALES = [k for k, v in LOCALES.items() if v[2] == ";"]

PEOPLE_COLS = ["Primary Email", "Name", "Organization", "Job Title", "Employee ID", "Manager", "Site",
               "Time Zone", "Locale", "VIP", "Cost Per Hour"]
CONTACT_COLS = ["Person", "Contact Protocol", "Contact Label", "Contact URI", "Address Label",
                "Address Address", "Address City", "Address Zip", "Address Country", "Integration"]
RECEPTION_COLS = ["First Name", "Last Name", "Email", "SMS Phone", "Business Title", "Department", "PIN",
                  "Location Slug", "Identification", "Slack"]

# Correct names that look odd: apostrophes, legitimate 'Ã', ZWNJ in Persian, Turkish dotted I, all caps
TRICKY_NAMES = [("Seán", "O'Brien"), ("JOÃO", "CONCEIÇÃO"), ("Ægir", "Þórsson"), ("İbrahim", "Çelik"),
                ("Łukasz", "Źdźbło"), ("Řehoř", "Šťastný"), ("Zoë", "Brontë"), ("Nan", "Null"),
                ("Ana", "Na"), ("Björk", "Guðmundsdóttir"), ("علی\u200cرضا", "محمدی"), ("José", "Müller-Lüdenscheidt"),
                ("Ολυμπία", "Παπαδοπούλου"), ("NGUYỄN", "VĂN AN"), ("François", "L'Hôpital"), ("Ðorđe", "Đoković"),
                ("Ñuño", "Ibáñez"), ("Mª José", "García"), ("Jürgen", "Groß"), ("Tomáš", "Dvořák")]

# Session 32 (chains "extended"): scripts the earlier chains lack. Faker has no Amharic, Māori or Hawaiian names:
# those locales take Faker's English data and their names from EXTENDED_NAMES.
EXTENDED_LOCALES = {
    "ka_GE": ("cp1252", "cp866", ";", "GE", "Tbilisi", "Asia/Tbilisi", "en", "+9955{d8}"),
    "hy_AM": ("cp1252", "cp866", ";", "AM", "Yerevan", "Asia/Yerevan", "en", "+3749{d7}"),
    "ta_IN": ("cp1252", "cp437", ",", "IN", "Chennai", "Asia/Kolkata", "en", "+9194{d8}"),
    "bn_BD": ("cp1252", "cp437", ",", "BD", "Dhaka", "Asia/Dhaka", "en", "+88017{d8}"),
    "is_IS": ("cp1252", "cp861", ";", "IS", "UTC", "Etc/UTC", "en", "+3546{d6}"),
    "yo_NG": ("cp1252", "cp437", ",", "NG", "West Central Africa", "Africa/Lagos", "en", "+23480{d8}"),
    "am_ET": ("cp1252", "cp437", ",", "ET", "Nairobi", "Africa/Nairobi", "en", "+2519{d8}"),
    "mi_NZ": ("cp1252", "cp437", ",", "NZ", "Wellington", "Pacific/Auckland", "en", "+6421{d7}"),
    "haw_US": ("cp1252", "cp437", ",", "US", "Hawaii", "Pacific/Honolulu", "en-US", "+1808555{d4}"),
}
FAKER_LOCALE = {"am_ET": "en_US", "mi_NZ": "en_NZ", "haw_US": "en_US"}
# Correct names of each script as people write them: Yoruba tone marks over dotted vowels (a combining mark
# after a precomposed letter even in NFC), Hebrew with niqqud, Hawaiian ʻokina (U+02BB), Māori macrons,
# Bengali's র‍্য (a ZWJ), Persian ZWNJ, Greek diaeresis, particles and U+2019 apostrophes
EXTENDED_NAMES = {
    "yo_NG": [("Adéwálé", "Ọláòṣebìkan"), ("Olúwaṣeun", "Adébáyọ̀"), ("Ìfẹ́olúwa", "Àjàyí"), ("Fọlákẹ́", "Ògúndélé"),
              ("Ọmọ́tọ́ṣọ̀", "Babátúndé")],
    "he_IL": [("מֹשֶׁה", "כֹּהֵן"), ("שָׂרָה", "לֵוִי"), ("יִצְחָק", "רַבִּין"), ("רִבְקָה", "אַבְרָהָם")],
    "haw_US": [("Kaʻiulani", "Kalākaua"), ("Keʻalohilani", "Kaʻahumanu"), ("Pualani", "Kamakaʻeha"), ("Līloa", "Kūhiō"),
               ("ʻIolani", "Kealiʻi")],
    "mi_NZ": [("Tāmati", "Ngāwhika"), ("Mere", "Pōmare"), ("Hēmi", "Te Kōhatu"), ("Āperahama", "Tūhoe"),
              ("Wīremu", "Ōtaki")],
    "am_ET": [("አበበ", "ቢቂላ"), ("ሙሉጌታ", "ተስፋዬ"), ("ትዕግሥት", "ገብረ መድኅን"), ("ፀሐይ", "ወልደ ማርያም"), ("ዮሐንስ", "ኃይለ ሥላሴ")],
    "bn_BD": [("র\u200d্যাচেল", "রায়"), ("অর্ক", "বন্দ্যোপাধ্যায়")],
    "fa_IR": [("محمد\u200cعلی", "کریمی"), ("فاطمه\u200cزهرا", "حسینی")],
    "el_GR": [("Ευάγγελος", "Παπαϊωάννου"), ("Ραΐσα", "Καραϊσκάκη")],
    "vi_VN": [("Minh Khai", "Nguyễn Thị"), ("Hưng Đạo", "Trần"), ("Ngọc Thạch", "Phạm"), ("Hồng Gấm", "Lê Thị")],
}
PARTICLE_NAMES = [("Johannes", "van der Berg"), ("María", "de la Cruz"), ("Ahmad", "bin Abdullah"), ("Siobhán", "O’Neil"),
                  ("Jean-Luc", "d’Alembert"), ("Anna-Lena", "von Müller-Westernhagen"), ("D'Arcy", "O'Connor"),
                  ("Nur", "binti Hassan"), ("Liam", "Ó Briain"), ("Ngũgĩ", "wa Thiong’o"), ("Jan", "de Vries-van Dijk")]


def windows_decode(raw, codec):
    """Bytes read in a Windows code page as Windows reads them: an unassigned byte becomes its C1 control."""
    out = []
    for b in raw:
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def mojibake(text, codec, times):
    for _ in range(times):
        text = windows_decode(text.encode("utf-8"), codec)
    return text


def ascii_slug(text):
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(c for c in s if c.isalnum())


class Maker:
    def __init__(self, rng, locale, tricky_rate=0.12, tricky_names=TRICKY_NAMES):
        self.rng, self.locale, self.tricky_rate, self.tricky_names = rng, locale, tricky_rate, tricky_names
        self.fake = Faker(FAKER_LOCALE.get(locale, locale))
        self.fake.seed_instance(rng.randrange(1 << 30))
        self.info = LOCALES.get(locale) or EXTENDED_LOCALES[locale]
        self.phones = None  # the numbers given so far, where each must be new
        self.domain = f"{ascii_slug(self.fake.last_name()) or 'corp'}{rng.randrange(10, 99)}.com"
        self.orgs = [f"{self.fake.company()}"[:60] for _ in range(2)]

    def digits(self, n):
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def phone(self):
        form = self.info[7]
        for n in (4, 6, 7, 8):
            form = form.replace("{d%d}" % n, self.digits(n))
        if self.phones is not None:  # a file of thousands of rows would repeat a number by chance
            if form in self.phones:
                return self.phone()
            self.phones.add(form)
        return form

    def person(self, i):
        if self.rng.random() < self.tricky_rate:
            first, last = self.rng.choice(self.tricky_names)
        else:
            first, last = self.fake.first_name(), self.fake.last_name()
        local = f"{ascii_slug(first)}.{ascii_slug(last)}".strip(".") or "user"
        email = f"{local}{i}@{self.domain}"
        return {"first": first, "last": last, "email": email, "id": str(100000 + i)}


def people_rows(m, n):
    people = [m.person(i) for i in range(n)]
    rows = []
    for i, p in enumerate(people):
        manager = people[0]["email"] if i else ""
        name = f"{p['last']} {p['first']}" if m.locale[:2] in ("ja", "zh", "ko") else f"{p['first']} {p['last']}"
        rows.append({"Primary Email": p["email"], "Name": name, "Organization": m.rng.choice(m.orgs),
                     "Job Title": m.fake.job()[:80].strip(), "Employee ID": p["id"], "Manager": manager,
                     "Site": m.fake.city(), "Time Zone": m.info[4], "Locale": m.info[6],
                     "VIP": m.rng.choice(["", "false", "true", "Yes", "TRUE", "n", "0"]),
                     "Cost Per Hour": m.rng.choice(["", "45.50", "120", "87.25"])})
    return rows, people


def contact_rows(m, n):
    people = [m.person(i) for i in range(max(2, n // 2))]
    rows = []
    for p in people:
        integ = m.rng.choice(["true", "false", "1"])
        rows.append({"Person": p["email"], "Contact Protocol": "telephone", "Contact Label": "mobile",
                     "Contact URI": m.phone(), "Address Label": "", "Address Address": "", "Address City": "",
                     "Address Zip": "", "Address Country": "", "Integration": integ})
        if m.rng.random() < 0.6:
            rows.append({"Person": p["email"], "Contact Protocol": "", "Contact Label": "",
                         "Contact URI": "", "Address Label": "home",
                         "Address Address": m.fake.street_address().replace("\n", " ")[:200]
                         + (f"\n{m.fake.building_number()}" if m.rng.random() < 0.2 else ""),
                         "Address City": m.fake.city(), "Address Zip": m.fake.postcode(),
                         "Address Country": m.info[3], "Integration": integ})
    return rows, people


def reception_rows(m, n):
    people = [m.person(i) for i in range(n)]
    slugs = [(ascii_slug(m.fake.city()) or f"site{k}") + "-office" for k in range(2)]
    rows = []
    for p in people:
        rows.append({"First Name": p["first"], "Last Name": p["last"], "Email": p["email"],
                     "SMS Phone": m.phone(), "Business Title": m.fake.job()[:60].strip(),
                     "Department": m.rng.choice(["Sales", "IT", "Finance"]),
                     "PIN": m.digits(m.rng.choice([4, 4, 6])), "Location Slug": m.rng.choice(slugs),
                     "Identification": p["id"], "Slack": ascii_slug(p["first"]) or "user"})
    return rows, people


NAME_COLS = {"Name", "First Name", "Last Name", "Job Title", "Business Title", "Site", "Address City",
             "Organization", "Address Address"}
MOJIBAKE_PAGE = {"cp1250": "cp1250", "cp1251": "cp1251", "cp1253": "cp1253", "cp1254": "cp1254",
                 "cp1256": "cp1256"}


# Columns an HR or SQL feed fills with a placeholder when the source has no value
HR_PLACEHOLDER_COLS = {"Job Title", "Business Title", "Site", "Address City", "Employee ID", "Manager", "Department",
                       "Address Zip", "Address Address", "Cost Per Hour", "Identification", "Slack"}


def value_defects(m, kind, rows, people, rate):
    """Damages cells the way directory exports do. Returns {(row, col): (defect, truth or None, options)}."""
    rng, defects = m.rng, {}

    def put(r, col, written, defect, truth, options=None):
        defects[(r, col)] = (defect, truth, options)
        rows[r][col] = written

    for r, row in enumerate(rows):
        for col, value in list(row.items()):
            if kind == "hr" and rate and col in HR_PLACEHOLDER_COLS and rng.random() < 0.15:
                word = rng.choice(["NULL", "null", "N/A", "n/a", "-", "--", "#N/A", "none", "(null)"])
                # importlint reads a dash as a placeholder only where the column takes typed values, by decision
                put(r, col, word, "placeholder-dash" if word.startswith("-") else "placeholder", "")
                continue
            if rng.random() >= rate or (r, col) in defects:
                continue
            truth = value
            if col in NAME_COLS and value:
                pick = rng.choice(["ws", "nfd", "moji", "moji2", "soft", "bidi", "zwsp"])
                if pick == "ws":
                    put(r, col, rng.choice([" ", "  ", "\u00a0"]) + value + rng.choice(["", " "]), pick, truth)
                elif pick == "nfd" and unicodedata.normalize("NFD", value) != value:
                    put(r, col, unicodedata.normalize("NFD", value), pick, truth)
                elif pick.startswith("moji") and any(ord(c) > 127 for c in value):
                    page = MOJIBAKE_PAGE.get(m.info[0], "cp1252")
                    if pick == "moji2" and rng.random() < 0.3 and page != "cp1252":  # Excel, then a local tool
                        try:
                            put(r, col, mojibake(mojibake(value, "cp1252", 1), page, 1), "moji-cross", truth)
                        except UnicodeError:
                            pass
                        continue
                    try:
                        put(r, col, mojibake(value, page, 2 if pick == "moji2" else 1), pick, truth)
                    except UnicodeError:
                        pass
                elif pick in ("soft", "zwsp") and len(value) > 4 and " " not in value[:4]:
                    mark = "\u00ad" if pick == "soft" else "\u200b"
                    put(r, col, value[:3] + mark + value[3:], pick, truth)
                elif pick == "bidi":
                    put(r, col, "\u200f" + value if rng.random() < 0.5 else value + "\u200e", pick, truth)
            elif col in ("Primary Email", "Email", "Person") and value:
                pick = rng.choice(["smtp", "display", "ws"])
                if pick == "smtp":
                    put(r, col, "SMTP:" + value, pick, truth)
                elif pick == "display":
                    p = next((p for p in people if p["email"] == value), None)
                    if p:
                        put(r, col, f"{p['first']} {p['last']} <{value}>", pick, truth)
                else:
                    put(r, col, value + " ", pick, truth)
            elif col == "Manager" and value:
                pick = rng.choice(["dn", "smtp"])
                if pick == "dn":
                    boss = people[0]
                    put(r, col, f"CN={boss['last']}\\, {boss['first']},OU=Users,DC=corp,DC={ascii_slug(m.domain[:-4])},DC=com",
                        pick, truth)
                else:
                    put(r, col, "SMTP:" + value, pick, truth)
            elif col == "Time Zone":
                iana = m.info[5]
                options = IANA_TO_RAILS.get(iana, [value])
                if iana in WINDOWS_DISPLAY_TZ and rng.random() < 0.3:
                    put(r, col, WINDOWS_DISPLAY_TZ[iana], "tz-windows-display", truth,
                        ["Amsterdam", "Berlin", "Bern", "Rome", "Stockholm", "Vienna", "Osaka", "Sapporo", "Tokyo"])
                elif rng.random() < 0.6 or iana not in WINDOWS_TZ:
                    put(r, col, iana, "tz-iana", truth, options)
                else:
                    put(r, col, WINDOWS_TZ[iana], "tz-windows", truth, options)
            elif col == "Locale":
                if "-" in value:
                    put(r, col, value.lower(), "locale-case", truth)
                elif rng.random() < 0.5:
                    put(r, col, value.upper(), "locale-case", truth)
                else:
                    cc = m.info[3]
                    put(r, col, f"{value[:2]}_{cc}", "locale-underscore", f"{value[:2]}-{cc}", [value[:2], f"{value[:2]}-{cc}"])
            elif col == "Cost Per Hour" and "." in value and m.info[2] == ";":
                put(r, col, value.replace(".", ","), "decimal-comma", truth)
            elif col == "Address Zip" and value[:1] == "0" and value.isdigit():
                put(r, col, value.lstrip("0"), "excel-zero", truth)
            elif col in ("VIP", "Integration") and value in ("true", "false", "1"):
                word = rng.choice(["ja", "oui", "si", "yes please", "X"]) if value in ("true", "1") else rng.choice(["nein", "non", "no"])
                put(r, col, word, "bool-word", "bool:" + ("true" if value in ("true", "1") else "false"))
            elif col == "Address Country" and value:
                if value in COUNTRY_NAMES:
                    put(r, col, COUNTRY_NAMES[value], "country-name", truth)
                else:
                    put(r, col, value.lower(), "country-case", truth)
            elif col in ("SMS Phone", "Contact URI") and value.startswith("+"):
                pick = rng.choice(["plus", "sci", "spaces"])
                if pick == "plus":
                    put(r, col, value[1:], "excel-plus", truth)
                elif pick == "sci":
                    digits = value[1:]
                    put(r, col, f"{digits[0]}.{digits[1:6].rstrip('0') or '0'}E+{len(digits) - 1}", "excel-sci", None)
                else:
                    put(r, col, " " + value, "ws", truth)
            elif col == "PIN":
                truth = "0" + value[1:]
                put(r, col, truth.lstrip("0") or "0", "excel-zero", truth)
            elif col == "Slack" and value:
                put(r, col, "@" + value, "slack-at", truth)
            elif col == "Location Slug":
                put(r, col, value.replace("-", " ").title(), "slug-caps", truth)
            elif col in ("Job Title", "Business Title", "Site", "Address City", "Employee ID") and kind == "sql":
                put(r, col, rng.choice(["NULL", "N/A", "-", "(not set)"]), "placeholder", "")
    return defects


def encode(text, codec):
    """Text saved in a narrower encoding: what it cannot hold becomes '?'."""
    return text.encode(codec, errors="replace")


def quote(cell, delim, always):
    if always or any(c in cell for c in (delim, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def serialize(header, rows, delim, always_quote, eol):
    lines = [delim.join(quote(h, delim, always_quote) for h in header)]
    for row in rows:
        lines.append(delim.join(quote(c, delim, always_quote) for c in row))
    return eol.join(lines) + eol


CLASSIC_CHAINS = ["ps51-ascii", "ps51-ascii-culture", "ps51-setcontent-ansi", "ps51-outfile-utf16", "ps51-utf8-bom",
                  "ps7-utf8", "excel-ansi", "excel-utf8", "console-oem", "cat-two", "sql-feed", "clean-utf8",
                  "clean-tsv"]
WIDENED_CHAINS = ["ps7-asneeded", "ps51-convertto-outfile", "excel-ansi-world", "cat-mixed", "hr-feed",
                  "clean-world", "clean-world-utf16"]
# The locales each widened chain cycles through (all of them when not named)
CHAIN_LOCALES = {
    "ps51-convertto-outfile": ["ja_JP", "zh_CN", "zh_TW", "ko_KR", "ru_RU", "uk_UA", "el_GR", "he_IL", "ar_SA",
                               "fa_IR", "th_TH", "hi_IN", "tr_TR", "pl_PL", "vi_VN"],
    "excel-ansi-world": ["fr_FR", "de_DE", "pl_PL", "tr_TR", "ru_RU", "ja_JP", "zh_CN"],
    "cat-mixed": ["fr_FR", "de_DE", "pl_PL", "cs_CZ", "tr_TR", "ru_RU", "el_GR", "ja_JP", "zh_CN", "sv_SE"],
}
CHAINS = CLASSIC_CHAINS


def cell_truths(header, cells, written, defects):
    """Per record and cell: the defect applied, the clean value (None where the written text lost it), the
    values a fix may rightly give. cp1258's decomposed letters are the same text as the truth (NFC)."""
    truths = []
    for r, row in enumerate(cells):
        rec = []
        for c, value in enumerate(row):
            defect, truth, options = defects.get((r, header[c]), (None, value, None))
            same = unicodedata.normalize("NFC", written[r][c]) == unicodedata.normalize("NFC", value)
            if not same and defect is None:
                defect, truth = "lost-in-encoding", None
            elif not same and defect:
                truth = None
            rec.append({"defect": defect, "truth": truth, "options": options})
        truths.append(rec)
    return truths


def record_lines(written, first_line, second_header_at=None):
    """The line each record starts on: one more per line break in its cells, and one for a second header."""
    lines, line = [], first_line
    for r in range(len(written)):
        if r == second_header_at:
            line += 1
        lines.append(line)
        line += 1 + sum(c.count("\n") for c in written[r])
    return lines


def make_file(rng, index, out):
    chain = CHAINS[index % len(CHAINS)]
    if chain in TOOL_CHAINS:
        return make_tool_file(sys.modules[__name__], rng, index, out, chain)
    if chain in EXTENDED_CHAINS:
        return make_extended(rng, index, out, chain)
    if chain in CLASSIC_CHAINS:
        locale = rng.choice(LIST_SEP_LOCALES if chain in ("ps51-ascii-culture", "excel-ansi") and rng.random() < 0.8
                            else list(LOCALES))
    else:  # every locale in turn, so that a small corpus still covers each script
        pool = CHAIN_LOCALES.get(chain, list(LOCALES))
        locale = pool[(index // len(CHAINS)) % len(pool)]
    m = Maker(rng, locale, 0.4 if chain.startswith("clean-world") else 0.12)
    kind = rng.choice(["people", "contacts"] if chain == "clean-world-utf16" else ["people", "contacts", "receptionist"])
    n = rng.randrange(6, 30)
    rows, people = {"people": people_rows, "contacts": contact_rows, "receptionist": reception_rows}[kind](m, n)
    header = {"people": PEOPLE_COLS, "contacts": CONTACT_COLS, "receptionist": RECEPTION_COLS}[kind]
    clean = chain.startswith("clean") or rng.random() < 0.15
    rate = 0 if clean else rng.choice([0.03, 0.08, 0.15])
    defect_kind = {"sql-feed": "sql", "hr-feed": "hr"}.get(chain, kind)
    defects = value_defects(m, defect_kind, rows, people, rate)
    cells = [[row[h] for h in header] for row in rows]
    empty_rows = set()
    delim, always_quote, eol, codec, prefix, type_line = ",", True, "\r\n", "utf-8", b"", False
    if kind != "receptionist" and chain in ("clean-tsv", "sql-feed", "ps7-utf8", "hr-feed", "clean-world") \
            and rng.random() < 0.7:
        delim = "\t"
    if chain.startswith("ps51"):
        type_line = rng.random() < 0.6
    if chain == "ps51-ascii":
        codec = "ascii"
    elif chain == "ps51-ascii-culture":
        codec, delim = "ascii", m.info[2]
    elif chain == "ps51-setcontent-ansi":
        codec = m.info[0]
    elif chain == "ps51-outfile-utf16":
        codec, prefix = "utf-16-le", "\ufeff".encode("utf-16-le")
    elif chain == "ps51-utf8-bom":
        prefix = b"\xef\xbb\xbf"
    elif chain == "ps7-utf8":
        always_quote, eol = rng.random() < 0.5, rng.choice(["\r\n", "\n"])
    elif chain in ("excel-ansi", "excel-utf8"):
        always_quote, delim = False, m.info[2] if chain == "excel-ansi" else rng.choice([",", m.info[2]])
        codec = m.info[0] if chain == "excel-ansi" else "utf-8"
        prefix = b"\xef\xbb\xbf" if chain == "excel-utf8" else b""
        if rng.random() < 0.4:  # trailing empty columns Excel keeps for formatted cells, and an empty row
            header = header + ["", ""]
            cells = [c + ["", ""] for c in cells]
            empty_rows.add(len(cells))
            cells.append([""] * len(header))
    elif chain == "console-oem":
        codec, always_quote = m.info[1], False
    elif chain in ("sql-feed", "clean-utf8", "clean-tsv", "cat-two", "hr-feed", "clean-world", "cat-mixed"):
        always_quote, eol = rng.random() < 0.3, rng.choice(["\r\n", "\n"])
    elif chain == "ps7-asneeded":  # Export-Csv -UseQuotes AsNeeded: UTF-8 without BOM, quotes only where needed
        always_quote, eol = False, rng.choice(["\r\n", "\n"])
    elif chain == "ps51-convertto-outfile":  # ConvertTo-Csv | Out-File: UTF-16LE with BOM, every cell quoted
        codec, prefix = "utf-16-le", "\ufeff".encode("utf-16-le")
        type_line = rng.random() < 0.5
    elif chain == "excel-ansi-world":
        always_quote, delim, codec = False, m.info[2], m.info[0]
        if rng.random() < 0.4:
            header = header + [""]
            cells = [c + [""] for c in cells]
    elif chain == "clean-world-utf16":  # 4me reads UTF-16LE; a BOM is how a reader knows it
        codec, prefix, always_quote = "utf-16-le", "\ufeff".encode("utf-16-le"), rng.random() < 0.5
    if chain.startswith("ps51") and rng.random() < 0.3:  # an object with no properties: '"",""'
        at = rng.randrange(len(cells) + 1)
        cells.insert(at, [""] * len(header))
        rows.insert(at, dict.fromkeys(header, ""))
        defects = {(r + 1 if r >= at else r, c): v for (r, c), v in defects.items()}
        empty_rows = {r + 1 if r >= at else r for r in empty_rows} | {at}
    # What the file holds, decoded as written: the oracle compares the fixed cells with it
    written = [[encode(c, codec).decode(codec) if codec != "utf-8" else c for c in row] for row in cells]
    ansi = m.info[0]
    half = len(cells) // 2
    if chain == "cat-mixed":  # the second export was saved in the ANSI page
        written[half:] = [[encode(c, ansi).decode(ansi) for c in row] for row in cells[half:]]
    if codec == "cp1258":  # Windows writes Vietnamese in 1258 with tone marks as combining characters
        written = [[unicodedata.normalize("NFD", c).encode(codec, errors="replace").decode(codec) for c in row]
                   for row in cells]
    header_written = [encode(h, codec).decode(codec) for h in header]
    truths = cell_truths(header, cells, written, defects)
    lines = record_lines(written, 3 if type_line else 2,
                         len(written) // 2 if chain in ("cat-two", "cat-mixed") else None)
    if chain == "cat-two":
        half = len(written) // 2
        first = serialize(header_written, written[:half], delim, always_quote, "\r\n")
        second = serialize(header_written, written[half:], delim, always_quote, "\n")
        data = b"\xef\xbb\xbf" + first.encode() + b"\xef\xbb\xbf" + second.encode()
        repeated = True
    elif chain == "cat-mixed":  # `cat a.csv b.csv`: a UTF-8-BOM export, then an ANSI one with its own header
        first = serialize(header_written, written[:half], delim, always_quote, eol)
        second = serialize(header_written, written[half:], delim, always_quote, eol)
        data = b"\xef\xbb\xbf" + first.encode() + encode(second, ansi)
        repeated = True
    else:
        text = serialize(header_written, written, delim, always_quote, eol)
        if type_line:
            text = "#TYPE System.Management.Automation.PSCustomObject" + eol + text
        data = prefix + encode(text, codec)
        repeated = False
    ext = "tsv" if delim == "\t" else "csv"
    name = f"{index:04d}-{chain}-{kind}-{locale}.{ext}"
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    decode_codec = "mixed" if chain == "cat-mixed" else {"utf-8": "utf-8-sig", "utf-16-le": "utf-16"}.get(codec, codec)
    truth = {"file": name, "chain": chain, "kind": kind, "locale": locale, "codec": decode_codec,
             "delimiter": delim, "clean": not defects and codec in ("utf-8", "utf-16-le") and not type_line
             and (not prefix or chain == "clean-world-utf16") and not repeated and not empty_rows and delim != ";",
             "readable": target_reads(data, kind, delim, type_line),
             "header": header, "records": [{"written": written[r], "cells": truths[r], "empty": r in empty_rows, "line": lines[r]}
                                           for r in range(len(cells))],
             "group_by": "Person" if kind == "contacts" else None}
    with open(os.path.join(out, name + ".truth.json"), "w") as f:
        json.dump(truth, f, ensure_ascii=False)


EXTENDED_CHAINS = ["mac-excel-utf8", "mac-excel-cr", "mac-numbers-nfd", "gsheets", "libreoffice", "entra-download",
                   "csvde", "trailing-delim", "quoted-headers", "multiline-address", "long-cells", "public-data",
                   "clean-scripts", "clean-scripts-utf16"]
SCRIPT_LOCALES = ["vi_VN", "th_TH", "el_GR", "he_IL", "ar_SA", "fa_IR", "hi_IN", "ta_IN", "bn_BD", "ka_GE", "hy_AM",
                  "am_ET", "ko_KR", "zh_TW", "is_IS", "yo_NG", "haw_US", "mi_NZ", "nl_NL", "fr_FR", "de_DE", "en_US"]
# Mac Roman holds Latin letters only
EXTENDED_CHAIN_LOCALES = {"mac-excel-cr": ["fr_FR", "de_DE", "is_IS", "mi_NZ", "haw_US", "vi_VN", "nl_NL"]}
ENTRA_COLS = ["userPrincipalName", "displayName", "surname", "mail", "givenName", "objectId", "userType", "jobTitle",
              "department", "accountEnabled", "usageLocation", "streetAddress", "state", "country",
              "physicalDeliveryOfficeName", "city", "postalCode", "telephoneNumber", "mobile",
              "authenticationAlternativePhoneNumber", "authenticationEmail", "alternateEmailAddress", "ageGroup",
              "consentProvidedForMinor", "legalAgeGroupClassification"]
# The portal's newer download names Graph properties
ENTRA_GRAPH_COLS = ["userPrincipalName", "displayName", "surname", "mail", "givenName", "id", "userType", "jobTitle",
                    "department", "accountEnabled", "usageLocation", "streetAddress", "state", "country",
                    "officeLocation", "city", "postalCode", "telephoneNumber", "mobilePhone", "alternateEmailAddress",
                    "ageGroup", "consentProvidedForMinor", "legalAgeGroupClassification", "companyName",
                    "creationType", "directorySynced", "invitationState", "identityIssuer", "createdDateTime"]
CSVDE_COLS = ["DN", "objectClass", "cn", "sn", "givenName", "distinguishedName", "displayName", "mail", "title",
              "department", "company", "telephoneNumber", "mobile", "l", "co", "sAMAccountName", "userPrincipalName",
              "whenCreated", "memberOf"]


def guid(rng):
    h = "%032x" % rng.getrandbits(128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def directory_rows(m, n, chain):
    """Rows of an Entra 'Download users' CSV or a csvde export: no target's format."""
    people, rows = [m.person(i) for i in range(n)], []
    tenant = m.domain[:-4] + ".onmicrosoft.com"
    country = COUNTRY_NAMES.get(m.info[3], m.info[3])
    cols = ENTRA_COLS if m.rng.random() < 0.5 else ENTRA_GRAPH_COLS
    for p in people:
        display, job, city = f"{p['first']} {p['last']}", m.fake.job()[:60].strip(), m.fake.city()
        if chain == "csvde":
            dn = f"CN={p['last']}\\, {p['first']},OU=Users,DC={ascii_slug(m.domain[:-4]) or 'corp'},DC=com"
            groups = ";".join(f"CN={g},OU=Groups,DC=corp,DC=com" for g in m.rng.sample(["Staff", "VPN Users", "Sales"], 2))
            rows.append(dict(zip(CSVDE_COLS, [dn, "user", f"{p['last']}, {p['first']}", p["last"], p["first"], dn, display,
                                              p["email"], job, m.rng.choice(["Sales", "IT", "Finance"]), m.orgs[0],
                                              m.phone(), m.phone(), city, country, ascii_slug(p["last"])[:20] or "user",
                                              p["email"], "20230405101112.0Z", groups])))
            continue
        guest = m.rng.random() < 0.1
        upn = p["email"].replace("@", "_") + f"#EXT#@{tenant}" if guest else p["email"]
        values = {"userPrincipalName": upn, "displayName": display, "surname": p["last"], "mail": p["email"],
                  "givenName": p["first"], "objectId": guid(m.rng), "id": guid(m.rng),
                  "userType": "Guest" if guest else "Member", "jobTitle": job, "department": m.rng.choice(["Sales", "IT", ""]),
                  "accountEnabled": m.rng.choice(["True", "True", "False"]), "usageLocation": m.info[3],
                  "country": country, "officeLocation": city, "physicalDeliveryOfficeName": city, "city": city,
                  "postalCode": m.fake.postcode(), "telephoneNumber": m.rng.choice(["", m.phone()]),
                  "mobile": m.phone(), "mobilePhone": m.phone(), "companyName": m.orgs[0],
                  "creationType": "Invitation" if guest else "", "directorySynced": m.rng.choice(["True", ""]),
                  "invitationState": "Accepted" if guest else "", "identityIssuer": tenant,
                  "createdDateTime": "2023-04-05T10:11:12Z"}
        rows.append({c: values.get(c, "") for c in cols})
    return rows, people


def sized(text, n):
    """text repeated or cut to exactly n characters, padded with its own first letter (a Latin 'x' after Greek
    letters would be a mixed-script word)."""
    text = (text + " ") * (n // max(1, len(text)) + 1)
    cut = text[:n - 1].rstrip()
    return cut + cut[0] * (n - len(cut))


def quote_ext(cell, delim, mode):
    """'all' (PowerShell), 'minimal' (Excel, Google Sheets), 'text' (LibreOffice 'Quote all text cells')."""
    if mode == "all" or any(c in cell for c in (delim, '"', "\n", "\r")) \
            or (mode == "text" and cell and not cell.replace(".", "", 1).isdigit()):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def make_extended(rng, index, out, chain):
    pool = EXTENDED_CHAIN_LOCALES.get(chain, SCRIPT_LOCALES)
    locale = pool[(index + index // len(CHAINS)) % len(pool)]  # each chain meets every locale in turn
    names = [tuple(unicodedata.normalize("NFC", x) for x in pair) for pair in EXTENDED_NAMES.get(locale, [])] + PARTICLE_NAMES
    m = Maker(rng, locale, 0.5 if chain.startswith("clean") else 0.25, names)
    m.orgs = [o.strip() for o in m.orgs]  # cut at 60 characters, a name can end in a space
    m.phones = set()
    if chain in ("entra-download", "csvde"):
        kind = chain
    elif chain == "multiline-address":
        kind = "contacts"
    elif chain == "long-cells":
        kind = "people"
    else:
        kind = rng.choice(["people", "contacts"] if chain == "clean-scripts-utf16" else ["people", "contacts", "receptionist"])
    n = rng.randrange(1500, 5000) if chain == "public-data" else rng.randrange(6, 30)
    if kind in ("entra-download", "csvde"):
        rows, people = directory_rows(m, n, chain)
        header = list(rows[0])
    else:
        rows, people = {"people": people_rows, "contacts": contact_rows, "receptionist": reception_rows}[kind](m, n)
        header = list({"people": PEOPLE_COLS, "contacts": CONTACT_COLS, "receptionist": RECEPTION_COLS}[kind])
    if chain == "multiline-address":
        for row in rows:
            if row["Address Label"]:
                sep = rng.choice(["\n", "\r\n"])
                lines = [m.fake.street_address().replace("\n", " ")[:100], f"c/o {m.fake.company()}"[:100],
                         f"{m.fake.postcode()} {m.fake.city()}"]
                row["Address Address"] = sep.join(lines[:rng.choice([2, 2, 3])])
    if chain == "long-cells":  # at the limits in every script: 80 characters, 64 KB of Information
        header += ["Location", "Information"]
        for row in rows:
            row["Job Title"] = sized(row["Job Title"], 80) if rng.random() < 0.5 else row["Job Title"]
            row["Location"] = sized(m.fake.street_address().replace("\n", " "), rng.choice([20, 80]))
            paragraphs, size = [], rng.randrange(200, 60000)
            while len("\n".join(paragraphs).encode()) < size:
                paragraphs.append(m.fake.paragraph(nb_sentences=8).strip())  # Faker's Thai ends a paragraph with a space
            row["Information"] = "\n".join(paragraphs)
            while len(row["Information"].encode()) > 64000:
                row["Information"] = row["Information"][:-500].rstrip()
    clean = chain.startswith("clean") or kind in ("entra-download", "csvde") or rng.random() < 0.25
    rate = 0 if clean else 0.01 if chain == "public-data" else rng.choice([0.03, 0.08])
    defects = value_defects(m, kind, rows, people, rate)
    if chain == "mac-numbers-nfd":  # text typed or pasted on a Mac: decomposed, in every cell or some
        share = rng.choice([1.0, 0.3])
        for r, row in enumerate(rows):
            for col, value in row.items():
                nfd = unicodedata.normalize("NFD", value)
                if nfd != value and (r, col) not in defects and rng.random() < share:
                    defects[(r, col)] = ("nfd", value, None)
                    row[col] = nfd
    cells = [[row[h] for h in header] for row in rows]
    delim, mode, eol, codec, prefix, final_eol = ",", "minimal", "\r\n", "utf-8", b"", True
    trailing_header = trailing_rows = False
    header_written = list(header)
    if chain == "mac-excel-utf8":  # Excel for Mac 'CSV UTF-8': a BOM; the list separator of the Mac's region
        prefix, eol = b"\xef\xbb\xbf", rng.choice(["\r\n", "\n"])
        delim = m.info[2] if rng.random() < 0.3 else ","
    elif chain == "mac-excel-cr":  # Excel 'CSV (Macintosh)': Mac Roman, CR ends, no line break inside a cell
        codec, eol = "mac_roman", "\r"
        cells = [[c.replace("\r\n", " ").replace("\n", " ") for c in row] for row in cells]
    elif chain == "mac-numbers-nfd":
        eol = "\n"
    elif chain == "gsheets":  # 'Download as CSV': UTF-8 without BOM, minimal quoting, often no final line end
        eol, final_eol = rng.choice(["\r\n", "\n"]), rng.random() < 0.5
    elif chain == "libreoffice":  # Calc's 'Text CSV' dialog: delimiter, character set, 'Quote all text cells'
        delim = rng.choice([",", ",", ";", "\t"])
        codec = rng.choice(["utf-8", "utf-8", "utf-8", m.info[0], "utf-16-le"])
        prefix = "\ufeff".encode("utf-16-le") if codec == "utf-16-le" else b""
        mode, eol = rng.choice(["minimal", "minimal", "text"]), rng.choice(["\n", "\r\n"])
    elif chain == "entra-download":
        prefix = b"\xef\xbb\xbf"
    elif chain == "csvde":  # ANSI by default, -u writes UTF-16LE
        codec = rng.choice([m.info[0], "utf-16-le"])
        prefix = "\ufeff".encode("utf-16-le") if codec == "utf-16-le" else b""
    elif chain == "trailing-delim":  # some report writers end every line, or every data line, with the delimiter
        trailing_header, trailing_rows = rng.random() < 0.5, True
        eol = rng.choice(["\r\n", "\n"])
    elif chain == "quoted-headers":  # a hand-edited header: every name quoted, spaces after the delimiters
        mode = rng.choice(["minimal", "all"])
        spaced = [k for k in range(1, len(header)) if header[k] != "Person" and rng.random() < 0.5] or [len(header) - 1]
        header_written = [(" " + h if k in spaced and rng.random() < 0.7 else h + " " if k in spaced else h)
                          for k, h in enumerate(header)]
    elif chain in ("multiline-address", "long-cells", "public-data", "clean-scripts"):
        mode, eol = rng.choice(["minimal", "all"]), rng.choice(["\r\n", "\n"])
        if kind != "receptionist" and chain != "multiline-address" and rng.random() < 0.4:
            delim = "\t"
    elif chain == "clean-scripts-utf16":
        codec, prefix, mode = "utf-16-le", "\ufeff".encode("utf-16-le"), rng.choice(["minimal", "all"])
    written = [[encode(c, codec).decode(codec) if codec != "utf-8" else c for c in row] for row in cells]
    header_written = [encode(h, codec).decode(codec) for h in header_written]
    truths = cell_truths(header, cells, written, defects)
    if trailing_header:
        header_written.append("")
        for row, rec in zip(written, truths):
            rec.append({"defect": None, "truth": "", "options": None})
    if trailing_rows:
        written = [row + [""] for row in written]
    lines = record_lines(written, 2)
    out_lines = [delim.join(quote_ext(h, delim, "all" if chain == "quoted-headers" else mode) for h in header_written)]
    out_lines += [delim.join(quote_ext(c, delim, mode) for c in row) for row in written]
    text = eol.join(out_lines) + (eol if final_eol else "")
    data = prefix + encode(text, codec)
    ext = "tsv" if delim == "\t" else "csv"
    name = f"{index:04d}-{chain}-{kind}-{locale}.{ext}"
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    # 4me matches headers as written (import-formats: assume exact): a spaced name is a column it does not know;
    # how The Receptionist matches them is not documented
    headers_read = header_written == header + ([""] if trailing_header else []) or (None if kind == "receptionist" else False)
    decode_codec = {"utf-8": "utf-8-sig", "utf-16-le": "utf-16"}.get(codec, codec)
    truth = {"file": name, "chain": chain, "kind": kind, "locale": locale, "codec": decode_codec, "delimiter": delim,
             "clean": not defects and codec in ("utf-8", "utf-16-le") and not prefix.startswith(b"\xef")
             and delim != ";" and headers_read is True and not trailing_rows
             and kind in ("people", "contacts", "receptionist") and (codec == "utf-8" and delim == "," or kind != "receptionist"),
             "readable": target_reads(data, kind, delim, False) and kind in ("people", "contacts", "receptionist")
             and headers_read,
             "header": header_written, "columns": header + ([""] if trailing_header else []), "records": [{"written": written[r], "cells": truths[r], "empty": False,
                                                    "line": lines[r]} for r in range(len(cells))],
             "group_by": "Person" if kind == "contacts" else None}
    with open(os.path.join(out, name + ".truth.json"), "w") as f:
        json.dump(truth, f, ensure_ascii=False)

def target_reads(data, kind, delim, type_line):
    """Whether the target can read the file at all, by import-formats.md: UTF-8 (or, for 4me, UTF-16LE with its
    BOM), comma (or, for 4me, tab), the header on the first line."""
    if delim not in (",", "\t") or kind == "receptionist" and delim != ",":
        return False
    if data.startswith(b"\xff\xfe"):
        if kind == "receptionist":
            return False
    else:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return False
    if type_line:  # 4me documents the first line as the header; The Receptionist does not say (None: unknown)
        return None if kind == "receptionist" else False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=240)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chains", choices=["classic", "widened", "all", "extended", "every", "tools"], default="all")
    args = ap.parse_args()
    global CHAINS
    CHAINS = {"classic": CLASSIC_CHAINS, "widened": WIDENED_CHAINS, "all": CLASSIC_CHAINS + WIDENED_CHAINS,
              "extended": EXTENDED_CHAINS, "every": CLASSIC_CHAINS + WIDENED_CHAINS + EXTENDED_CHAINS,
              "tools": TOOL_CHAINS}[args.chains]
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    for i in range(args.files):
        make_file(rng, i, args.out)


if __name__ == "__main__":
    main()
