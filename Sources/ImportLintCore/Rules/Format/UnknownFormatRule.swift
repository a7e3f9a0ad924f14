extension RuleDescriptor {
    public static let unknownFormat = RuleDescriptor(
        code: "FMT001", name: "unknown-format", severity: .error,
        summary: "No import profile matches the header, so no column could be checked",
        explanation: "importlint recognizes an export by its header. When no profile's columns explain the header (German or other translated headers, a delimiter it did not split on, an unrelated CSV), only encoding and structure are checked, and a file that no target can import would otherwise pass. The finding names the closest profiles and which of their columns the header matched; choose one with `--profile` (or `profile:` in .importlint.yml), or describe the target in a profile file.",
        triggeringExample: "Vorname,Nachname,E-Mail\nAnn,Lee,ann@example.com", cleanExample: "First Name,Last Name,Email\nAnn,Lee,ann@example.com")
}

/// Reports a header that no profile explains, naming the nearest candidates.
final class UnknownFormatRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var checksRecords: Bool { false }
    override var reports: [RuleDescriptor]? { [.unknownFormat] }
    /// How many candidates the message names.
    static let shownCandidates = 2
    private let header: [String]
    private let headerLine: Int

    /// Nil when a profile applies.
    init?(_ context: FileContext) {
        guard context.profile == nil else { return nil }
        header = context.header
        headerLine = context.headerLine
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
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
        sink.file(.unknownFormat, line: headerLine,
                  message: "No profile matches this header, so no column was checked; \(closest). Choose a profile with --profile")
    }
}
