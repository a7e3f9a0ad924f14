/// The findings as a spreadsheet: one row per diagnostic, for people who review them in Excel.
///
/// Written so that Excel opens it correctly by double-click: UTF-8 with a byte-order mark (without one,
/// Excel reads the file in the system's ANSI code page), CRLF record ends and RFC 4180 quoting. A text
/// cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading `'`, so
/// that Excel shows it as text instead of evaluating it as a formula (OWASP's CSV-injection advice): a
/// hostile export can then not run formulas on the reviewer's machine. The `'` is part of the cell text
/// in other programs.
public struct CSVReporter: Reporter {
    public static let header = ["file", "line", "column", "record", "field", "code", "rule", "severity", "message", "value",
                                "fix", "fix description", "replacement"]

    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        var out = OutputBuffer()
        out.put("\u{FEFF}")
        out.put(Self.row(Self.header))
        for file in report.files {
            for d in file.diagnostics {
                out.put(Self.row(Self.cells(d, path: file.path)))
                try out.flushIfLarge(to: sink)
            }
            // A last row per file says how many findings --max-findings left out.
            let omitted = file.omitted.count
            if omitted > 0 {
                out.put(Self.row([file.path, "", "", "", "", "", "", "", "\(omitted) more finding\(omitted == 1 ? "" : "s") not listed (--max-findings)",
                                  "", "", "", ""]))
            }
        }
        try out.flush(to: sink)
    }

    /// One diagnostic's cells, in the order of `header`.
    static func cells(_ d: Diagnostic, path: String) -> [String] {
        [path, String(d.line), String(d.column), d.record.map(String.init) ?? "", d.field ?? "", d.code, d.rule,
         d.severity.rawValue, d.message, d.cellValue ?? "", d.fix?.applicability.rawValue ?? "",
         d.fix?.description ?? "", d.fix?.replacement ?? ""]
    }

    static func row(_ cells: [String]) -> String {
        cells.map { field(formulaSafe($0)) }.joined(separator: ",") + "\r\n"
    }

    /// The cell with a leading `'` when Excel would read it as a formula.
    static func formulaSafe(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        return "'" + cell
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break, with quotes doubled.
    static func field(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension Diagnostic {
    /// The cell the finding is about, as the rule quoted it (first of `values`; masked under `--redact`),
    /// for the CSV and HTML reports; nil for findings about the file or a whole record.
    var cellValue: String? { values.first }
}
