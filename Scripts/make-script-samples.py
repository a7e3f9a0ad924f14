#!/usr/bin/env python3
"""Writes CORRECT people, contact-details and Receptionist files in many scripts and languages, written the
ways real tool chains write them, to look for errors and safe fixes on correct text (session 18's trust
audit, see fixtures/script-samples/README.md).

Usage: make-script-samples.py OUTDIR [EXEMPLARS]
  OUTDIR/hand-TARGET-STYLE.csv   hand-written values chosen to look like what the rules repair: uppercase
                                 Portuguese, Hungarian, Vietnamese, Icelandic names; mixed scripts that are
                                 right; joiners scripts need; no-break spaces in French text; identifiers
                                 a spreadsheet could misread; emoji, fullwidth forms, RTL text with digits;
                                 quoted delimiters and line breaks. STYLE: ps7 (UTF-8, every cell quoted,
                                 CRLF), ps51 (the same with a BOM), excel (Excel "CSV UTF-8": BOM, quotes
                                 only where needed, CRLF), lf (no BOM, minimal quoting, LF), and for people
                                 also tsv.
  OUTDIR/faker-TARGET.csv        every Faker locale's names, companies, jobs and cities in upper, lower
                                 and title case (HR systems export names in capitals).
  OUTDIR/exemplar-TARGET.csv     words made of each ICU locale's CLDR exemplar letters (standard set), in
                                 title and upper case; syllables (a letter and at most one mark) for
                                 scripts that write vowels as marks. EXEMPLARS: the output of exemplars.c
                                 (default: built with cc beside OUTDIR).
  OUTDIR/cpNNNN-TARGET-ROWS.csv  the hand-written rows a code page holds, written in it (Excel "CSV"),
                                 1 and 3 rows: small files are where a code page is a guess.
Deterministic (seed 18). Every value is correct for its column as the vendors document it."""
import os, random, subprocess, sys, unicodedata
from faker import Faker
from faker.config import AVAILABLE_LOCALES

HERE = os.path.dirname(os.path.abspath(__file__))

