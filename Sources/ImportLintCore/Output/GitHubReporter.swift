/// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…,col=…,endColumn=…,title=…::message`
/// per diagnostic, which the runner turns into annotations on the pull request, then a plain summary line.
/// Values are escaped as the runner's command parser requires (`%`, CR, LF; `:` and `,` in properties), so
/// a cell can neither end an annotation nor start another command.
public struct GitHubReporter: Reporter {
    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        try Self.write(report, locator: context.locator, to: sink)
    }

    /// The whole output as text (tests).
    public static func render(_ report: Report, locator: ArtifactLocator) -> String {
        var bytes: [UInt8] = []
        // The sink below cannot throw.
        try? write(report, locator: locator) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the annotations in pieces (`OutputBuffer`): a report of a million findings would otherwise
    /// be held whole as text beside the findings themselves.
    static func write(_ report: Report, locator: ArtifactLocator, to sink: OutputSink) throws {
        var out = OutputBuffer()
        func put(_ text: String) { out.put(text) }
        for file in report.files {
            let path = TerminalText.escape(locator.display(file.path))
            for d in file.diagnostics {
                let command = switch d.severity {
                case .error: "error"
                case .warning: "warning"
                case .info: "notice"
                }
                // Control characters from cells are escaped before the percent-encoding, so that the only line
                // break in an annotation is the one before its fix.
                var message = TerminalText.escape(d.message)
                if let fix = d.fix { message += "\nFix (\(fix.applicability.rawValue)): \(TerminalText.escape(fix.description))" }
                let properties = [
                    ("file", path), ("line", String(d.line)), ("col", String(d.column)), ("endColumn", String(d.column + 1)),
                    ("title", "\(d.code) \(d.rule)"),
                ].map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
                put("::\(command) \(properties)::\(escapeData(message))\n")
                try out.flushIfLarge(to: sink)
            }
        }
        let s = report.summary
        if let note = TextReporter.omittedNote(s) { put("::notice title=importlint::\(escapeData(note))\n") }
        put("importlint: \(s.files) file\(s.files == 1 ? "" : "s"), \(s.records) record\(s.records == 1 ? "" : "s"): \(s.errors) error\(s.errors == 1 ? "" : "s"), \(s.warnings) warning\(s.warnings == 1 ? "" : "s"), \(s.infos) info\n")
        try out.flush(to: sink)
    }

    /// Message text: `%`, CR and LF are percent-encoded (the runner decodes them).
    public static func escapeData(_ s: String) -> String {
        // Nearly every message has nothing to encode: then it is its own escape.
        guard s.utf8.contains(where: { $0 == 0x25 || $0 == 0x0D || $0 == 0x0A }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Property values: as message text, plus `:` and `,`, which separate properties.
    public static func escapeProperty(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x25 || $0 == 0x0D || $0 == 0x0A || $0 == 0x3A || $0 == 0x2C }) else { return s }
        var out = ""
        for c in escapeData(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
