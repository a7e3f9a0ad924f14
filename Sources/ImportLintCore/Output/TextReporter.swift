/// Human output in the compiler shape `path:line:column: severity: message [code rule-name]`, followed by
/// the offending line behind a ` 12 | ` gutter and a caret under the column. Everything taken from the
/// input goes through `TerminalText`, so the report is inert in a terminal and a CI log.
public struct TextReporter {
    public var color: Bool
    public var showSource: Bool

    public init(color: Bool, showSource: Bool = true) {
        self.color = color
        self.showSource = showSource
    }

    public func render(_ results: [LintResult], summary: ReportSummary) -> String {
        var out: [UInt8] = []
        write(results, summary: summary) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hands the report to `sink` in pieces of about 64 KB, so that the report of a file with hundreds of
    /// thousands of findings is never held whole.
    public func write(_ results: [LintResult], summary: ReportSummary, to sink: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var out = ""
        func flush() throws {
            try out.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
            out.removeAll(keepingCapacity: true)
        }
        for result in results {
            let path = TerminalText.path(result.report.path)
            for d in result.report.diagnostics {
                out += "\(bold(path)):\(d.line):\(d.column): \(severity(d.severity)): \(TerminalText.escape(d.message)) [\(d.code) \(d.rule)]\n"
                if showSource, let line = result.sourceLines[d.line] {
                    // Behind a gutter, as rustc prints it: a source line never starts a printed line.
                    let (shown, caretOffset) = Self.visible(line, column: d.column)
                    let number = String(d.line)
                    let blank = String(repeating: " ", count: number.count)
                    out += " \(number) | \(shown)\n"
                    out += " \(blank) | " + String(repeating: " ", count: caretOffset) + paint("^", "1;32") + "\n"
                }
                if let fix = d.fix {
                    out += "  " + paint("fix (\(fix.applicability.rawValue)): \(TerminalText.escape(fix.description))", "36") + "\n"
                }
                if out.utf8.count >= 1 << 16 { try flush() }
            }
        }
        let counts = "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info"
        out += "\(summary.files) file\(summary.files == 1 ? "" : "s"), \(summary.records) records: \(counts)"
        if summary.fixable > 0 { out += " (\(summary.fixable) fixable with `importlint fix`)" }
        out += "\n"
        try flush()
    }

    /// The source line with control and bidi characters escaped, and how far the caret under `column`
    /// (1-based, in scalars of the line) moves once they are.
    static func visible(_ line: String, column: Int) -> (shown: String, caretOffset: Int) {
        let scalars = line.unicodeScalars
        let before = min(max(0, column - 1), scalars.count)
        let prefix = TerminalText.escape(String(String.UnicodeScalarView(scalars.prefix(before))))
        return (TerminalText.escape(line), prefix.unicodeScalars.count)
    }

    private func severity(_ s: Severity) -> String {
        switch s {
        case .error: paint("error", "1;31")
        case .warning: paint("warning", "1;33")
        case .info: paint("info", "1;34")
        }
    }

    private func bold(_ s: String) -> String { paint(s, "1") }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
