import Foundation

/// Digits typed on another script's keyboard: Arabic-Indic (٠١٢), Persian (۰۱۲), fullwidth (０１２) and the
/// other decimal digits Unicode knows; and the compatibility forms of ASCII characters that an East Asian
/// keyboard types ('＋', the fullwidth plus, and '﹢', the small one). libphonenumber reads the digits and the
/// fullwidth plus; whether an import does is not documented.
enum ForeignDigits {
    /// The value with every non-ASCII decimal digit written as its ASCII digit, and every character whose
    /// NFKC form is one printable ASCII character ('＋', '﹢', '－', '（') written as that character; nil when
    /// it has neither. Exact: a digit keeps its value, and the other characters are the ASCII ones by
    /// Unicode's compatibility mapping (a heavy plus '➕' or a minus sign '−' has none and is kept).
    static func asciiForm(_ value: String) -> String? {
        var bytes = value
        guard bytes.withUTF8(hasNonASCII) else { return nil }
        var out = String.UnicodeScalarView()
        var changed = false
        for s in value.unicodeScalars {
            if isForeignDigit(s), let digit = s.properties.numericValue {
                out.append(Unicode.Scalar(UInt8(0x30 + Int(digit))))
                changed = true
            } else if let ascii = compatibilityASCII(s) {
                out.append(ascii)
                changed = true
            } else {
                out.append(s)
            }
        }
        return changed ? String(out) : nil
    }

    /// What the value's first non-ASCII digit is, or else its first compatibility character, and whether
    /// `reader` reads it: "is written in Arabic-Indic digits; whether 4me reads them is not documented".
    static func note(_ value: String, reader: String) -> String {
        if let first = value.unicodeScalars.first(where: isForeignDigit) {
            return "is written in \(digitsName(first)); whether \(reader) reads them is not documented"
        }
        guard let first = value.unicodeScalars.first(where: { compatibilityASCII($0) != nil }), let ascii = compatibilityASCII(first) else {
            return "is written in ASCII"
        }
        let name = first.properties.name.map { " (\($0))" } ?? ""
        return "is written with '\(first)'\(name) where ASCII has '\(ascii)'; whether \(reader) reads it is not documented"
    }

    /// What the value's first non-ASCII digit is, for a message: 'Arabic-Indic digits'.
    static func name(of value: String) -> String {
        value.unicodeScalars.first(where: isForeignDigit).map(digitsName) ?? "ASCII digits"
    }

    private static func digitsName(_ digit: Unicode.Scalar) -> String {
        switch digit.value {
        case 0x660...0x669: "Arabic-Indic digits"
        case 0x6F0...0x6F9: "Persian digits"
        case 0xFF10...0xFF19: "fullwidth digits"
        case 0x966...0x96F: "Devanagari digits"
        default: "non-ASCII digits"
        }
    }

    /// The printable ASCII character that is the NFKC form of the non-ASCII, non-space `s`, if one is.
    /// Spaces are the whitespace rules' (an ideographic space, a no-break space).
    static func compatibilityASCII(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        guard s.value >= 0x80, !s.properties.isWhitespace, s.properties.changesWhenNFKCCaseFolded else { return nil }
        let mapped = String(Character(s)).precomposedStringWithCompatibilityMapping.unicodeScalars
        guard mapped.count == 1, let ascii = mapped.first, (0x21...0x7E).contains(ascii.value) else { return nil }
        return ascii
    }

    /// Nearly every value is ASCII: eight bytes a step settle it.
    private static func hasNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var i = 0
        while i + 8 <= bytes.count {
            if UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return true }
            i += 8
        }
        while i < bytes.count {
            if bytes[i] >= 0x80 { return true }
            i += 1
        }
        return false
    }

    static func isForeignDigit(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x80 && s.properties.numericType == .decimal
    }
}
