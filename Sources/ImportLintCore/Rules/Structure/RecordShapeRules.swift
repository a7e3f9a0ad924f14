extension RuleDescriptor {
    public static let raggedRow = RuleDescriptor(
        code: "STR001", name: "ragged-row", severity: .error, fix: .unsafe,
        summary: "A record has more or fewer cells than the header",
        explanation: "A row with a missing or extra delimiter shifts its values into the wrong columns: an email lands in Name, a time zone in Locale. The import then rejects the row or, worse, stores the shifted values. Usually caused by an unquoted delimiter inside a value. A row that has the header's cell count when split by another delimiter (comma, semicolon, tab, pipe) is a row of another export appended to the file (`cat` of a comma and a semicolon export): it gets this one finding, naming the delimiter, and its cells are not checked as values. A row whose extra cells are all empty ends with a delimiter: some HR tools and SQL exports write one on every data row (`a,b,c,` under `A,B,C`). An unquoted delimiter inside a value of a row whose last cell is empty gives the same shape with shifted values (`Ann,Director, Sales,` under `Name,Job Title,Department`), so a single row cannot tell the two apart, and neither can the whole file: a bcp export of 'Last, First' names whose last column is always empty has one extra, empty cell on every row too (`ann@x.com,Lee, Ann,Director,` under `Primary Email,Name,Job Title,Location`). So when every data record has exactly one cell more than the header and that cell is empty (unquoted), the file gets one error naming both readings instead of one per row, with an unsafe fix that drops the empty last cell of every record (right only when the tool ends its rows with a delimiter; whether the import accepts a row wider than its header is not documented). Otherwise each row with empty extra cells is an error whose message names both causes; the verdict needs the whole file, so those rows are reported when it ends (read again only when some rows have that shape and others do not). A row that runs on into a copy of the header (its last cell ends with the header's first, the header's other cells follow) is the last record of an export without a final line break with another export appended (`cat`, `type`, `copy /b`): its finding says so. A short last record with no line break after it is where an interrupted copy or download stopped: its finding says the file was probably cut off. No other fix: `fix` refuses a file with ragged rows.",
        triggeringExample: "Name,Primary Email\nAnn,ann@example.com,extra", cleanExample: "Name,Primary Email\nAnn,ann@example.com")
    public static let unterminatedQuote = RuleDescriptor(
        code: "STR002", name: "unterminated-quote", severity: .error,
        summary: "A quoted cell is never closed",
        explanation: "An opening quote without its closing quote swallows every following line into one cell, so all later records vanish from the import. The diagnostic points at the line where the quote opened, not at the end of the file. That record is checked for nothing else (bar its bytes), so nothing in the swallowed lines is reported as if it were a row. A quote opened on the file's last line swallows nothing: the file ends inside the cell, a stray quote or a file cut off mid-record.",
        triggeringExample: "Name,Job Title\nAnn,\"Sales\nBob,IT", cleanExample: "Name,Job Title\nAnn,\"Sales, North\"")
}

/// Reports rows whose cell count differs from the header's, and quotes left open at the end of the file.
final class RecordShapeRule: RecordRule {
    override var splitting: Splitting { .merges }
    override var reports: [RuleDescriptor]? { [.raggedRow, .unterminatedQuote] }
    override var checksSwallowedRecords: Bool { true }
    override var ignoresOrdinaryRecords: Bool { true }

    let headerCount: Int
    /// The header's cells folded, for a ragged record that holds a copy of the header (`FusedHeaderRow`).
    private let header: [String]

    /// For reading the file again when its rows with one empty extra cell are not all of its records.
    private let context: FileContext
    /// Rows with one cell more than the header, that cell empty, not reported yet: whether they are the
    /// file's shape (a trailing delimiter) or errors is known when the file ends.
    private var trailingRows = 0
    /// Where the first of them has its extra cell, for the file-wide finding.
    private var firstTrailing: (line: Int, column: Int)?
    private var records = 0
    /// Whether a quote left open swallowed the file's end (its record counts, and has no shape to judge).
    private var swallowed = false

    init(_ context: FileContext) {
        self.context = context
        headerCount = context.header.count
        header = context.header.map(RepeatedHeaderRule.folded)
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        reportUnterminated(reader, record: nil, sink: sink)
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // Tested here, not by the call: only the records a quote swallowed have one.
        if reader.unterminatedQuote != nil, reportUnterminated(reader, record: record, sink: sink) {
            swallowed = true
            return
        }
        let n = reader.fieldCount
        guard n != headerCount else { return }
        if let recordEnd = FusedHeaderRow.recordEnd(of: reader, header: header) {
            return reader.report(.raggedRow, to: sink, field: headerCount - 1, record: record,
                                 message: FusedHeaderRow.message(reader, headerCount: headerCount, recordEnd: recordEnd))
        }
        let field = min(n, headerCount)
        if endsWithOneEmptyCell(reader) {
            if firstTrailing == nil {
                let at = reader.position(ofField: headerCount)
                firstTrailing = (at.line, at.column)
            }
            trailingRows += 1
            return
        }
        if n > headerCount, (headerCount..<n).allSatisfy({ reader.bytes($0).isEmpty }) {
            return reportEmptyExtraCells(reader, record: record, sink: sink)
        }
        // Short and with no line end after it: where a copy or download stopped.
        let cutOff = n < headerCount && reader.terminator == .none
            ? "; the file ends here without a line break, so it was probably cut off in this record (an interrupted copy or download): records after it may be missing too" : ""
        let message = n > headerCount
            ? "Record has \(n) cells but the header has \(headerCount); the extra cells start here (an unquoted delimiter inside a value?)"
            : "Record has \(Self.cells(n)) but the header has \(headerCount); the missing cells would shift or empty the last columns" + cutOff
        reader.report(.raggedRow, to: sink, field: field, record: record, message: message)
    }