# Person names, one string each ("First Last"; the Receptionist splits at the first space).
NAMES = [
    # Uppercase Portuguese, Hungarian, Vietnamese, Icelandic: capitals with accents, as HR systems export.
    "JOÃO DA SILVA", "MARIA DA CONCEIÇÃO", "ESTÊVÃO GONÇALVES", "IRMÃ LÚCIA", "SEBASTIÃO MAGALHÃES",
    "ÂNGELA ASSUNÇÃO", "JOÃO ÁVILA", "LEÃO ROMÃO", "Ângelo Simões", "JOSÉ DOS SANTOS ARAÚJO",
    "ÁRPÁD KŐVÁRI", "SZŐKE ŐRS", "ÉVA ŰRHAJÓS", "Győző Ördög", "BÉLA FŰZI", "ÖDÖN ŐSZ", "Ágnes Erdős",
    "ĐẶNG VĂN LÂM", "NGUYỄN THỊ MINH KHAI", "Nguyễn Thị Ánh", "TRẦN HƯNG ĐẠO", "Phạm Nhật Vượng",
    "HỒ CHÍ MINH", "Lê Thị Hồng Gấm", "ĐỖ MƯỜI", "HUỲNH TẤN PHÁT", "DƯƠNG VĂN MINH", "VÕ NGUYÊN GIÁP",
    "Þór Ólafsson", "ÞÓRUNN ÓLAFSDÓTTIR", "Guðrún Ýr Ásgeirsdóttir", "ÆGIR ÞÓRÐARSON", "Sigríður Þórðardóttir",
    "ÐÓRA ÆVARSDÓTTIR", "Ólöf Þórhallsdóttir",
    # Irish, Turkish, German, Polish, Czech, Romanian, Croatian capitals.
    "Seán Ó Súilleabháin", "Máire Ní Bhriain", "Aoife Nic Giolla Íosa", "SIOBHÁN MAC AODHA", "Pádraig Ó hÉigeartaigh",
    "İBRAHİM IŞIK", "Işıl Şahin", "ŞÜKRÜ ÇAĞLAR", "Ayşegül Öztürk", "İPEK ĞÜNEŞ",
    "JÜRGEN GROẞMANN", "Jürgen Groß", "ẞIEGFRIED WEIẞ", "MÜLLER-LÜDENSCHEIDT",
    "ŁUKASZ WRÓBEL", "JAROSŁAW GÓŁKA", "ŻANETA ŹRÓDŁOWSKA", "RŮŽENA RŮŽIČKOVÁ", "ŽOFIE ŠŤASTNÁ",
    "ĽUBOMÍR ŤAŽKÝ", "ȘTEFAN ȚIRIAC", "Ştefan Ţiriac", "ĐURĐA ĆOSIĆ", "Dženan Đoković",
    # Apostrophes, particles, hyphens.
    "Conor O'Brien", "Conor O’Brien", "Charles d'Artagnan", "GIANNI D’ANGELO", "N’Golo Kanté",
    "Ngũgĩ wa Thiong'o", "Kaʻiulani Kalākaua", "Gulnoza Oʻrinboyeva", "Pieter van der Berg",
    "Ludwig van Beethoven", "Ana de la Fuente", "Ahmad bin Abdullah", "Omar al-Rashid", "Jean-Luc Picard",
    "Anne‑Marie Dubois", "Mary Smith–Jones", "Aleksander Ŝtefan",
    # Greek, Cyrillic (Russian, Ukrainian, Belarusian, Serbian, Macedonian, Kazakh, Mongolian, Tajik).
    "Αλέξανδρος Παπαδόπουλος", "ΑΛΈΞΑΝΔΡΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ", "Σωκράτης Ιωάννου", "ΑΪΔΑ ΠΡΩΤΟΨΑΛΤΗ",
    "Яна Иванова", "ЯНА ИВАНОВА", "Йордан Йовков", "Іван Їжаченко", "Ґанна Єгорова", "ВІКТОР ЄВГЕНІЙОВИЧ",
    "ДАР’Я СОЛОВ’ЯН", "Дар’я Солов’ян", "Мар'яна Прокоп'єва", "МАР’ЯНА ПРОКОП’ЄВА", "В’ячеслав Стаднік",
    "Ўладзімір Караткевіч", "ЎЛАДЗІМІР", "Ђорђе Балашевић", "ЉУБИША ЈОВАНОВИЋ", "Ѓорѓи Ќосевски",
    "Ѕвонко Ѓурчиновски", "Ғалым Әбілқайыр", "ҰЛАН ҚАЙРАТҰЛЫ", "Өлзийбаатар Батбаяр", "ҮЙЛС ӨЛЗИЙ",
    "Ҷамшед Ҳусейнов", "Ғафур Раҳимов", "ДМИТРІЄВИЧ РІЗНИЧЕНКО",
    # CJK, Korean, fullwidth, halfwidth katakana.
    "王秀英", "李 娜", "김민준", "이서연", "山田 太郎", "ヤマダ タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ", "鈴木 ｲﾁﾛｳ", "髙橋 﨑子",
    "陳 大文", "林 志玲", "劉 德華",
    # Arabic, Hebrew, Persian, Urdu, Kurdish, Thaana, Syriac, N'Ko, Adlam (right to left).
    "محمد بن سلمان", "مُحَمَّد العَلِي", "יעל כהן", "יַעֲלָה לֵוִי", "רבקה ייִדיש", "مهرداد رضایی", "می‌خواهم نوری",
    "عمران خان", "ئارام کوردی", "އަހްމަދު ނަޝީދު", "ܐܦܪܝܡ ܐܪܡܝܐ", "ߒߞߏ ߞߊ߲", "𞤀𞤣𞤢𞤥𞤢 𞤄𞤢",
    # South and South-East Asian, Ethiopic, Georgian, Armenian, Mongolian script, Cherokee, syllabics.
    "देवेंद्र फडणवीस", "क्‍षितिज शर्मा", "रवीन्द्र ठाकुर", "রবীন্দ্রনাথ ঠাকুর", "র‍্যাব আলী", "செல்வம் முருகன்",
    "ශ්‍රී ලංකා", "සුනිල් පෙරේරා", "അവന്‍ മേനോന്‍", "ന്‍ നായര്‍", "ಕನ್ನಡ ರಾಜ್", "తెలుగు రెడ్డి", "ગુજરાતી પટેલ",
    "ਪੰਜਾਬੀ ਸਿੰਘ", "ଓଡ଼ିଆ ମହାନ୍ତି", "สมชาย ใจดี", "ทำเนียบ รัฐบาล", "ສົມພອນ ພົມມະ", "សុខ សុភា", "ហ៊ុន សែន",
    "အောင်ဆန်း စုကြည်", "မင်းအောင် လှိုင်", "བཀྲ་ཤིས་ བདེ་ལེགས", "አበበ ቢቂላ", "ኃይሌ ገብረሥላሴ",
    "თამარ ბაგრატიონი", "ᲗᲐᲛᲐᲠ ᲑᲐᲒᲠᲐᲢᲘᲝᲜᲘ", "Արամ Խաչատրյան", "ԵՐԵՎԱՆ Մևլուդ", "ᠮᠣᠩᠭᠣᠯ ᠪᠠᠲᠤ",
    "ᏣᎳᎩ ᎠᏓ", "ᐃᓄᒃᑎᑐᑦ ᐊᓯᕙ", "ⵜⴰⵎⴰⵣⵉⵖⵜ ⵎⴰⵙⵉⵏ",
    # Emoji in display names.
    "Ann 🌸 Lee", "Sam 👩‍💻 Ortiz", "Olena 🇺🇦 Shevchenko", "Zoë ✨ Martin", "Alex 🏳️‍🌈 Kim",
    "Priya 🧑🏽‍🚀 Nair", "Noor ❤️‍🔥 Haddad",
]

