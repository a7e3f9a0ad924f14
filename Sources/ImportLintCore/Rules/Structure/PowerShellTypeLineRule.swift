extension RuleDescriptor {
    public static let powershellTypeLine = RuleDescriptor(
        code: "STR007", name: "powershell-type-line", severity: .warning, fix: .safe,
        summary: "A '#TYPE ...' first line written by Windows PowerShell's Export-Csv",
        explanation: "Windows PowerShell 5.1 Export-Csv writes '#TYPE System.Management.Automation.PSCustomObject' above the header unless -NoTypeInformation is given. The import reads it as the header and every real column becomes unknown. importlint skips it and lints the rest; the fix removes it.",
        triggeringExample: "#TYPE System.Management.Automation.PSCustomObject\nName", cleanExample: "Name")
}

/// The '#TYPE' line the reader skips above the header: reported, and removed by the fix.
final class PowerShellTypeLineRule: RecordRule {
    static let removal = RemovedLineWording(one: "Removed the PowerShell '#TYPE' line",
                                            many: "Removed %d PowerShell '#TYPE' lines")

    override func preambleLine(_ reader: CSVReader, sink: DiagnosticSink) {
        reader.report(.powershellTypeLine, to: sink, field: 0, record: nil,
                      message: "PowerShell type line '\(reader.string(0))' above the header (Export-Csv without -NoTypeInformation); skipped",
                      fix: Fix(.safe, "Remove the line", .removeLine(Self.removal)))
    }
}
