extension RuleDescriptor {
    public static let powershellTypeLine = RuleDescriptor(
        code: "STR007", name: "powershell-type-line", severity: .error, fix: .safe,
        summary: "A '#TYPE ...' first line written by Windows PowerShell's Export-Csv",
        explanation: "Windows PowerShell 5.1 Export-Csv writes '#TYPE System.Management.Automation.PSCustomObject' above the header unless -NoTypeInformation is given. 4me reads the first line as the column headers (Import API docs), so it would find none of the file's columns: an error. For a target whose documents do not say how it reads the first line (The Receptionist) it is a warning. importlint skips the line and lints the rest; the fix removes it.",
        triggeringExample: "#TYPE System.Management.Automation.PSCustomObject\nPrimary Email,Name\nann@example.com,Ann",
        cleanExample: "Primary Email,Name\nann@example.com,Ann")
}

/// The '#TYPE' line the reader skips above the header: reported once the profile says whether the target
/// documents reading the first line as the header, and removed by the fix.
final class PowerShellTypeLineRule: RecordRule {
    static let removal = RemovedLineWording(one: "Removed the PowerShell '#TYPE' line",
                                            many: "Removed %d PowerShell '#TYPE' lines")

    /// The type line, seen before the header and the profile.
    private var typeLine: (text: String, line: Int, column: Int)?

    override func preambleLine(_ reader: CSVReader, sink: DiagnosticSink) {
        let position = reader.position(ofField: 0)
        typeLine = (reader.string(0), position.line, position.column)
    }

    override func profileSettled(_ profile: Profile?, sink: DiagnosticSink) {
        guard let typeLine, sink.isEnabled(.powershellTypeLine) else { return }
        let documented = profile?.accepts?.firstLineIsHeader == true
        let target = (profile?.target ?? .neutral).name
        let consequence = documented
            ? "\(target) reads the first line as the column headers, so it would find none of the file's columns"
            : "whether \(target) skips such a line is not documented; a CSV import usually reads the first line as the column headers"
        sink.keep(Diagnostic(rule: .powershellTypeLine, severity: documented ? .error : .warning,
                             line: typeLine.line, column: typeLine.column, record: nil, field: nil,
                             message: "PowerShell type line '\(typeLine.text)' above the header (Export-Csv without -NoTypeInformation); \(consequence). Skipped here",
                             fix: Fix(.safe, "Remove the line", .removeLine(Self.removal)), fieldIndex: 0))
    }
}
