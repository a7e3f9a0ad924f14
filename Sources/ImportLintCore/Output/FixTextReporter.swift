/// The text summary `fix` prints on standard error for each file: records, changed cells and file-level
/// fixes, what remains, then one line per rule that changed cells and per file-level fix.
public enum FixTextReporter {
    public static func render(_ report: FixReport) -> String {
        let s = report.summary
        var line = "\(TerminalText.path(report.path)): \(s.recordsIn) record\(s.recordsIn == 1 ? "" : "s")"
        if report.written {
            line += ", \(s.cellsChanged) cell\(s.cellsChanged == 1 ? "" : "s") changed (\(s.fixesApplied) fix\(s.fixesApplied == 1 ? "" : "es"))"
            line += ", \(report.fileFixes.count) file-level fix\(report.fileFixes.count == 1 ? "" : "es")"
            if let out = report.output { line += " -> \(TerminalText.escape(out))" }
        }
        line += "; \(s.remaining) \(s.remaining == 1 ? "diagnostic remains" : "diagnostics remain")"
        // Counted in place: filtering copied every finding with its fix (234,000 of them for people 1M).
        var unsafe = 0
        for i in report.remaining.indices where report.remaining[i].fixApplicability == .unsafe { unsafe += 1 }
        if unsafe > 0 && !report.unsafeFixes { line += " (\(unsafe) fixable with --unsafe-fixes)" }
        if !s.converged && report.written { line += "; fixes did not settle after \(s.rounds) rounds" }
        var text = line + "\n"
        for (rule, count) in s.fixesByRule.sorted(by: { $0.key < $1.key }) {
            text += "  \(rule): \(count) cell fix\(count == 1 ? "" : "es")\n"
        }
        for f in report.fileFixes {
            text += "  \(TerminalText.escape(f.description))\n"
        }
        return text
    }
}
