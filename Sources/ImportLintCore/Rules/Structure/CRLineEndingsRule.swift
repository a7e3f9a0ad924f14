extension RuleDescriptor {
    public static let crLineEndings = RuleDescriptor(
        code: "STR014", name: "cr-line-endings", severity: .warning, fix: .safe,
        summary: "Lines end with a carriage return alone (CR), as Excel for Mac's 'CSV' and classic Mac OS write them",
        explanation: "Excel for Mac's 'CSV (Comma-separated)' and 'CSV (Macintosh)' formats and classic Mac OS programs end each line with a carriage return alone. importlint reads such a file, but neither 4me nor The Receptionist documents reading one: an import that splits lines at line feeds would see the whole file as its header line. Reported once, at the header, when the header line ends so. Decisions: a warning, since the vendors are silent rather than rejecting it; the fix writes LF line endings (`importlint fix --line-ending crlf` for CRLF), which is exact: only the line ends between records change, and a line break inside a quoted cell is written as it was. Lines ending CR CR LF (CRLF text written through a text-mode layer that adds a CR before each LF: Python's csv writer on Windows without newline='') read as CR line ends each followed by a blank line: the finding says so, and the fix (LF line ends, the blank lines removed) gives the lines back.",
        triggeringExample: "First Name,Last Name,Email\rAnn,Lee,ann@widget.com\r",
        cleanExample: "First Name,Last Name,Email\nAnn,Lee,ann@widget.com\n")
}

/// A file whose lines end with CR alone, reported once at the header: its records end as its header does.
final class CRLineEndingsRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var checksRecords: Bool { false }
    override var reports: [RuleDescriptor]? { [.crLineEndings] }
    private let headerLine: Int
    private let targetName: String

    init(_ context: FileContext) {
        headerLine = context.headerLine
        targetName = (context.profile?.target ?? .neutral).name
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        guard reader.terminator == .cr else { return }
        // CR CR LF: a CRLF text written again through a layer that turns each LF into CRLF. It reads as CR
        // line ends with a blank line after each, which is not what the Mac wording says.
        let doubled = reader.bufferedAfterRecord.starts(with: [CSVReader.cr, CSVReader.lf])
        let what = doubled
            ? "Lines end with CR CR LF (a carriage return before each CRLF), as when CRLF text is written through a layer that turns every LF into CRLF (Python's csv writer on Windows with a file opened without newline='', a text-mode write of text that already had CRLF): each line reads as ending with CR, followed by a blank line; \(targetName) does not document reading such a file (an import that splits lines at line feeds would keep a CR at the end of each line)"
            : "Lines end with a carriage return alone (CR), as Excel for Mac's 'CSV' and classic Mac OS write them; \(targetName) does not document reading such a file (an import that splits lines at line feeds would read it as one line)"
        sink.file(.crLineEndings, line: headerLine,
                  message: what,
                  fix: Fix(.safe, "Write LF line endings (only the line ends between records change)", .changeLineEnding(to: .lf)))
    }
}
