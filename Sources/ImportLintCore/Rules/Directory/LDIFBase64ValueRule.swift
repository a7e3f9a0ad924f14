import Foundation

extension RuleDescriptor {
    public static let ldifBase64Value = RuleDescriptor(
        code: "DIR009", name: "ldif-base64-value", severity: .error, fix: .unsafe,
        summary: "A name cell holds base64 ('w4ltaWxlIFpvbGE=') as LDIF writes a value that is not plain ASCII",
        explanation: "LDIF exports (ldifde, ldapsearch, Apple Directory Utility) write a value with a non-ASCII character in base64 after a double colon: 'displayName:: w4ltaWxlIFpvbGE=' is 'Émile Zola'. A script that turns the LDIF into CSV and misses the double colon keeps the base64 text, and the import would store it as the person's name. Reported when the cell is base64 that decodes to UTF-8 text with a non-ASCII letter and nothing but letters of one script, marks of that script after a letter (or the combining accents Latin, Greek and Cyrillic names take), spaces, hyphens, apostrophes, periods and commas, so an ordinary word is not taken for base64. The fix writes the decoded text; it is unsafe because a value that is base64 by chance is not impossible: check the name.",
        triggeringExample: "Primary Email,Name\nemile.zola@example.com,w4ltaWxlIFpvbGE=",
        cleanExample: "Primary Email,Name\nemile.zola@example.com,Émile Zola")
}

/// Person-name cells that are the base64 form LDIF gives non-ASCII values. Measured on the 1.05 million
/// distinct tokens of the generator's people, contacts and Receptionist files: none is taken for base64.
enum LDIFBase64Value {
    /// Byte test, asked of every name cell not yet accepted: eight or more base64 characters, a multiple of
    /// four, '=' only as padding, and a digit, '+', '/' or '=' among them (a word of letters alone, such as
    /// 'Reynolds', decodes to text of mixed scripts by chance too often). Every value `finding` reports
    /// passes it; a name with a space fails at once.
    @inline(__always)
    static func mayBe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 8, b.count & 3 == 0 else { return false }
        // A space anywhere fails (neither a base64 character nor padding): most names have one in their
        // first eight bytes, tested at once instead of letter by letter up to it.
        let spaces = UnsafeRawPointer(b.baseAddress.unsafelyUnwrapped).loadUnaligned(as: UInt64.self) ^ 0x2020_2020_2020_2020
        guard (spaces &- 0x0101_0101_0101_0101) & ~spaces & 0x8080_8080_8080_8080 == 0 else { return false }
        // Padding ends the value, so everything before the last two bytes is base64's 64 characters.
        var notLetter = b[b.count - 1] == 0x3D
        for i in 0..<(b.count - 2) {
            if isLetter(b[i]) { continue }
            guard isBase64(b[i]) else { return false }
            notLetter = true
        }
        // The last two: base64 characters, or '=' padding ('x=' is not).
        let (c1, c2) = (b[b.count - 2], b[b.count - 1])
        guard isBase64(c2) || c2 == 0x3D, isBase64(c1) || (c1 == 0x3D && c2 == 0x3D) else { return false }
        return notLetter || !isLetter(c1) || !isLetter(c2)
    }

    @inline(__always)
    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }

    @inline(__always)
    private static func isBase64(_ c: UInt8) -> Bool { isLetter(c) || c &- 0x30 < 10 || c == 0x2B || c == 0x2F }

    static func finding(_ value: String, column: String) -> ValueFinding? {
        guard let text = decodedName(value) else { return nil }
        return ValueFinding(.ldifBase64Value,
                            "'\(value)' is base64, as LDIF (ldifde, ldapsearch) writes a value that is not plain ASCII; decoded it reads '\(text)', which \(column) should hold",
                            fix: Fix(.unsafe, "Replace with the decoded '\(text)'", replacement: text))
    }

    /// The text the value decodes to, when it reads as a name: UTF-8 with a non-ASCII letter, at least three
    /// letters (two Chinese, Japanese or Korean ones) all of one script, marks only after a letter and of its
    /// script (`mayFollow`), and nothing else but spaces, hyphens, apostrophes, periods and commas.
    static func decodedName(_ value: String) -> String? {
        var bytes = value
        guard bytes.withUTF8(mayBe), let data = Data(base64Encoded: value),
              let text = String(bytes: data, encoding: .utf8) else { return nil }
        var letters = 0
        var nonASCIILetter = false
        var script: NameScript?
        var afterLetter = false
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
                guard let s = NameScript(scalar), script == nil || script == s else { return nil }
                script = s
                letters += 1
                afterLetter = true
                if !scalar.isASCII { nonASCIILetter = true }
            case .nonspacingMark, .spacingMark, .enclosingMark:
                guard afterLetter, let script, Self.mayFollow(scalar, script) else { return nil }
            default:
                guard " -'’.,".unicodeScalars.contains(scalar) else { return nil }
                afterLetter = false
            }
        }
        // A Chinese, Japanese or Korean name is often two characters ('山田'): six bytes, as many as three Latin letters.
        let enough = letters >= 3 || (letters == 2 && (script == .cjk || script == .hangul))
        return nonASCIILetter && enough ? text : nil
    }

    /// Whether `mark` can follow a letter of `script`: a mark of the script's own block (an Arabic vowel
    /// sign after an Arabic letter, a Devanagari one after Devanagari), or a combining diacritic of the blocks
    /// every Latin, Greek and Cyrillic name may use ('e' and U+0301). 'Rǫ' and the Arabic U+06DF, which
    /// 'User2590' decodes to, is no name.
    private static func mayFollow(_ mark: Unicode.Scalar, _ script: NameScript) -> Bool {
        if let own = NameScript(mark) { return own == script }
        let inherited: Bool = switch mark.value {
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: true
        default: false
        }
        return inherited && (script == .latin || script == .greek || script == .cyrillic)
    }

    /// The scripts names are written in, by block; Chinese and Japanese are one (kanji with kana). IPA and
    /// other letters no name uses are none.
    private enum NameScript {
        case latin, greek, cyrillic, armenian, hebrew, arabic, indic, thai, georgian, hangul, cjk

        init?(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x400...0x52F: self = .cyrillic
            case 0x530...0x58F: self = .armenian
            case 0x590...0x5FF: self = .hebrew
            case 0x600...0x6FF, 0x750...0x77F: self = .arabic
            case 0x900...0xDFF: self = .indic
            case 0xE00...0xE7F: self = .thai
            case 0x10A0...0x10FF: self = .georgian
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF: self = .cjk
            default: return nil
            }
        }
    }
}
