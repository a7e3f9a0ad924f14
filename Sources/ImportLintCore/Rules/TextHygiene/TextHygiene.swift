/// Unicode hygiene of every cell: mojibake, lost letters, normalization, look-alikes, invisible characters
/// and formula injection.
///
/// The engine calls `needsCheck` on the raw bytes of every cell and `check` only when it returns true, so
/// plain ASCII cells (the vast majority) cost one pass over their bytes. `check` scans the scalars once and
/// runs the expensive analyses (ICU) only when that scan found something they could report.
public enum TextHygiene {
    /// True when the cell holds a non-ASCII byte, a '?', or starts with =, +, -, @, TAB or CR.
    @inlinable
    public static func needsCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        if startsLikeFormula(bytes) { return true }
        let n = bytes.count
        var i = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        let questions: UInt64 = 0x3F3F_3F3F_3F3F_3F3F
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & high != 0 { return true }
            // No byte has its high bit set, so the classic "has a zero byte" test is exact here.
            let x = word ^ questions
            if (x &- ones) & ~x & high != 0 { return true }
            i += 8
        }
        // The tail as the last word, overlapping bytes already found plain (they change no answer).
        if i < n && n >= 8 {
            let word = UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self)
            if word & high != 0 { return true }
            let x = word ^ questions
            return (x &- ones) & ~x & high != 0
        }
        while i < n {
            let b = base[i]
            if b >= 0x80 || b == 0x3F { return true }
            i += 1
        }
        return false
    }

    /// True for text that no hygiene rule can report: printable ASCII other than '?' and precomposed
    /// Latin-1 or Latin Extended-A letters (U+00C0–U+017F but × and ÷), where no run of letters forms, in
    /// the bytes of one of the code pages mojibake comes from, a UTF-8 sequence ('Ã©', 'Ă¼'). Such text is
    /// NFC, single script, without lost letters or invisible characters; everything else goes through
    /// `check`. Names with accents are most of the non-ASCII cells of a directory export, and mostly distinct.
    public static func isPlainLatinText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = bytes.baseAddress, bytes.count > 0, !startsLikeFormula(bytes) else { return false }
        let n = bytes.count
        var i = 0
        var sequences = MojibakeSequenceTracker()
        // Read once: each read of `MojibakeCodePages.shared` was a call, for every letter and space.
        let noBreakSpaceAtA0 = MojibakeCodePages.shared.noBreakSpaceAtA0
        let roles = MojibakeCodePages.latinRoles
        while i < n {
            // Plain ASCII bytes cannot complete a would-be sequence while none is open: skipped eight at a
            // time up to the next other byte (in the last eight bytes, which may overlap bytes read).
            if sequences.isIdle && n >= 8 {
                let at = min(i, n &- 8)
                let others = nonPlainASCIIBytes(UnsafeRawPointer(p + at).loadUnaligned(as: UInt64.self)) >> (UInt64(i &- at) &* 8)
                if others == 0 {
                    i = at &+ 8
                    continue
                }
                i &+= others.trailingZeroBitCount / 8
            }
            let b = p[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F || b == 0x3F { return false }
                if sequences.addASCII(UInt32(b), noBreakSpaceAtA0: noBreakSpaceAtA0) { return false }
                i &+= 1
                continue
            }
            guard i &+ 1 < n, b >= 0xC3, b <= 0xC5 else { return false }
            let c = p[i &+ 1]
            guard c >= 0x80 && c <= 0xBF, !(b == 0xC3 && (c == 0x97 || c == 0xB7)) else { return false }
            if sequences.add(roles: roles[Int(b & 0x1F) << 6 | Int(c & 0x3F)]) { return false }
            i &+= 2
        }
        return true
    }

    /// The high bit of each byte of the word that is non-ASCII, a control character (below 0x20, or 0x7F)
    /// or '?', exact up to the first such byte (little-endian: the lowest set bit); above it a byte may be
    /// marked that is none of these. Zero when the word is eight plain ASCII bytes.
    @inline(__always)
    static func nonPlainASCIIBytes(_ word: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        // For bytes without the high bit, (x - n per byte) & ~x & high marks the bytes below n: a borrow
        // reaches a byte only from a marked one below it. Bytes with the high bit are marked by `word & high`.
        let below20 = (word &- 0x2020_2020_2020_2020) & ~word & high
        let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
        let question = word ^ 0x3F3F_3F3F_3F3F_3F3F
        return (word & high) | below20 | ((delete &- ones) & ~delete & high) | ((question &- ones) & ~question & high)
    }

    /// The part of `needsCheck` that looks at the first byte only (=, +, -, @, TAB, CR), for cells of a
    /// record known to hold neither non-ASCII bytes nor '?'.
    @inlinable @inline(__always)
    public static func startsLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return true
        default: return false
        }
    }

    /// Convenience for tests and callers holding a String.
    public static func needsCheck(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { needsCheck($0) }
    }

    /// Findings for one cell value (at most one per rule). `kind` is the column's value kind;
    /// `decodedFrom` the code page the file was read in when it is not Unicode.
    public static func check(_ value: String, kind: ValueKind, decodedFrom: LegacyEncoding? = nil) -> [ValueFinding] {
        var findings: [ValueFinding] = []
        var scan = Scan()
        for scalar in value.unicodeScalars { scan.add(scalar) }

        var repairedMojibake: String?
        if scan.mojibakeCandidate, let finding = Mojibake.check(value) {
            findings.append(finding)
            repairedMojibake = finding.fix?.replacement
        }
        if scan.hasQuestionOrReplacement, let finding = LossyReplacement.check(value, kind: kind, decodedFrom: decodedFrom) {
            findings.append(finding)
        }
        if scan.maxScalar >= 0x300, let normalized = ICUBridge.nfc(value) {
            findings.append(ValueFinding(.notNFC, notNFCMessage(value, normalized: normalized),
                                         fix: Fix(.safe, "Normalize to NFC", replacement: normalized)))
        }
        if ZawgyiText.mayHold(maxScalar: scan.maxScalar), let finding = ZawgyiText.check(value) {
            findings.append(finding)
        }
        if scan.scripts.nonzeroBitCount >= 2, let finding = Confusables.check(value) {
            findings.append(finding)
        }
        // A soft hyphen in 'GarcÃ­a' is half of a misread 'í': the mojibake repair accounts for it, and
        // removing it would destroy the letter.
        let repairRemovesThem = { repairedMojibake.map { InvisibleCharacters.check($0) == nil } ?? false }
        if scan.hasInvisible, !repairRemovesThem(), let finding = InvisibleCharacters.check(value) {
            findings.append(finding)
        }
        if scan.maxScalar >= 0x3000, let finding = IdeographicSpaceAtEdges.check(value) {
            findings.append(finding)
        }
        if scan.startsLikeFormula, let finding = FormulaInjection.check(value, kind: kind) {
            findings.append(finding)
        }
        return findings
    }

    /// Why `value` is not NFC: letters and accents stored apart, a letter stored whole that NFC stores apart,
    /// a character that NFC replaces by its one canonical twin (Greek letters with oxia from polytonic
    /// keyboards, the Ohm and Kelvin signs), or (the same characters) combining marks in another order than
    /// NFC's, as Hebrew and Arabic keyboards type a dagesh or shadda before the vowel.
    static func notNFCMessage(_ value: String, normalized: String) -> String {
        // NFC splits a few letters stored as one character (Devanagari's nukta letters, U+0958...U+095F).
        if normalized.unicodeScalars.count > value.unicodeScalars.count {
            return "'\(value)' is not in Unicode NFC: it holds a letter stored as one character that NFC stores as the letter and its mark (as Devanagari U+095B is U+091C and the nukta); it looks the same but will not match the same text typed normally"
        }
        guard value.unicodeScalars.count == normalized.unicodeScalars.count else {
            // Korean syllables decomposed (macOS file systems and exports) are jamo, not letters and accents.
            if value.unicodeScalars.contains(where: isConjoiningJamo) {
                return "'\(value)' is not in Unicode NFC (Korean syllables stored as their separate jamo, as macOS writes them); it looks the same but will not match the same text typed normally"
            }
            return "'\(value)' is not in Unicode NFC (letters and accents stored as separate characters); it will not match the same text typed normally"
        }
        // A twin is one character NFC replaces by one other (U+0958 alone becomes two: not a twin).
        let twins = value.unicodeScalars.lazy.compactMap { scalar -> (Unicode.Scalar, Unicode.Scalar)? in
            guard let nfc = ICUBridge.nfc(String(scalar))?.unicodeScalars, nfc.count == 1, let one = nfc.first else { return nil }
            return (scalar, one)
        }
        if let (twin, replacement) = twins.first {
            let polytonic = (0x1F00...0x1FFF).contains(twin.value) ? " (as a Greek polytonic keyboard types oxia for tonos)" : ""
            return "'\(value)' is not in Unicode NFC: it holds \(described(twin)), which NFC replaces by \(described(replacement)), the same character to Unicode\(polytonic); it looks the same but will not match the same text typed normally"
        }
        guard value.unicodeScalars.map(\.value).sorted() == normalized.unicodeScalars.map(\.value).sorted() else {
            // As many characters, not the same ones: a split letter beside a composed one.
            return "'\(value)' is not in Unicode NFC (characters stored in another form than NFC stores them); it looks the same but will not match the same text typed normally"
        }
        return "'\(value)' is not in Unicode NFC: its combining marks are in another order than NFC puts them in (as some keyboards type a dagesh or shadda before the vowel); it looks the same but will not match the same text stored in NFC"
    }

    /// "U+1F79 'ό' (GREEK SMALL LETTER OMICRON WITH OXIA)".
    private static func described(_ scalar: Unicode.Scalar) -> String {
        "\(Confusables.hex(scalar)) '\(scalar)'" + (scalar.properties.name.map { " (\($0))" } ?? "")
    }

    /// Hangul Jamo and its extensions A and B: the parts NFD splits a Korean syllable into.
    private static func isConjoiningJamo(_ s: Unicode.Scalar) -> Bool {
        (0x1100...0x11FF).contains(s.value) || (0xA960...0xA97F).contains(s.value) || (0xD7B0...0xD7FF).contains(s.value)
    }

    /// What one pass over the scalars tells about which analyses can find anything.
    struct Scan {
        var maxScalar: UInt32 = 0
        var hasQuestionOrReplacement = false
        var hasInvisible = false
        var startsLikeFormula = false
        var sequences = MojibakeSequenceTracker()
        var previousCJK = false
        var mojibakeCandidate = false
        var first = true
        /// Bit 0 Latin, bit 1 Greek, bit 2 Cyrillic letters seen (ranges only; ICU decides per word later).
        var scripts: UInt8 = 0

        mutating func add(_ s: Unicode.Scalar) {
            let v = s.value
            if first {
                first = false
                startsLikeFormula = v == 0x3D || v == 0x2B || v == 0x2D || v == 0x40 || v == 0x09 || v == 0x0D
            }
            if v > maxScalar { maxScalar = v }
            if v < 0x80 {
                if v == 0x3F { hasQuestionOrReplacement = true }
                if (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A { scripts |= 1 }
                if sequences.add(v) { mojibakeCandidate = true }
                previousCJK = false
                return
            }
            if v == 0xFFFD { hasQuestionOrReplacement = true }
            if v >= 0xC0 && v < 0x250 || v >= 0x1E00 && v < 0x1F00 { scripts |= 1 }
            else if v >= 0x370 && v < 0x400 || v >= 0x1F00 && v < 0x2000 { scripts |= 2 }
            else if v >= 0x400 && v < 0x530 || v >= 0x1C80 && v < 0x1C90 || v >= 0xA640 && v < 0xA6A0 { scripts |= 4 }
            if InvisibleCharacters.isInvisible(v) { hasInvisible = true }
            // Mojibake needs characters that, in one of the code pages, are the bytes of a UTF-8 sequence.
            if sequences.add(v) { mojibakeCandidate = true }
            // Japanese read as Shift_JIS: half-width katakana after a kanji or kana.
            if v >= 0xFF61 && v <= 0xFF9F && previousCJK { mojibakeCandidate = true }
            previousCJK = v >= 0x3000 && v < 0xA000
        }
    }
}

extension RuleDescriptor {
    public static let notNFC = RuleDescriptor(
        code: "TXT003", name: "not-nfc", severity: .warning, fix: .safe,
        summary: "Text is not in Unicode Normalization Form C (accents stored as separate combining marks)",
        explanation: """
            'é' can be stored as one character or as 'e' followed by a combining accent (macOS and some LDAP \
            exports produce the second form). Both look the same, but the target system compares bytes: the \
            decomposed name does not match the existing record, duplicates appear, and length limits count \
            the marks. Normalizing to NFC changes nothing visible. CJK compatibility ideographs \
            (U+F900-U+FAFF, U+2F800-U+2FA1F) are left as written: NFC would replace each by the unified \
            ideograph it duplicates, another code point and, in Korean names, another reading of the hanja.
            """,
        triggeringExample: "Name\nRene\u{301} Dubois\n", cleanExample: "Name\nRené Dubois\n")
}