ORGANIZATIONS = [
    "Banc Ceannais na hÉireann", "Ollscoil na hÉireann", "Poblacht na hÉireann", "NESTLÉ® PURINA",
    "Société Générale", "L’ORÉAL", "LORÉAL®", "Caffè Nero™", "Café–Restaurant Öz", "Müller & Söhne GmbH",
    "ООО «Ромашка»", "АО «Тинькофф Банк»", "Школа №5", "ПАТ «Укртелеком»", "ТОВ «СІРІУС»", "Яндекс.Такси",
    "Telekom Srbija / Телеком Србија", "ΔΕΗ Α.Ε.", "ΟΤΕ Α.Ε.", "COSMOTE Κινητές Τηλεπικοινωνίες",
    "ＮＴＴドコモ", "株式会社ＡＢＣ", "ＳＯＮＹ株式会社", "（株）日立製作所", "トヨタ自動車㈱", "ｶ)ﾔﾏﾀﾞｼｮｳｼﾞ",
    "삼성전자(주)", "中国银行股份有限公司", "台灣積體電路製造股份有限公司", "شركة أرامكو السعودية", "בנק לאומי לישראל בע״מ",
    "Widget, Inc.", "Acme \"Quotes\" Ltd", "R&D – Zürich", "Ärztekammer Nordrhein", "@Home Network",
    "+Plus Consulting", "-Zero- Labs", "Łódź Software House", "ŠKODA AUTO a.s.", "ŽELEZNICE SRBIJE",
    "ČEZ, a. s.", "ÖBB-Personenverkehr AG", "Ålands Ömsesidiga", "Þjóðleikhúsið", "Íslandsbanki hf.",
    "Việt Nam Airlines", "NGÂN HÀNG TMCP NGOẠI THƯƠNG VIỆT NAM", "OTP Bank Nyrt. – Győr", "Türk Telekomünikasyon A.Ş.",
    "İŞ BANKASI", "Gülçiçek Ticaret Ltd. Şti.", "Donau­dampf­schiff­fahrts­gesellschaft",
]

