#!/usr/bin/env python3
"""Generates fixtures/mojibake-eval/evaluation.tsv: the labelled evaluation set of the mojibake rule.

Clean rows are hand-written names of people and companies in 30+ languages and symbol-rich text that
looks like mojibake but is correct. Damaged rows are made from them the way tool chains make mojibake:
UTF-8 bytes decoded in a code page of the region (Excel, PowerShell, a DOS console, an old Mac) and saved
as UTF-8 again, once or twice; a few cells are damaged in part only. Deterministic (seed 16).

Columns: text, label (clean|damaged), expected (the correct text), chain (how it was made), language.
Run: python3 Scripts/make-mojibake-eval.py
"""
import os
import random
import unicodedata

# Hand-written, realistic names of people, companies, places and job titles, per language.
CLEAN = {
    "de": ["Jürgen Groß", "Müller & Söhne GmbH", "Björn Schäfer", "Straße des 17. Juni", "Geschäftsführerin",
           "Käthe Kollwitz-Schule", "Zürich Versicherungs-Gesellschaft AG", "Ärztekammer Nordrhein",
           "Jörg Meißner", "Übersee-Spedition Köhler"],
    "fr": ["François L'Écuyer", "Hélène Bérubé", "Société Générale", "Chloé Lefèvre", "Crème brûlée & Cie",
           "Noël Dubœuf", "Ingénieur système", "Zoë Faÿ", "Château de Versailles", "Maître Gérald Côté"],
    "es": ["José María García-López", "Peña Nieto", "Begoña Ibáñez", "Compañía Telefónica", "Núñez Muñoz",
           "Íñigo Martínez", "Ramón y Cajal", "Asociación Española", "Sofía Gutiérrez", "Jefe de Área"],
    "pt": ["João Gonçalves", "SÃO PAULO", "Conceição Brandão", "Irmãos Guimarães Lda", "Antônio Araújo",
           "AÇÃO SOCIAL", "IRMÃ LÚCIA", "Fundação Calouste Gulbenkian", "Sebastião Magalhães", "Gerente de operações"],
    "it": ["Niccolò Ammaniti", "Società per Azioni", "Pietà Rondanini", "Caffè Vergnano", "Nicolò Zanè",
           "Università di Bologna", "Perché no", "Andrea Bocelli", "Laura Pausini", "Città di Castello"],
    "nl": ["Geërfd Vermögen", "Coöperatie Rabobank", "Anaïs van Dijk", "Ruiterij Zeeuws-Vlaanderen", "Reünie",
           "Eén Groep BV", "Daniël de Jong", "IJsselmeer", "Financiële administratie", "Zoë Jansen"],
    "sv": ["Åsa Öberg", "Björn Ulvaeus", "Göteborgs Hamn AB", "Ängelholm", "Märta Ström", "Försäkringskassan",
           "Åke Jönsson", "Lindén Möbler", "Tjänsteman", "Sjöfartsverket"],
    "no": ["Ørjan Ødegård", "Bjørnstjerne Bjørnson", "Tromsø Kommune", "Kjære Åse", "Grønland Bakeri",
           "Sørensen & Søn AS", "Rådgiver", "Ærlig Fisk", "Håkon Nærø", "Fjøsnissen"],
    "da": ["Søren Kierkegaard", "Århus Universitet", "Mærsk Line", "Ærøskøbing", "Jørgen Løkke",
           "Kræftens Bekæmpelse", "Bøgh & Østergaard ApS", "Hørsholm", "Næstved", "Frøken Smilla"],
    "fi": ["Jääskeläinen", "Äänekoski", "Mäkinen & Pöyry Oy", "Hämeenlinna", "Pääkkönen", "Yliopiston Apteekki",
           "Öljynpuristamo", "Jyväskylän yliopisto", "Mäntsälä", "Kärkkäinen"],
    "is": ["Þórður Guðmundsson", "Guðrún Jónsdóttir", "Björk Guðmundsdóttir", "Reykjavíkurborg", "Sigurður Þór",
           "Hafnarfjörður", "Ævar Örn", "Íslandsbanki", "Eyjafjallajökull", "Þjóðleikhúsið"],
    "pl": ["Agnieszka Wiśniewska-Żółć", "Łukasz Kraków", "Grzegorz Brzęczyszczykiewicz", "Wałęsa", "Gdańsk",
           "Zakład Energetyczny Łódź", "Małgorzata Szymańska", "Przedsiębiorstwo Usługowe", "Źródło", "Jędrzej Śliwa"],
    "cs": ["Antonín Dvořák", "Šťastný", "Škoda Auto a.s.", "Jiří Kovář", "Česká spořitelna", "Růžena Novotná",
           "Přemysl Ťoupal", "Ústí nad Labem", "Vojtěch Hořejší", "Božena Němcová"],
    "sk": ["Ľudovít Štúr", "Ďurovič", "Košice", "Žilinská univerzita", "Ľubomír Čaplovič", "Bratislavská ťažba",
           "Dôvera", "Ján Kuciak", "Pôdohospodárska banka", "Mária Kráľová"],
    "hu": ["Győző Szőke", "Erdős Pál", "Műszaki Egyetem", "Ödön Fűzfa", "Árvíztűrő tükörfúrógép", "Kőbánya",
           "Szűcs Zsófia", "Mátyás Ősz", "Pécsi Tudományegyetem", "Tőzsde Zrt."],
    "ro": ["Ștefan cel Mare", "Brâncuși", "Țară Românească", "Mănăstirea Putna", "Ioan Bălănescu",
           "Societatea Română", "Răzvan Ionuț", "Târgu Mureș", "Cătălina Ștefănescu", "Învățământ"],
    "hr": ["Đurđica Šćepanović", "Željko Ivanković", "Čakovec", "Ćiro Blažević", "Hrvatska poštanska banka",
           "Đakovo", "Dubravka Šuica", "Vođa odjela", "Pečenjara Žuti", "Šibenik"],
    "sl": ["Žiga Čeh", "Šoštanj", "Ljubljanska banka", "Črnomelj", "Tomaž Šalamun", "Slovenske železnice",
           "Anže Kopitar", "Mateja Žnidaršič", "Ptuj", "Škofja Loka"],
    "lt": ["Žemaitė", "Kęstutis Šapoka", "Šiaulių bankas", "Ąžuolas Čiurlionis", "Vytautas Landsbergis",
           "Įmonė UAB", "Klaipėdos uostas", "Ūla Šūkys", "Jūratė Ėriškė", "Dūmų gamykla"],
    "lv": ["Jānis Bērziņš", "Rīgas Satiksme", "Kārlis Ulmanis", "Ņina Šķēle", "Ģirts Valdis", "Latvijas Gāze",
           "Māra Ķiķe", "Dāvis Ļūdums", "Jūrmala", "Liepāja"],
    "et": ["Jõhvi Vald", "Tõnu Õunapuu", "Pärnu Sadam", "Mäe Ülikool", "Küüni Tänav", "Õie Šmidt",
           "Viljandi Öö", "Tšaikovski Saal", "Žürii Liige", "Võru"],
    "tr": ["Emre Erdoğan", "Şükrü Saraçoğlu", "İstanbul Büyükşehir", "Satış Müdürü", "Ağaoğlu İnşaat",
           "Çağlar Söyüncü", "Gülşen Işık", "Türk Hava Yolları", "Öğretmen Ünal", "Yılmaz Güneş"],
    "el": ["Γιώργος Παπαδόπουλος", "Αλέξανδρος", "Ελληνικά Πετρέλαια", "Κωνσταντίνος Καραμανλής", "Ηράκλειο",
           "Δήμος Θεσσαλονίκης", "Μαρία Οικονόμου", "Αθηνά Ξενάκη", "Ψυχολόγος", "Τράπεζα Πειραιώς"],
    "ru": ["Иван Петров", "Дмитрий Иванов", "Артём Ёлкин", "ООО «Рога и копыта»", "Наталья Щербакова",
           "Съёмочная группа", "Москва", "Юлия Эйдельман", "ПАО Сбербанк", "Генеральный директор"],
    "uk": ["Україна", "Олександр Ґудзь", "Їжакевич", "Євген Шевченко", "ПІБ", "Київстар", "Ірина Бойко",
           "Львівська політехніка", "Подвір'я", "Запоріжжя"],
    "bg": ["Стоян Петков", "Български пощи", "Цветелина Йорданова", "Пловдив", "Ъгъл", "Любомир Щерев",
           "Юлиан Вучков", "Тодорка Жечева", "Шуменска бира", "Елена Янкова"],
    "sr": ["Ђорђе Балашевић", "Новак Ђоковић", "Љубиша Јовановић", "Њушка", "Џеј Рамадановски", "Ћирилица",
           "Београд", "Војислав Коштуница", "Шабац", "Чачак"],
    "vi": ["Nguyễn Thị Minh Khai", "Trần Hưng Đạo", "Phạm Văn Đồng", "Lê Thị Hồng Gấm", "Công ty Cổ phần",
           "Hồ Chí Minh", "Đặng Thùy Trâm", "Võ Nguyên Giáp", "Ngân hàng Ngoại thương", "Bùi Xuân Phái"],
    "ja": ["山田太郎", "株式会社ソニー", "東京都千代田区", "さくら銀行", "鈴木 一郎", "トヨタ自動車", "営業部長",
           "高橋 美咲", "日本電信電話", "ｶﾀｶﾅ ﾃｽﾄ", "こんにちは", "営業部", "総務課長", "大阪支店", "田中 健"],
    "zh": ["张伟", "王芳", "北京大学", "中国银行", "李娜", "华为技术有限公司", "上海市浦东新区", "刘德华",
           "陳大文", "總經理"],
    "ko": ["김민준", "이서연", "삼성전자", "서울특별시", "박지성", "현대자동차", "대표이사", "최수영", "한국전력공사",
           "정하늘"],
    "ar": ["محمد أحمد", "شركة أرامكو", "عبد الله", "القاهرة", "فاطمة الزهراء", "مدير المبيعات", "دبي", "يوسف",
           "البنك الأهلي", "خالد بن الوليد"],
    "he": ["דוד כהן", "תל אביב", "שרה לוי", "בנק לאומי", "מנהל מכירות", "ירושלים", "יוסף", "אל על",
           "רחל אברהם", "חברת חשמל"],
}

