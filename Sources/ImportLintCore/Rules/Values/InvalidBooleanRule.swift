/// VAL006: 4me reads 1, T, Y, TRUE, YES and ON (any case) as true and every other value as false
/// (4me Import API docs). The true words and the ordinary false words are fine; anything else silently
/// becomes false.
enum BooleanRule {
    static let trueWords: Set<String> = ["1", "t", "y", "true", "yes", "on"]
    static let falseWords: Set<String> = ["0", "f", "n", "false", "no", "off"]
    /// Spellings whose meaning is evident: other languages' words for yes and no (Russian 'да', Chinese
    /// '是'), Excel's TRUE and FALSE in other languages (German WAHR, French VRAI, Spanish VERDADERO,
    /// Portuguese VERDADEIRO, Polish PRAWDA) and Excel's decimal forms.
    private static let meansTrue: Set<String> = ["ja", "oui", "si", "sí", "wahr", "vrai", "vero", "waar", "sim", "tak", "да", "是",
                                                 "verdadero", "verdadeiro", "prawda", "1.0"]
    /// Access's and VB's True (a Yes/No field exported as a number): 4me reads it as false. A guess all the
    /// same (some feeds write -1 for unknown), so its fix is unsafe, as the words' are.
    private static let accessTrue = "-1"
    private static let meansFalse: Set<String> = ["nee", "nein", "non", "falsch", "faux", "falso", "onwaar", "nie", "não", "nao", "нет", "否",
                                                  "fałsz", "0.0"]

    /// Whether 4me reads the value as true.
    static func isTrue(_ value: String) -> Bool {
        trueWords.contains(value.lowercased())
    }

    /// `isTrue` on a cell's bytes, without making a String (called for every contact row).
    static func isTrue(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 4 else { return false }
        return trueWordKeys.contains(key(bytes))
    }

    /// A word of at most four bytes, lowercased, and its length as one integer.
    private static func key<S: Collection<UInt8>>(_ bytes: S) -> UInt64 {
        var key = UInt64(bytes.count) << 32
        for (i, b) in bytes.enumerated() { key |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << (8 * i) }
        return key
    }

    private static let trueWordKeys: Set<UInt64> = Set(trueWords.map { key(Array($0.utf8)) })

    static func check(_ value: String, target: TargetWording) -> [ValueFinding] {
        let lower = value.lowercased()
        if trueWords.contains(lower) || falseWords.contains(lower) { return [] }
        let readAs = "\(target.name) reads every value other than 1, T, Y, TRUE, YES or ON (any case) as false"
        if lower == accessTrue {
            return [ValueFinding(.invalidBoolean, "'\(value)' is how Microsoft Access and Visual Basic write true (a Yes/No field exported as a number): \(readAs), so this becomes false although it most likely means true",
                                 fix: Fix(.unsafe, "Replace with 'true'", replacement: "true"))]
        }
        if meansTrue.contains(lower) {
            return [ValueFinding(.invalidBoolean, "'\(value)' is not a word \(target.name) reads as true: \(readAs), so this becomes false although it seems to mean true",
                                 fix: Fix(.unsafe, "Replace with 'true'", replacement: "true"))]
        }
        if meansFalse.contains(lower) {
            return [ValueFinding(.invalidBoolean, "'\(value)' is not one of \(target.name)'s boolean words: \(readAs), which is what it seems to mean; write 'false' to say so",
                                 fix: Fix(.unsafe, "Replace with 'false'", replacement: "false"), severity: .warning)]
        }
        return [ValueFinding(.invalidBoolean, "'\(value)' is not one of \(target.name)'s boolean words: \(readAs), so \(target.name) will read this as false")]
    }
}

extension RuleDescriptor {
    public static let invalidBoolean = RuleDescriptor(
        code: "VAL006", name: "invalid-boolean", severity: .error, fix: .sometimes,
        summary: "A boolean column holds a value that 4me silently reads as false",
        explanation: """
            4me's boolean fields (Disabled, VIP, Auto Translation, Time Format 24h; Integration in contact \
            details) read 1, T, Y, TRUE, YES and ON, in any case, as true, and every other value as false \
            (4me Import API documentation). The true words and the ordinary false words (0, F, N, FALSE, NO, \
            OFF) are valid. Anything else is an error: 4me will read it as false, so '2', 'ja', 'oui', 'si', \
            'X', Excel's 'WAHR' or 'VRAI' or 'yes please' leave a person enabled, a VIP unmarked or a contact \
            row outside the integration. Where the meaning is evident ('ja', 'WAHR', 'VRAI') the fix writes \
            'true'; check it, it is unsafe. So does '-1', Microsoft Access's and Visual Basic's true (a Yes/No \
            field exported as a number). A foreign word for false ('nein', 'non') is a warning: 4me reads it \
            as false, as meant.
            """,
        triggeringExample: "Primary Email,Name,VIP\nann@widget.com,Ann,ja\n",
        cleanExample: "Primary Email,Name,VIP\nann@widget.com,Ann,TRUE\n")
}
