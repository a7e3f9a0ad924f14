extension RuleDescriptor {
    public static let unsupportedDelimiter = RuleDescriptor(
        code: "FMT002", name: "unsupported-delimiter", severity: .error, fix: .safe,
        summary: "The file's delimiter is not one the profile's target reads",
        explanation: "4me reads comma-separated CSV or tab-separated TSV; The Receptionist reads comma-separated CSV only. A file split on another delimiter (';' from Excel or PowerShell -UseCulture in much of Europe, '|' from database exports) reaches the import as one column per line, so nothing is imported. The profile's `accepts: delimiters:` lists what the target reads (a profile without it accepts any delimiter). The fix writes the file with the first accepted delimiter, quoting any cell that holds it, so no cell's text changes.",
        triggeringExample: "Primary Email;Name\nann@widget.com;Ann Lee", cleanExample: "Primary Email,Name\nann@widget.com,Ann Lee")
}

/// A delimiter outside the profile's `accepts: delimiters:`, reported once at the header.
final class UnsupportedDelimiterRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var checksRecords: Bool { false }
    override var reports: [RuleDescriptor]? { [.unsupportedDelimiter] }
    private let delimiter: UInt8
    private let accepted: [UInt8]
    private let profile: Profile
    private let headerLine: Int

    init?(_ context: FileContext) {
        guard let profile = context.profile, let accepted = profile.accepts?.delimiters, !accepted.isEmpty,
              !accepted.contains(context.delimiter) else { return nil }
        self.delimiter = context.delimiter
        self.accepted = accepted
        self.profile = profile
        self.headerLine = context.headerLine
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        let readable = accepted.map(DelimiterSniffer.word).joined(separator: " or ")
        let replacement = accepted[0]
        sink.file(.unsupportedDelimiter, line: headerLine,
                  message: "The file is \(DelimiterSniffer.word(delimiter))-delimited; \(profile.target.name) reads only files delimited by \(readable), so the import would not find its columns",
                  fix: Fix(.safe, "Write the file \(DelimiterSniffer.word(replacement))-delimited", .changeDelimiter(to: replacement)))
    }
}
