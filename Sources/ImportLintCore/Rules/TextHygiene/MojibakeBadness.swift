/// How odd a text reads, counted over neighbouring characters: the score that decides whether undoing a
/// suspected misreading makes the text clearly better. Real text in any language keeps letters of one
/// script together, puts symbols between words rather than inside them and capitals at the start of a word;
/// mojibake breaks those habits ('MÃ¼ller', 'MĂĽller', 'Р˜РІР°РЅ', 'Andr├⌐').
enum MojibakeBadness {
    enum Kind: Equatable {
        case upper, lower, uncased, digit, space, asciiOther
        /// A symbol, spacing accent, fraction, or punctuation that does not belong inside a word.
        case symbol
        /// Punctuation that legitimately ends a word: … ’ ” » › – —.
        case closing
        /// Apostrophes and middle dots that legitimately sit inside a word: ’ ‘ ʼ · ‐ ‑.
        case joiner
        case mark, control, invalid
    }

    static func kind(_ s: Unicode.Scalar) -> Kind {
        let v = s.value
        if v < 0x80 {
            switch v {
            case 0x41...0x5A: return .upper
            case 0x61...0x7A: return .lower
            case 0x30...0x39: return .digit
            case 0x20, 0x09: return .space
            default: return .asciiOther
            }
        }
        switch v {
        case 0x80...0x9F: return .control
        case 0xA0, 0x2000...0x200A, 0x202F, 0x3000: return .space
        case 0x2019, 0x2018, 0x02BC, 0x00B7, 0x2010, 0x2011: return .joiner
        case 0x2026, 0x201D, 0x00BB, 0x203A, 0x2013, 0x2014: return .closing
        default: break
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .otherLetter, .modifierLetter: return .uncased
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .control, .unassigned, .privateUse, .surrogate, .format: return .invalid
        default: return .symbol
        }
    }

    static func isLetter(_ k: Kind) -> Bool { k == .upper || k == .lower || k == .uncased }

    /// Scripts compared for mixing inside a word; Han, kana and Hangul count as one (Japanese and Korean mix
    /// them), and characters outside the named ranges fall back to ICU's script.
    static func script(_ s: Unicode.Scalar) -> Int32 {
        switch s.value {
        case 0...0x24F, 0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF5A: return 25
        case 0x370...0x3FF, 0x1F00...0x1FFF: return 14
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return 8
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
             0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return 17
        default: return ICUBridge.script(of: s)
        }
    }

    /// Letters of Latin Extended-B and IPA that names do use (Romanian, Vietnamese, pinyin, Azerbaijani);
    /// the rest of those blocks turns up in text mostly as mojibake ('ƕie' for 'Õie').
    private static let usedExtendedLatin: Set<UInt32> = [
        0x218, 0x219, 0x21A, 0x21B, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1CD, 0x1CE, 0x1CF, 0x1D0, 0x1D1, 0x1D2, 0x1D3,
        0x1D4, 0x18F, 0x259, 0x1C4, 0x1C5, 0x1C6, 0x1C7, 0x1C8, 0x1C9, 0x1CA, 0x1CB, 0x1CC,
    ]

    /// Letters of Latin Extended-B and IPA outside `usedExtendedLatin`, and the long s and 'ŉ' of Extended-A.
    static func isRareLetter(_ v: UInt32) -> Bool {
        v >= 0x180 && v < 0x2B0 && !usedExtendedLatin.contains(v) || v == 0x17F || v == 0x149 || v >= 0x460 && v < 0x48A
    }

    /// How many scripts have a single character in the text, other than Latin, Greek (used as symbols: 'π',
    /// 'Ω') and the shared ones: a lone Cyrillic or Arabic character among Latin text is what a misreading
    /// leaves ('Ӫ 5', '¿٫'); real text in those scripts has words. A Chinese given name is often one
    /// character ('云'): a Han, kana or Hangul character that is the text's only letter is not lone.
    private static func loneScriptCount(_ scalars: [Unicode.Scalar]) -> Int {
        var counts: [Int32: Int] = [:]
        for s in scalars where s.value >= 0x250 {
            let sc = script(s)
            if sc > 1 && sc != 25 && sc != 14 { counts[sc, default: 0] += 1 }
        }
        if counts[17] == 1, scalars.filter({ isLetter(kind($0)) }).count == 1 { counts[17] = nil }
        return counts.values.filter { $0 == 1 }.count
    }

