extension RuleDescriptor {
    public static let invisibleCharacter = RuleDescriptor(
        code: "TXT007", name: "invisible-character", severity: .warning, fix: .sometimes,
        summary: "Invisible characters pasted from Word or Outlook: soft hyphen, zero-width space, bidi marks, BOM",
        explanation: """
            Text copied from Word, Outlook or a web page brings characters nobody sees: the soft hyphen \
            (U+00AD), zero-width space (U+200B), word joiner (U+2060), a byte-order mark inside a cell \
            (U+FEFF), left-to-right and right-to-left marks (U+200E/U+200F), zero-width (non-)joiners and bidi \
            embeddings, overrides and isolates. The value then differs from the same text typed normally: \
            matching on email or name fails, duplicates appear, and length limits count them. The fix removes \
            them, safely when they carry nothing: not when the cell would then start with =, +, - or @ (a \
            spreadsheet formula; the fix is withheld, unless the cell already started so or then reads as a number \
            or phone number, as '+966 50 123 4567') or be empty, and not for bidi embeddings, overrides and \
            isolates, whose removal changes the displayed order (unsafe), and not for a soft hyphen right after \
            'Ã', 'Â' or 'Ă': there it is the second byte of a UTF-8 letter read in a Windows code page ('í' \
            read as Windows-1252 is 'Ã' and a soft hyphen) that the mojibake rule could not place, and removing \
            it leaves the letter unrepairable (unsafe). Kept and not reported: a zero-width \
            (non-)joiner next to a letter of a script that uses it (Persian, Arabic, Indic scripts) or an \
            emoji; a zero-width space next to a letter of a script written without spaces between words (Thai, \
            Lao, Khmer, Myanmar, Tai scripts), where it marks the word breaks, unless it splits a syllable: \
            before a combining mark or a vowel written after its consonant, or after a vowel written before it \
            ('เจ้\u{200B}า'); and LRM/RLM in text with Hebrew or \
            Arabic letters, where they set the reading order of mixed text. In text without right-to-left letters \
            an LRM or RLM only distorts, and is removed safely.
            """,
        triggeringExample: "Name\nAnne\u{AD}Marie Dubois\n", cleanExample: "Name\nAnne-Marie Dubois\n")
}

