extension RuleDescriptor {
    public static let rowWithoutContent = RuleDescriptor(
        code: "VAL017", name: "row-without-content", severity: .warning,
        summary: "A 4me contact-details row names a person but gives neither a contact nor an address",
        explanation: "4me's documents say a People Contact Details row is either a contact (protocol, label and URI) or an address (address label and address fields); they do not say what the import does with a row that fills the Person and neither of them (skips it, fails it, or, with Integration true, replaces the person's integration contact details with nothing). The rule reads the groups from the profile: the columns linked by `value_required_with` (4me: Contact Protocol, Contact Label, Contact URI; Address Label and the address fields). A row whose required cells are empty is missing-value's, not this rule's; a row that gives an update key (4me: ID) in a file with none of these columns updates a stored row, which keeps them. No fix: what the row was meant to hold is unknown.",
        triggeringExample: "Person,Contact Protocol,Contact Label,Contact URI,Address Label,Address City\nann@example.com,,,,,\n",
        cleanExample: "Person,Contact Protocol,Contact Label,Contact URI,Address Label,Address City\nann@example.com,email,work,ann@example.com,,\n")
}

/// A row of a profile whose rows are one of several kinds, each a set of columns linked by `value_required_with`
/// (4me contact details: a contact or an address), that fills its required cells and no cell of any kind.
final class RowWithoutContentRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.rowWithoutContent] }
    private let required: [Int]
    private let content: [Int]
    private let message: String
    /// The cells of each update key (4me: ID) when the header has no column of any set: a row giving one
    /// updates a stored row, which keeps the fields whose columns the file leaves out.
    private let updateKeys: [[Int]]

    init?(_ context: FileContext) {
        guard let profile = context.profile else { return nil }
        let groups = Self.kinds(of: profile)
        guard !groups.isEmpty else { return nil }
        required = context.valueBindings.enumerated().compactMap { i, c in c?.valueRequired == true ? i : nil }
        content = groups.joined().compactMap(context.index(of:))
        updateKeys = content.isEmpty ? (profile.updateKeys).compactMap(context.indices(of:)) : []
        guard let first = required.first, let name = context.valueBindings[first]?.name else { return nil }
        let sets = groups.map { $0.joined(separator: ", ") }.joined(separator: " and of ")
        let either = groups.count == 2 ? "one or the other" : "one of these"
        let given = content.isEmpty ? "the file has no column of \(sets)" : "every cell of \(sets) is empty"
        message = "\(name) is given, but \(given); \(profile.target.name)'s documents say a row is \(either), not what the import does with a row that is neither"
    }

    /// The profile's columns joined by `value_required_with`, as connected sets in the profile's order.
    static func kinds(of profile: Profile) -> [[String]] {
        var groups: [[String]] = []
        for spec in profile.columns where !spec.valueRequiredWith.isEmpty {
            let linked = [spec.name] + spec.valueRequiredWith
            let touching = groups.indices.filter { !Set(groups[$0]).isDisjoint(with: linked) }
            var merged = touching.flatMap { groups[$0] }
            for name in linked where !merged.contains(name) { merged.append(name) }
            for i in touching.reversed() { groups.remove(at: i) }
            groups.append(merged)
        }
        let order = profile.columns.map(\.name)
        return groups.map { $0.sorted { (order.firstIndex(of: $0) ?? .max) < (order.firstIndex(of: $1) ?? .max) } }
            .sorted { (order.firstIndex(of: $0[0]) ?? .max) < (order.firstIndex(of: $1[0]) ?? .max) }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // Nearly every row fills its first content cell (a contact's protocol) or one soon after.
        for c in 0..<content.count where !FilledCell.isBlank(reader.bytes(content[c])) { return }
        reportRow(reader, record: record, sink: sink)
    }

    /// Out of line, so that `check` saves no registers for the rows that fill a content cell.
    @inline(never)
    private func reportRow(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        guard required.allSatisfy({ !FilledCell.isBlank(reader.bytes($0)) }),
              !FilledCell.givesKey(updateKeys, reader) else { return }
        reader.report(.rowWithoutContent, to: sink, field: required[0], record: record,
                      message: message)
    }
}