# Correct text that looks risky: symbols next to letters, no-break spaces, leetspeak, emoji, math.
SYMBOLS = [
    "3×£10 voucher", "×£", "2×£5 off", "HYVINKÄÄ\u00a0OY", "JÄMSÄ\u00a0123", "Kylä\u00a0Oy", "Müller\u00a0GmbH",
    "“Zoë…”", "Noë…”", "á´´", "Größe: 5×3 m", "±5 °C", "© 2024 Müller™", "€ 1.200,00", "½ Preis", "NESTLÉ®",
    "«CAFÉ»", "IRMÃ…", "Ångström", "Café ☕", "Zoë 👩‍💻", "Prix: 12,50 €", "Temp. −3 °C", "Ω resistor",
    "µ-Controller", "Straße №5", "Gewinn ≥ 5%", "SÄÄSTÖ™", "ÉCOLE·NORMALE", "l33t h4x0r", "n00b ©", "Ħ4ck3r",
    "ÐΞ$ΓRØ¥€R", "¡Olé!", "¿Qué?", "PÂTÉ", "Âme Sœur", "Ü-Wagen", "Øresund ±0", "Æbleskiver ©", "5 km²",
    "25 m³", "H₂O", "x² + y²", "9½", "A–Z", "“Quote”", "‘single’", "€/£ rate", "¥ 500", "Jean\u00a0Dupont",
    "Paris\u00a0»", "« Bonjour »", "TM™", "Sony®", "Ärger!", "ÖVP–Klub", "Ü…", "ÅÄÖ", "ÆØÅ", "Š®", "Ž™",
    "§ 12 Abs. 3", "Café—Bar", "Ça va…", "Über³", "ÿ-umlaut", "Ĳssel", "Øre ÷ 2", "½×¼", "À la carte",
    "© Åsa", "Ð Đ Ð", "Ñu ñu", "Ève’s", "Über·all", "ÓÚ", "Québec™", "Ñandú®", "Perú°", "Ĉu vi?", "☺ ♥ ★",
    "(╯°□°)╯︵ ┻━┻", "¯\\_(ツ)_/¯", "Sœur ✝", "Ā Ē Ī", "Ω≈ç√∫", "Ć€", "€ß", "Mañana ±",
]