    /// How many words are three characters that Windows-1252 writes as the UTF-8 of one Han, kana or Hangul
    /// character ('ç›§' for '盧', 'æž—' for '林'): a one-character Chinese surname misread once reads as an
    /// accented letter and two symbols, too little oddness to tell by itself. No Latin word is three such
    /// characters (a lead from 'ã' to 'í' and two of Windows-1252's 0x80–0xBF).
    private static func misreadHanWords(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        var start = 0
        while start < scalars.count {
            guard scalars[start].value >= 0x80, kind(scalars[start]) != .space else { start += 1; continue }
            var end = start + 1
            while end < scalars.count, scalars[end].value >= 0x80, kind(scalars[end]) != .space { end += 1 }
            let word = scalars[start..<end].map(\.value)
            if word.count == 3, (0xE3...0xED).contains(word[0]), let read = MisreadUTF8.utf8Read(word[...]), read.count == 1,
               let character = Unicode.Scalar(read[0]), isLetter(kind(character)), script(character) == 17,
               start == 0 || !isLetter(kind(scalars[start - 1])), end == scalars.count || !isLetter(kind(scalars[end])) {
                count += 1
            }
            start = end
        }
        return count
    }

    /// The score of a text: 0 for ordinary text, a few points per odd spot.
    static func score(_ scalars: [Unicode.Scalar]) -> Int {
        let kinds = scalars.map(kind)
        var total = 2 * (loneScriptCount(scalars) + misreadHanWords(scalars))
        /// True when the nearest character in `direction` that is not a non-ASCII symbol is a letter.
        func letterBeyondSymbols(_ i: Int, _ direction: Int) -> Bool {
            var j = i + direction
            while j >= 0 && j < kinds.count {
                let k = kinds[j]
                if isLetter(k) { return true }
                guard k == .symbol || k == .closing, scalars[j].value >= 0x80 else { return false }
                j += direction
            }
            return false
        }
        for i in scalars.indices {
            let k = kinds[i]
            let previous: Kind? = i > 0 ? kinds[i - 1] : nil
            let next: Kind? = i + 1 < kinds.count ? kinds[i + 1] : nil
            let v = scalars[i].value
            let previousValue = i > 0 ? scalars[i - 1].value : 0
            // '×' before another non-ASCII character: Hebrew read as Windows-1252 ('×“×•×“'); '√' before a
            // symbol or Latin letter the same for Mac Roman ('Caff√®'), but not in '√π'.
            if previousValue == 0xD7, v >= 0x80, k != .space { total += 1 }
            if previousValue == 0x221A, v >= 0x80, k != .space, script(scalars[i]) == 25 || !isLetter(k) { total += 2 }
            // Half-width katakana straight after a kanji or kana: Japanese UTF-8 read as Shift_JIS ('縺ｫ').
            if v >= 0xFF61 && v <= 0xFF9F, previousValue >= 0x3000 && previousValue < 0xA000 { total += 2 }
            // 'â' before a Windows-1252 symbol: the lead of every misread quote, dash and emoji ('â€™', 'âœ”').
            if previousValue == 0xE2, k != .space, MojibakeCodePages.windows1252Continuations.contains(v) { total += 2 }
            // 'Ã' alone or after a small letter, before a space: 'à' whose no-break space became a space
            // ('jusqu'Ã nos'); a word in capitals may end in 'Ã' ('IRMÃ E', 'S Ã O').
            if v == 0x20, previousValue == 0xC3, i < 2 || kinds[i - 2] != .upper, next != .upper { total += 2 }
            // 'Â' and 'Ã' before a letter that only Windows-1252's upper half has ('ÃŸ' for 'ß', 'Ãœ' for
            // 'Ü', 'Âº' for 'º'), and 'Å' before any character of that half ('Å’' for 'Œ', 'Å½' for 'Ž',
            // 'Å‚' for 'ł'): no language writes those pairs.
            if (previousValue == 0xC2 || previousValue == 0xC3) && isLetter(k) || previousValue == 0xC5,
               v >= 0x80, MojibakeCodePages.windows1252Continuations.contains(v) {
                total += 2
            }
            switch k {
            case .control, .invalid:
                if v >= 0x80 && !(k == .invalid && v >= 0x200B && v <= 0x206F) { total += 3 }
            case .symbol, .closing, .joiner, .space:
                guard v >= 0x80 else { break }
                let afterLetter = previous.map(isLetter) ?? false
                let beforeLetter = next.map(isLetter) ?? false
                let box = v >= 0x2500 && v <= 0x25FF
                // Symbols inside a word: 'Ã¼l', 'Р°Р', 'Bj√∂rn'.
                if k == .symbol || k == .closing, letterBeyondSymbols(i, -1), letterBeyondSymbols(i, 1) { total += 2 }
                if box && (afterLetter || beforeLetter) { total += 2 }
                // Box drawing next to another non-ASCII character that is not box drawing: '├₧'.
                if box, i + 1 < scalars.count, scalars[i + 1].value >= 0x80, !(0x2500...0x25FF).contains(scalars[i + 1].value),
                   next != .space {
                    total += 1
                }
                // An accented letter directly followed by a symbol: 'Ã©', 'Ä…'; weak alone ('NESTLÉ®').
                if k != .joiner && k != .space, afterLetter, previousValue >= 0x80 { total += 1 }
                // 'Â' and 'Ã' before a symbol or no-break space are the commonest mojibake of all.
                if previousValue == 0xC2 || previousValue == 0xC3,
                   k == .symbol || k == .space || (k == .closing && beforeLetter) {
                    total += 2
                }
                guard afterLetter, previousValue >= 0x80, previous == .upper else { break }
                // A capital, a no-break space and a small letter: 'Ĺ\u{A0}koda', 'Å\u{A0}ibenik'.
                if k == .space, next == .lower { total += 2 }
                // A capital inside a word before an apostrophe: 'TĹ‘zsde', 'VoÄ‘a'; not the Ukrainian and
                // Belarusian apostrophe before an iotated vowel in capitals ('ДАР’Я', read as Windows-1251
                // 'Р’' is 'В'), which misread UTF-8 never leaves: there a bare 'Я' would be a lead byte.
                if k == .joiner, i >= 2, isLetter(kinds[i - 2]), !isCyrillicApostrophe(scalars, at: i) { total += 2 }
            case .upper, .lower, .uncased:
                if v >= 0x80 && isRareLetter(v) { total += v == 0x17F ? 3 : 1 }
                // 'Ĺ' and 'Ă', leads of Central European mojibake, before a small accented letter: 'Ĺľeleznice'.
                if (previousValue == 0x139 || previousValue == 0x102), k == .lower, v >= 0x80 { total += 2 }
                guard let previous, isLetter(previous) else { break }
                if v >= 0x80 || previousValue >= 0x80, script(scalars[i - 1]) != script(scalars[i]) {
                    total += 3
                }
                guard k == .upper, v >= 0x80 else { break }
                // A capital inside a word: 'MĂĽller', 'fÃ', 'РІР'.
                if previous == .lower { total += 1 }
                if next == .lower { total += 2 }
            case .mark:
                // A combining mark without a letter to carry it, or from another script than its letter
                // ('ࠫ' in 'Генеࠫьный'); Latin accents as separate marks mostly come from a misreading too
                // ('G̩rald' for 'Gérald').
                guard let previous, isLetter(previous) || previous == .mark else { total += 3; break }
                let markScript = ICUBridge.script(of: scalars[i])
                if markScript > 1, previous != .mark, markScript != script(scalars[i - 1]) { total += 3 }
                if v >= 0x300 && v <= 0x36F { total += 2 }
            default:
                break
            }
        }
        return total
    }

