/// Splits folded text into words. Punctuation becomes a space, never nothing, so "Widget,Inc"
/// gives "widget inc" (OpenRefine's fingerprint deletes it and gets "widgetinc"). Two exceptions:
/// an apostrophe inside a word is dropped ("Int'l" → "intl", "Margie's" → "margies"), and a
/// dotted abbreviation collapses ("U.S.A." → "usa", "S.p.A." → "spa", "o.o." → "oo") while a
/// dotted domain-like word ("widget.com") still splits. '&' and '+' become the word "and".
enum NameTokenizer {
    static func tokens(of folded: String) -> [String] {
        var tokens: [String] = []
        var chunk: [Unicode.Scalar] = []  // letters, digits and dots of one space-free run
        let scalars = Array(folded.unicodeScalars)

        func flushChunk() {
            defer { chunk.removeAll(keepingCapacity: true) }
            guard !chunk.isEmpty else { return }
            var parts: [[Unicode.Scalar]] = [[]]
            for s in chunk {
                if s == "." { parts.append([]) } else { parts[parts.count - 1].append(s) }
            }
            let words = parts.filter { !$0.isEmpty }
            if words.count > 1 && words.allSatisfy({ $0.count <= 2 }) {
                tokens.append(String(String.UnicodeScalarView(words.joined())))
            } else {
                for w in words { tokens.append(String(String.UnicodeScalarView(w))) }
            }
        }

        for (i, s) in scalars.enumerated() {
            if isWordScalar(s) {
                chunk.append(s)
            } else if s == "." {
                chunk.append(s)
            } else if isApostrophe(s), i > 0, i + 1 < scalars.count,
                      isWordScalar(scalars[i - 1]), isWordScalar(scalars[i + 1]) {
                continue
            } else if s == "&" || s == "+" {
                flushChunk()
                tokens.append("and")
            } else {
                flushChunk()
            }
        }
        flushChunk()
        return tokens
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    static func isApostrophe(_ s: Unicode.Scalar) -> Bool {
        s == "'" || s == "\u{2019}" || s == "\u{02BC}" || s == "`" || s == "\u{00B4}"
    }
}