JOB_TITLES = [
    "Chef de projet", "Directeur général adjoint", "Responsable R&D – Europe", "IT-отдел, ведущий инженер",
    "PR-менеджер", "SAP-консультант", "Інженер з ІТ", "μC Engineer", "α-Tocopherol Research Lead",
    "ΔT Test Engineer", "Ingénieur μ-électronique", "Head of Sales (EMEA)", "מנהל IT", "מנהלת מכירות (EMEA)",
    "مدير تقنية المعلومات", "مدیر فروش ۱۲", "می‌خواهم مدیر", "Developer 👩‍💻", "Désigner UX/UI", "C++ Developer",
    "Sr. Engineer – Level 2", "Lead (Team A & B)", "Gerente de operações", "Jefe de Área", "Geschäftsführerin",
    "VP, Finance", "Tax Advisor, \"Senior\"", "Nurse\nNight shift", "経理部 部長", "営業部ﾏﾈｰｼﾞｬｰ", "主任工程师",
    "팀장", "ผู้จัดการฝ่ายขาย", "விற்பனை மேலாளர்", "বিক্রয় ব্যবস্থাপক", "ශ්‍රී ලංකා කළමනාකරු", "മാനേജര്‍",
    "Kierownik działu", "Vedoucí oddělení", "Osztályvezető", "Trưởng phòng", "Müdür Yardımcısı", "Verkstjóri",
    "Dr.-Ing. Entwicklung", "Ph.D. Researcher", "1st-line Support", "2nd Line", "24/7 Operator",
    "Koordinátor – ÚŽASNÝ tým", "ΓΕΝΙΚΟΣ ΔΙΕΥΘΥΝΤΗΣ", "ГЕНЕРАЛЬНЫЙ ДИРЕКТОР", "ДИРЕКТОР З ПЕРСОНАЛУ",
    "x" * 40 + "é" * 40, "営業" * 40,
]

LOCATIONS = [
    "12 345 m²", "Bâtiment B, 3ᵉ étage", "Salle « Les Amis »", "Salle\u00a0«\u00a0Molière\u00a0»", "Étage\u202f2",
    "Raum 1.10", "Room 2024-01", "Bldg 1E5", "Floor -1", "Raum 0012", "Zimmer ½", "Büro 3×4",
    "רחוב הרצל 12, תל אביב", "شارع 23 يوليو", "خیابان ۱۲ فروردین", "東京都千代田区丸の内1-1-1", "ул. Ленина, д. 5",
    "Ⅲ号館", "B1F-①", "Sala 2ª planta", "Nº 5", "Rua São João, 1º andar",
]

EMPLOYEE_IDS = ["1E5", "0012", "2024-01", "1.10", "00123", "A-001", "E+123", "12-A", "007", "1-Jan-X", "MAR12",
                "2E10", "0000001", "١٢٣٤", "1.0", "10.01", "ID-Ø12", "TR-İ01", "№ 17", "＃１２３"]

EMAILS = ["ann.lee@widget.com", "o'brien@widget.com", "d'artagnan@widget.fr", "user+tag@widget.com",
          "info@müller.de", "ivan@пример.рф", "jose.garcia@empresa.es", "first.last@sub.domain.co.uk",
          "a.b@widget.museum", "ana@xn--mller-kva.de", "yamada@例え.jp", "nguyen@công.vn"]

SLACK = ["ann.lee", "jean-luc", "o_brien", "josé", "zoë.martin", "山田", "ivan.ivanov"]

# Valid numbers (libphonenumber), in the forms people write them.
PHONES = ["+1 713 441 8299", "+33 1 42 68 53 00", "+49 30 901820", "+44 20 7946 0958", "+7 495 123-45-67",
          "+972 3-123-4567", "+98 21 1234 5678", "+91 98765 43210", "+86 10 1234 5678", "+82 2-123-4567",
          "+66 2 123 4567", "+20 2 12345678", "+55 11 91234-5678", "+61 2 9876 5432", "+81 3-3224-5000",
          "+351 912 345 678", "+36 1 234 5678", "+354 551 2345", "+84 24 3825 3536", "+353 1 234 5678"]
MOBILES = ["+1 713 441 8299", "+44 7700 900123", "+33 6 12 34 56 78", "+49 151 23456789", "+7 912 345-67-89",
           "+972 50-123-4567", "+98 912 345 6789", "+91 98765 43210", "+86 138 0013 8000", "+82 10-1234-5678",
           "+66 81 234 5678", "+20 100 123 4567", "+55 11 91234-5678", "+61 412 345 678", "+81 90-1234-5678",
           "+351 912 345 678", "+36 20 123 4567", "+354 611 2345", "+84 91 234 56 78", "+353 85 123 4567"]

