extension RuleDescriptor {
    public static let phoneMissingPlus = RuleDescriptor(
        code: "XLS003", name: "phone-missing-plus", severity: .error, fix: .unsafe,
        summary: "A full international phone number whose leading '+' was dropped ('447712345678')",
        explanation: """
            Excel reads '+447712345678' as the number 447712345678 and saves it without the '+'. The digits \
            are then read as a national number of the default region and are invalid there (or, without a \
            default region, have no country code at all). Reported when the digits are not a valid number as \
            written but are a valid number with a '+' in front, according to libphonenumber; the unsafe fix \
            adds the '+' (check the number: a national number of another country can look the same). Without \
            a default region a national number cannot be checked either, so the finding is then a warning.
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
        let fix = Fix(.unsafe, "Replace with '+\(value)'", replacement: "+" + value)
        guard let region = context.defaultRegion else {
            // Without a default region a national number cannot be read either ('4155550100' is also
            // '+41 55 550 01 00'): a dropped '+' is one reading of two, so a warning, as invalid-phone's.
            return ValueFinding(.phoneMissingPlus,
                                "'\(value)' has no country code and no default region is set (`--default-region` or `default_region:` in .importlint.yml); with a '+' it is a valid international number, '+\(value)': a spreadsheet may have dropped its '+', or it is a national number",
                                fix: fix, severity: .warning)
        }
        return ValueFinding(.phoneMissingPlus,
                            PhoneWording.invalid(value, place: " in " + PhoneWording.defaultRegion(region),
                                                 reason: "with a '+' it is a valid international number, '+\(value)', so a spreadsheet probably dropped its '+'"),
                            fix: fix)
    }
}
