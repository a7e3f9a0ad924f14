/// Words whose reading tells against a clear verdict however the scores add up.
extension CharsetJudge {
    /// Whether `text` reads a letter or digit of another script between two Latin letters. A name is written in
    /// one script: a Windows-1252 file's 'Björk Guðmundsdóttir' reads in Windows-874 as 'Bj๖rk Gu๐mundsd๓ttir'
    /// (Thai digits), and that reading won clearly on Thai letters it made of misread Hindi names.
    static func readsOtherScriptInsideLatinWord(_ text: [UInt32]) -> Bool {
        guard text.count >= 3 else { return false }
        return (1..<(text.count - 1)).contains { k in
            isOtherScriptLetterOrDigit(text[k]) && isLatinLetter(text[k - 1]) && isLatinLetter(text[k + 1])
        }
    }

    private static func isLatinLetter(_ c: UInt32) -> Bool {
        TextPlausibility.isLetter(c) && TextPlausibility.script(c) == .latin
    }

    private static func isOtherScriptLetterOrDigit(_ c: UInt32) -> Bool {
        guard c >= 0x80, TextPlausibility.script(c) != .latin, let scalar = Unicode.Scalar(c) else { return false }
        return TextPlausibility.script(c) != .other ? TextPlausibility.isLetter(c) : scalar.properties.numericType == .decimal
    }

    /// Whether every character `best` reads otherwise than `other` is a letter in both, in a piece of a word
    /// beside a '?' inside the word, which stands for letters the writing page could not hold: such a word is
    /// in a language the file's page does not write, so which alphabet its remaining letters fit tells nothing
    /// of the page (a letter where the other reads a symbol still does: IBM850's 'ý' in '??astný'). A
    /// Windows-1252 file's Yoruba '?láò?ebìkan' ('Ọláòṣebìkan') reads in Windows-1250 as Czech '?láň?eběkan',
    /// and that alone led clearly.
    static func differsOnlyBesideLostLetters(_ best: [UInt32], _ other: [UInt32]) -> Bool {
        guard best.count == other.count, best != other else { return false }
        return best.indices.allSatisfy { k in
            guard best[k] != other[k] else { return true }
            guard TextPlausibility.isLetter(best[k]) && TextPlausibility.isLetter(other[k]) else { return false }
            var start = k
            while start > 0 && TextPlausibility.isLetter(best[start - 1]) { start -= 1 }
            var end = k + 1
            while end < best.count && TextPlausibility.isLetter(best[end]) { end += 1 }
            // The '?' must have a letter on its other side too: at a word's edge it may stand for a lost
            // invisible character ('?Sæbjört' in a Mac Roman file), not for letters of the word.
            let lostBefore = start > 1 && best[start - 1] == 0x3F && TextPlausibility.isLetter(best[start - 2])
            let lostAfter = end + 1 < best.count && best[end] == 0x3F && TextPlausibility.isLetter(best[end + 1])
            return lostBefore || lostAfter
        }
    }
}
