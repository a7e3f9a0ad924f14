extension RuleDescriptor {
    public static let emptyValue = RuleDescriptor(
        code: "ID005", name: "empty-value", severity: .warning,
        summary: "An optional cell is empty where the target does something unwanted with an empty value",
        explanation: """
            Some optional fields are worse empty than left out. 4me puts a new person imported with an empty \
            Organization in the account's Default organization (normally External End Users, an end-user \
            privacy organization), which is almost never what a directory sync intends. The profile's \
            `when_empty` says what the target does; a warning, since the file is still read.
            """,
        triggeringExample: "Primary Email,Name,Organization\nann@widget.com,Ann,\n",
        cleanExample: "Primary Email,Name,Organization\nann@widget.com,Ann,Widget IT\n")

    public static let identifierCleared = RuleDescriptor(
        code: "ID006", name: "identifier-cleared", severity: .warning,
        summary: "Source and Source ID columns are present but empty on a row matched by another key",
        explanation: """
            In a 4me People import an empty cell in a present column overwrites the field. A row with empty \
            Source and Source ID cells that is matched by Primary Email (or ID) clears the person's Source \
            and Source ID, so the next import keyed by Source and Source ID finds no one and creates a \
            duplicate person. Fill them, or leave the columns out to keep the stored values.
            """,
        triggeringExample: "Primary Email,Source,Source ID,Name\nann@widget.com,,,Ann\n",
        cleanExample: "Primary Email,Source,Source ID,Name\nann@widget.com,AD,4711,Ann\n")

    public static let emptyColumn = RuleDescriptor(
        code: "ID007", name: "empty-column", severity: .info,
        summary: "A column is empty on every row: where an empty cell overwrites the field, the import blanks it for everyone",
        explanation: """
            4me keeps a field unchanged when its column is left out, but an empty cell in a present column \
            overwrites it. A column that is empty on every row therefore blanks that field for every person \
            the file updates, which is rarely meant when an export template simply carries the column. One \
            finding at the header; leave the column out to keep the stored values.
            """,
        triggeringExample: "Primary Email,Name,Job Title\nann@widget.com,Ann,\nbob@widget.com,Bob,\n",
        cleanExample: "Primary Email,Name\nann@widget.com,Ann\nbob@widget.com,Bob\n")
}

