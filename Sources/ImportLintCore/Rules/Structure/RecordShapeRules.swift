extension RuleDescriptor {
    public static let raggedRow = RuleDescriptor(
        code: "STR001", name: "ragged-row", severity: .error,
        summary: "A record has more or fewer cells than the header",
        explanation: "A row with a missing or extra delimiter shifts its values into the wrong columns: an email lands in Name, a time zone in Locale. The import then rejects the row or, worse, stores the shifted values. Usually caused by an unquoted delimiter inside a value. A row that has the header's cell count when split by another delimiter (comma, semicolon, tab, pipe) is a row of another export appended to the file (`cat` of a comma and a semicolon export): it gets this one finding, naming the delimiter, and its cells are not checked as values. A row whose extra cells are all empty ends with a delimiter: some HR and export tools write one on every data row (no value shifts then, but whether the import accepts the extra cell is not documented), and an unquoted delimiter inside a value of a row whose last cell is empty gives the same shape with shifted values, so it stays an error whose message names both. A row that runs on into a copy of the header (its last cell ends with the header's first, the header's other cells follow) is the last record of an export without a final line break with another export appended (`cat`, `type`, `copy /b`): its finding says so. No fix: `fix` refuses a file with ragged rows.",
        triggeringExample: "Name,Primary Email\nAnn,ann@example.com,extra", cleanExample: "Name,Primary Email\nAnn,ann@example.com")
    public static let unterminatedQuote = RuleDescriptor(
        code: "STR002", name: "unterminated-quote", severity: .error,
        summary: "A quoted cell is never closed",
        explanation: "An opening quote without its closing quote swallows every following line into one cell, so all later records vanish from the import. The diagnostic points at the line where the quote opened, not at the end of the file. That record is checked for nothing else (bar its bytes), so nothing in the swallowed lines is reported as if it were a row.",
        triggeringExample: "Name,Job Title\nAnn,\"Sales\nBob,IT", cleanExample: "Name,Job Title\nAnn,\"Sales, North\"")
}

/// Reports rows whose cell count differs from the header's, and quotes left open at the end of the file.
final class RecordShapeRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var reports: [RuleDescriptor]? { [.raggedRow, .unterminatedQuote] }
    override var checksSwallowedRecords: Bool { true }
    override var ignoresOrdinaryRecords: Bool { true }

    let headerCount: Int
    /// The header's cells folded, for a ragged record that holds a copy of the header (`FusedHeaderRow`).
    private let header: [String]

    init(header: [String]) {
        headerCount = header.count
        self.header = header.map(RepeatedHeaderRule.folded)
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        reportUnterminated(reader, record: nil, sink: sink)
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // Tested here, not by the call: only the records a quote swallowed have one.
        if reader.unterminatedQuote != nil, reportUnterminated(reader, record: record, sink: sink) { return }
        let n = reader.fieldCount
        guard n != headerCount else { return }
        if let recordEnd = FusedHeaderRow.recordEnd(of: reader, header: header) {
            return reader.report(.raggedRow, to: sink, field: headerCount - 1, record: record,
                                 message: FusedHeaderRow.message(reader, headerCount: headerCount, recordEnd: recordEnd))
        }
        let field = min(n, headerCount)
        if n > headerCount, (headerCount..<n).allSatisfy({ reader.bytes($0).isEmpty }) {
            // The same shape comes from an unquoted delimiter in a value of a row whose last cell is empty
            // ('Ann,Director, Sales,' under three headers), so the row stays an error.
            let delimiters = n - headerCount == 1 ? "a delimiter and no value after it" : "\(n - headerCount) delimiters and no value after them"
            return reader.report(.raggedRow, to: sink, field: field, record: record,
                                 message: "Record has \(n) cells but the header has \(headerCount): it ends with \(delimiters). Either the tool that wrote it ends rows with a delimiter, as some HR and export tools do (no value shifts, but whether the import accepts the extra cell is not documented), or a value of this row holds an unquoted delimiter and the values after it moved one column right")
        }
        let message = n > headerCount
            ? "Record has \(n) cells but the header has \(headerCount); the extra cells start here (an unquoted delimiter inside a value?)"
            : "Record has \(Self.cells(n)) but the header has \(headerCount); the missing cells would shift or empty the last columns"
        reader.report(.raggedRow, to: sink, field: field, record: record, message: message)
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
                      message: "Quote opened here is never closed; the rest of the file (\(swallowed) more line\(swallowed == 1 ? "" : "s")) was read into this one cell")
        return true
    }
}