    private func endsWithOneEmptyCell(_ reader: CSVReader) -> Bool { Self.endsWithOneEmptyCell(reader, headerCount: headerCount) }

    /// One cell more than the header, that cell empty and unquoted: the shape a trailing delimiter gives every
    /// row. The rule's verdict and `fix`'s dropping of the cell test the same shape.
    static func endsWithOneEmptyCell(_ reader: CSVReader, headerCount: Int) -> Bool {
        reader.fieldCount == headerCount + 1 && reader.bytes(headerCount).isEmpty && !reader.isQuoted(headerCount)
    }

    /// A row whose extra cells are all empty, in a file that does not end every row so.
    private func reportEmptyExtraCells(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let n = reader.fieldCount
        // The same shape comes from an unquoted delimiter in a value of a row whose last cell is empty
        // ('Ann,Director, Sales,' under three headers), so the row stays an error.
        let delimiters = n - headerCount == 1 ? "a delimiter and no value after it" : "\(n - headerCount) delimiters and no value after them"
        reader.report(.raggedRow, to: sink, field: headerCount, record: record,
                      message: "Record has \(n) cells but the header has \(headerCount): it ends with \(delimiters). Either the tool that wrote it ends rows with a delimiter, as some HR and export tools do (no value shifts, but whether the import accepts the extra cell is not documented), or a value of this row holds an unquoted delimiter and the values after it moved one column right")
    }

    override func recordsCounted(_ records: Int) { self.records = records }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? RecordShapeRule else { return }
        if firstTrailing == nil, let theirs = later.firstTrailing { firstTrailing = (theirs.line + part.linesBefore, theirs.column) }
        trailingRows += later.trailingRows
        // A quote left open in the later part swallowed the file's end: the one-thread verdict.
        swallowed = swallowed || later.swallowed
    }

    override func finish(sink: DiagnosticSink) {
        guard trailingRows > 0, let firstTrailing else { return }
        if trailingRows == records || !swallowed && everyCheckedRecordTrails() {
            let all = (trailingRows == 1 ? "The file's one record" : "Every one of the file's \(trailingRows) records")
                + (trailingRows == records ? "" : " (besides \(records - trailingRows) that the import reads as no record: empty, or a copy of the header)")
            return sink.file(.raggedRow, line: firstTrailing.line, column: firstTrailing.column,
                             message: "\(all) has \(headerCount + 1) cells, the header \(headerCount), and the last is empty: either the tool that wrote the file ends each row with a delimiter, as some HR tools and SQL exports do (no value is shifted), or a value of each row holds an unquoted delimiter and its last column is empty ('Lee, Ann' read as two cells: the values after it moved one column right). The file cannot tell the two apart, and whether the import accepts a row wider than the header is not documented",
                             fix: Fix(.unsafe, "Remove the empty last cell of every record (right only if the tool ends each row with a delimiter)", .dropTrailingEmptyCell))
        }
        // Not the file's shape: each such row is an error, found again where it is.
        do {
            try context.forEachCheckedRecord { reader, record in
                guard endsWithOneEmptyCell(reader), FusedHeaderRow.recordEnd(of: reader, header: header) == nil else { return }
                reportEmptyExtraCells(reader, record: record, sink: sink)
            }
        } catch {
            sink.file(.raggedRow, line: firstTrailing.line, column: firstTrailing.column,
                      message: "\(trailingRows) records have \(headerCount + 1) cells, the last empty, but the header has \(headerCount), and the file could not be read again to point at them (\(error))")
        }
    }

    /// Whether every record the rules were handed has the trailing shape, when some records were not handed
    /// to them (an empty record, a repeated header, a SQL client's line: reported by their own rules and
    /// removed by `fix`). Read again up to the first record that has another shape.
    private func everyCheckedRecordTrails() -> Bool {
        struct OtherShape: Error {}
        do {
            try context.forEachCheckedRecord { reader, _ in
                guard endsWithOneEmptyCell(reader), FusedHeaderRow.recordEnd(of: reader, header: header) == nil else { throw OtherShape() }
            }
            return true
        } catch {
            return false
        }
    }

    /// "1 cell", "3 cells": how many cells a ragged record has, in its finding and in `fix`'s refusal.
    static func cells(_ count: Int) -> String { count == 1 ? "1 cell" : "\(count) cells" }

    @discardableResult @inline(never)
    private func reportUnterminated(_ reader: CSVReader, record: Int?, sink: DiagnosticSink) -> Bool {
        guard let open = reader.unterminatedQuote else { return false }
        let position = reader.position(of: open)
        let swallowed = reader.endLine - position.line
        reader.report(.unterminatedQuote, to: sink, line: position.line, column: position.column, field: open.field,
                      record: record,
                      message: swallowed == 0
                        ? "Quote opened here is never closed: the file ends inside this cell, so its closing quote and the rest of the record are missing (a stray quote, or the file was cut off: an interrupted copy or download, and records after it may be missing too)"
                        : "Quote opened here is never closed; the rest of the file (\(swallowed) more line\(swallowed == 1 ? "" : "s")) was read into this one cell")
        return true
    }
}
