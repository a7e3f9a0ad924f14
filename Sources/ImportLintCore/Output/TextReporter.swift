/// Human output in the compiler shape `path:line:column: severity: message [code rule-name]`, followed by
/// the offending line and a caret under the column.
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
            for d in file.diagnostics {
                out += "\(style.bold(file.path)):\(d.line):\(d.column): \(style.severity(d.severity)): \(d.message) [\(d.code) \(d.rule)]\n"
                if let line = sourceLines[d.line] {
                    let shown = Self.visible(line)
                    out += "  \(shown)\n"
                    let caretColumn = max(1, min(d.column, shown.unicodeScalars.count + 1))
                    out += "  " + String(repeating: " ", count: caretColumn - 1) + style.paint("^", "1;32") + "\n"
                }
                if let fix = d.fix {
                    out += "  " + style.paint("fix (\(fix.applicability.rawValue)): \(fix.description)", "36") + "\n"
                }
                if out.utf8.count >= 1 << 16 { try flush() }
            }
        }
        for file in report.files {
            let applied = file.profile.map { "profile \($0)" } ?? "no profile applied (columns not checked)"
            out += "\(style.bold(file.path)): \(applied), \(file.records) record\(file.records == 1 ? "" : "s")\n"
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

    /// Tabs and control characters shown as visible symbols so the caret stays under the right column.
    static func visible(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.map { u in
            if u == "\t" { return "→" }
            if u.value < 0x20 || (0x7F...0x9F).contains(u.value) { return "␣" }
            return u
        }))
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