RAILS_ZONES = ["Amsterdam", "Eastern Time (US & Canada)", "Kyiv", "Tokyo", "Mumbai", "Kathmandu", "Tehran",
               "Jerusalem", "Brasilia", "Lisbon", "Budapest", "Hanoi", "Monrovia", "Dublin", "Istanbul"]
LOCALES = ["en-US", "fr", "nl", "pl", "pt-PT", "de", "ja", "zh", "ru", "ar", "he", "hi", "ko", "tr", "fa"]

CITIES = ["São Paulo", "Zürich", "Kraków", "Reykjavík", "Hà Nội", "İstanbul", "Москва", "Київ", "Αθήνα",
          "東京", "서울", "תל אביב", "القاهرة", "تهران", "मुंबई", "கொழும்பு", "ကရင်", "Tbilisi / თბილისი",
          "Yerevan / Երևան", "Улаанбаатар", "Nuuk", "Győr", "Þórshöfn", "Ålesund", "Łódź", "Cluj-Napoca",
          "Saint-Étienne", "A Coruña", "Ürümqi / ئۈرۈمچی"]
COUNTRIES = ["BR", "CH", "PL", "IS", "VN", "TR", "RU", "UA", "GR", "JP", "KR", "IL", "EG", "IR", "IN", "LK", "MM",
             "GE", "AM", "MN", "GL", "HU", "FO", "NO", "PL", "RO", "FR", "ES", "CN"]
STATES = ["SP", "Zürich", "Małopolskie", "", "Hà Nội", "İstanbul", "Москва", "", "Αττική", "東京都", "서울특별시",
          "", "", "تهران", "महाराष्ट्र", "", "", "", "", "", "", "Győr-Moson-Sopron", "", "", "", "Cluj",
          "Auvergne-Rhône-Alpes", "Galicia", ""]
ZIPS = ["01310-100", "8001", "30-001", "101", "100000", "34000", "101000", "01001", "105 57", "100-0001",
        "04524", "6100000", "11511", "1136613711", "400001", "00100", "11011", "0105", "0010", "14200", "3900",
        "9021", "100", "6002", "90-001", "400001", "42000", "15001", "830000"]

NBSP_TEXT = ["12\u202f345\u00a0€", "M.\u00a0Dupont", "Mme\u00a0Lefèvre", "«\u00a0Le Petit\u00a0»", "Prix\u00a0: 3,50\u00a0€"]


def split_name(name):
    first, _, last = name.partition(" ")
    return first, last or first


def people_rows(rnd):
    rows = [["Primary Email", "Name", "Organization", "Job Title", "Employee ID", "Manager", "Location",
             "Time Zone", "Locale", "Information"]]
    count = max(len(NAMES), len(ORGANIZATIONS), len(JOB_TITLES))
    for i in range(count):
        email = EMAILS[i] if i < len(EMAILS) else f"person{i}@widget.com"
        information = NBSP_TEXT[i % len(NBSP_TEXT)] if i % 3 == 0 else ("Line 1\r\nLine 2, with a comma" if i % 3 == 1 else "")
        rows.append([email, NAMES[i % len(NAMES)], ORGANIZATIONS[i % len(ORGANIZATIONS)], JOB_TITLES[i % len(JOB_TITLES)],
                     EMPLOYEE_IDS[i % len(EMPLOYEE_IDS)] + ("" if i < len(EMPLOYEE_IDS) else f"-{i}"),
                     "" if i == 0 else EMAILS[0], LOCATIONS[i % len(LOCATIONS)], RAILS_ZONES[i % len(RAILS_ZONES)],
                     LOCALES[i % len(LOCALES)], information])
    return rows


