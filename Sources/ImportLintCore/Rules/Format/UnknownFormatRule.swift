import Foundation

extension RuleDescriptor {
    public static let unknownFormat = RuleDescriptor(
        code: "FMT001", name: "unknown-format", severity: .error,
        summary: "No import profile matches the header, so no column could be checked",
        explanation: "importlint recognizes an export by its header. When no profile's columns explain the header (German or other translated headers, a delimiter it did not split on, an unrelated CSV), only encoding and structure are checked, and a file that no target can import would otherwise pass. The finding names the closest profiles and which of their columns the header matched; choose one with `--profile` (or `profile:` in .importlint.yml), or describe the target in a profile file. A header of one filled cell among empty ones is a spreadsheet's title row ('Staff list,,,'): when the line after it is a profile's header, the finding says so instead. A header with a cell that no column name is (an email address, a phone number, a GUID, a date, a number) is the first record of an export written without its header line (bcp queryout, sqlcmd -h -1, mysql -N, psql -t): the finding says so.",
        triggeringExample: "Vorname,Nachname,E-Mail\nAnn,Lee,ann@example.com", cleanExample: "First Name,Last Name,Email\nAnn,Lee,ann@example.com")
}

/// Reports a header that no profile explains, naming the nearest candidates; when that header is a
/// spreadsheet's title row (one filled cell) and the first record is a profile's header, says so.
final class UnknownFormatRule: RecordRule {
    override var splitting: Splitting { title == nil ? .stateless : .deferred }
    override var checksRecords: Bool { title != nil }
    override var reports: [RuleDescriptor]? { [.unknownFormat] }
    /// How many candidates the message names.
    static let shownCandidates = 2
    private let header: [String]
    private let headerLine: Int
    /// The one filled cell of a header whose other cells are empty: a title row, as a spreadsheet saved
    /// above the real header ('Staff list,,,,'); the finding then waits for the first record.
    private let title: String?

    /// Nil when a profile applies.
    init?(_ context: FileContext) {
        guard context.profile == nil else { return nil }
        header = context.header
        headerLine = context.headerLine
        let filled = context.header.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        title = context.header.count >= 2 && filled.count == 1 ? filled[0] : nil
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        if title == nil { report(sink: sink) }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        guard let title, record == 1, !reported else { return }
        let cells = (0..<reader.fieldCount).map(reader.string)
        guard let profile = ProfileDetector.detect(header: cells, among: ProfileLoader.builtIn) else { return report(sink: sink) }
        report(sink: sink, titled: "it looks like a title ('\(title)') above the real header: line \(reader.line) is \(profile.name)'s header, so remove line \(headerLine), which the import would read as the header, and check the file again")
    }

    /// A titled header with no record after it.
    override func finish(sink: DiagnosticSink) {
        if !reported { report(sink: sink) }
    }

    private var reported = false

    /// `titled`: what the title row hides, said instead of the closest profiles.
    private func report(sink: DiagnosticSink, titled: String? = nil) {
        reported = true
        if let titled {
            return sink.file(.unknownFormat, line: headerLine, message: "No profile matches this header, so no column was checked; \(titled)")
        }
        let profiles = ProfileLoader.builtIn
        let candidates = ProfileDetector.rank(header: header, among: profiles).prefix(Self.shownCandidates)
        let closest: String
        if candidates.isEmpty {
            closest = "no column matches any of \(profiles.map(\.name).joined(separator: ", "))"
        } else {
            closest = "closest: " + candidates.map { c in
                "\(c.profile.name) (\(c.matchedColumns.count) of \(c.profile.columns.count) columns matched: \(c.matchedColumns.joined(separator: ", ")))"
            }.joined(separator: ", ")
        }
        if let evidence = HeaderAsData.evidence(header) {
            return sink.file(.unknownFormat, line: headerLine,
                             message: "No profile matches this header, so no column was checked; it looks like a record, not column names (\(evidence)): an export written without its header line (bcp queryout, sqlcmd -h -1, mysql -N, psql -t, COPY without HEADER)? The import reads the first line as the column headers, so this row would not be imported: add the column names as the first line, or export them with the rows; \(closest)")
        }
        sink.file(.unknownFormat, line: headerLine,
                  message: "No profile matches this header, so no column was checked; \(closest). Choose a profile with --profile")
    }
}
