/// Every rule importlint knows, in code order. A name in the report format's guaranteed list whose logic
/// is not built yet is listed with `available: false`: it appears in `importlint rules` and never reports.
public enum RuleCatalog {
    public static let all: [RuleDescriptor] = (implemented + pending).sorted { $0.code < $1.code }

    static let implemented: [RuleDescriptor] = [
        .invalidUTF8, .legacyEncoding, .utf16Encoding, .byteOrderMark, .controlCharacter,
        .raggedRow, .unterminatedQuote, .malformedQuote, .duplicateHeader, .missingRequiredColumn, .unknownColumn, .blankLine,
        .powershellTypeLine, .separatorHintLine, .templateVersionLine, .emptyFile, .surroundingWhitespace, .repeatedHeader, .sqlClientOutput, .emptyRecord, .crLineEndings,
        .missingValue, .duplicateIdentifier, .ungroupedContactRows, .emailOrSMSRequired, .unknownPersonReference,
        .emptyValue, .identifierCleared, .emptyColumn,
        .mojibake, .lossyReplacement, .notNFC, .confusableCharacters, .formulaInjection, .zawgyiText,
        .invalidEmail, .invalidLocale, .invalidTimeZone, .unsupportedLocale, .invalidBoolean, .invalidPhone,
        .invalidCountry, .invalidPIN, .invalidLocationSlug, .slackHandlePrefix, .invalidURL, .invalidEnum,
        .valueTooLong, .invalidNumber, .lineBreakInValue, .rowWithoutContent, .organizationVariants, .unknownOrganization, .recordCountDrop, .removedIdentifiers,
        .unknownFormat, .unsupportedDelimiter, .unreadableInput,
        .distinguishedName, .powershellTypeName, .ldifBase64Value, .proxyAddressPrefix, .displayNameAddress, .guestUPN, .inactiveDirectoryAccount, .serviceAccount, .placeholderValue, .backslashEscape,
        .undeliverableEmailDomain, .scientificNotation, .droppedLeadingZero, .integerAsFloat, .excelDate, .phoneMissingPlus, .invisibleCharacter,
    ]

    static let pending: [RuleDescriptor] = [
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