/// TXT007: invisible format characters, with the legitimate uses left alone.
enum InvisibleCharacters {
    @inline(__always)
    static func isInvisible(_ v: UInt32) -> Bool {
        v == 0xAD || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2064).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0xFEFF
    }

    private static let names: [UInt32: String] = [
        0xAD: "soft hyphen", 0x200B: "zero-width space", 0x200C: "zero-width non-joiner", 0x200D: "zero-width joiner",
        0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x202A: "left-to-right embedding",
        0x202B: "right-to-left embedding", 0x202C: "pop directional formatting", 0x202D: "left-to-right override",
        0x202E: "right-to-left override", 0x2060: "word joiner", 0x2066: "left-to-right isolate",
        0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
        0xFEFF: "zero-width no-break space (BOM)",
    ]

    /// Embeddings, overrides and isolates: removing them changes what is displayed.
    private static func changesDisplay(_ v: UInt32) -> Bool {
        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    private static func joinerIsLegitimate(_ neighbour: Unicode.Scalar?) -> Bool {
        guard let s = neighbour, s.value >= 0x80 else { return false }
        if s.properties.isEmoji { return true }
        guard s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
                || s.properties.generalCategory == .spacingMark else { return false }
        let sc = Confusables.script(s)
        return sc != Confusables.latin && sc != 0
    }

    /// Scripts written without spaces between words (Unicode line-break class SA), where a zero-width space
    /// marks a word break.
    private static func breaksWordsWithZeroWidthSpace(_ neighbour: Unicode.Scalar?) -> Bool {
        guard let v = neighbour?.value else { return false }
        return (0x0E00...0x0EFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v)
            || (0x1950...0x19FF).contains(v) || (0x1A20...0x1AAF).contains(v) || (0xA9E0...0xA9FF).contains(v)
            || (0xAA60...0xAADF).contains(v)
    }

    /// Where no word can break: before a combining mark or a Thai or Lao vowel written after its consonant
    /// ('า', 'ะ', 'ำ', the repetition marks), or after one written before it ('เ', 'ไ'), inside a syllable.
    private static func splitsSyllable(after previous: Unicode.Scalar?, before next: Unicode.Scalar?) -> Bool {
        if let next {
            switch next.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: break
            }
            if [0x0E30, 0x0E32, 0x0E33, 0x0E45, 0x0E46, 0x0EB0, 0x0EB2, 0x0EB3, 0x0EC6].contains(next.value) { return true }
        }
        guard let v = previous?.value else { return false }
        return (0x0E40...0x0E44).contains(v) || (0x0EC0...0x0EC4).contains(v)
    }

    /// A soft hyphen after 'Ã' (byte C3 in Windows-1252 and ISO-8859-1), 'Ă' (C3 in Windows-1250) or 'Â' (C2 in
    /// all three): the UTF-8 bytes C3 AD ('í') or C2 AD (a soft hyphen) read in that page.
    private static func endsUTF8Letter(_ v: UInt32, after previous: Unicode.Scalar) -> Bool {
        v == 0xAD && (previous.value == 0xC3 || previous.value == 0xC2 || previous.value == 0x102)
    }

    private static func isRightToLeft(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v >= 0x590 && v < 0x900 || v >= 0xFB1D && v < 0xFE00 || v >= 0xFE70 && v < 0xFF00
            || v >= 0x10800 && v < 0x10FFF || v >= 0x1E800 && v < 0x1EFFF
    }

    /// Whether the value already starts with `first` (before any invisible character): removing a mark
    /// further on, as in '+966\u{200E}50 123 4567', does not make a formula of it.
    private static func leadsAlready(_ first: Unicode.Scalar, _ scalars: [Unicode.Scalar]) -> Bool {
        scalars.first { !$0.properties.isWhitespace } == first
    }

    static func check(_ value: String) -> ValueFinding? {
        let scalars = Array(value.unicodeScalars)
        var removals: [Int] = []
        var displayChanges = false
        var mojibakeLead: Unicode.Scalar?  // the 'Ã', 'Â' or 'Ă' before a soft hyphen
        var hasRTL: Bool?
        for (i, s) in scalars.enumerated() where isInvisible(s.value) {
            let v = s.value
            // A mark before a whole quoted value is an appended export's BOM: malformed-quote removes it
            // with the quotes, which this fix would leave in the value.
            if i == 0, v == 0xFEFF, MalformedQuoteRule.quotedBehindByteOrderMark(value) != nil { continue }
            if v == 0x200C || v == 0x200D,
               joinerIsLegitimate(i > 0 ? scalars[i - 1] : nil) || joinerIsLegitimate(i + 1 < scalars.count ? scalars[i + 1] : nil) {
                continue
            }
            let previous = i > 0 ? scalars[i - 1] : nil, next = i + 1 < scalars.count ? scalars[i + 1] : nil
            if v == 0x200B, breaksWordsWithZeroWidthSpace(previous) || breaksWordsWithZeroWidthSpace(next),
               !splitsSyllable(after: previous, before: next) {
                continue
            }
            if v == 0x200E || v == 0x200F {
                if hasRTL == nil { hasRTL = scalars.contains(where: isRightToLeft) }
                if hasRTL == true { continue }
            }
            removals.append(i)
            if changesDisplay(v) { displayChanges = true }
            if i > 0, endsUTF8Letter(v, after: scalars[i - 1]) { mojibakeLead = scalars[i - 1] }
        }
        guard !removals.isEmpty else { return nil }
        let found = Set(removals.map { scalars[$0].value }).sorted()
            .map { "\(names[$0] ?? "character") (\(Confusables.hex(Unicode.Scalar($0)!)))" }
        var message = "'\(value)' has invisible \(found.joined(separator: ", "))"
        let removed = Set(removals)
        var out = String.UnicodeScalarView()
        for (k, s) in scalars.enumerated() where !removed.contains(k) { out.append(s) }
        let replacement = String(out)
        let visible = replacement.unicodeScalars.first { !$0.properties.isWhitespace }
        if let first = visible, "=+-@".unicodeScalars.contains(first), !leadsAlready(first, scalars),
           !FormulaInjection.looksNumeric(replacement), !FormulaInjection.looksLikePhone(Array(replacement.unicodeScalars)) {
            message += "; not removed automatically: the cell would then start with '\(first)', which a spreadsheet runs as a formula"
            return ValueFinding(.invisibleCharacter, message)
        }
        if let lead = mojibakeLead {
            message += "; after '\(lead)' a soft hyphen is likely half of a UTF-8 letter read in a Windows code page ('í' read as Windows-1252 is 'Ã' and a soft hyphen)"
        }
        let safe = !displayChanges && mojibakeLead == nil && visible != nil
        let description = visible == nil ? "Remove them (the cell becomes empty)" : "Remove them: '\(replacement)'"
        return ValueFinding(.invisibleCharacter, message, fix: Fix(safe ? .safe : .unsafe, description, replacement: replacement))
    }
}
