/// Human output in the compiler shape `path:line:column: severity: message [code rule-name]`, followed by
/// the offending line behind a ` 12 | ` gutter and a caret under the column. Everything taken from the
/// input goes through `TerminalText`, so the report is inert in a terminal and a CI log.
public struct TextReporter: Reporter {
    public init() {}

    /// Hands the report to `sink` in pieces of about 64 KB, so that the report of a file with hundreds of
    /// thousands of findings is never held whole. Colors and source lines as the context says.
    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        let style = Style(color: context.color)
        var out = ""
        func flush() throws {
            try out.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
            out.removeAll(keepingCapacity: true)
        }
        for (index, file) in report.files.enumerated() {
            let sourceLines = context.showSource && index < context.sourceLines.count ? context.sourceLines[index] : [:]
            let path = TerminalText.path(file.path)
            for d in file.diagnostics {
                out += "\(style.bold(path)):\(d.line):\(d.column): \(style.severity(d.severity)): \(TerminalText.escape(d.message)) [\(d.code) \(d.rule)]\n"
                if let line = sourceLines[d.line] {
                    // Behind a gutter, as rustc prints it: a source line never starts a printed line.
                    let (shown, caretOffset) = Self.visible(line, column: d.column)
                    let number = String(d.line)
                    let blank = String(repeating: " ", count: number.count)
                    out += " \(number) | \(shown)\n"
                    out += " \(blank) | " + String(repeating: " ", count: caretOffset) + style.paint("^", "1;32") + "\n"
                }
                if let fix = d.fix {
                    out += "  " + style.paint("fix (\(fix.applicability.rawValue)): \(TerminalText.escape(fix.description))", "36") + "\n"
                }
                if out.utf8.count >= 1 << 16 { try flush() }
            }
        }
        for file in report.files {
            let applied = file.profile.map { "profile \($0)" } ?? "no profile applied (columns not checked)"
            if file.encoding == UnreadableInput.encoding {
                out += "\(style.bold(TerminalText.path(file.path))): not read (unreadable-input)\n"
                continue
            }
            out += "\(style.bold(TerminalText.path(file.path))): \(applied), \(file.records) record\(file.records == 1 ? "" : "s")\n"
        }
        let summary = report.summary
        let counts = "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info"
        out += "\(summary.files) file\(summary.files == 1 ? "" : "s"), \(summary.records) records: \(counts)"
        out += Self.fixableNote(summary)
        out += "\n"
        try flush()
    }

    /// What `fix` would apply, and what only `fix --unsafe-fixes` would: following the hint never loops.
    static func fixableNote(_ summary: ReportSummary) -> String {
        let safe = summary.fixableSafe, unsafe = summary.fixableUnsafe
        if safe > 0 {
            return "; \(safe) fixable with `importlint fix`" + (unsafe > 0 ? " (\(unsafe) more with `--unsafe-fixes`)" : "")
        }
        return unsafe > 0 ? "; \(unsafe) fixable with `importlint fix --unsafe-fixes`" : ""
    }

    /// The source line with control and bidi characters escaped, and how far the caret under `column`
    /// (1-based, in scalars of the line) moves once they are.
    static func visible(_ line: String, column: Int) -> (shown: String, caretOffset: Int) {
        let scalars = line.unicodeScalars
        let before = min(max(0, column - 1), scalars.count)
        let prefix = TerminalText.escape(String(String.UnicodeScalarView(scalars.prefix(before))))
        return (TerminalText.escape(line), prefix.unicodeScalars.count)
    }

    /// ANSI styling, or none.
    private struct Style {
        let color: Bool

        func severity(_ s: Severity) -> String {
            switch s {
            case .error: paint("error", "1;31")
            case .warning: paint("warning", "1;33")
            case .info: paint("info", "1;34")
            }
        }

        func bold(_ s: String) -> String { paint(s, "1") }

        func paint(_ s: String, _ code: String) -> String {
            color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
        }
    }
}
