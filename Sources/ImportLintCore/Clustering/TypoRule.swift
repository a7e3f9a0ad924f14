/// When two names that differ in exactly one word may be merged as a typo. Precision first:
/// the differing words must be long, close, carry no digits, and not be country, region,
/// direction or legal-suffix words ("Acme North"/"Acme South", "Region 1"/"Region 2",
/// "Widget France"/"Widget Finance" stay apart).
enum TypoRule {
    /// Largest edit distance allowed between two words of these lengths (0: never a typo).
    /// One edit needs six letters in both words (five-letter words are too often other words:
    /// "Trade"/"Tradre"/"Trader"); two edits need nine letters in both.
    static func allowedEdits(_ a: Int, _ b: Int) -> Int {
        let shorter = min(a, b)
        if shorter >= 9 { return 2 }
        if shorter >= 6 { return 1 }
        return 0
    }

    /// Longest word that may take part in a typo merge: no organization word is longer, and a word's
    /// deletion neighbourhood costs length³ to hash ("Donaudampfschifffahrtsgesellschaft" has 34 letters).
    static let maximumLength = 48

    /// Words that may take part in a typo merge at all.
    static func isEligible(_ token: String) -> Bool {
        let length = token.unicodeScalars.count
        if token.hasPrefix("#") || length < 6 || length > maximumLength { return false }
        if token.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { return false }
        if token.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
        if OrganizationVocabulary.regionWords.contains(token) { return false }
        if OrganizationVocabulary.legalSuffixTokens.contains(token) { return false }
        if token.unicodeScalars.contains(where: isSyllableOrWordSign) { return false }
        return true
    }

    /// Han, kana, Hangul and the scripts written without spaces between words (Thai, Lao, Khmer, Myanmar):
    /// a character there is a syllable or a whole word, and a run without spaces is several words, so
    /// one or two changed characters make another name ('合联电子网络有限公司' and '合联电子科技有限公司' are
    /// two companies), not a slip of the keyboard.
    static func isSyllableOrWordSign(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1100...0x11FF, 0x1780...0x17FF, 0x3040...0x30FF, 0x3130...0x318F,
             0x3400...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3134F: true
        default: false
        }
    }

    /// The two words are within the allowed edits of each other. A word that is a prefix of the
    /// other is a different word ("Pharma"/"Pharmacy", "Trade"/"Trader"), and a different first
    /// letter usually is too ("Health"/"Wealth"), except for swapped first letters.
    static func isTypo(_ a: [UInt32], _ b: [UInt32]) -> Bool {
        let allowed = allowedEdits(a.count, b.count)
        guard allowed > 0 else { return false }
        let (shorter, longer) = a.count <= b.count ? (a, b) : (b, a)
        if longer.starts(with: shorter) { return false }
        if a[0] != b[0] && !(a.count > 1 && b.count > 1 && a[0] == b[1] && a[1] == b[0]) { return false }
        // One letter replaced in a word shorter than nine letters is as often another word as a slip
        // ("Capital"/"Capitol", "Printing"/"Painting"); dropped, doubled and swapped letters are slips.
        if a.count == b.count, shorter.count < 9, zip(a, b).count(where: { $0 != $1 }) == 1 { return false }
        return EditDistance.bounded(a, b, bound: allowed) <= allowed
    }

    /// Deletion neighbourhood of a word (itself, every 1-deletion, and every 2-deletion for
    /// words long enough to allow two edits), hashed. Two words within the allowed edits share
    /// at least one entry, so hashing these gives exact blocking with tiny blocks.
    static func deletionHashes(_ word: [UInt32]) -> [UInt64] {
        var hashes: [UInt64] = [hash(word, skip1: -1, skip2: -1)]
        let n = word.count
        for i in 0..<n { hashes.append(hash(word, skip1: i, skip2: -1)) }
        if n >= 9 {
            for i in 0..<n { for j in (i + 1)..<n { hashes.append(hash(word, skip1: i, skip2: j)) } }
        }
        return hashes
    }

    static func hash(_ word: [UInt32], skip1: Int, skip2: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for (i, c) in word.enumerated() where i != skip1 && i != skip2 {
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }
}