# Capitals, typography and brand marks that put accented letters next to symbols and each other.
LOOK_ALIKE = [
    "SÃO JOÃO DA BARRA", "MAÇÃ VERDE", "INFORMAÇÃO", "ÃO", "CÃES & GATOS", "ÂNGELA", "ÂÂ",
    "NGUYỄN VĂN ĐỨC", "ĐẶNG THỊ", "ÞÓRÐUR", "ÐÓRA", "ŻÓŁĆ", "ŁÓDŹ", "GDAŃSK", "ŘÍČANY", "ŠŤASTNÝ", "ŐSZ",
    "ŰRHAJÓ", "ȘTEFAN", "ŞTEFAN", "PĂŞUNE", "PĂȘUNE", "ÎNVĂȚĂMÂNT", "ÄÖÜ", "Ärzte-Ökonomie", "ØSTERGÅRD",
    "ÆRØ", "ÅÄÖ AB", "Müller®", "Öko™", "Café«", "Ñandú’s", "N’Diaye", "D’Ávila", "Dell’Òrto", "Sant’Ànna",
    "Café\u00a0Noir", "Prix\u00a0: 5\u00a0€", "« Élodie »", "Éric\u00a0Dupont", "ÉÉ", "Évora", "ÓSCAR",
    "ÚRSULA", "ÍÑIGO", "ÑUÑOA", "ĀDAŽI", "ŅUJORKA", "ĶEKAVA", "ŪDRIŅI", "ĖRIŠKĖ", "ĄŽUOLAS", "ÜLEMISTE",
    "ÕISMÄE", "ŠÜKRÜ", "İĞDIR", "ĞÜ", "ÇAĞ", "ÖĞRETMEN", "IŞIK", "ΆΝΝΑ", "ΌΛΓΑ", "ΪΩΑΝΝΗΣ", "ΐ", "ΰ",
    "Ёлка", "ЁЖИК", "ЇЖАК", "ҐАНОК", "Ђорђе", "ЉУБИЦА", "Ћ", "Џ", "Ѕвезда", "Ѓорѓи", "Ќеро", "ѓ", "Ў",
    "Ќ’", "Ђ™", "Рњ", "Сљ", "Рђ", "Щ«", "№ 12", "ООО «Ромашка»", "Ж/Д", "Тел.: +7", "Σ 5", "Π×2",
    "50 µg", "3 ½", "¼ inch", "90°", "±0,5 mm", "×2", "2×", "A×B", "ß-Test", "Straße²", "Ü·Bahn",
    "Å‐Ø", "É‑Á", "ä‘b", "Ö’s", "ÿ", "Ÿ", "Œ", "œuvre", "Œ™", "Š®", "Ž°", "Ć©", "Ł±", "Ĺ", "Ă",
    "Ăn", "Ăla", "Ĺubo", "Ĺ’s", "ÄŽ", "ÄÖ", "ÂÉ", "ÃÉ", "ÅÉ", 
    "🇩🇪 Deutschland", "👍🏽 ok", "❤️ Anna", "ツ", "☃", "⌘K", "♠♣♥♦", "★★★★☆", "→ see", "✓ done", "✗ no",
    "™", "®", "©", "°", "€", "£", "¥", "¢", "§", "¶", "†", "‡", "•", "…", "‰", "‹ ›", "„Zitat“", "‚a‘",
    "1920×…", "Êêê OLHA", "[ok]\u00a0®", "2020—∞", "( o¬õ )", "∆±", "QUEM Ó¿", "Ēø", "S Ã O", "√π ≈ 1.77",
    "┼┐a┼┐", "VOCÊ…", "Ó…", "ÉÉ…", "Ñ‰", "¬´ ok", "ÀÀ", "Ô™ Corp", "X™ Ü®",
]
# Damage that also lost a no-break space: an editor or a web form turned the 0xA0 byte of 'à' or 'Š' into a
# plain space after the misreading.
NBSP_LOST = [("fr", "Rendez-vous à Paris à midi"), ("fr", "Voilà le travail"), ("fr", "jusqu'à nos jours"),
             ("pt", "Fui às compras"), ("lv", "Šveices banka"), ("lt", "Šiaulių bankas"), ("cs", "Škoda Auto")]

