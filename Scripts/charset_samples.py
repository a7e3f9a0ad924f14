"""Realistic directory-export text per language and the code pages Windows, DOS and Mac tools write it in.

Shared by Scripts/bench-charset.py (accuracy measurement) and Scripts/make-legacy-fixtures.py (fixtures).
Names are common given names and surnames of each country; titles and departments are written the way a
local HR system or Active Directory holds them.
"""
import random
import unicodedata

LANGUAGES = {
    "de": (["Jürgen", "Müller", "Günther", "Schäfer", "Weiß", "Köhler", "Björn", "Jörg", "Bärbel", "Strauß", "Anna",
            "Lukas", "Thomas", "Krüger", "Hoffmann", "Schröder", "Sabine", "Lösch", "Dörte", "Fuß"],
           ["Leiterin Einkauf", "Geschäftsführer", "Sachbearbeiterin Buchhaltung", "Außendienst", "Personalabteilung",
            "Prüfung und Qualität", "München", "Düsseldorf", "Köln", "Zürich"]),
    "fr": (["François", "Lefèvre", "Hélène", "Gérard", "Renée", "Noël", "Thérèse", "Benoît", "Chloé", "Cécile", "Jean",
            "Marie", "Dubois", "Garçon", "Brûlé", "Jérôme", "Aurélie", "Béatrice", "Mathieu", "Léa"],
           ["Directrice générale", "Chargé de clientèle", "Ressources humaines", "Comptabilité", "Sécurité",
            "Ingénieur d'études", "Genève", "Besançon", "Orléans", "Nîmes"]),
    "es": (["José", "Núñez", "María", "Peña", "Martínez", "Gómez", "Sánchez", "Begoña", "Iñaki", "Ramón", "Lucía",
            "Álvaro", "Jiménez", "Fernández", "Pérez", "Muñoz", "Inés", "Óscar", "Ibáñez", "Andrés"],
           ["Jefe de ventas", "Atención al cliente", "Administración", "Contabilidad", "Dirección técnica",
            "Logística", "Málaga", "Córdoba", "León", "Cádiz"]),
    "pt": (["João", "Conceição", "Gonçalves", "Simões", "Antônio", "Estêvão", "Sebastião", "Magalhães", "Luís", "Inês",
            "Fábio", "Araújo", "Brandão", "Lúcia", "Mônica", "Vitória", "Guimarães", "Assunção", "Romão", "Tomás"],
           ["Gerente de operações", "Coordenação", "Serviços financeiros", "Gestão de pessoas", "Produção",
            "Tecnologia da informação", "São Paulo", "Brasília", "Goiânia", "Maceió"]),
    "it": (["Niccolò", "Nicolò", "Lucà", "Mattia", "Giosuè", "Rossi", "Ferrari", "Andrea", "Forlì", "Cantù", "Sofia",
            "Giulia", "Esposito", "Bianchi", "Fabrizio", "Pietro", "D'Angelo", "Mirò", "Pirandello", "Nardò"],
           ["Responsabile qualità", "Amministrazione", "Città", "Attività commerciali", "Direttore",
            "Ufficio acquisti", "Università", "Caffè", "Perù", "Società"]),
    "sv": (["Åsa", "Björn", "Märta", "Göran", "Öberg", "Åberg", "Lindström", "Håkan", "Jönsson", "Ängel", "Linnéa",
            "Söderberg", "Karlsson", "Nilsson", "Sjöberg", "Östlund", "Mårten", "Ingrid", "Pär", "Ström"],
           ["Försäljningschef", "Ekonomiavdelning", "Kundtjänst", "Utveckling", "Personalavdelning",
            "Inköp", "Göteborg", "Malmö", "Västerås", "Örebro"]),
    "da": (["Søren", "Jørgen", "Mølgaard", "Kjærgaard", "Ærø", "Bøgh", "Frederiksen", "Aase", "Højbjerg", "Grøn",
            "Næstved", "Sørensen", "Mette", "Rasmussen", "Nørgaard", "Jensen", "Birgitte", "Ærlig", "Løkke", "Dåsen"],
           ["Økonomichef", "Kundeservice", "Salgsafdeling", "Udvikling", "Personaleafdeling", "Indkøb", "Århus",
            "Ålborg", "Køge", "Sønderborg"]),
    "fi": (["Jääskeläinen", "Mäkinen", "Hämäläinen", "Törmä", "Päivi", "Jyrki", "Väinö", "Heikkilä", "Ylönen",
            "Pääkkönen", "Sirkka", "Kärkkäinen", "Sähkö", "Jussi", "Kivelä", "Mäki", "Tuomi", "Leppänen", "Hyvönen", "Ärje"],
           ["Myyntipäällikkö", "Henkilöstöhallinto", "Talousjohtaja", "Asiakaspalvelu", "Kehitys", "Hankinta",
            "Hämeenlinna", "Jyväskylä", "Seinäjoki", "Pietarsaari"]),
    "nl": (["Daniëlle", "Zoë", "Noël", "Chloë", "Inés", "België", "Janssen", "Bakker", "Ruud", "Sanne", "Geëerd",
            "Reünie", "Hélène", "Van der Berg", "De Vries", "Coöperatie", "Financiën", "Joëlle", "Ideeën", "Linda"],
           ["Financiën", "Coöperatie", "Medewerker", "Inkoop", "Afdelingshoofd", "Verkoop", "Zeeën", "Knieën",
            "Ruïne", "Geïnteresseerd"]),
    "pl": (["Łukasz", "Wiśniewski", "Zofia", "Kamińska", "Wójcik", "Grzegorz", "Żaneta", "Małgorzata", "Krzyżanowski",
            "Jędrzej", "Paweł", "Dąbrowski", "Bożena", "Świątek", "Ścisło", "Agnieszka", "Lewandowska", "Mróz", "Gęsiak", "Ćwik"],
           ["Kierownik działu", "Księgowość", "Dział kadr", "Sprzedaż", "Zaopatrzenie", "Łódź", "Kraków", "Gdańsk",
            "Wrocław", "Poznań"]),
    "cs": (["Jiří", "Dvořák", "Němcová", "Šťastný", "Růžička", "Kateřina", "Petr", "Zdeněk", "Černý", "Procházka",
            "Veselý", "Hájek", "Tomáš", "Lucie", "Kučera", "Marešová", "Bohumil", "Čech", "Jaroslav", "Žák"],
           ["Vedoucí oddělení", "Účetní", "Obchodní ředitel", "Personální oddělení", "Nákup", "Brno", "Plzeň",
            "České Budějovice", "Ústí nad Labem", "Olomouc"]),
    "sk": (["Ľubomír", "Kováč", "Ďurica", "Šimko", "Mária", "Ján", "Štefánik", "Lukáč", "Horváthová", "Ľudmila",
            "Peter", "Zuzana", "Čierny", "Baláž", "Mráz", "Ťapák", "Jozef", "Ondrej", "Dušan", "Žilinská"],
           ["Riaditeľ", "Účtovníctvo", "Obchodné oddelenie", "Ľudské zdroje", "Nákup", "Košice", "Žilina",
            "Banská Bystrica", "Prešov", "Trenčín"]),
    "hu": (["Gergő", "Szűcs", "Erzsébet", "Kovács", "Tóth", "Nagy", "Lőrinc", "Győző", "Ildikó", "Zoltán", "Bőhm",
            "Fűzfa", "Katalin", "Szabó", "Horváth", "Péter", "Ödön", "Örs", "Csilla", "Kőszegi"],
           ["Értékesítési vezető", "Pénzügy", "Emberi erőforrás", "Beszerzés", "Ügyfélszolgálat", "Győr", "Pécs",
            "Székesfehérvár", "Debrecen", "Miskolc"]),
    "hr": (["Đurđa", "Ivić", "Marković", "Šimić", "Željko", "Ana", "Josip", "Babić", "Jurić", "Čolak", "Božić", "Ivana",
            "Kovačević", "Vuković", "Đorđe", "Tomislav", "Mlađen", "Knežević", "Perić", "Ćosić"],
           ["Voditelj prodaje", "Računovodstvo", "Ljudski potencijali", "Nabava", "Uprava", "Zagreb", "Split",
            "Osijek", "Čakovec", "Šibenik"]),
    "ro": (["Ştefan", "Ţurcanu", "Popescu", "Ionuţ", "Mihăilescu", "Tănase", "Ioana", "Andreea", "Răzvan", "Dumitrescu",
            "Bălan", "Vlad", "Stănescu", "Cristina", "Gheorghiţă", "Lăcătuş", "Mircea", "Neagu", "Irina", "Ţepeş"],
           ["Director vânzări", "Contabilitate", "Resurse umane", "Achiziţii", "Bucureşti", "Timişoara", "Iaşi",
            "Braşov", "Constanţa", "Piteşti"]),
    "tr": (["Şahin", "Yılmaz", "Gökçe", "Öztürk", "Çağlar", "Doğan", "Ayşe", "Kılıç", "Çelik", "Şimşek", "Emre",
            "Yıldız", "Aydın", "Özdemir", "Arslan", "İbrahim", "Işıl", "Ümit", "Güneş", "Erdoğan"],
           ["Satış müdürü", "Muhasebe", "İnsan kaynakları", "Satın alma", "Müşteri hizmetleri", "İstanbul",
            "İzmir", "Eskişehir", "Diyarbakır", "Muğla"]),
    "lt": (["Žydrūnė", "Petrauskienė", "Kazlauskas", "Jonaitis", "Šarūnas", "Ąžuolas", "Rūta", "Vaitkevičius",
            "Gintarė", "Mažeikis", "Jurgis", "Šimkus", "Laima", "Žukauskas", "Įgaunė", "Dovilė", "Butkus", "Kęstutis", "Eglė", "Lukoševičius"],
           ["Pardavimų vadovas", "Buhalterija", "Personalo skyrius", "Pirkimai", "Klientų aptarnavimas", "Vilnius",
            "Kaunas", "Klaipėda", "Šiauliai", "Panevėžys"]),
    "lv": (["Jānis", "Bērziņš", "Kalniņa", "Ozoliņš", "Līga", "Krūmiņš", "Ilze", "Pētersons", "Zariņa", "Mārtiņš",
            "Andris", "Ķirsis", "Gulbis", "Ēriks", "Liepiņa", "Dāvis", "Šmits", "Žanna", "Kārlis", "Ģirts"],
           ["Pārdošanas vadītājs", "Grāmatvedība", "Personāla daļa", "Iepirkumi", "Rīga", "Daugavpils", "Liepāja",
            "Jēkabpils", "Valmiera", "Ventspils"]),
    "et": (["Jüri", "Tõnis", "Mägi", "Päär", "Õun", "Kõiv", "Liis", "Sepp", "Tamm", "Märt", "Ülle", "Rätsep",
            "Saar", "Pärn", "Küllike", "Lõhmus", "Tõnu", "Kask", "Õie", "Jõgi"],
           ["Müügijuht", "Raamatupidamine", "Personaliosakond", "Hanked", "Klienditeenindus", "Tallinn", "Tartu",
            "Pärnu", "Võru", "Jõhvi"]),
    "ru": (["Иван", "Петров", "Ольга", "Смирнова", "Сергей", "Кузнецов", "Наталья", "Попова", "Алексей", "Васильев",
            "Екатерина", "Соколова", "Дмитрий", "Михайлов", "Юлия", "Новикова", "Андрей", "Фёдоров", "Татьяна", "Морозова"],
           ["Менеджер по продажам", "Бухгалтерия", "Отдел кадров", "Главный инженер", "Служба поддержки", "Москва",
            "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань"]),
    "uk": (["Олександр", "Шевченко", "Ірина", "Коваленко", "Сергій", "Бондаренко", "Юлія", "Ткаченко", "Андрій",
            "Кравченко", "Оксана", "Мельник", "Дмитро", "Олійник", "Наталія", "Їжак", "Євген", "Ґудзь", "Марія", "Петренко"],
           ["Менеджер з продажу", "Бухгалтерія", "Відділ кадрів", "Головний інженер", "Київ", "Львів", "Харків",
            "Одеса", "Дніпро", "Запоріжжя"]),
    "bg": (["Георги", "Иванов", "Мария", "Димитрова", "Петър", "Стоянов", "Елена", "Николова", "Христо", "Тодоров",
            "Йордан", "Ангелова", "Стефан", "Василев", "Цветелина", "Колев", "Борислав", "Попова", "Радослав", "Маринова"],
           ["Търговски представител", "Счетоводство", "Човешки ресурси", "Управител", "София", "Пловдив", "Варна",
            "Бургас", "Русе", "Стара Загора"]),
    "sr": (["Ђорђе", "Јовановић", "Милица", "Петровић", "Никола", "Николић", "Јелена", "Ђурић", "Љубица", "Стојановић",
            "Марко", "Марковић", "Ана", "Ћирић", "Душан", "Његош", "Драган", "Илић", "Снежана", "Џаковић"],
           ["Руководилац продаје", "Рачуноводство", "Људски ресурси", "Набавка", "Београд", "Нови Сад", "Ниш",
            "Крагујевац", "Суботица", "Чачак"]),
    "el": (["Γιώργος", "Παπαδόπουλος", "Άννα", "Νικολάου", "Δημήτρης", "Γεωργίου", "Μαρία", "Κωνσταντίνου",
            "Ελένη", "Ιωάννου", "Νίκος", "Παπαδάκης", "Σοφία", "Αθανασίου", "Κώστας", "Βασιλείου", "Κατερίνα", "Χριστοδούλου",
            "Ευάγγελος", "Οικονόμου"],
           ["Διευθυντής πωλήσεων", "Λογιστήριο", "Ανθρώπινο δυναμικό", "Προμήθειες", "Εξυπηρέτηση πελατών",
            "Αθήνα", "Θεσσαλονίκη", "Πάτρα", "Ηράκλειο", "Λάρισα"]),
    "ja": (["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "太郎", "花子", "健一", "直樹",
            "美咲", "大輔", "陽菜", "翔太", "さくら", "ゆうき"],
           ["営業部", "総務部", "人事課", "経理部", "情報システム部", "東京本社", "大阪支店", "開発センター",
            "カスタマーサポート", "マーケティング部"]),
    "zh": (["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "伟", "芳", "娜", "秀英", "敏", "静", "强",
            "磊", "军", "洋"],
           ["销售部", "人力资源部", "财务部", "技术支持", "总经理办公室", "北京", "上海", "深圳", "广州", "研发中心"]),
    "zh-tw": (["陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "志明", "怡君", "淑芬", "家豪", "雅婷",
               "俊傑", "美玲", "建宏", "佩珊", "宗翰"],
              ["業務部", "人力資源處", "財務部", "資訊部", "總經理室", "台北", "台中", "高雄", "新竹", "研發中心"]),
    "ko": (["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "민준", "서연", "지훈", "수빈", "현우",
            "지은", "도윤", "하은", "예준", "서윤"],
           ["영업부", "인사팀", "재무팀", "기술지원", "경영지원실", "서울", "부산", "인천", "대구", "연구소"]),
    # Korean names with syllables only windows-949 (what Korean Excel writes) has, not EUC-KR.
    "ko-uhc": (["김", "이", "박", "최", "정", "강", "샾", "똠", "햏", "믜", "민준", "서연", "지훈", "수빈", "현우",
                "뷁", "쌰", "잌", "예준", "서윤"],
               ["영업부", "인사팀", "재무팀", "기술지원", "경영지원실", "서울", "부산", "인천", "대구", "연구소"]),
    "he": (["דוד", "כהן", "לוי", "שרה", "משה", "יוסף", "רחל", "אברהם", "יעקב", "מרים", "נועה", "איתי", "תמר",
            "שמעון", "פרץ", "אורן", "גלעד", "שירה", "מיכל", "עמית"],
           ["מנהל מכירות", "משאבי אנוש", "כספים", "תל אביב", "ירושלים", "חיפה", "שירות לקוחות", "פיתוח",
            "הנהלת חשבונות", "רכש"]),
    "ar": (["محمد", "أحمد", "فاطمة", "عبد الله", "خالد", "علي", "حسن", "مريم", "يوسف", "سارة", "عمر", "نور",
            "الحربي", "العتيبي", "القحطاني", "الشمري", "إبراهيم", "زينب", "هدى", "طارق"],
           ["مدير المبيعات", "الموارد البشرية", "المالية", "الرياض", "جدة", "دبي", "خدمة العملاء",
            "تقنية المعلومات", "المشتريات", "القاهرة"]),
    "th": (["สมชาย", "สมศรี", "ประเสริฐ", "วิไล", "สุดา", "ใจดี", "รักไทย", "มั่นคง", "ศรีสุข", "บุญมา", "ทองดี",
            "สุขใจ", "วัฒนา", "กิตติ", "นภา", "พรทิพย์", "อนุชา", "ชัยวัฒน์", "รัตนา", "สมพร"],
           ["ผู้จัดการฝ่ายขาย", "ฝ่ายบุคคล", "การเงิน", "กรุงเทพมหานคร", "เชียงใหม่", "ภูเก็ต", "บริการลูกค้า",
            "เทคโนโลยีสารสนเทศ", "จัดซื้อ", "บัญชี"]),
    # Given names are written with the middle name ("Văn An"), as Vietnamese directories hold them.
    "vi": (["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Đặng", "Bùi", "Đỗ", "Văn An", "Thị Hương",
            "Minh Tuấn", "Đức Thắng", "Thu Thảo", "Ngọc Lan", "Quốc Việt", "Thị Thủy", "Hữu Phước", "Khánh Linh"],
           ["Trưởng phòng Kinh doanh", "Kế toán trưởng", "Phòng Nhân sự", "Giám đốc", "Chăm sóc khách hàng",
            "Công nghệ thông tin", "Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Cần Thơ"]),
    "en-dos": (["José", "Zoë", "René", "Chloé", "Smith", "Johnson", "Muñoz", "Peña", "Brontë", "Renée", "Williams",
                "Jones", "García", "Noël", "Brown", "André", "Miller", "Françoise", "Davis", "Wilson"],
               ["Sales Manager", "Café Operations", "Señor Analyst", "Accounts Payable", "Help Desk", "San José",
                "Façade Maintenance", "Naïve Bayes Lab", "Denver", "Boston"]),
}

