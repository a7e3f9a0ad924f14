/// Scores how much decoded text reads like the names, titles and departments of a directory export:
/// letters score, symbols, box drawing, controls and unmapped bytes cost; a word must keep to one script,
/// one language's accented letters and a plausible letter case; common letters and characters of the
/// script score more than rare ones. Only non-ASCII text is judged: ASCII decodes the same in every
/// candidate charset.
enum TextPlausibility {
    enum Script { case latin, cyrillic, greek, cjk, hangul, hebrew, arabic, thai, other }

    static func score(_ text: [UInt32], expectedStructure: Int) -> Double {
        let parts = scoreParts(text, expectedStructure: expectedStructure)
        return parts.letters - parts.languagePenalty
    }

    /// The score's parts: how the text reads word by word, what its mix of Latin alphabets costs
    /// (`languagePenalty`), and how many alphabets its accented Latin letters take. `pageAlphabets`: the
    /// alphabets the decoding code page is made for (`LetterTables.pageAlphabets`); another's letter scores
    /// as one no language uses.
    static func scoreParts(_ text: [UInt32], expectedStructure: Int, pageAlphabets: Int = LetterTables.allLatinLanguages)
        -> (letters: Double, languagePenalty: Double, alphabets: Int) {
        let text = MisreadUTF8.blanked(text)
        var total = 0.0
        var word: [UInt32] = []
        var beforeWord: UInt32 = 0x20
        var accentedLatin: [Int: Int] = [:]
        for (k, c) in text.enumerated() where c >= 0x80 && !isLetter(c) && attachable(c) {
            let before = k > 0 && isLetter(text[k - 1])
            let after = k + 1 < text.count && isLetter(text[k + 1])
            if c == 0x2019 || c == 0x2018 {
                // Inside a word the mark is part of the name and counts as a letter would: "O’Brien", Hausa
                // "Sa’adatu", Uzbek "O‘zbek" (‘ standing for the modifier letter ʻ). A code page that reads its
                // byte as an accented letter there ('Saĺadatu', 'Ulugëbek') must win by other letters.
                if before && after { total += 1.5 } else if after && !before { total -= 2 }
            } else if before || after {
                // A symbol glued to the start of a word or into it.
                total -= 2
            }
        }
        for c in text + [0x20] {
            if isLetter(c) {
                word.append(c)
                continue
            }
            if !word.isEmpty {
                let alphabets = LetterTables.alphabetsFitting(word) & pageAlphabets
                for c in word where c >= 0x80 && script(c) == .latin {
                    accentedLatin[LetterTables.latinLanguages(of: c) & alphabets, default: 0] += 1
                }
                let score = wordScore(word, alphabets: alphabets, pageAlphabets: pageAlphabets)
                // A '?' beside the letters stands for one the writing page could not hold: they are a piece of a
                // word in another script, which reads as letters in many pages ('Е??Е?иЕ' in IBM866 for a
                // Hindi name's remains in IBM437). Such a piece counts only against the reading.
                total += beforeWord == 0x3F || c == 0x3F ? min(score, 0) : score
                word.removeAll(keepingCapacity: true)
            }
            beforeWord = c
            if c >= 0x80 { total += symbolScore(c) }
        }
        // A multi-byte decoding that swallows delimiters or line breaks into characters is wrong.
        total -= Double(max(0, expectedStructure - structureCount(text))) * 4
        let language = languagePenalty(accentedLatin)
        return (total, language.penalty, language.alphabets)
    }

    /// A file is usually in one or two languages. Alphabets are chosen greedily by how many accented
    /// letters they hold; each occurrence of a letter only the second alphabet holds costs 1.5, of one only
    /// a third or later alphabet holds 2.5 (`letters` maps a letter's alphabet bit set to its occurrences).
    static func languagePenalty(_ letters: [Int: Int]) -> (penalty: Double, alphabets: Int) {
        var left = letters.filter { $0.key != 0 }
        var penalty = 0.0
        var rank = 0
        while !left.isEmpty {
            let best = (0..<LetterTables.latinAlphabets.count).max { a, b in
                left.filter { $0.key & (1 << a) != 0 }.values.reduce(0, +) < left.filter { $0.key & (1 << b) != 0 }.values.reduce(0, +)
            }!
            let covered = left.filter { $0.key & (1 << best) != 0 }.values.reduce(0, +)
            penalty += Double(covered) * (rank == 0 ? 0 : rank == 1 ? 1.5 : 2.5)
            left = left.filter { $0.key & (1 << best) == 0 }
            rank += 1
        }
        return (penalty, rank)
    }

