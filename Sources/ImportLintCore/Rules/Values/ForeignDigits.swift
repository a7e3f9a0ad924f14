/// Digits typed on another script's keyboard: Arabic-Indic (٠١٢), Persian (۰۱۲), fullwidth (０１２) and the
/// other decimal digits Unicode knows. libphonenumber reads them; whether an import does is not documented.
enum ForeignDigits {
    /// The value with every non-ASCII decimal digit, and every fullwidth form of an ASCII character ('＋',
    /// '－'), written in ASCII; nil when it has no non-ASCII digit. Exact: a digit keeps its value.
    static func asciiForm(_ value: String) -> String? {
        var bytes = value
        guard bytes.withUTF8(hasNonASCII), value.unicodeScalars.contains(where: isForeignDigit) else { return nil }
        var out = String.UnicodeScalarView()
        for s in value.unicodeScalars {
            if isForeignDigit(s), let digit = s.properties.numericValue {
                out.append(Unicode.Scalar(UInt8(0x30 + Int(digit))))
            } else if (0xFF01...0xFF5E).contains(s.value), let ascii = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(ascii)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// What the value's first non-ASCII digit is, for a message: 'Arabic-Indic digits'.
    static func name(of value: String) -> String {
        guard let first = value.unicodeScalars.first(where: isForeignDigit) else { return "ASCII digits" }
        switch first.value {
        case 0x660...0x669: return "Arabic-Indic digits"
        case 0x6F0...0x6F9: return "Persian digits"
        case 0xFF10...0xFF19: return "fullwidth digits"
        case 0x966...0x96F: return "Devanagari digits"
        default: return "non-ASCII digits"
        }
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
