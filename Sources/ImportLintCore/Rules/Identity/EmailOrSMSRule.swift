extension RuleDescriptor {
    public static let emailOrSMSRequired = RuleDescriptor(
        code: "ID004", name: "email-or-sms-required", severity: .error,
        summary: "A Receptionist contact has neither Email nor SMS Phone (or the file has neither column)",
        explanation: "The Receptionist needs at least one way to notify a contact: Email or SMS Phone. A row with both empty is rejected, and the contact cannot be matched to an existing one except by Identification. A file with neither column is reported once, at the header.",
        triggeringExample: "First Name,Last Name,Email,SMS Phone\nAnn,Lee,,", cleanExample: "First Name,Last Name,Email,SMS Phone\nAnn,Lee,ann@example.com,")
}

/// Profiles' `at_least_one_of` groups: at least one cell of each group must be filled. A group none of whose
/// columns is in the header is reported once, at the header.
final class AtLeastOneOfRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.emailOrSMSRequired] }
    private let groups: [(indices: [Int], names: [String])]
    /// Each absent group's names and the headers that may stand for them (guessed aliases, dropped as named).
    private let absentGroups: [(names: [String], standIns: String)]
    private let headerLine: Int

    init?(_ context: FileContext) {
        let all = (context.profile?.atLeastOneOf ?? []).map { names in (indices: names.compactMap(context.index(of:)), names: names) }
        groups = all.filter { !$0.indices.isEmpty }
        absentGroups = all.filter { $0.indices.isEmpty }.map { group in
            let standIns = group.names.compactMap { name in context.standIn(for: name).map { "'\(context.header[$0])' may stand for \(name)" } }
            let rename = standIns.count == 1 ? "rename that header" : "rename those headers"
            return (group.names, standIns.isEmpty ? "" : " (\(standIns.joined(separator: ", ")): \(rename))")
        }
        headerLine = context.headerLine
        if all.isEmpty { return nil }
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        for (names, standIns) in absentGroups {
            sink.file(.emailOrSMSRequired, line: headerLine, field: names[0],
                      message: "The header has no \(names.listed("or")) column\(standIns); every record needs one of them, so none can be imported")
        }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for (indices, names) in groups where indices.allSatisfy({ reader.bytes($0).trimmedASCII().isEmpty }) {
            reader.report(.emailOrSMSRequired, to: sink, field: indices[0], record: record,
                          message: names.count == 2 ? "\(names[0]) and \(names[1]) are both empty; one of them is required" : "\(names.joined(separator: ", ")) are all empty; at least one is required")
        }
    }

}