/// What empty cells do where the target overwrites fields with them: `when_empty` columns (per row),
/// multi-column keys left empty on a row matched by another key, and columns empty on every row.
final class EmptyCellRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.emptyValue, .identifierCleared, .emptyColumn] }
    private struct Column {
        let index: Int
        let name: String
    }

    /// Columns with a `when_empty` effect.
    private let effects: [(column: Column, effect: String)]
    /// Their cell indices in raw memory, for the test at every record: reading them out of `effects` (an
    /// array of tuples holding strings) cost a people file's records 5 instructions each.
    private let effectCells: UnsafeMutableBufferPointer<Int>
    /// Multi-column identifiers whose columns are all present: cleared when empty on a row matched otherwise.
    private let clearable: [[Column]]
    /// Identifiers whose columns are all present, in matching order.
    private let keys: [[Column]]
    /// Columns that may be empty on every row (the target writes them and they are no identifier).
    private let watched: [Column]
    /// Each watched column's `when_empty` effect: where the target documents its own (4me's Organization),
    /// that, not the general overwrite, is what an empty column does.
    private let watchedEffects: [String?]
    /// Each watched column's header when the import does not read it as named (an alias such as Google
    /// Contacts' 'Language' for Locale): the file blanks nothing, its rename to the column would.
    private let watchedStandIns: [String?]
    private var filled: [Bool]
    private var unfilled: Int
    private var headerColumns: [Int] = []
    private var records = 0
    private let headerLine: Int

    init?(_ context: FileContext) {
        guard let profile = context.profile else { return nil }
        func column(_ name: String) -> Column? { context.index(of: name).map { Column(index: $0, name: name) } }
        // A guessed alias is dropped as named: its empty cells clear nothing (`valueBindings`).
        effects = context.valueBindings.enumerated().compactMap { index, spec in
            guard let spec, let effect = spec.whenEmpty, !spec.valueRequired else { return nil }
            return (Column(index: index, name: spec.name), effect)
        }
        let overwrite = profile.emptyCellsOverwrite
        let present = profile.identifiers.compactMap { key -> [Column]? in
            let columns = key.columns.compactMap(column)
            return columns.count == key.columns.count ? columns : nil
        }
        keys = overwrite ? present : []
        clearable = keys.filter { $0.count > 1 }
        let identifying = Set(profile.identifiers.flatMap(\.columns))
        watched = overwrite ? context.bindings.enumerated().compactMap { index, spec in
            guard let spec, !spec.readOnly, !identifying.contains(spec.name) else { return nil }
            return Column(index: index, name: spec.name)
        } : []
        watchedEffects = watched.map { context.bindings[$0.index]?.whenEmpty }
        watchedStandIns = watched.map { HeaderColumnsRule.readable($0.name, context: context) ? nil : context.header[$0.index] }
        filled = Array(repeating: false, count: watched.count)
        unfilled = watched.count
        headerLine = context.headerLine
        if effects.isEmpty && clearable.isEmpty && watched.isEmpty { return nil }
        effectCells = .allocate(capacity: effects.count)
        _ = effectCells.initialize(from: effects.map(\.column.index))
    }

    deinit { effectCells.deallocate() }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        headerColumns = watched.map { reader.position(ofField: $0.index).column }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        records &+= 1
        for e in effectCells.indices where FilledCell.isBlank(reader.bytes(effectCells[e])) {
            reportEmpty(e, reader, record: record, sink: sink)
        }
        if !clearable.isEmpty { checkClearable(reader, record: record, sink: sink) }
        if unfilled > 0 { noteFilled(reader) }
    }

    /// Its findings on a record rest on that record's cells: only the count and the columns seen filled
    /// are kept (a tenth of the rules' time in the lint of a fixed people export went to this check).
    override func checkUnreported(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        records &+= 1
        if unfilled > 0 { noteFilled(reader) }
    }

    /// Once every watched column was seen filled, a record nothing was reported on leaves it only its count:
    /// before that, a skipped record could be the one that fills a column (`empty-column` would be wrong).
    override var skipsUnreportedRuns: Bool { unfilled == 0 }

    override func skipUnreported(records: Int) { self.records &+= records }

    /// Out of line: after the first rows (as soon as every watched column held a value) it is not called.
    @inline(never)
    private func noteFilled(_ reader: CSVReader) {
        for (i, column) in watched.enumerated() where !filled[i] && !FilledCell.isBlank(reader.bytes(column.index)) {
            filled[i] = true
            unfilled -= 1
        }
    }

    /// Out of line, like `checkClearable`: `check` then builds no message state for the rows it settles.
    @inline(never)
    private func reportEmpty(_ e: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let (column, effect) = effects[e]
        reader.report(.emptyValue, to: sink, field: column.index, record: record, message: "\(column.name) is empty: \(effect)")
    }

    @inline(never)
    private func checkClearable(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        func isEmpty(_ c: Column) -> Bool { FilledCell.isBlank(reader.bytes(c.index)) }
        for key in clearable {
            guard let blank = key.first(where: isEmpty),
                  let matching = keys.first(where: { $0.map(\.name) != key.map(\.name) && !$0.contains(where: isEmpty) }) else { continue }
            let names = key.map(\.name).joined(separator: " and ")
            reader.report(.identifierCleared, to: sink, field: blank.index, record: record,
                          message: "\(blank.name) is empty on a row matched by \(matching.map(\.name).joined(separator: " and ")): the import clears the person's \(names), so a later import keyed by \(names) creates a duplicate person")
        }
    }

    override var splitting: Splitting { .merges }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? EmptyCellRule else { return }
        records += later.records
        for i in filled.indices where later.filled[i] && !filled[i] {
            filled[i] = true
            unfilled -= 1
        }
    }

    override func finish(sink: DiagnosticSink) {
        guard records > 0 else { return }
        for (i, column) in watched.enumerated() where !filled[i] {
            let message: String
            if let header = watchedStandIns[i] {
                let effect = watchedEffects[i] ?? "an empty cell overwrites the field, so it would blank \(column.name) for every record the file updates"
                message = "'\(header)' (it stands for \(column.name)) is empty on every row: the import drops it as named, "
                    + "but renamed to '\(column.name)': \(effect); leave the column out rather than rename it"
            } else {
                let effect = watchedEffects[i] ?? "an empty cell overwrites the field, so this file blanks \(column.name) for every record it updates"
                message = "\(column.name) is empty on every row: \(effect); leave the column out to keep the stored values"
            }
            sink.file(.emptyColumn, line: headerLine, column: i < headerColumns.count ? headerColumns[i] : 1, field: column.name,
                      message: message, fieldIndex: column.index)
        }
    }
}
