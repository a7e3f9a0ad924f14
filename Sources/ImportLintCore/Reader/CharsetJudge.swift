import CICU

/// Charsets that decode a sample to the same text, and how much that text reads like real text.
public struct CharsetCandidate: Sendable, Equatable {
    /// In preference order; the first names the candidate.
    public var charsets: [String]
    public var score: Double
    /// The score without its language penalty, and how many Latin alphabets the reading takes
    /// (`TextPlausibility.scoreParts`).
    var letterScore: Double = 0
    var alphabets = 0
    public var name: String { charsets[0] }
}

/// The judge's verdict on a sample that is not UTF-8: candidates best first, and whether the best one
/// wins by a margin clear enough to transcode without asking.
public struct CharsetGuess: Sendable, Equatable {
    public var candidates: [CharsetCandidate]
    public var isClear: Bool
    /// Why a reading that wins by a margin is still no clear answer: user-defined characters.
    public var userDefined: UserDefinedCharacters?
    /// Or too few characters for a multi-byte reading, which this other East Asian code page reads too.
    public var fewCharactersAlsoReadBy: String?
    /// Or the file holds, past the judged sample, a character the best reading cannot read as text or that
    /// another code page of the best group reads otherwise.
    public var unjudgedCharacter: UnjudgedCharacter?
    public var best: CharsetCandidate { candidates[0] }

    public init(candidates: [CharsetCandidate], isClear: Bool, userDefined: UserDefinedCharacters? = nil,
                fewCharactersAlsoReadBy: String? = nil, unjudgedCharacter: UnjudgedCharacter? = nil) {
        self.candidates = candidates
        self.isClear = isClear
        self.userDefined = userDefined
        self.fewCharactersAlsoReadBy = fewCharactersAlsoReadBy
        self.unjudgedCharacter = unjudgedCharacter
    }
}

/// A code page's user-defined area (end-user-defined characters, decoded to Unicode's private use area)
/// holds characters only the writing machine's fonts know: a Taiwanese company's own name characters in
/// Big5 are HKSCS characters in Big5-HKSCS, so neither reading is exact.
public enum UserDefinedCharacters: Sendable, Equatable {
    /// The best reading itself has private-use characters.
    case inBest
    /// This charset reads as user-defined characters the bytes where the best reading has others.
    case readBy(String)
}

/// Picks the charset of a non-UTF-8 sample by decoding it with every code page directory exports come in
/// and judging which decoding reads as real text (see `TextPlausibility`). ICU's statistical detector is
/// not used: on a few hundred bytes it names ISO-8859-1 for Cyrillic, Greek and Shift_JIS text.
public enum CharsetJudge {
    /// ANSI, ISO, DOS, Mac and East Asian code pages, in the order that names a group of charsets which
    /// decode a sample identically (the first is the most common for directory exports).
    static let candidates = [
        "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254", "windows-1257",
        "windows-1255", "windows-1256", "windows-874", "windows-1258",
        // Unix and LDAP feeds (iconv, Perl and PHP scripts, MySQL dumps): Ukrainian KOI8-U and Baltic
        // ISO-8859-13 and -4. Left out, KOI8-U read clearly as KOI8-R ('╢вген' for 'Євген').
        "ISO-8859-1", "ISO-8859-15", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7", "ISO-8859-9", "KOI8-R", "KOI8-U",
        "ISO-8859-13", "ISO-8859-4",
        "IBM850", "IBM437", "IBM852", "IBM866",
        // The other OEM code pages console tools write: Cyrillic 855, Turkish 857, Greek 737 and 869, Baltic
        // 775, Hebrew 862, Arabic 720. Left out, their files read clearly as the nearest candidate ('Yìlmaz' in
        // IBM850, Greek as IBM866, Hebrew and Arabic as capital Cyrillic in IBM866).
        "IBM855", "IBM857", "IBM737", "IBM775", "IBM869", "IBM862", "x-IBM720",
        // Portuguese 860 and Canadian French 863 keep 437's lower-case accents but put 'ã', 'õ' and the
        // accented capitals where 850 has 'ä', 'ö', 'È'...: left out, a Portuguese file read as IBM850,
        // some clearly ('operaçöes'). Nordic 865 reads every letter as 850 does.
        "IBM860", "IBM863",
        // Excel for Mac 2011 writes the Mac code page of the system's language; Mac Cyrillic read clearly as
        // Windows-1251 ('€ван' for 'Иван').
        "macintosh", "x-mac-centraleurroman", "x-mac-cyrillic", "Shift_JIS",
        // Each East Asian ANSI code page with the superset that fills what it leaves undefined: GB18030's
        // four-byte characters, HKSCS in Big5's user-defined area, and the 8,822 Hangul syllables Korean
        // Excel writes (windows-949) that EUC-KR lacks.
        "GBK", "GB18030", "Big5", "Big5-HKSCS", "windows-949", "EUC-KR",
    ]
    /// The candidates whose characters take more than one byte.
    static let multiByteCharsets: Set<String> = ["Shift_JIS", "GBK", "GB18030", "Big5", "Big5-HKSCS", "windows-949", "EUC-KR"]
    static func isMultiByte(_ charsets: [String]) -> Bool { charsets.contains(where: multiByteCharsets.contains) }
    /// The judge reads at most this much of the sample; more text rarely changes the verdict.
    static let maximumSample = 16 << 10
    /// Score points the best decoding must lead the runner-up by for a transcode to be safe. Calibrated
    /// with Scripts/bench-charset.py (1,320 samples of 50 to 5,000 bytes): no wrong guess led by more
    /// than 1.5.
    static let clearMargin = 4.0
    /// Score points the best decoding must also lead every other by without the language penalty.
    static let wordByWordMargin = 1.0

