import Foundation

/// Scores how presentable a spelling is, to pick a canonical spelling when frequency cannot.
enum WellFormedness {
    /// Legal suffixes as companies register them.
    static let conventionalSuffixes = [
        " Inc.", " Inc", " LLC", " Ltd", " Ltd.", " Limited", " GmbH", " AG", " S.A.", " SA", " B.V.",
        " N.V.", " PLC", " plc", " Corp.", " Corporation", " Co.", " Company", " S.p.A.", " S.r.l.",
        " SAS", " Oy", " AB", " A/S", " AS", " K.K.", " Sp. z o.o.", " Pty Ltd", " SARL", " S.L.",
        " KG", " GmbH & Co. KG", " LLP", " LP", " Pte Ltd", " s.r.o.", " Ltda.",
    ]

    /// The accents a spelling is written with: the combining marks of its canonical decomposition
    /// ('Zürich' 1, 'Zurich' 0). Look-alike letters from another script have none.
    static func accents(_ value: String) -> Int {
        guard !value.utf8.allSatisfy({ $0 < 0x80 }) else { return 0 }
        return value.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory == .nonspacingMark }.count
    }

    /// The spelling without its accents ('Zürich' → 'Zurich'): two spellings equal so differ in accents
    /// alone. A look-alike letter from another script ('Ѕão', Cyrillic 'Ѕ') keeps them apart.
    static func withoutAccents(_ value: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark })
        return String(scalars)
    }

    static func score(_ value: String, hasLegalForm: Bool) -> Int {
        var score = 0
        let trimmed = value.trimmingWhitespace()
        if trimmed == value && !value.contains("  ") && !value.contains("\t") { score += 4 }
        // Pasted invisible characters ('Mol\u{AD}chanova') or mojibake are no spelling to keep.
        if InvisibleCharacters.check(value) == nil && Mojibake.repair(value) == nil { score += 4 }
        let letters = value.unicodeScalars.filter { $0.properties.isAlphabetic }
        let upper = letters.filter { $0.properties.isUppercase }.count
        let lower = letters.filter { $0.properties.isLowercase }.count
        if lower > 0 || letters.count <= 4 { score += 2 }   // not SHOUTING (short acronyms may be)
        if upper > 0 { score += 2 }                         // not all lower case
        // Words start with a capital (small connecting words excepted).
        let small: Set<String> = ["and", "of", "the", "for", "de", "la", "van", "von", "der", "y", "et", "und", "z", "o.o."]
        let words = value.split(whereSeparator: { $0 == " " })
        if words.allSatisfy({ w in small.contains(w.lowercased()) || (w.first.map { !$0.isLetter || $0.isUppercase } ?? true) }) {
            score += 1
        }
        if hasLegalForm && conventionalSuffixes.contains(where: { trimmed.hasSuffix($0) }) { score += 1 }
        return score
    }
}
