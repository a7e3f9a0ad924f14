/// TXT001: UTF-8 text that was decoded as Windows-1252 (or Latin-1) and encoded again as UTF-8.
///
/// The approach follows ftfy: find character sequences that, mapped back to their Windows-1252 bytes, form
/// a strict UTF-8 sequence (lead byte + continuation bytes), and only call it mojibake when the sequence is
/// one that legitimate text practically never contains ("badness"). A sequence counts as strong evidence
/// when it is three or four bytes long ('â€™'), when its continuation character is a symbol rather than
/// typographic punctuation ('Ã¼', 'ÄŸ'), or when it sits inside a word ('Ã…se', 'sÄ…'). Weak sequences
/// ('IRMÃ…' at the end of a word, 'NESTLÉ®', '«CAFÉ»') alone never trigger the rule.
/// Decoding is applied segment by segment, so a cell that mixes mojibake with correct non-Windows-1252
/// letters ('Łukasz MÃ¼ller') is repaired too, and it is repeated for text damaged twice ('ÃƒÂ©').
enum Mojibake {
    /// Windows-1252 bytes 0x80–0x9F that are not Latin-1 controls: scalar → byte.
    private static let cp1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The byte a scalar had in Windows-1252 (undefined positions read as Latin-1 controls), or nil.
    @inline(__always)
    static func byte(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if v < 0x100 { return UInt8(v) }
        return cp1252High[v]
    }

    @inline(__always)
    static func isContinuation(_ s: Unicode.Scalar) -> Bool {
        guard let b = byte(s) else { return false }
        return b >= 0x80 && b <= 0xBF
    }

    /// Typographic punctuation bytes that legitimately follow a word: ‚ „ … ‹ ‘ ’ “ ” • – — ›.
    private static let punctuationBytes: Set<UInt8> = [0x82, 0x84, 0x85, 0x8B, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x9B]
    /// Latin-1 symbols that legitimately follow an uppercase accented letter: NBSP ¡ © ª « ® ° ² ³ · ¹ º » ¿ and ™.
    private static let symbolBytes: Set<UInt8> = [0xA0, 0xA1, 0xA9, 0xAA, 0xAB, 0xAE, 0xB0, 0xB2, 0xB3, 0xB7, 0xB9, 0xBA, 0xBB, 0xBF, 0x99]

    struct Repair {
        var text: String
        var strong: Int
        var weak: Int
    }

    /// One pass of repair; nil when no strong sequence was found.
    static func repairOnce(_ scalars: [Unicode.Scalar]) -> Repair? {
        let n = scalars.count
        var out = String.UnicodeScalarView()
        var strong = 0, weak = 0
        var i = 0
        while i < n {
            guard let lead = byte(scalars[i]), lead >= 0xC2, lead <= 0xF4 else {
                out.append(scalars[i]); i += 1; continue
            }
            let need = lead < 0xE0 ? 1 : (lead < 0xF0 ? 2 : 3)
            guard i + need < n else { out.append(scalars[i]); i += 1; continue }
            var bytes: [UInt8] = [lead]
            for k in 1...need {
                guard let b = byte(scalars[i + k]), b >= 0x80, b <= 0xBF else { break }
                bytes.append(b)
            }
            guard bytes.count == need + 1, let decoded = decodeStrict(bytes), plausible(decoded) else {
                out.append(scalars[i]); i += 1; continue
            }
            var isStrong: Bool
            if need >= 2 {
                isStrong = true
            } else {
                let cont = bytes[1]
                let next: Unicode.Scalar? = i + 2 < n ? scalars[i + 2] : nil
                let previous: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
                let inWord = (next.map(isLetter) ?? false) || (previous.map { $0.properties.isLowercase } ?? false)
                if punctuationBytes.contains(cont) {
                    isStrong = inWord
                } else if (lead == 0xC2 || lead == 0xC3) {
                    // 'Ã©', 'Ã¼', 'Â°', 'Ã ' (with NBSP): the commonest mojibake of all; no legitimate word
                    // puts a Latin-1 symbol right after 'Ã' or 'Â'.
                    isStrong = true
                } else if symbolBytes.contains(cont) {
                    isStrong = inWord
                } else {
                    isStrong = true
                }
                // A decoded letter from a script far from the lead's usual neighbours needs context.
                if isStrong, lead >= 0xD4, !inWord, !decoded.properties.isAlphabetic { isStrong = false }
            }
            if isStrong { strong += 1 } else { weak += 1 }
            out.append(decoded)
            i += need + 1
        }
        guard strong > 0 else { return nil }
        return Repair(text: String(out), strong: strong, weak: weak)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    /// A scalar that real text contains: not a control, unassigned, private-use or noncharacter.
    private static func plausible(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .control, .unassigned, .privateUse, .surrogate: return false
        default: return true
        }
    }

    /// Strict UTF-8 decoding of one sequence (no overlongs, no surrogates, ≤ U+10FFFF).
    private static func decodeStrict(_ bytes: [UInt8]) -> Unicode.Scalar? {
        var value: UInt32
        switch bytes.count {
        case 2:
            value = UInt32(bytes[0] & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
            if value < 0x80 { return nil }
        case 3:
            value = UInt32(bytes[0] & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
            if value < 0x800 || (value >= 0xD800 && value <= 0xDFFF) { return nil }
        case 4:
            value = UInt32(bytes[0] & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12 | UInt32(bytes[2] & 0x3F) << 6
                | UInt32(bytes[3] & 0x3F)
            if value < 0x10000 || value > 0x10FFFF { return nil }
        default:
            return nil
        }
        return Unicode.Scalar(value)
    }

    static func check(_ value: String) -> ValueFinding? {
        var scalars = Array(value.unicodeScalars)
        var repaired: Repair?
        var strong = 0, weak = 0
        for _ in 0..<3 {
            guard let r = repairOnce(scalars) else { break }
            strong += r.strong
            weak += r.weak
            repaired = r
            scalars = Array(r.text.unicodeScalars)
        }
        guard let result = repaired, result.text != value else { return nil }
        let applicability: Applicability = weak == 0 ? .safe : .unsafe
        return ValueFinding(
            .mojibake,
            "'\(value)' looks like UTF-8 text that was read as Windows-1252 and saved again; the original is probably '\(result.text)'",
            fix: Fix(applicability, "Replace with '\(result.text)'", replacement: result.text))
    }
}
