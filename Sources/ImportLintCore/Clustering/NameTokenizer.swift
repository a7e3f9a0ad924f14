/// Splits folded text into words. Punctuation becomes a space, never nothing, so "Widget,Inc"
/// gives "widget inc" (OpenRefine's fingerprint deletes it and gets "widgetinc"). Two exceptions:
/// an apostrophe inside a word is dropped ("Int'l" → "intl", "Margie's" → "margies"), and a
/// dotted abbreviation collapses ("U.S.A." → "usa", "S.p.A." → "spa", "o.o." → "oo") while a
/// dotted domain-like word ("widget.com") still splits. '&' and '+' become the word "and".
enum NameTokenizer {
    static func tokens(of folded: String) -> [String] {
        var text = folded
        // ASCII names, the usual case, are split as bytes: decoding scalars and building strings
        // from them cost more than the rest of the normalization.
        if let ascii = text.withUTF8({ $0.isASCII ? Array($0) : nil }) {
            return split(ascii, dot: UInt8(ascii: "."), isWord: { isWordScalar(Unicode.Scalar($0)) },
                         isApostrophe: { isApostrophe(Unicode.Scalar($0)) },
                         isAnd: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "+") },
                         string: { String(decoding: $0, as: UTF8.self) })
        }
        return split(Array(folded.unicodeScalars), dot: ".", isWord: isWordScalar, isApostrophe: isApostrophe,
                     isAnd: { $0 == "&" || $0 == "+" }, string: { String(String.UnicodeScalarView($0)) })
    }

    /// The splitting rules over any code unit: bytes of an ASCII name or scalars of any other.
    @inline(__always)
    private static func split<Unit: Equatable>(_ units: [Unit], dot: Unit, isWord: (Unit) -> Bool,
                                               isApostrophe: (Unit) -> Bool, isAnd: (Unit) -> Bool,
                                               string: ([Unit]) -> String) -> [String] {
        var tokens: [String] = []
        var chunk: [Unit] = []  // letters, digits and dots of one space-free run

        func flushChunk() {
            defer { chunk.removeAll(keepingCapacity: true) }
            let words = chunk.split(separator: dot)
            guard !words.isEmpty else { return }
            if words.count > 1 && words.allSatisfy({ $0.count <= 2 }) {
                tokens.append(string(chunk.filter { $0 != dot }))
            } else {
                for w in words { tokens.append(string(Array(w))) }
            }
        }

        for (i, u) in units.enumerated() {
            if isWord(u) || u == dot {
                chunk.append(u)
            } else if isApostrophe(u), i > 0, i + 1 < units.count, isWord(units[i - 1]), isWord(units[i + 1]) {
                continue
            } else if isAnd(u) {
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
