extension RuleDescriptor {
    public static let missingValue = RuleDescriptor(
        code: "VAL001", name: "missing-value", severity: .error,
        summary: "A required cell is empty",
        explanation: "The import rejects a record whose required field is blank (4me: Name and Primary Email; Receptionist: First Name and Last Name; 4me contact details: Person). A cell of only spaces is empty too, and so is a placeholder such as N/A or NULL (see placeholder-value). A cell another cell of the row needs (4me contact details: a contact row is protocol, label and URI, an address row an Address Label and the address) is reported when it is empty, and also when the file has no such column at all, unless the row gives an update key (4me contact details: ID), whose stored record keeps a field whose column is left out. A file that only updates records it identifies by an update key (4me: ID, or Source + Source ID) may leave out the columns needed to create one; a row of it with every matching key empty matches no record and cannot create one, so it fails too. The Receptionist requires Location Slug for accounts with several locations: in a file that names two or more, a row without one is reported.",
        triggeringExample: "Primary Email,Name\nann@example.com,", cleanExample: "Primary Email,Name\nann@example.com,Ann Lee")
}

/// Required cells (columns with `value_required`) that are empty or only whitespace, and cells required
/// by another cell of the row (`value_required_with`).
final class MissingValueRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.missingValue] }
    /// `loneDash`: a lone '-' is a placeholder in the column (`Placeholder.takesLoneDash`).
    private let columns: [(index: Int, name: String, kind: ValueKind, loneDash: Bool)]
    private let conditional: [(index: Int, name: String, when: [(index: Int, name: String)])]
    /// Columns required by another cell of the row that the header lacks altogether (a contacts file with a
    /// Contact URI column and no Contact Protocol column): every row giving that cell fails as an empty one would.
    private let absent: [(name: String, when: [(index: Int, name: String)])]
    /// The cells of each update key the header has (4me contact details: ID): a row giving one only updates a
    /// stored record, and a column left out keeps that record's field, so `absent` does not apply to it.
    private let updateKeys: [[Int]]
    /// What the value rules found of the record's cells, and the bits of the required cells there: a
    /// record whose required cells are all known filled, and that has no conditional column, is settled.
    private let filledCells: FilledCells?
    private let requiredCells: UInt64?

    init?(_ context: FileContext, filledCells: FilledCells? = nil) {
        let keyColumns = context.profile?.matchingKeyColumns ?? []
        columns = context.valueBindings.enumerated().compactMap { i, c in
            c.flatMap { spec in
                spec.valueRequired ? (i, spec.name, spec.kind, Placeholder.takesLoneDash(kind: spec.kind, column: spec, key: keyColumns.contains(spec.name))) : nil
            }
        }
        var conditional: [(index: Int, name: String, when: [(index: Int, name: String)])] = []
        for (i, spec) in context.valueBindings.enumerated() {
            guard let spec, !spec.valueRequired else { continue }
            var when: [(index: Int, name: String)] = []
            for name in spec.valueRequiredWith {
                if let index = context.index(of: name) { when.append((index, name)) }
            }
            if !when.isEmpty { conditional.append((i, spec.name, when)) }
        }
        self.conditional = conditional
        var absent: [(name: String, when: [(index: Int, name: String)])] = []
        for spec in context.profile?.columns ?? [] where context.index(of: spec.name) == nil {
            var when: [(index: Int, name: String)] = []
            for name in spec.valueRequiredWith {
                if let index = context.index(of: name) { when.append((index, name)) }
            }
            if !when.isEmpty { absent.append((spec.name, when)) }
        }
        self.absent = absent
        updateKeys = (context.profile?.updateKeys ?? []).compactMap(context.indices(of:))
        self.filledCells = filledCells
        requiredCells = conditional.isEmpty && absent.isEmpty ? FilledCells.bits(columns.map(\.index)) : nil
        if columns.isEmpty && conditional.isEmpty && absent.isEmpty { return nil }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        if filledCells?.holds(requiredCells, in: record) != true { checkCells(reader, record: record, sink: sink) }
    }

    /// Looks at the columns by position, not `for (index, name, kind) in columns`: iterating the tuples
    /// copied each name (a retain and a release per column and record) for the rare finding. Out of line,
    /// so that `check` saves no registers for the records the value rules settled.
    @inline(never)
    private func checkCells(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for c in 0..<columns.count {
            // Nearly every cell: settled by its first byte (and length), without trimming.
            if !FilledCell.holdsPlainValue(reader.bytes(columns[c].index)) { checkRequired(c, reader, record: record, sink: sink) }
        }
        for c in 0..<conditional.count where FilledCell.isBlank(reader.bytes(conditional[c].index)) {
            checkConditional(c, reader, record: record, sink: sink)
        }
        if !absent.isEmpty && !FilledCell.givesKey(updateKeys, reader) {
            for c in 0..<absent.count { checkAbsent(c, reader, record: record, sink: sink) }
        }
    }

    /// Out of line, so that `check` builds none of the messages' state for the cells it settles.
    @inline(never)
    private func checkRequired(_ c: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let index = columns[c].index
        let value = reader.bytes(index).trimmedASCII()
        if value.isEmpty {
            reader.report(.missingValue, to: sink, field: index, record: record, message: "\(columns[c].name) is required but empty")
        } else if Placeholder.matches(value, kind: columns[c].kind, loneDash: columns[c].loneDash) {
            // A placeholder ('N/A', 'NULL') stands for no value: placeholder-value defers to this rule here.
            reader.report(.missingValue, to: sink, field: index, record: record,
                          message: "\(columns[c].name) is required but holds '\(reader.string(index))', a placeholder for no value",
                          values: [reader.string(index)])
        }
    }

    @inline(never)
    private func checkConditional(_ c: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let (index, name, when) = conditional[c]
        guard let filled = when.first(where: { !FilledCell.isBlank(reader.bytes($0.index)) }) else { return }
        reader.report(.missingValue, to: sink, field: index, record: record,
                      message: "\(name) is required when \(filled.name) is given, but empty")
    }

    @inline(never)
    private func checkAbsent(_ c: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let (name, when) = absent[c]
        guard let filled = when.first(where: { !FilledCell.isBlank(reader.bytes($0.index)) }) else { return }
        reader.report(.missingValue, to: sink, field: filled.index, record: record,
                      message: "\(name) is required when \(filled.name) is given, but the file has no \(name) column")
    }
}