    /// Symbols that must not touch letters: not spaces, not CJK punctuation, not the hyphens and dots
    /// names are written with.
    static func attachable(_ c: UInt32) -> Bool {
        !(c == 0xA0 || c == 0xAD || c == 0xB7 || (0x2010...0x2015).contains(c) || (0x3000...0x303F).contains(c)
          || (0xFF01...0xFF65).contains(c) || c == 0x30FB)
    }

    /// Delimiters, quotes and line breaks: every candidate must keep them all.
    static func structureCount<S: Sequence>(_ text: S) -> Int where S.Element == UInt32 {
        text.reduce(0) { $0 + ([0x0A, 0x0D, 0x09, 0x2C, 0x3B, 0x22].contains($1) ? 1 : 0) }
    }

    static func isLetter(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        // Thai vowel signs and tone marks are written inside words.
        if (0xE31...0xE4E).contains(c) { return true }
        guard let scalar = Unicode.Scalar(c), c != 0xB5, c != 0xAA, c != 0xBA else { return false }
        return scalar.properties.isAlphabetic
    }

    static func script(_ c: UInt32) -> Script {
        switch c {
        case 0...0x24F, 0x1E00...0x1EFF: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F: .cyrillic
        case 0x3040...0x30FF, 0x3400...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F: .cjk
        case 0xAC00...0xD7A3, 0x1100...0x11FF, 0x3130...0x318F: .hangul
        case 0x5D0...0x5EA, 0x5F0...0x5F2: .hebrew
        case 0x620...0x64A, 0x66E...0x6D3: .arabic
        case 0xE01...0xE4E: .thai
        default: .other
        }
    }

    /// `alphabets`: `LetterTables.alphabetsFitting(word)` within `pageAlphabets`, which the caller has already.
    static func wordScore(_ word: [UInt32], alphabets: Int, pageAlphabets: Int = LetterTables.allLatinLanguages) -> Double {
        guard word.contains(where: { $0 >= 0x80 }) else { return 0 }
        var total = 0.0
        var caseBroken = false
        var previousLower = false
        var nonASCIILatin = 0
        var adjacentAccented = 0
        var previousAccented = false
        var languages = alphabets
        var oddNeighbours = 0
        for (k, c) in word.enumerated() where c >= 0x80 && script(c) == .latin && k > 0 && k + 1 < word.count {
            // An accented consonant between two consonants, or an accented vowel between two vowels; not Dutch
            // 'ë', whose trema marks exactly that ('geëerd', 'reëel'). Its 'ï' is not exempt: that is how
            // Windows-1252 reads Latvian 'ļ' ('daļa' as 'daïa').
            if c == 0xEB { continue }
            let vowel = LetterTables.isVowel(c)
            if LetterTables.isVowel(word[k - 1]) == vowel && LetterTables.isVowel(word[k + 1]) == vowel { oddNeighbours += 1 }
        }
        total -= Double(oddNeighbours) * 1.5
        // Icelandic þ starts words, German ß never does, Italian ì, ò and ù end them.
        for (k, c) in word.enumerated() {
            if (k > 0 && (c == 0xFE || c == 0xDE)) || (k == 0 && c == 0xDF) { total -= 2 }
            if k + 1 < word.count && (c == 0xEC || c == 0xF2 || c == 0xF9) { total -= 1.5 }
            // Turkish words put no two vowels together (y is a consonant there: 'Yılmaz'): 'ı' beside a vowel is
            // another page's letter, as Mac Roman's 'ç' reads in IBM857 ('François' as 'Franıois').
            if c == 0x131 && [k - 1, k + 1].contains(where: { word.indices.contains($0) && (word[$0] | 0x20) != 0x79 && LetterTables.isVowel(word[$0]) }) {
                total -= 1.5
            }
        }
        let scripts = Set(word.map(Self.script))
        switch scripts {
        case [.greek]: total += LetterTables.greekWordScore(word)
        case [.hebrew]: total += LetterTables.hebrewWordScore(word)
        case [.thai]: total += LetterTables.thaiWordScore(word)
        default: break
        }
        for (index, c) in word.enumerated() {
            let s = script(c)
            total += letterScore(c, script: s, pageAlphabets: pageAlphabets)
            let properties = Unicode.Scalar(c)!.properties
            if properties.isUppercase && previousLower { caseBroken = true; if c >= 0x80 { total -= 2 } }
            // "MŸller", "GenŐve": an accented capital inside a word, before a small letter.
            if properties.isUppercase && c >= 0x80 && index > 0 && index + 1 < word.count
                && Unicode.Scalar(word[index + 1])!.properties.isLowercase { total -= 3 }
            previousLower = properties.isLowercase
            let accented = s == .latin && c >= 0x80
            if accented {
                nonASCIILatin += 1
                if previousAccented { adjacentAccented += 1 }
                languages &= LetterTables.latinLanguages(of: c)
            }
            previousAccented = accented
        }
        let asciiOnlyLatin = word.allSatisfy { $0 < 0x80 || script($0) != .latin }
        var mixed = scripts.count > 1
        // "IT部門": ASCII initials before CJK are common; an accented Latin letter in CJK text is not.
        if mixed && asciiOnlyLatin && scripts == [.latin, .cjk] { mixed = false; total -= 1 }
        if mixed { total -= 5 }
        if caseBroken { total -= 2 }
        // A Cyrillic or Greek word has a vowel.
        if word.count >= 2 && (scripts == [.cyrillic] || scripts == [.greek]) && !word.contains(where: LetterTables.isCyrillicOrGreekVowel) {
            total -= 2
        }
        total -= Double(adjacentAccented) * 1.5
        if word.count >= 3 && nonASCIILatin * 2 > word.count { total -= 2 }
        if nonASCIILatin > 0 && languages == 0 { total -= 3 }
        return total
    }

