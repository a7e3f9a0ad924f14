import CICU
import Foundation

/// Letter data the charset judge weighs decodings with: which languages use each accented Latin letter,
/// how common each Russian letter is, and which CJK characters names and departments are written with.
enum LetterTables {
    /// The accented letters (lowercase) of the languages whose directory exports come in the candidate
    /// code pages (alphabets as in the Unicode CLDR exemplar characters).
    static let latinAlphabets = [
        "äöüß", "àâæçéèêëîïôœùûüÿ", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóù", "àçèéíïòóúü", "áéëïóöü",
        "åæøéó", "åäöé", "åäöšž", "áæðéíóöúýþ", "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž",
        "áéíóöőúüű", "čćđšž", "ăâîșțşţ", "âçğıîöşü", "ąčęėįšųūž", "āčēģīķļņšūž", "äõöüšž", "çë",
        "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    ]
    static let allLatinLanguages = (1 << latinAlphabets.count) - 1

    private static let vietnamese = 1 << (latinAlphabets.count - 1)
    private static let vietnameseTones: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
    /// The Vietnamese letters that carry a tone mark (either case).
    private static let vietnameseToned = Set(vietnameseTonedLetters.values)

    /// The alphabets a word of decoded text may be written in, as a bit set over `latinAlphabets`. Vietnamese
    /// holds most accented vowels, but a Vietnamese word is one syllable: one tone mark at most, and 'đ' only
    /// first. Without this a misread word of any other language ('Kováč' read as 'Kováè') would pass as it.
    static func alphabetsFitting(_ word: [UInt32]) -> Int {
        var toned = 0
        for (k, c) in word.enumerated() where c >= 0x80 {
            if vietnameseToned.contains(c) { toned += 1 }
            if k > 0 && (c == 0x111 || c == 0x110) { return allLatinLanguages & ~vietnamese }
        }
        return toned > 1 ? allLatinLanguages & ~vietnamese : allLatinLanguages
    }

    /// The Vietnamese letters with a tone mark, keyed by the letter and the mark Windows-1258 stores them as:
    /// the code page holds the letters without tone (a, â, ê, ư...) and five tone marks (grave, acute, tilde,
    /// hook above, dot below) written after the letter, so "ễ" is "ê" and U+0303.
    private static let vietnameseTonedLetters: [UInt64: UInt32] = {
        var map: [UInt64: UInt32] = [:]
        for letter in latinAlphabets.last!.unicodeScalars {
            for form in [String(letter), String(letter).uppercased()] {
                let parts = form.decomposedStringWithCanonicalMapping.unicodeScalars.map(\.value)
                guard let tone = parts.first(where: vietnameseTones.contains), form.unicodeScalars.count == 1 else { continue }
                let base = String(String.UnicodeScalarView(parts.filter { $0 != tone }.compactMap(Unicode.Scalar.init)))
                    .precomposedStringWithCanonicalMapping.unicodeScalars
                guard base.count == 1 else { continue }
                map[UInt64(base.first!.value) << 32 | UInt64(tone)] = form.unicodeScalars.first!.value
            }
        }
        return map
    }()

    /// `text` with each Vietnamese tone mark joined to the letter before it where that makes a Vietnamese
    /// letter, as Windows-1258 text is meant to be read; other marks stay apart (and score as symbols).
    static func composingVietnameseTones(_ text: [UInt32]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.count)
        for c in text {
            if let last = out.last, let toned = vietnameseTonedLetters[UInt64(last) << 32 | UInt64(c)] {
                out[out.count - 1] = toned
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static let latinLetterLanguages: [UInt32: Int] = {
        var map: [UInt32: Int] = [:]
        for (i, alphabet) in latinAlphabets.enumerated() {
            for letter in alphabet.unicodeScalars {
                var forms = [letter.value]
                let upper = String(letter).uppercased().unicodeScalars
                if upper.count == 1 { forms.append(upper.first!.value) }
                if letter == "i" || letter == "ı" { forms.append(0x130) }
                for form in forms { map[form, default: 0] |= 1 << i }
            }
        }
        map[0x130, default: 0] |= 1 << latinAlphabets.firstIndex(of: "âçğıîöşü")!
        return map
    }()

    /// The alphabets of the languages a code page is made for, where that is fewer than all: its other letters
    /// are there for few writers, and a Western file read in it writes them in Western words ('Façade' in
    /// IBM437 is 'Faćade' in IBM775, 'Muñoz' 'Mużoz').
    private static let pageLanguages: [String: [String]] = [
        // Baltic Rim: Lithuanian, Latvian, Estonian and the Nordic and German letters the page keeps.
        "IBM775": ["ąčęėįšųūž", "āčēģīķļņšūž", "äõöüšž", "åæøéó", "åäöé", "åäöšž", "äöüß"],
        "IBM857": ["âçğıîöşü", "äöüß"],
        "IBM860": ["áâãàçéêíóôõú", "áéíñóúü"],
        "IBM863": ["àâæçéèêëîïôœùûüÿ"],
    ]
    private static let pageAlphabetMasks: [String: Int] = pageLanguages.mapValues { alphabets in
        alphabets.reduce(0) { $0 | 1 << latinAlphabets.firstIndex(of: $1)! }
    }

    /// Bit set of the alphabets `charsets` (a group that decodes a sample identically) are made for.
    static func pageAlphabets(_ charsets: [String]) -> Int {
        charsets.reduce(0) { $0 | (pageAlphabetMasks[$1] ?? allLatinLanguages) }
    }

    /// Bit set of the alphabets that hold `c` (either case); 0 for a letter no candidate language uses.
    static func latinLanguages(of c: UInt32) -> Int { latinLetterLanguages[c] ?? 0 }

    /// Russian letter frequencies in percent (the National Corpus of Russian, as tabulated on Wikipedia's
    /// "Russian alphabet" article, 2026-12); Ukrainian, Belarusian and South Slavic letters score as rare.
    private static let russianFrequency: [Character: Double] = [
        "о": 10.97, "е": 8.45, "а": 8.01, "и": 7.35, "н": 6.70, "т": 6.26, "с": 5.47, "р": 4.73, "в": 4.54,
        "л": 4.40, "к": 3.49, "м": 3.21, "д": 2.98, "п": 2.81, "у": 2.62, "я": 2.01, "ы": 1.90, "ь": 1.74,
        "г": 1.70, "з": 1.65, "б": 1.59, "ч": 1.44, "й": 1.21, "х": 0.97, "ж": 0.94, "ш": 0.73, "ю": 0.64,
        "ц": 0.48, "щ": 0.36, "э": 0.32, "ф": 0.26, "ъ": 0.04, "ё": 0.04,
    ]
    private static let otherCyrillic = Set("єіїґўђјљњћџѓќѕ".unicodeScalars.map(\.value))

    static func cyrillicScore(_ c: UInt32) -> Double {
        let lower = Character(Unicode.Scalar(c)!).lowercased()
        if let percent = lower.first.flatMap({ russianFrequency[$0] }) {
            return max(-1, 1 + 0.4 * log(percent / 3))
        }
        if let l = lower.unicodeScalars.first, otherCyrillic.contains(l.value) { return 0 }
        return -2
    }

    /// Modern Greek letter frequencies in percent (accents folded; after the table on Wikipedia's "Greek
    /// alphabet" letter-frequency article, rounded).
    private static let greekFrequency: [Character: Double] = [
        "α": 11.2, "ο": 9.3, "ε": 8.0, "ι": 7.8, "τ": 7.6, "ν": 6.9, "σ": 4.5, "ς": 3.0, "η": 4.9, "υ": 4.2,
        "ρ": 4.6, "κ": 4.0, "π": 3.6, "μ": 3.3, "λ": 2.8, "ω": 1.9, "δ": 1.7, "γ": 1.8, "χ": 1.0, "θ": 1.3,
        "φ": 0.8, "β": 0.7, "ξ": 0.4, "ζ": 0.4, "ψ": 0.2,
    ]
    private static let greekToneless: [Character: Character] = [
        "ά": "α", "έ": "ε", "ή": "η", "ί": "ι", "ό": "ο", "ύ": "υ", "ώ": "ω",
    ]

    static func greekScore(_ c: UInt32) -> Double {
        let lower = Character(Unicode.Scalar(c)!).lowercased().first!
        guard let percent = greekFrequency[greekToneless[lower] ?? lower] else {
            return (0x386...0x3CE).contains(c) ? -0.5 : -1.5
        }
        return max(-1, 1 + 0.4 * log(percent / 3))
    }

    /// Hebrew spelling: the final forms of kaf, mem, nun, pe and tsadi end a word and only there.
    private static let hebrewFinals: Set<UInt32> = [0x5DA, 0x5DD, 0x5DF, 0x5E3, 0x5E5]

    static func hebrewWordScore(_ word: [UInt32]) -> Double {
        var total = 0.0
        for (k, c) in word.enumerated() where hebrewFinals.contains(c) && k < word.count - 1 { total -= 3 }
        return total
    }

    /// Thai letters that names and department words hardly use (obsolete, Pali and Sanskrit ones): the
    /// bytes of other code pages read as Thai land on them often.
    private static let rareThai: Set<UInt32> = [0xE03, 0xE05, 0xE06, 0xE0C, 0xE0E, 0xE0F, 0xE10, 0xE11, 0xE12, 0xE24,
                                                0xE26, 0xE2C, 0xE2F, 0xE3A, 0xE4F, 0xE5A, 0xE5B]

    static func thaiScore(_ c: UInt32) -> Double {
        if rareThai.contains(c) { return -1 }
        return (0xE01...0xE2E).contains(c) ? 1.2 : 0.5
    }

    /// Thai spelling: a vowel sign or tone mark sits on a consonant (a tone mark also on a vowel sign
    /// above or below it), and a leading vowel comes before a consonant. Other bytes read as Thai break
    /// these rules at once.
    static func thaiWordScore(_ word: [UInt32]) -> Double {
        func consonant(_ c: UInt32) -> Bool { (0xE01...0xE2E).contains(c) }
        func toneMark(_ c: UInt32) -> Bool { (0xE48...0xE4B).contains(c) }
        func combining(_ c: UInt32) -> Bool { c == 0xE31 || (0xE34...0xE3A).contains(c) || (0xE47...0xE4E).contains(c) }
        var total = 0.0
        for (k, c) in word.enumerated() {
            if combining(c) {
                let previous = k > 0 ? word[k - 1] : 0
                let carried = consonant(previous) || (toneMark(c) && combining(previous) && !toneMark(previous))
                if !carried { total -= 3 }
            }
            if (0xE40...0xE44).contains(c), k + 1 >= word.count || !consonant(word[k + 1]) { total -= 3 }
        }
        return total
    }

    /// Greek spelling: final sigma ends a word and only there; a word carries at most one accent, and a word
    /// of two syllables or more written in small letters carries one (the monotonic system; capitals drop
    /// it). Russian in IBM866 read as IBM737, whose letters lie in the same order, is Greek letters without
    /// accents ('Иван' as 'Ιλιφ').
    static func greekWordScore(_ word: [UInt32]) -> Double {
        var total = 0.0
        var vowelRuns = 0
        var previousVowel = false
        var hasSmallLetter = false
        for (k, c) in word.enumerated() {
            let last = k == word.count - 1
            if c == 0x3C2 && !last { total -= 3 }
            if c == 0x3C3 && last && word.count > 1 { total -= 1 }
            let vowel = isCyrillicOrGreekVowel(c)
            if vowel && !previousVowel { vowelRuns += 1 }
            previousVowel = vowel
            if (0x3AC...0x3CE).contains(c) { hasSmallLetter = true }
        }
        let accents = word.filter { (0x386...0x38F).contains($0) || (0x3AC...0x3B0).contains($0) || (0x3CC...0x3CE).contains($0) }.count
        if accents > 1 { total -= 2 * Double(accents - 1) }
        if accents == 0 && hasSmallLetter && vowelRuns >= 2 { total -= 2 }
        return total
    }

    private static let latinVowels = Set("aeiouyáàâãäåæéèêëíìîïıóòôõöøœúùûüůűýÿąęėįųāēīūőăõ".unicodeScalars.map(\.value))

    static func isVowel(_ c: UInt32) -> Bool {
        let lower = Character(Unicode.Scalar(c)!).lowercased().unicodeScalars.first!.value
        return latinVowels.contains(lower)
    }

    private static let cyrillicGreekVowels = Set("аеёиоуыэюяєіїўαεηιουωάέήίόύώϊϋΐΰ".unicodeScalars.map(\.value))

    static func isCyrillicOrGreekVowel(_ c: UInt32) -> Bool {
        cyrillicGreekVowels.contains(Character(Unicode.Scalar(c)!).lowercased().unicodeScalars.first!.value)
    }

    /// Characters of the most common Chinese, Japanese and Taiwanese surnames, given names and department
    /// words (simplified, Japanese and traditional forms).
    private static let nameHan = Set((
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        + "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红玲芬燕彬鹏辉建国文斌宇浩凯志豪俊宏家怡婷雅慧淑美惠珍佳欣晨阳雪梅琳丹颖亮晓飞鑫博思子涵轩睿然嘉琪"
        + "张劉陳楊黃趙吳孫馬羅鄭謝許韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒龔萬錢嚴湯偉靜麗強軍艷傑濤蘭剛華紅鵬輝國凱豪俊慧惠珍"
        + "佐藤鈴木橋田中伊渡辺邊山本村小加吉々口松井上清水斎齋阿部森池川石前後坂岡長谷野近遠原藤野竹内沢澤西東北南大千葉土屋菊地福島太郎花子健一直樹輔翔陽菜咲優真由香里恵奈美智和也正人幸雄二三"
        + "部门門课課科组組营營业業销銷售总總务務人事技术術开開发發财財经經理管室长長员員会會社株式有限公司中心研究所工场場支店本"
    ).unicodeScalars.map(\.value))

    /// The level-1 characters of GB 2312, JIS X 0208 and Big5: the few thousand each standard lists as
    /// commonly used, read from ICU's own tables.
    private static let commonHan: Set<UInt32> = {
        func rows(_ leads: ClosedRange<UInt8>, _ trails: [ClosedRange<UInt8>]) -> [UInt8] {
            leads.flatMap { lead in trails.flatMap { $0.flatMap { [lead, $0] } } }
        }
        var set = Set<UInt32>()
        for (charset, bytes) in [("GBK", rows(0xB0...0xD7, [0xA1...0xFE])),
                                 ("Shift_JIS", rows(0x88...0x98, [0x40...0x7E, 0x80...0xFC])),
                                 ("Big5", rows(0xA4...0xC6, [0x40...0x7E, 0xA1...0xFE]))] {
            set.formUnion(CharsetJudge.decode(bytes, charset: charset).filter { (0x4E00...0x9FFF).contains($0) })
        }
        return set
    }()

    static func hanScore(_ c: UInt32) -> Double {
        if nameHan.contains(c) { return 2 }
        return commonHan.contains(c) ? 0.5 : -1.5
    }

    /// Hangul syllables of the most common Korean surnames, given names and department words.
    private static let nameHangul = Set((
        "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌"
        + "준연수영혜재희상미승혁규훈철아름다보람슬영숙순자옥정희경미화진영은지현서윤우민수빈하람솔별"
        + "팀부실과장대리사원차관리영업인총무개발기술회계재무본센터연구소지점"
    ).unicodeScalars.map(\.value))

    /// The 2,350 syllables of KS X 1001 (EUC-KR), read from ICU's table: the ones in common use. The
    /// 8,822 others that windows-949 adds are rare, and are what Japanese or Chinese bytes read as there.
    private static let commonHangul: Set<UInt32> = {
        let bytes = (0xB0...0xC8 as ClosedRange<UInt8>).flatMap { lead in (0xA1...0xFE as ClosedRange<UInt8>).flatMap { [lead, $0] } }
        return Set(CharsetJudge.decode(bytes, charset: "EUC-KR").filter { (0xAC00...0xD7A3).contains($0) })
    }()

    static func hangulScore(_ c: UInt32) -> Double { nameHangul.contains(c) ? 2 : commonHangul.contains(c) ? 0.5 : -1.5 }
}