# (code page as importlint names it, Python codec, languages its users write in it)
CODE_PAGES = [
    ("windows-1252", "cp1252", ["de", "fr", "es", "pt", "it", "sv", "da", "fi", "nl"]),
    ("ISO-8859-1", "latin_1", ["de", "fr", "es", "it", "da"]),
    ("ISO-8859-15", "iso8859_15", ["fr", "fi", "de"]),
    ("windows-1250", "cp1250", ["pl", "cs", "sk", "hu", "hr", "ro"]),
    ("ISO-8859-2", "iso8859_2", ["pl", "cs", "hu", "hr"]),
    ("windows-1251", "cp1251", ["ru", "uk", "bg", "sr"]),
    ("ISO-8859-5", "iso8859_5", ["ru", "bg"]),
    ("KOI8-R", "koi8_r", ["ru"]),
    ("IBM866", "cp866", ["ru"]),
    ("windows-1253", "cp1253", ["el"]),
    ("ISO-8859-7", "iso8859_7", ["el"]),
    ("windows-1254", "cp1254", ["tr"]),
    ("ISO-8859-9", "iso8859_9", ["tr"]),
    ("windows-1257", "cp1257", ["lt", "lv", "et"]),
    ("windows-1255", "cp1255", ["he"]),
    ("windows-1256", "cp1256", ["ar"]),
    ("windows-874", "cp874", ["th"]),
    ("windows-1258", "cp1258", ["vi"]),
    ("IBM437", "cp437", ["en-dos", "fr", "es"]),
    ("IBM850", "cp850", ["de", "fr", "it", "es", "pt"]),
    ("IBM852", "cp852", ["pl", "cs", "hu", "hr"]),
    ("macintosh", "mac_roman", ["fr", "de", "es", "sv"]),
    ("Shift_JIS", "cp932", ["ja"]),
    ("GBK", "gbk", ["zh"]),
    ("Big5", "cp950", ["zh-tw"]),
    ("EUC-KR", "euc_kr", ["ko"]),
    ("windows-949", "cp949", ["ko-uhc"]),
]

