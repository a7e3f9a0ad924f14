/// Every rule importlint knows, in code order. A name in the report format's guaranteed list whose logic
/// is not built yet is listed with `available: false`: it appears in `importlint rules` and never reports.
public enum RuleCatalog {
    public static let all: [RuleDescriptor] = (implemented + pending).sorted { $0.code < $1.code }

    static let implemented: [RuleDescriptor] = [
        .invalidUTF8, .legacyEncoding, .utf16Encoding, .byteOrderMark, .controlCharacter,
        .raggedRow, .unterminatedQuote, .duplicateHeader, .missingRequiredColumn, .unknownColumn, .blankLine,
        .powershellTypeLine, .emptyFile, .surroundingWhitespace,
        .missingValue, .duplicateIdentifier, .ungroupedContactRows, .emailOrSMSRequired,
        .recordCountDrop, .removedIdentifiers,
    ]

    static let pending: [RuleDescriptor] = [
        ("TXT001", "mojibake"), ("TXT002", "lossy-replacement"), ("TXT003", "not-nfc"),
        ("TXT004", "confusable-characters"), ("TXT005", "formula-injection"),
        ("VAL002", "invalid-email"), ("VAL003", "invalid-locale"), ("VAL004", "invalid-time-zone"),
        ("VAL005", "unsupported-locale"), ("VAL006", "invalid-boolean"), ("VAL007", "invalid-phone"),
        ("VAL008", "invalid-country"), ("VAL009", "invalid-pin"), ("VAL010", "invalid-location-slug"),
        ("VAL011", "slack-handle-prefix"), ("VAL012", "invalid-url"), ("VAL013", "invalid-enum"),
        ("ID003", "unknown-person-reference"), ("ORG001", "organization-variants"), ("ORG002", "unknown-organization"),
    ].map { code, name in
        RuleDescriptor(code: code, name: name, severity: .error, summary: "Not yet available in this version",
                       explanation: "This rule is reserved by the report format and not yet implemented; it never reports.",
                       triggeringExample: "", cleanExample: "", available: false)
    }

    public static let byCode: [String: RuleDescriptor] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// By name or code, case-insensitively.
    public static func find(_ nameOrCode: String) -> RuleDescriptor? {
        all.first { $0.name == nameOrCode.lowercased() || $0.code == nameOrCode.uppercased() }
    }
}