def contact_rows(people):
    rows = [["Person", "Contact Protocol", "Contact Label", "Contact URI", "Address Label", "Address Address",
             "Address City", "Address State", "Address Zip", "Address Country", "Integration"]]
    for i, row in enumerate(people[1:]):
        person = row[0]
        rows.append([person, "telephone", "work", PHONES[i % len(PHONES)]] + [""] * 6 + ["1"])
        rows.append([person, "telephone", "mobile", MOBILES[i % len(MOBILES)]] + [""] * 6 + ["1"])
        rows.append([person, "email", "work", person] + [""] * 6 + ["1"])
        rows.append([person, "chat", "chat_slack", "@" + SLACK[i % len(SLACK)] if i % 2 else SLACK[i % len(SLACK)]] + [""] * 6 + ["1"])
        k = i % len(CITIES)
        rows.append([person, "", "", "", "home", LOCATIONS[i % len(LOCATIONS)], CITIES[k], STATES[k], ZIPS[k],
                     COUNTRIES[k], "1"])
    return rows


def receptionist_rows():
    rows = [["First Name", "Last Name", "Email", "SMS Phone", "Business Title", "Department", "PIN",
             "Location Slug", "Identification", "Slack"]]
    slugs = ["sao-paulo", "zurich", "tokyo-hq", "köln", "hq_2", "office-1"]
    for i, name in enumerate(NAMES):
        first, last = split_name(name)
        rows.append([first, last, EMAILS[i] if i < len(EMAILS) else f"person{i}@widget.com", MOBILES[i] if i < len(MOBILES) else "",
                     JOB_TITLES[i % len(JOB_TITLES)], ORGANIZATIONS[i % len(ORGANIZATIONS)],
                     f"{(i * 7919) % 1000000:06d}"[: 4 + i % 3], slugs[i % len(slugs)],
                     EMPLOYEE_IDS[i % len(EMPLOYEE_IDS)] + ("" if i < len(EMPLOYEE_IDS) else f"-{i}"), SLACK[i % len(SLACK)]])
    return rows


def needs_quotes(cell, delimiter):
    return any(c in cell for c in (delimiter, '"', "\r", "\n")) or cell != cell.strip(" \t")


def write(path, rows, style, encoding="utf-8"):
    delimiter = "\t" if style == "tsv" else ","
    newline = "\n" if style in ("lf", "tsv") else "\r\n"
    lines = []
    for row in rows:
        cells = []
        for cell in row:
            quote = style in ("ps7", "ps51") or needs_quotes(cell, delimiter)
            cells.append('"' + cell.replace('"', '""') + '"' if quote else cell)
        lines.append(delimiter.join(cells) + newline)
    text = "".join(lines)
    bom = "\ufeff" if style in ("ps51", "excel") else ""
    with open(path, "wb") as f:
        f.write((bom + text).encode(encoding))


def faker_rows(target):
    """Every Faker locale's names, companies, jobs and cities in upper, lower and title case."""
    header = (["Primary Email", "Name", "Organization", "Job Title", "Location"] if target == "people"
              else ["First Name", "Last Name", "Email", "Business Title", "Department"])
    rows, n = [header], 0
    for locale in AVAILABLE_LOCALES:
        fake = Faker(locale)
        fake.seed_instance(18)
        # Word and Outlook type ’ for the apostrophe ('Дар’я', 'O’Brien').
        for case in (str.upper, str.lower, str.title, lambda t: t.upper().replace("'", "’")):
            for _ in range(4):
                n += 1
                email = f"p{n}@widget.com"
                job = next(j for j in iter(fake.job, None) if len(j) <= 80)
                if target == "people":
                    rows.append([email, case(fake.name()), case(fake.company()), case(job), case(fake.city())[:80]])
                else:
                    rows.append([case(fake.first_name()), case(fake.last_name()), email, case(job), case(fake.company())])
    return rows


def syllables(letters, marks, rnd, length):
    word = ""
    for _ in range(length):
        word += rnd.choice(letters)
        if marks and rnd.random() < 0.6:
            word += rnd.choice(marks)
    return word