    /// Letters, in either case, the best decoding must read as other letters than the runner-up does when
    /// it leads that one only by the language penalty. Such a lead says the differing letters fit fewer
    /// alphabets, which one or two letters do by chance: a Swedish file's Icelandic 'ð' and mojibake 'Ã'
    /// read in Windows-1257 as 'š' and 'Ć' (Finnish and Polish letters) led by 4.
    static let languageEvidence = 3

    /// The part of `sample` the judge reads: at most `maximumSample` bytes, cut at a line end (a character
    /// cut in two would count against the right charset).
    static func judgedPart(_ sample: [UInt8]) -> [UInt8] {
        var bytes = Array(sample.prefix(maximumSample))
        if sample.count > maximumSample, let end = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((end + 1)...) }
        return bytes
    }

    public static func judge(_ sample: [UInt8]) -> CharsetGuess {
        let bytes = judgedPart(sample)
        var groups: [(text: [UInt32], charsets: [String])] = []
        for charset in candidates {
            let text = reading(bytes, charset: charset)
            if let i = groups.firstIndex(where: { $0.text == text }) {
                groups[i].charsets.append(charset)
            } else {
                groups.append((text, [charset]))
            }
        }
        let structure = TextPlausibility.structureCount(bytes.lazy.map(UInt32.init))
        let scored = groups.enumerated().map { index, group in
            let parts = TextPlausibility.scoreParts(group.text, expectedStructure: structure,
                                                    pageAlphabets: LetterTables.pageAlphabets(group.charsets))
            return (index, CharsetCandidate(charsets: group.charsets, score: parts.letters - parts.languagePenalty,
                                            letterScore: parts.letters, alphabets: parts.alphabets),
                    readsUndefinedByte(group.text, charsets: group.charsets))
        }.sorted { $0.1.score != $1.1.score ? $0.1.score > $1.1.score : $0.0 < $1.0 }
        let ranked = scored.map(\.1)
        var margin = ranked.count > 1 ? ranked[0].score - ranked[1].score : .infinity
        if let repeats = repeatsOfOnlyNonASCIIByte(bytes) { margin /= Double(repeats) }
        // Only multi-byte code pages have a user-defined area; a single-byte one's private-use reading is
        // an unmapped byte, which the score already counts against it.
        let bestText = groups[scored[0].0].text
        let filled = groups[scored[0].0].charsets.compactMap { userDefinedAreaFilledBy[$0] }
        let userDefined: UserDefinedCharacters? = if isMultiByte(groups[scored[0].0].charsets) && bestText.contains(where: isPrivateUse) {
            .inBest
        } else {
            groups.first { $0.charsets.contains(where: filled.contains) && $0.text != bestText && differsOnlyInPrivateUse(bestText, $0.text) }
                .map { .readBy($0.charsets[0]) }
        }
        let alsoReadBy = isMultiByte(groups[scored[0].0].charsets)
            ? otherMultiByteReading(ofFew: bestText, among: scored.map { groups[$0.0] }) : nil
        // A file in one or two languages is told by its alphabets; a multinational directory is not: it mixes
        // many Western languages, whose letters read in Windows-1250 ('Genève' as 'Genčve', 'Søren' as
        // 'Sřren') fit fewer alphabets (Czech, Hungarian) than as written, and that reading led clearly.
        // A reading of three alphabets or more must also lead word by word, without the language penalty.
        let leadsWordByWord = ranked[0].alphabets <= 2
            || ranked.dropFirst().allSatisfy { ranked[0].letterScore - $0.letterScore >= wordByWordMargin }
        // A lead over a runner-up that reads the same words as well, letter for letter, rests on which alphabets
        // the differing letters belong to.
        let leadsByLanguageOnly = ranked.count > 1 && ranked[0].letterScore - ranked[1].letterScore < wordByWordMargin
        let enoughEvidence = !leadsByLanguageOnly
            || (lettersReadAsOtherLetters(bestText, groups[scored[1].0].text) ?? .max) >= languageEvidence
        let wordsTellAgainst = readsOtherScriptInsideLatinWord(bestText)
            || (ranked.count > 1 && differsOnlyBesideLostLetters(bestText, groups[scored[1].0].text))
        let clear = margin >= clearMargin && leadsWordByWord && enoughEvidence && !wordsTellAgainst && !scored[0].2 && ranked[0].score > 0
            && userDefined == nil && alsoReadBy == nil
        return CharsetGuess(candidates: Array(ranked.prefix(4)), isClear: clear, userDefined: userDefined,
                            fewCharactersAlsoReadBy: alsoReadBy)
    }

    /// Whether `text` holds a byte its page has no character for: U+FFFD, or in a single-byte page a C1 control
    /// or a private-use character, where ICU's tables put undefined bytes. A Windows-1252 file's Czech 'Š' and
    /// 'ý' are such bytes in Windows-874, whose Thai reading of the file's Hindi mojibake led clearly.
    static func readsUndefinedByte(_ text: [UInt32], charsets: [String]) -> Bool {
        let singleByte = !isMultiByte(charsets)
        return text.contains { $0 == 0xFFFD || (singleByte && ((0x80...0x9F).contains($0) || isPrivateUse($0))) }
    }

    /// How often the sample's only byte that is not ASCII occurs, when there is one such byte value and it
    /// occurs more than once, else nil. Every reading then rests on how that one byte is read, which is one
    /// piece of evidence however often it repeats: Hausa 'Sa’adatu' in Windows-1252 has the apostrophe 0x92
    /// as its only such byte, which IBM852 reads as 'ĺ', and a few hundred names made that lead look clear.
    static func repeatsOfOnlyNonASCIIByte(_ bytes: [UInt8]) -> Int? {
        var only: UInt8?
        var repeats = 0
        for byte in bytes where byte >= 0x80 {
            if let only, only != byte { return nil }
            only = byte
            repeats += 1
        }
        return repeats > 1 ? repeats : nil
    }

    /// How many letters (either case counted once) `best` reads where `other` reads another letter, when
    /// every character they read differently is a letter in both; nil when one reads a mark or symbol there,
    /// or the readings do not pair character for character (a multi-byte or Vietnamese reading).
    static func lettersReadAsOtherLetters(_ best: [UInt32], _ other: [UInt32]) -> Int? {
        guard best.count == other.count else { return nil }
        var letters: Set<UInt32> = []
        for (c, o) in zip(best, other) where c != o {
            guard TextPlausibility.isLetter(c) && TextPlausibility.isLetter(o), let scalar = Unicode.Scalar(c) else { return nil }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            letters.insert(lower.count == 1 ? lower.first!.value : c)
        }
        return letters.count
    }

    /// East Asian code pages share their byte ranges: a few characters read as Shift_JIS kanji and
    /// half-width katakana are as often a Korean or Chinese file (bench-charset.py found three rare Hangul
    /// names, 50 bytes of windows-949, read clearly as Shift_JIS). Below this many characters that are not
    /// ASCII, a multi-byte reading is no clear answer while another multi-byte code page reads the bytes
    /// without a replacement character.
    static let multiByteEvidence = 16

    /// The best of the other multi-byte code pages that read `best`'s bytes without a replacement character,
    /// when `best` holds too few characters that are not ASCII to tell them apart; `groups` best first.
    static func otherMultiByteReading(ofFew best: [UInt32], among groups: [(text: [UInt32], charsets: [String])]) -> String? {
        guard best.lazy.filter({ $0 >= 0x80 }).count < multiByteEvidence else { return nil }
        return groups.first { $0.text != best && isMultiByte($0.charsets) && !$0.text.contains(0xFFFD) }
            .map { $0.charsets.first(where: multiByteCharsets.contains) ?? $0.charsets[0] }
    }

    /// Charsets that put standard characters in another's user-defined area (HKSCS in Big5's, the GB18030
    /// additions in GBK's): where the best reading is one of them and the other reads private use, the bytes
    /// alone do not say which was meant. Other families are not compared: Big5 reads every Shift_JIS kanji
    /// as a user-defined character.
    static let userDefinedAreaFilledBy = ["Big5-HKSCS": "Big5", "GB18030": "GBK"]

    static func isPrivateUse(_ c: UInt32) -> Bool { (0xE000...0xF8FF).contains(c) }

    /// Whether `other` reads like `best` but for private-use characters where `best` has other ones.
    static func differsOnlyInPrivateUse(_ best: [UInt32], _ other: [UInt32]) -> Bool {
        best.count == other.count && zip(best, other).allSatisfy { $0 == $1 || isPrivateUse($1) }
    }

    /// The text the judge scores for `bytes` in `charset`: their code points, and in Windows-1258 each tone
    /// mark joined to its vowel, as Vietnamese is written (the code page stores "ễ" as "ê" and U+0303, whose
    /// mark would otherwise score as a symbol inside the word).
    static func reading(_ bytes: [UInt8], charset: String) -> [UInt32] {
        let text = decode(bytes, charset: charset)
        return charset == "windows-1258" ? LetterTables.composingVietnameseTones(text) : text
    }

    /// The code points of `bytes` in `charset`; illegal or unmapped sequences become U+FFFD.
    static func decode(_ bytes: [UInt8], charset: String) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: bytes.count + 1)
        let n = bytes.withUnsafeBufferPointer { src in
            src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(src.count, 1)) { s in
                out.withUnsafeMutableBufferPointer { cicu_decode_codepoints(charset, s, Int32(bytes.count), $0.baseAddress!, Int32($0.count)) }
            }
        }
        return n > 0 ? Array(out.prefix(Int(n))) : []
    }
}