# The Python codec of every name importlint reports, to check a verdict by decoding with it.
CODEC_OF = {name: codec for name, codec, _ in CODE_PAGES}
CODEC_OF.update({"IBM437": "cp437", "GB18030": "gb18030", "Big5-HKSCS": "big5hkscs", "IBM855": "cp855", "IBM857": "cp857",
                 "IBM737": "cp737", "IBM775": "cp775", "KOI8-U": "koi8_u", "ISO-8859-13": "iso8859_13",
                 "ISO-8859-4": "iso8859_4", "IBM869": "cp869", "IBM862": "cp862", "x-IBM720": "cp720", "IBM860": "cp860", "IBM863": "cp863", "x-mac-cyrillic": "mac_cyrillic",
                 "x-mac-centraleurroman": "mac_latin2"})

ASCII_FIRST = ["Anna", "Peter", "Maria", "Thomas", "Laura", "Daniel", "Eva", "Martin", "Sara", "Paul"]
ASCII_LAST = ["Berg", "Novak", "Smith", "Lind", "Horn", "Kent", "Ross", "Moreno", "Ito", "Park"]


def ascii_mail(rng):
    return f"{rng.choice(ASCII_FIRST).lower()}.{rng.choice(ASCII_LAST).lower()}{rng.randint(1, 99)}@example.com"


