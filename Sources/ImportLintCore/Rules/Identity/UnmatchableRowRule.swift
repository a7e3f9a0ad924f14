/// Rows of an update-only file (one that leaves out a column the target needs to create a record, and
/// holds an update key: 4me's ID, or Source + Source ID) on which every matching key is empty. 4me looks a
/// row up by its keys and creates a record when none matches; such a row matches nothing and cannot
/// create anything, so it fails (4me Import API docs: "Create or update").
final class UnmatchableRowRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.missingValue] }
    /// The profile's identifiers, then its update keys, whose columns are all in the header, in matching order.
    private let keys: [[Int]]
    private let message: String

    init?(_ context: FileContext) {
        guard let profile = context.profile else { return nil }
        let readable = { (column: String) in HeaderColumnsRule.readable(column, context: context) }
        let absent = profile.columns.filter { $0.required && !readable($0.name) }.map(\.name)
        guard !absent.isEmpty, profile.updateKeys.contains(where: { $0.allSatisfy(readable) }) else { return nil }
        // An update key need not be an identifier (a user's profile may update by Employee ID alone).
        var candidates = profile.identifiers.map(\.columns)
        for key in profile.updateKeys where !candidates.contains(key) { candidates.append(key) }
        let present = candidates.filter { $0.allSatisfy(readable) && context.indices(of: $0) != nil }
        keys = present.compactMap(context.indices(of:))
        guard !keys.isEmpty else { return nil }
        let target = profile.target
        message = "This row has no complete matching key (\(present.map { $0.joined(separator: " + ") }.listed("or"))): "
            + "\(target.name) matches it to no record, and the file has no \(absent.listed("or")) column to create one from, "
            + "so \(target.name) \(target.rejectsRow)"
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for key in keys where key.allSatisfy({ !FilledCell.isBlank(reader.bytes($0)) }) { return }
        reader.report(.missingValue, to: sink, field: keys[0][0], record: record, message: message)
    }
}
