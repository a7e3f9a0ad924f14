import Foundation

/// `--redact`: keeps cell values (emails, phone numbers, names, identifiers) out of every report, for CI
/// logs that many people can read. Each diagnostic lists the cell values it quotes (`values`); those are
/// replaced in the message, fix and related messages, fix replacements are masked, cluster values are
/// masked, and the source lines that text reports print under a diagnostic are dropped. As a safety net
/// for rules that forget to list a value, anything shaped like an email address or an international phone
/// number is masked too.
public enum Redactor {
    public static let mask = "[redacted]"

    public static func redact(_ results: [LintResult]) -> [LintResult] {
        results.map { result in
            var r = result
            r.source = nil
            r.report.diagnostics = r.report.diagnostics.map(redact)
            r.report.clusters = r.report.clusters.map(redact)
            return r
        }
    }

    /// Clusters with every spelling masked; counts and lines stay.
    public static func redact(_ clusters: [Cluster]) -> [Cluster] {
        clusters.map { cluster in
            var c = cluster
            c.canonical = mask
            c.members = c.members.map { ClusterMember(value: mask, count: $0.count, lines: $0.lines) }
            return c
        }
    }

    /// A fix report with the cell values of applied fixes masked and its remaining diagnostics redacted.
    public static func redact(_ report: FixReport) -> FixReport {
        var r = report
        r.applied = r.applied.map { fix in
            var f = fix
            f.before = mask
            f.after = mask
            return f
        }
        r.skipped = r.skipped.map { s in
            var s = s
            s.reason = safetyNet(s.reason)
            return s
        }
        r.fileFixes = r.fileFixes.map { f in
            var f = f
            f.description = safetyNet(f.description)
            return f
        }
        r.refused = r.refused.map(safetyNet)
        r.remaining = r.remaining.map(redact)
        return r
    }

    public static func redact(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        var secrets = Set<String>()
        for v in d.values {
            secrets.insert(v)
            secrets.insert(v.trimmingWhitespace())
            // Long values are quoted by their beginning (see LongValueQuote).
            if LongValueQuote.isLong(v) { secrets.insert(LongValueQuote.shortened(v)) }
            // A multi-line cell may be quoted line by line.
            for line in v.split(whereSeparator: \.isNewline) where line.count > 1 { secrets.insert(String(line)) }
        }
        let ordered = secrets.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        func scrub(_ s: String) -> String {
            var out = s
            for secret in ordered { out = out.replacingOccurrences(of: secret, with: mask) }
            return safetyNet(out)
        }
        d.message = scrub(d.message)
        if var fix = d.fix {
            fix.description = scrub(fix.description)
            if fix.replacement != nil { fix.replacement = mask }
            d.fix = fix
        }
        d.related = d.related.map { r in
            var r = r
            r.message = r.message.map(scrub)
            return r
        }
        d.values = d.values.map { _ in mask }
        return d
    }

    private static let patterns: [NSRegularExpression] = [
        #"[^\s'"<>,;()\[\]]+@[^\s'"<>,;()\[\]]+"#,
        #"\+[0-9][0-9 ().-]{5,}[0-9]"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static func safetyNet(_ s: String) -> String {
        var out = s
        for p in patterns {
            out = p.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: NSRegularExpression.escapedTemplate(for: mask))
        }
        return out
    }
}
