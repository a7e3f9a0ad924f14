extension RuleDescriptor {
    public static let phoneMissingPlus = RuleDescriptor(
        code: "XLS003", name: "phone-missing-plus", severity: .error, fix: .unsafe,
        summary: "A full international phone number whose leading '+' was dropped ('447712345678')",
        explanation: """
            Excel reads '+447712345678' as the number 447712345678 and saves it without the '+'. The digits \
            are then read as a national number of the default region and are invalid there (or, without a \
            default region, have no country code at all). Reported when the digits are not a valid number as \
            written but are a valid number with a '+' in front, according to libphonenumber; the unsafe fix \
            adds the '+' (check the number: a national number of another country can look the same).
            """,
        triggeringExample: "First Name,Last Name,SMS Phone\nAnn,Lee,447712345678\n",
        cleanExample: "First Name,Last Name,SMS Phone\nAnn,Lee,+447712345678\n")
}

/// Digits-only phone numbers that are valid only with a '+'.
enum PhoneMissingPlus {
    static func finding(_ value: String, context: ValueContext) -> ValueFinding? {
        let digits = value.utf8
        guard digits.count >= 8, digits.count <= 15, digits.first != 0x30, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let asWritten = ICUBridge.phone(value, defaultRegion: context.defaultRegion)
        if asWritten.parseError == 0 && asWritten.isValid { return nil }
        let withPlus = ICUBridge.phone("+" + value, defaultRegion: nil)
        guard withPlus.parseError == 0, withPlus.isValid else { return nil }
        let region = context.defaultRegion.map { "a \($0) number" } ?? "a number (no default region)"
        return ValueFinding(.phoneMissingPlus,
                            "'\(value)' is not valid as \(region), but '+\(value)' is a valid international number: a spreadsheet probably dropped its '+'",
                            fix: Fix(.unsafe, "Replace with '+\(value)'", replacement: "+" + value))
    }
}
