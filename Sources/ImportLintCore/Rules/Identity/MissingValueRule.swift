extension RuleDescriptor {
    public static let missingValue = RuleDescriptor(
        code: "VAL001", name: "missing-value", severity: .error,
        summary: "A required cell is empty",
        explanation: "The import rejects a record whose required field is blank (4me: Name and Primary Email; Receptionist: First Name and Last Name; 4me contact details: Person). A cell of only spaces is empty too.",
        triggeringExample: "Primary Email,Name\nann@example.com,", cleanExample: "Primary Email,Name\nann@example.com,Ann Lee")
}

/// Required cells (columns with `value_required`) that are empty or only whitespace.
final class MissingValueRule: RecordRule {
    private let columns: [(index: Int, name: String)]

    init?(_ context: FileContext) {
        columns = context.bindings.enumerated().compactMap { i, c in c.flatMap { $0.valueRequired ? (i, $0.name) : nil } }
        if columns.isEmpty { return nil }
    }

    func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // By position: destructuring the tuples would retain and release every name on every record.
        for c in columns.indices where reader.bytes(columns[c].index).trimmedASCII().isEmpty {
            let (index, name) = columns[c]
            sink.cell(.missingValue, reader, field: index, record: record, message: "\(name) is required but empty")
        }
    }
}