def exemplar_rows(target, exemplars, rnd):
    header = (["Primary Email", "Name", "Organization", "Job Title"] if target == "people"
              else ["First Name", "Last Name", "Email", "Business Title"])
    rows, n = [header], 0
    for line in open(exemplars, encoding="utf-8"):
        locale, standard = line.rstrip("\n").split("\t")[:2]
        if "_" in locale or not standard:
            continue
        chars = [c for c in standard if c not in "{}"]
        letters = [c for c in chars if unicodedata.category(c)[0] == "L"]
        marks = [c for c in chars if unicodedata.category(c)[0] == "M"]
        if not letters:
            continue
        for case, joiner in ((lambda w: w[:1].upper() + w[1:], ""), (str.upper, ""), (str.upper, "’"), (str.title, "’"),
                             (str.upper, "·"), (str.upper, "-")):
            n += 1
            # Apostrophes, middle dots and hyphens inside words, as Ukrainian, Catalan and compound names have them.
            words = [case(syllables(letters, marks, rnd, rnd.randint(2, 4)) + joiner + syllables(letters, marks, rnd, rnd.randint(1, 4)))
                     for _ in range(3)]
            words = [unicodedata.normalize("NFC", w) for w in words]
            email = f"x{n}@widget.com"
            if target == "people":
                rows.append([email, f"{words[0]} {words[1]}", words[2], f"{locale} {words[1]}"])
            else:
                rows.append([words[0], words[1], email, words[2]])
    return rows


CODE_PAGES = ["cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
              "cp874", "cp932", "cp936", "cp949", "cp950"]


def fits(text, page):
    try:
        text.encode(page)
    except UnicodeEncodeError:
        return False
    return any(ord(c) > 0x7F for c in text)


def legacy(out, target):
    """Rows whose names, titles and organizations the code page holds (the rest ASCII), written in it as
    Excel "CSV" does: 1, 3 and 12 rows per file."""
    for page in CODE_PAGES:
        names = [n for n in NAMES if fits(n, page)]
        # The 80-character titles test length limits in UTF-8; no code page file has such runs of one letter.
        texts = [t for t in ORGANIZATIONS + JOB_TITLES if fits(t, page) and len(set(t)) > 12] or ["Sales"]
        if not names:
            continue
        if target == "people":
            rows = [["Primary Email", "Name", "Organization", "Job Title"]]
            rows += [[f"p{i}@widget.com", n, texts[i % len(texts)], texts[(i + 1) % len(texts)]] for i, n in enumerate(names)]
        else:
            rows = [["First Name", "Last Name", "Email", "Business Title", "Department"]]
            rows += [list(split_name(n)) + [f"p{i}@widget.com", texts[i % len(texts)], texts[(i + 1) % len(texts)]]
                     for i, n in enumerate(names)]
        for size in (1, 3, 12):
            for part, start in enumerate(range(0, len(rows) - 1, size)):
                chunk = rows[1 + start:1 + start + size]
                if len(chunk) == size or size == 12:
                    write(f"{out}/{page}-{target}-{size}-{part:02d}.csv", [rows[0]] + chunk, "excel-ansi", page)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    exemplars = sys.argv[2] if len(sys.argv) > 2 else None
    if exemplars is None:
        binary = os.path.join(out, "exemplars")
        subprocess.run(["cc", "-O1", "-o", binary, os.path.join(HERE, "..", "fixtures", "script-samples", "exemplars.c"),
                        "-licuuc", "-licui18n"], check=True)
        exemplars = os.path.join(out, "exemplars.tsv")
        with open(exemplars, "w") as f:
            subprocess.run([binary], stdout=f, check=True)
    rnd = random.Random(18)
    people = people_rows(rnd)
    tables = {"people": people, "contacts": contact_rows(people), "receptionist": receptionist_rows()}
    for target, rows in tables.items():
        for style in ("ps7", "ps51", "excel", "lf") + (("tsv",) if target == "people" else ()):
            write(f"{out}/hand-{target}-{style}.{'tsv' if style == 'tsv' else 'csv'}", rows, style)
        if target != "contacts":
            write(f"{out}/faker-{target}.csv", faker_rows(target), "ps7")
            write(f"{out}/exemplar-{target}.csv", exemplar_rows(target, exemplars, rnd), "ps7")
            legacy(out, target)


main()
