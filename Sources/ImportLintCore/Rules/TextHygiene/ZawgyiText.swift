extension RuleDescriptor {
    public static let zawgyiText = RuleDescriptor(
        code: "TXT008", name: "zawgyi-text", severity: .warning,
        summary: "Burmese text in the Zawgyi font encoding, not in Unicode",
        explanation: """
            Zawgyi, the Burmese font encoding used on most phones and PCs in Myanmar until 2019, reuses \
            Unicode's Myanmar code points with other meanings: it stores the vowel sign E before its consonant \
            (in the order it is drawn) and writes the asat as U+1039, which in Unicode only stacks a consonant \
            on the next one. The import stores the text as given; shown with a Unicode font it is garbled, and \
            it does not match the same name typed in Unicode. Reported when a cell holds one of those two \
            sequences, which Unicode Burmese never has. No fix: converting from Zawgyi is the source's job \
            (Google's myanmar-tools, ICU's Zawgyi-my transform), and a cell can hold both encodings.
            """,
        triggeringExample: "First Name,Last Name,Email\n\u{1031}\u{1021}\u{102C}\u{1004}\u{1039},Kyaw,aung@example.com\n",
        cleanExample: "First Name,Last Name,Email\n\u{1021}\u{1031}\u{102C}\u{1004}\u{103A},Kyaw,aung@example.com\n")
}

/// Zawgyi-encoded Burmese, told by sequences Unicode Burmese never has.
enum ZawgyiText {
    /// Whether a cell whose highest code point is `maxScalar` may hold Burmese and nothing above it.
    @inline(__always)
    static func mayHold(maxScalar: UInt32) -> Bool { maxScalar >= 0x1031 && maxScalar <= 0x109F }

    static func check(_ value: String) -> ValueFinding? {
        var previous: UInt32 = 0x20
        for scalar in value.unicodeScalars {
            let v = scalar.value
            // The vowel sign E first in a word (Unicode stores it after its consonant), or U+1039 followed by
            // no consonant (Unicode's virama stacks a consonant; Zawgyi writes it as the asat).
            if (v == 0x1031 && !isMyanmar(previous)) || (previous == 0x1039 && !isConsonant(v)) {
                return finding(value)
            }
            previous = v
        }
        return previous == 0x1039 ? finding(value) : nil
    }

    private static func isMyanmar(_ v: UInt32) -> Bool { (0x1000...0x109F).contains(v) }

    /// The consonants Unicode's virama stacks: Burmese's, and those the Myanmar block adds for Pali and
    /// Sanskrit (SHA, SSA), Mon (NGA, JHA, BBA, BBE: Mon writes its medial nga as U+1039 U+105A), S'gaw,
    /// Western and Eastern Pwo Karen, Shan and Rumai Palaung (the letters, gc=Lo, of "Representing Myanmar
    /// in Unicode", UTN #11). A cell with a letter of Myanmar Extended-A or -B is above `mayHold` and not read.
    private static func isConsonant(_ v: UInt32) -> Bool {
        switch v {
        case 0x1000...0x1021, 0x1050...0x1051, 0x105A...0x105D, 0x1061, 0x1065...0x1066, 0x106E...0x1070,
             0x1075...0x1081, 0x108E: return true
        default: return false
        }
    }

    private static func finding(_ value: String) -> ValueFinding {
        ValueFinding(.zawgyiText, "'\(value)' is Burmese in the Zawgyi font encoding, not Unicode (the vowel sign E before its consonant, or U+1039 as the asat): the import stores it as given, a Unicode font shows it garbled, and it will not match the same name typed in Unicode; convert the source to Unicode")
    }
}
