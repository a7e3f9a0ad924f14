import Foundation

extension RuleDescriptor {
    public static let inactiveDirectoryAccount = RuleDescriptor(
        code: "DIR011", name: "guest-or-disabled-account", severity: .warning,
        summary: "A guest or disabled account in a directory export (Entra 'Download users': userType Guest, accountEnabled False)",
        explanation: """
            Entra ID's 'Download users' CSV, like a Get-ADUser export, lists every account: guests invited \
            from other organizations (userType 'Guest', a user principal name with '#EXT#') and disabled \
            accounts (accountEnabled or Enabled 'False': leavers and mailboxes kept for retention). Neither \
            column is one the target reads: the import creates or updates a record for such a row like any \
            other (a new 4me person is active, and an existing one keeps its Disabled field, since a column \
            left out leaves a field unchanged; a Receptionist contact stays one that visitors can pick, where \
            leaving the row out would archive it). The vendors' documents say nothing of guests or disabled \
            accounts, so each such row is a warning, not an error. No fix: the fixer never drops a record; \
            filter the export instead (Entra's 'User type' and 'Account enabled' filters, or Get-MgUser \
            -Filter "accountEnabled eq true and userType eq 'Member'"). For a disabled account under a \
            profile with a Disabled column (4me People) the advice is that column, true for such rows: 4me \
            leaves a person who is not in the file as it was, so leaving a leaver out keeps an active person \
            active. A file with 4me's own Disabled column says itself which people are disabled: its \
            accountEnabled is not read.
            """,
        triggeringExample: "givenName,surname,mail,userType,accountEnabled\nGus,Ng,gus.ng@partner.example,Guest,True\n",
        cleanExample: "givenName,surname,mail,userType,accountEnabled\nAnn,Lee,ann.lee@widget.com,Member,True\n")
}

/// Rows of guest and disabled accounts, found by the directory's own columns, which no profile binds.
final class InactiveDirectoryAccountRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.inactiveDirectoryAccount] }
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }

    private let userType: Int?
    private let accountEnabled: Int?
    private let header: [String]
    private let target: TargetWording
    /// What to do about a disabled account: set the profile's own Disabled column where it has one.
    private let disabledAdvice: String

    init?(_ context: FileContext) {
        func unbound(_ names: Set<String>) -> Int? {
            context.header.indices.first { context.bindings[$0] == nil && names.contains(context.header[$0].trimmingCharacters(in: .whitespaces).lowercased()) }
        }
        userType = unbound(["usertype"])
        // 4me's Disabled column, when the file has it, says which people are disabled.
        accountEnabled = context.index(of: "Disabled") == nil ? unbound(["accountenabled", "enabled"]) : nil
        guard userType != nil || accountEnabled != nil else { return nil }
        header = context.header
        target = context.profile?.target ?? .neutral
        disabledAdvice = context.profile?.columns.contains { $0.name == "Disabled" } == true
            // 4me keeps a person left out of the file as it was (active), so leaving a leaver out is no cure.
            ? "add the profile's Disabled column with 'true' for such rows (a person left out of the file is left as it was, an active one active)"
            : "leave disabled accounts out of the export"
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let n = reader.fieldCount
        if let userType, userType < n, Self.equals(reader.bytes(userType), "guest") {
            reader.report(.inactiveDirectoryAccount, to: sink, field: userType, record: record,
                          message: "Guest account (\(header[userType]) 'Guest'): someone invited from another organization, not a member of this one; \(target.name) creates or updates a record for this row like any other: leave guests out of the export")
        }
        if let accountEnabled, accountEnabled < n, Self.equals(reader.bytes(accountEnabled), "false") {
            reader.report(.inactiveDirectoryAccount, to: sink, field: accountEnabled, record: record,
                          message: "Disabled account (\(header[accountEnabled]) 'False'): \(target.name) does not read \(header[accountEnabled]) and creates or updates this row's record like any other; \(disabledAdvice)")
        }
    }

    /// The cell, trimmed of spaces, is `word` in any case.
    private static func equals(_ raw: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        let cell = raw.trimmedASCII()
        guard cell.count == word.utf8CodeUnitCount else { return false }
        return zip(cell, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy { ($0 | 0x20) == $1 }
    }
}