# Code pages a UTF-8 text of each language group is realistically read as (Python codec names).
WESTERN = ["cp1252", "latin_1", "iso8859_15", "cp850", "cp437", "mac_roman"]
CENTRAL = ["cp1250", "iso8859_2", "cp852", "cp1252"]
CYRILLIC = ["cp1251", "cp866", "koi8_r", "cp1252"]
READ_AS = {
    **{lang: WESTERN for lang in ["de", "fr", "es", "pt", "it", "nl", "sv", "no", "da", "fi", "is"]},
    **{lang: CENTRAL for lang in ["pl", "cs", "sk", "hu", "ro", "hr", "sl"]},
    **{lang: CYRILLIC for lang in ["ru", "uk", "bg", "sr"]},
    "lt": ["cp1257", "cp1252"], "lv": ["cp1257", "cp1252"], "et": ["cp1257", "cp1252"],
    "tr": ["cp1254", "cp1252"], "el": ["cp1253", "cp1252"], "vi": ["cp1252"],
    "ja": ["cp1252", "cp932"], "zh": ["cp1252"], "ko": ["cp1252"], "ar": ["cp1252"], "he": ["cp1252"],
}
# Code pages damaged twice (the same tool run twice), per group.
TWICE = {"cp1252", "cp1250", "cp1251", "latin_1"}


