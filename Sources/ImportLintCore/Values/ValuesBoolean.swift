/// VAL006: 4me takes exactly 0, 1, true and false.
enum BooleanRule {
    static let accepted: Set<String> = ["0", "1", "true", "false"]
    private static let truthy: Set<String> = ["true", "yes", "y", "t", "on", "1.0", "ja", "oui", "si", "sí", "wahr"]
    private static let falsy: Set<String> = ["false", "no", "n", "f", "off", "0.0", "nee", "nein", "non"]

    static func check(_ value: String, target: TargetWording) -> [ValueFinding] {
        if accepted.contains(value) { return [] }
        let lower = value.lowercased()
        let meaning: String? = truthy.contains(lower) ? "true" : (falsy.contains(lower) ? "false" : nil)
        let message = "'\(value)' is not a boolean \(target.name) accepts (0, 1, true, false)"
        guard let meaning else {
            return [ValueFinding(.invalidBoolean, message)]
        }
        return [ValueFinding(.invalidBoolean, message + "; it probably means \(meaning)",
                             fix: Fix(.unsafe, "Replace with '\(meaning)'", replacement: meaning))]
    }
}

extension RuleDescriptor {
    public static let invalidBoolean = RuleDescriptor(
        code: "VAL006", name: "invalid-boolean", severity: .error, fix: .unsafe,
        summary: "A boolean column holds something other than 0, 1, true or false",
        explanation: """
            4me's boolean fields (Disabled, VIP, Auto Translation, Time Format 24h, Integration) accept exactly \
            0, 1, true and false. Spreadsheet spellings such as TRUE, Yes or Y are rejected, or worse, \
            read as false, so a person meant to be disabled stays active. The fix spells out the evident \
            meaning; check it, since 'x' or '2' have none.
            """,
        triggeringExample: "Primary Email,Name,VIP\nann@widget.com,Ann,Yes\n",
        cleanExample: "Primary Email,Name,VIP\nann@widget.com,Ann,true\n")
}
