extension RuleDescriptor {
    public static let emptyFile = RuleDescriptor(
        code: "STR008", name: "empty-file", severity: .error,
        summary: "The file has no header or no records",
        explanation: "An empty export is almost always a failed directory query. For The Receptionist, uploading it archives every contact of the account; for 4me it silently does nothing.",
        triggeringExample: "First Name,Last Name", cleanExample: "First Name,Last Name\nAnn,Lee")
}

/// A file with no header, or a header and no records.
final class EmptyFileRule: RecordRule {
    /// The line above the header the file had, described, when it had nothing else.
    private var preamble: String?
    private var target = TargetWording.neutral

    override func preambleLine(_ reader: CSVReader, sink: DiagnosticSink) {
        preamble = reader.isPowerShellTypeLine ? "a PowerShell type line"
            : reader.templateVersion != nil ? "an Entra template's 'version:' line"
            : reader.sqlClientMessage != nil ? "a SQL client's messages" : "a 'sep=' delimiter hint"
    }

    override func profileSettled(_ profile: Profile?, sink: DiagnosticSink) { target = profile?.target ?? .neutral }

    override func endOfFile(records: Int, headerLine: Int?, sink: DiagnosticSink) {
        guard let headerLine else {
            let what = preamble.map { "The file has only \($0)" } ?? "The file is empty"
            sink.file(.emptyFile, message: "\(what): no header and no records")
            return
        }
        guard records == 0 else { return }
        sink.file(.emptyFile, line: headerLine,
                  message: "The file has a header but no records" + (target.missingRecords.map { "; if it is uploaded, \(target.name) \($0)" } ?? ""))
    }
}