def people_rows(language, rng, count):
    """`count` rows of a Receptionist contact export: First Name, Last Name, Email, Business Title, Department."""
    names, words = LANGUAGES[language]
    rows = []
    for _ in range(count):
        # A third of the people have plain ASCII names, as in real multinational directories.
        first = rng.choice(names) if rng.random() < 0.7 else rng.choice(ASCII_FIRST)
        last = rng.choice(names) if rng.random() < 0.7 else rng.choice(ASCII_LAST)
        rows.append([first, last, ascii_mail(rng), rng.choice(words), rng.choice(words)])
    return rows


# The tone marks Windows-1258 writes as combining characters after the letter (grave, acute, tilde, hook
# above, dot below).
VIETNAMESE_TONES = {0x300, 0x301, 0x303, 0x309, 0x323}


def encode(text, codec):
    """`text` in `codec`; Windows-1258 as Windows writes it: a letter the code page lacks (ễ) as the letter
    it has (ê) and the tone mark after it (U+0303)."""
    if codec != "cp1258":
        return text.encode(codec)
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode(codec)
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if ord(c) not in VIETNAMESE_TONES))
            out += (base + "".join(c for c in parts if ord(c) in VIETNAMESE_TONES)).encode(codec)
    return bytes(out)


def csv_line(cells, quote_all):
    if quote_all:
        return ",".join('"' + c.replace('"', '""') + '"' for c in cells)
    return ",".join('"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c for c in cells)


def sample(language, codec, size, rng, quote_all=False):
    """A CSV text of about `size` bytes in `codec` (at least a header and one row with a non-ASCII letter).

    50-byte samples are a short header and one or two people; larger ones have the full Receptionist header.
    """
    header = ["First Name", "Last Name"] if size <= 50 else ["First Name", "Last Name", "Email", "Business Title", "Department"]
    lines = [csv_line(header, quote_all)]
    while True:
        row = people_rows(language, rng, 1)[0][:len(header)]
        candidate = lines + [csv_line(row, quote_all)]
        text = "\r\n".join(candidate) + "\r\n"
        try:
            data = encode(text, codec)
        except UnicodeEncodeError:
            continue  # a letter the code page lacks (Á in DOS 437): such a person is not in this export
        if len(data) > size and len(lines) > 1 and any(b >= 0x80 for b in encode("\r\n".join(lines), codec)):
            data = encode("\r\n".join(lines) + "\r\n", codec)
            return data.decode(codec), data
        lines = candidate
        if len(data) > size * 3 and len(lines) > 2:
            return data.decode(codec), data