def read_as(text, codec):
    """UTF-8 bytes of `text` decoded in `codec`; undefined bytes 0x80-0x9F read as C1 controls, like
    Windows and ICU. None when a byte stays undefined (for Shift_JIS: when the bytes are not valid in it,
    since Excel then writes '・' and the text cannot be restored)."""
    if codec == "cp932":
        try:
            return text.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            return None
    out = []
    for b in text.encode("utf-8"):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            if 0x80 <= b <= 0x9F:
                out.append(chr(b))
            else:
                return None
    return "".join(out)


# Short cells with a single damaged letter, whose damage is one letter pair ('GroÃŸ', 'MÃœLLER', 'NÂº').
SHORT = ["Groß", "Hans Weiß", "MÜLLER", "Straße", "Nº 12", "ŠTĚPÁN", "Œuvre", "Ž. Novak"]


def main():
    rng = random.Random(16)
    rows = []
    for lang, names in CLEAN.items():
        for name in names:
            assert unicodedata.is_normalized("NFC", name), name
            rows.append((name, "clean", name, "original", lang))
    for text in SYMBOLS + LOOK_ALIKE:
        rows.append((text, "clean", text, "original", "symbols"))
    for text in SHORT:
        rows.append((text, "clean", text, "original", "short"))
    damaged = []
    for lang, names in CLEAN.items():
        for name in names:
            if name.isascii():
                continue
            for codec in READ_AS[lang]:
                once = read_as(name, codec)
                if once is None or once == name:
                    continue
                damaged.append((once, "damaged", name, f"utf-8>{codec}", lang))
                if codec in TWICE and rng.random() < 0.35:
                    twice = read_as(once, codec)
                    if twice is not None:
                        damaged.append((twice, "damaged", name, f"utf-8>{codec}>{codec}", lang))
    for lang, text in NBSP_LOST:
        codec = "cp1257" if lang in ("lv", "lt") else "cp1252"
        damaged.append((read_as(text, codec).replace("\u00a0", " "), "damaged", text, f"utf-8>{codec}, no-break space lost", lang))
    for text in SHORT:
        damaged.append((read_as(text, "cp1252"), "damaged", text, "utf-8>cp1252, one letter", "short"))
    # Part of a cell damaged: a correct first name next to a damaged surname, and the reverse.
    for lang in ["de", "fr", "pl", "cs", "tr", "sv", "ru", "es"]:
        names = [n for n in CLEAN[lang] if not n.isascii()]
        for _ in range(3):
            first, second = rng.sample(names, 2)
            codec = READ_AS[lang][0]
            bad = read_as(second, codec)
            if bad is not None:
                damaged.append((f"{first} / {bad}", "damaged", f"{first} / {second}", f"partial utf-8>{codec}", lang))
    rows.extend(damaged)
    # Clean strings made by undoing nothing: a check that the generator labels correctly.
    seen = set()
    unique = []
    for row in rows:
        if row[0] in seen:
            continue
        seen.add(row[0])
        unique.append(row)
    for text, label, expected, _, _ in unique:
        assert "\t" not in text and "\n" not in text and "\r" not in text, text
        assert (label == "clean") == (text == expected), text
    out = os.path.join(os.path.dirname(__file__), "..", "fixtures", "mojibake-eval", "evaluation.tsv")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("text\tlabel\texpected\tchain\tlanguage\n")
        for row in unique:
            f.write("\t".join(row) + "\n")
    clean = sum(1 for r in unique if r[1] == "clean")
    print(f"{len(unique)} strings: {clean} clean, {len(unique) - clean} damaged, "
          f"{len({r[4] for r in unique}) - 1} languages")


if __name__ == "__main__":
    main()