    static func letterScore(_ c: UInt32, script: Script, pageAlphabets: Int = LetterTables.allLatinLanguages) -> Double {
        if c < 0x80 { return 0 }
        switch script {
        case .latin:
            return LetterTables.latinLanguages(of: c) & pageAlphabets == 0 ? -1.5 : 1
        case .cyrillic: return LetterTables.cyrillicScore(c)
        case .greek: return LetterTables.greekScore(c)
        case .cjk:
            if (0x3041...0x30FF).contains(c) { return 1.5 }
            if (0xFF66...0xFF9F).contains(c) { return 0 }
            return LetterTables.hanScore(c)
        case .hangul: return (0xAC00...0xD7A3).contains(c) ? LetterTables.hangulScore(c) : -1.5
        // Letters of the Windows-1255, 1256 and 874 code pages: every one is common in names.
        case .hebrew, .arabic: return 1.2
        case .thai: return LetterTables.thaiScore(c)
        case .other: return -2
        }
    }

    static func symbolScore(_ c: UInt32) -> Double {
        switch c {
        case 0xFFFD: return -10
        case 0x80...0x9F: return -10
        case 0xE000...0xF8FF: return -8
        // The soft hyphen is in every ANSI code page and in names pasted from Word ('Donau­dampf­schiff'):
        // scored as a format character, it let a reading as East Asian punctuation or a DOS letter win.
        case 0xA0, 0xAD: return -0.5
        case 0x2019, 0x2013, 0x2014, 0x201C, 0x201D, 0x201E, 0x2026, 0x2018: return -0.5
        case 0xAB, 0xBB, 0xB0, 0xAA, 0xBA, 0x2116, 0x20AC: return -1
        case 0x3000...0x303F, 0xFF01...0xFF65, 0x30FB: return 0
        case 0x2500...0x25FF, 0x2190...0x23FF: return -5
        default: break
        }
        guard let scalar = Unicode.Scalar(c) else { return -10 }
        switch scalar.properties.generalCategory {
        case .unassigned, .control, .format, .surrogate: return -10
        case .nonspacingMark, .spacingMark, .enclosingMark: return -3
        default: return c <= 0xFF ? -2 : -3
        }
    }
}
