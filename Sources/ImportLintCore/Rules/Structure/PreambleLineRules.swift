extension RuleDescriptor {
    public static let powershellTypeLine = RuleDescriptor(
        code: "STR007", name: "powershell-type-line", severity: .error, fix: .safe,
        summary: "A '#TYPE ...' first line written by Windows PowerShell's Export-Csv",
        explanation: "Windows PowerShell 5.1 Export-Csv writes '#TYPE System.Management.Automation.PSCustomObject' above the header unless -NoTypeInformation is given. 4me reads the first line as the column headers (Import API docs), so it would find none of the file's columns: an error. For a target whose documents do not say how it reads the first line (The Receptionist) it is a warning. importlint skips the line and lints the rest; the fix removes it.",
        triggeringExample: "#TYPE System.Management.Automation.PSCustomObject\nPrimary Email,Name\nann@example.com,Ann",
        cleanExample: "Primary Email,Name\nann@example.com,Ann")
    public static let separatorHintLine = RuleDescriptor(
        code: "STR011", name: "separator-hint-line", severity: .error, fix: .safe,
        summary: "A 'sep=;' first line, the delimiter hint written for Excel",
        explanation: "Exports meant to open in Excel often start with 'sep=;' (or 'sep=,'), which makes Excel split the file at that character. It is not part of CSV: 4me reads the first line as the column headers (Import API docs), so it would find none of the file's columns: an error. For a target whose documents do not say how it reads the first line (The Receptionist) it is a warning. importlint takes the delimiter from the line, skips it and lints the rest; the fix removes it.",
        triggeringExample: "sep=,\nPrimary Email,Name\nann@example.com,Ann",
        cleanExample: "Primary Email,Name\nann@example.com,Ann")
    public static let templateVersionLine = RuleDescriptor(
        code: "STR015", name: "template-version-line", severity: .error, fix: .sometimes,
        summary: "A 'version:v1.0' first line, from a Microsoft Entra (Azure AD) bulk-operation template",
        explanation: "Microsoft Entra's bulk create, invite and delete templates start with a 'version:v1.0' line above the header (Entra needs it; a spreadsheet saving the template pads it with empty cells). A file built from such a template and uploaded elsewhere keeps it. 4me reads the first line as the column headers (Import API docs), so it would find none of the file's columns: an error. For a target whose documents do not say how it reads the first line (The Receptionist) it is a warning. importlint skips the line and lints the rest; the fix removes it, safely where the header is a profile's (without one the file may be meant for Entra, whose upload needs the line: an unsafe fix).",
        triggeringExample: "version:v1.0,\nPrimary Email,Name\nann@example.com,Ann",
        cleanExample: "Primary Email,Name\nann@example.com,Ann")
}

/// Lines the reader skips above the header (PowerShell's '#TYPE' line, Excel's 'sep=' hint, an Entra
/// template's 'version:' line, a SQL client's message): reported once
/// the profile says whether the target documents reading the first line as the header, and removed by the fix.
final class PreambleLineRule: RecordRule {
    static let typeLineRemoval = RemovedLineWording(one: "Removed the PowerShell '#TYPE' line",
                                                    many: "Removed %d PowerShell '#TYPE' lines")
    static let separatorLineRemoval = RemovedLineWording(one: "Removed the 'sep=' line",
                                                         many: "Removed %d 'sep=' lines")
    static let versionLineRemoval = RemovedLineWording(one: "Removed the Entra template's 'version:' line",
                                                       many: "Removed %d Entra template 'version:' lines")

    private struct Seen {
        let rule: RuleDescriptor
        let text: String
        let line: Int
        let column: Int
        let sqlClient: SQLClientMessage?
    }

    private var seen: [Seen] = []

    override func preambleLine(_ reader: CSVReader, sink: DiagnosticSink) {
        let position = reader.position(ofField: 0)
        let sqlClient = reader.sqlClientMessage
        // The type line is one cell; a 'sep=,' line is split at its own comma; a version line is named
        // without the empty cells padding it.
        let (rule, text): (RuleDescriptor, String) = reader.isPowerShellTypeLine
            ? (.powershellTypeLine, reader.string(0))
            : reader.templateVersion.map { (.templateVersionLine, $0) }
            ?? (sqlClient != nil ? .sqlClientOutput : .separatorHintLine, String(decoding: reader.rawLine, as: UTF8.self))
        seen.append(Seen(rule: rule, text: text, line: position.line, column: position.column, sqlClient: sqlClient))
    }

    override func profileSettled(_ profile: Profile?, sink: DiagnosticSink) {
        let documented = profile?.accepts?.firstLineIsHeader == true
        let target = (profile?.target ?? .neutral).name
        let consequence = documented
            ? "\(target) reads the first line as the column headers, so it would find none of the file's columns"
            : "whether \(target) skips such a line is not documented; a CSV import usually reads the first line as the column headers"
        for line in seen where sink.isEnabled(line.rule) {
            let (what, removed) = switch line.rule {
            case .powershellTypeLine:
                ("PowerShell type line '\(line.text)' above the header (Export-Csv without -NoTypeInformation)", Self.typeLineRemoval)
            case .templateVersionLine:
                ("Microsoft Entra (Azure AD) bulk-operation template line '\(line.text)' above the header (Entra's bulk create, invite and delete templates start with it)",
                 Self.versionLineRemoval)
            case .sqlClientOutput:
                ("\(line.sqlClient?.source ?? "A SQL client's") message '\(line.text.trimmingCharacters(in: .whitespaces))' above the header, printed into the file with the result set (\(line.sqlClient?.cause ?? "")); it holds no data",
                 SQLClientOutput.removal)
            default:
                ("Delimiter hint '\(line.text)' above the header (written so that Excel splits the file at that character)", Self.separatorLineRemoval)
            }
            // Entra's own upload needs its version line: without a profile the file may be meant for Entra,
            // so removing it is a guess.
            let removal = line.rule == .templateVersionLine && profile == nil
                ? Fix(.unsafe, "Remove the line (Entra's own upload needs it)", .removeLine(removed))
                : Fix(.safe, "Remove the line", .removeLine(removed))
            sink.keep(Diagnostic(rule: line.rule, severity: documented ? .error : .warning, line: line.line, column: line.column,
                                 record: nil, field: nil, message: "\(what); \(consequence). Skipped here",
                                 fix: removal, fieldIndex: 0))
        }
    }
}
