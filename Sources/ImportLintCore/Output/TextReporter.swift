/// Human output in the compiler shape `path:line:column: severity: message [code rule-name]`, followed by
/// the offending line behind a ` 12 | ` gutter and a caret under the column (see `SourceLineLayout`). Everything taken from the
/// input goes through `TerminalText`, so the report is inert in a terminal and a CI log.
public struct TextReporter: Reporter {
    public init() {}

    /// Hands the report to `sink` in pieces of about 64 KB, so that the report of a file with hundreds of
    /// thousands of findings is never held whole. Colors, source lines, findings and statistics as the
    /// context says.
    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        let style = Style(color: context.color)
        var out = OutputBuffer()
        func put(_ text: String) { out.put(text) }
        func spaces(_ n: Int) { out.put(spaces: n) }
        let caret = style.paint("^", "1;32") + "\n"
        for (index, file) in report.files.enumerated() where context.showFindings {
            // Read forward once: findings come in line order.
            let lines = context.showSource && index < context.sources.count ? context.sources[index]?.cursor() : nil
            let path = style.bold(TerminalText.path(file.path))
            for d in file.diagnostics {
                put("\(path):\(d.line):\(d.column): \(style.severity(d.severity)): ")
                put(TerminalText.escape(d.message))
                put(" [\(d.code) \(d.rule)]\n")
                if let line = lines?.line(d.line) {
                    // Behind a gutter, as rustc prints it: a source line never starts a printed line.
                    let (shown, column) = SourceLineLayout.layout(line, column: d.column)
                    let number = String(d.line)
                    put(" \(number) | ")
                    put(shown)
                    put("\n ")
                    spaces(number.utf8.count)
                    put(" | ")
                    spaces(column)
                    put(caret)
                }
                if let fix = d.fix {
                    put("  " + style.paint("fix (\(fix.applicability.rawValue)): \(TerminalText.escape(fix.description))", "36") + "\n")
                }
                try out.flushIfLarge(to: sink)
            }
        }
        var tail = ""
        if context.statistics { tail += Self.statistics(report.summary.rules) }
        for file in report.files {
            let applied = file.profile.map { "profile \($0)" } ?? "no profile applied (columns not checked)"
            if file.encoding == UnreadableInput.encoding {
                tail += "\(style.bold(TerminalText.path(file.path))): not read (unreadable-input)\n"
                continue
            }
            tail += "\(style.bold(TerminalText.path(file.path))): \(applied), \(file.records) record\(file.records == 1 ? "" : "s")\n"
        }
        if context.showFindings, let note = Self.omittedNote(report.summary) { tail += "note: " + note + "\n" }
        tail += Self.summaryLine(report.summary) + "\n"
        put(tail)
        try out.flush(to: sink)
    }

    /// `--statistics`: one line per rule, most frequent first: count, code, name.
    static func statistics(_ rules: [RuleCount]) -> String {
        let countWidth = rules.map { String($0.count).count }.max() ?? 0
        let codeWidth = rules.map(\.code.count).max() ?? 0
        return rules.map { r in
            let count = String(r.count), code = TerminalText.escape(r.code)
            return String(repeating: " ", count: countWidth - count.count) + count + "  " + code
                + String(repeating: " ", count: max(0, codeWidth - code.count)) + "  " + TerminalText.escape(r.rule) + "\n"
        }.joined()
    }

    /// Says that `--max-findings` cut the list, and that the counts still include everything.
    public static func omittedNote(_ summary: ReportSummary) -> String? {
        let n = summary.omittedFindings
        guard n > 0 else { return nil }
        return "\(n) more finding\(n == 1 ? "" : "s") not listed (--max-findings); the counts include them"
    }

    /// The last line of a text report, also what `check -o FILE` prints on standard error.
    public static func summaryLine(_ summary: ReportSummary) -> String {
        let counts = "\(summary.errors) error\(summary.errors == 1 ? "" : "s"), \(summary.warnings) warning\(summary.warnings == 1 ? "" : "s"), \(summary.infos) info"
        return "\(summary.files) file\(summary.files == 1 ? "" : "s"), \(summary.records) record\(summary.records == 1 ? "" : "s"): \(counts)" + fixableNote(summary)
    }

    /// What `fix` would apply, and what only `fix --unsafe-fixes` would: following the hint never loops.
    /// Files `fix` would refuse to write are named with what it takes (`FixRefusal`).
    static func fixableNote(_ summary: ReportSummary) -> String {
        let safe = summary.fixableSafe, unsafe = summary.fixableUnsafe
        let note: String
        if safe > 0 {
            note = "; \(safe) fixable with `importlint fix`" + (unsafe > 0 ? " (\(unsafe) more with `--unsafe-fixes`)" : "")
        } else {
            note = unsafe > 0 ? "; \(unsafe) fixable with `importlint fix --unsafe-fixes`" : ""
        }
        guard !note.isEmpty, !summary.fixRefusals.isEmpty else { return note }
        let refusals = summary.fixRefusals
        let whole = summary.files == 1 ? "the file" : nil
        let remedies = Dictionary(grouping: refusals, by: \.remedy).sorted { $0.key < $1.key }.map { remedy, files in
            "\(whole ?? (files.count == 1 ? "1 file" : "\(files.count) files")) \(remedy)"
        }
        return note + ", which refuses " + remedies.joined(separator: " and ")
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
