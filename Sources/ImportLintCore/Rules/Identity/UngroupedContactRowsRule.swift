extension RuleDescriptor {
    public static let ungroupedContactRows = RuleDescriptor(
        code: "ID002", name: "ungrouped-contact-rows", severity: .error, fix: .safe,
        summary: "A person's contact rows are split into separate groups",
        explanation: "In a 4me People Contact Details import with Integration true, each group of rows for a Person replaces that person's integration contact details. A later, separate group for the same person therefore deletes the rows imported just before it. All rows of one person must be contiguous. The fix moves the later rows up to the person's first group, keeping every other row in place.",
        triggeringExample: "Person,Contact Protocol,Contact Label,Contact URI,Integration\nann@x.com,email,work,ann@x.com,1\nbob@x.com,email,work,bob@x.com,1\nann@x.com,telephone,mobile,+31201234567,1",
        cleanExample: "Person,Contact Protocol,Contact Label,Contact URI,Integration\nann@x.com,email,work,ann@x.com,1\nann@x.com,telephone,mobile,+31201234567,1\nbob@x.com,email,work,bob@x.com,1")
}

/// Tracks contiguous groups of the profile's `group_by` column; every row of a group that comes after
/// another person separated it from the same person's earlier rows is reported.
final class UngroupedContactRowsRule: RecordRule {
    private let index: Int
    private let column: String
    /// First line of the most recent closed group of each key.
    private let lastGroupLine = KeyTable()
    private var current: Key128?
    private var currentFirstLine = 0
    private var currentSplitFrom: Int?
    private let consequence: String

    init?(_ context: FileContext) {
        guard let column = context.profile?.groupBy, let index = context.index(of: column) else { return nil }
        self.index = index
        self.column = column
        let target = context.profile?.target ?? .neutral
        consequence = target.replacesGroup.map { "with this separate group, \(target.name) \($0)" }
            ?? "keep the rows of one \(column) together"
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.bytes(index).trimmedASCII()
        guard !value.isEmpty else { return }
        let key = Key128.caseInsensitive(value)
        if key != current {
            if let current { lastGroupLine[current] = Int32(truncatingIfNeeded: currentFirstLine) }
            current = key
            currentFirstLine = reader.line
            currentSplitFrom = lastGroupLine[key].map(Int.init)
        }
        guard let earlier = currentSplitFrom else { return }
        let person = Whitespace.trim(reader.string(index))
        reader.report(.ungroupedContactRows, to: sink, field: index, record: record,
                      message: "\(column) '\(person)' already has a group of rows starting on line \(earlier); \(consequence)",
                      fix: Fix(.safe, "Move this row up to the person's earlier group", .moveRowToGroup),
                      related: [RelatedLocation(line: earlier)], values: [person])
    }
}