    /// Vowels that Ukrainian and Belarusian write after an apostrophe: я, ю, є, ї; е, ё, і.
    private static let iotatedVowels: Set<Unicode.Scalar> = Set("ЯЮЄЇЕЁІяюєїеёі".unicodeScalars)

    /// True when the apostrophe at `i` stands between a Cyrillic letter and an iotated vowel ('ДАР’Я', 'СІМ’Ю').
    private static func isCyrillicApostrophe(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        i + 1 < scalars.count && iotatedVowels.contains(scalars[i + 1]) && script(scalars[i - 1]) == Confusables.cyrillic
    }

    /// Letters most frequent in European names, preferred when two readings are equally plausible.
    private static let frequentLetters: Set<UInt32> = Set("éáóíúüöäèàçñãščžłßþðÞÐěřőşğıøæêôâÉÁÓÍÚÜÖÄÈÀÇÑŠČŽŁŘŐŞĞØÆ".unicodeScalars.map(\.value))

    /// Tie-breaker between readings of equal score: how uncommon their non-ASCII letters are.
    static func rarity(_ scalars: [Unicode.Scalar]) -> Int {
        var total = 0
        for s in scalars where s.value >= 0x80 && s.value < 0x2B0 {
            total += frequentLetters.contains(s.value) ? 0 : isRareLetter(s.value) ? 2 : 1
        }
        return total
    }
}
