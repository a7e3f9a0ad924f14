import Foundation

/// One self-contained HTML page for people who review an export in a browser: a summary per file, counts
/// per rule, a findings table to filter and sort, and the organization clusters as a review list that
/// downloads the mapping file `fix --mapping` reads (what `clusters --write-mapping` writes, with the
/// reviewer's decisions). It needs no network: style and script are inline, and its Content Security
/// Policy allows only those two (by hash), so a page opened from a CI artifact or an email loads nothing.
///
/// The report data is embedded as JSON in a `<script type="application/json">` block with `<`, `>` and `&`
/// escaped, and the page's script sets every value as text, so no cell or file name can inject markup.
/// At most `findingsPerRule` findings of each rule are embedded, so that a report with hundreds of
/// thousands of findings stays a page a browser opens quickly; the page says how many were left out.
public struct HTMLReporter: Reporter {
    public static let findingsPerRule = 1_000
    /// Occurrence lines listed per cluster member; the member's count says how many there are.
    static let sampleLines = 5
    /// The embedded findings' fields, in the order of each finding's array.
    static let columns = ["file", "line", "column", "record", "field", "code", "rule", "severity", "value", "message",
                          "fix", "fixDescription", "replacement"]

    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        try write(text: Self.render(report, redacted: context.redacted), to: sink)
    }

    public static func render(_ report: Report, redacted: Bool) -> String {
        let json = data(report, redacted: redacted)
        let style = HTMLPage.style, script = HTMLPage.script
        let policy = "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; connect-src blob:; img-src data:"
        return HTMLPage.document(policy: policy, style: style, data: json, script: script)
    }

    /// The CSP source of an inline element's text.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString()
    }

    /// The report as the page's script reads it (compact JSON, safe inside a script element).
    static func data(_ report: Report, redacted: Bool) -> String {
        var json = EmbeddedJSON()
        var perRule: [String: (rule: String, count: Int)] = [:]  // listed findings
        var findings = EmbeddedJSON()
        var first = true
        for (fileIndex, file) in report.files.enumerated() {
            for d in file.diagnostics {
                let shown = perRule[d.code]?.count ?? 0
                perRule[d.code] = (d.rule, shown + 1)
                guard shown < findingsPerRule else { continue }
                findings.raw(first ? "" : ",\n")
                first = false
                findings.array([.int(fileIndex), .int(d.line), .int(d.column), .optionalInt(d.record), .optionalString(d.field),
                                .string(d.code), .string(d.rule), .string(d.severity.rawValue), .optionalString(d.cellValue),
                                .string(d.message), .optionalString(d.fix?.applicability.rawValue),
                                .optionalString(d.fix?.description), .optionalString(d.fix?.replacement)])
            }
        }
        json.raw("{\"tool\":")
        json.string("\(report.tool.name) \(report.tool.version)")
        json.raw(",\"redacted\":\(redacted),\"findingsPerRule\":\(findingsPerRule),\"omittedFindings\":\(report.summary.omittedFindings),\n\"files\":[")
        for (i, file) in report.files.enumerated() {
            // Findings left out by --max-findings still count.
            let omitted = file.omitted
            let count = { (s: Severity) in
                file.diagnostics.count { $0.severity == s } + (s == .error ? omitted.errors : s == .warning ? omitted.warnings : omitted.infos)
            }
            let fixes = { (a: Applicability) in
                file.diagnostics.count { $0.fix?.applicability == a } + (a == .safe ? omitted.fixableSafe : omitted.fixableUnsafe)
            }
            json.raw(i == 0 ? "\n" : ",\n")
            json.object([("path", .string(file.path)), ("profile", .optionalString(file.profile)), ("encoding", .string(file.encoding)),
                         ("delimiter", .string(file.delimiter)), ("records", .int(file.records)), ("errors", .int(count(.error))),
                         ("warnings", .int(count(.warning))), ("infos", .int(count(.info))), ("safeFixes", .int(fixes(.safe))),
                         ("unsafeFixes", .int(fixes(.unsafe)))])
        }
        json.raw("],\n\"rules\":[")
        // Counted from the summary, which includes findings that --max-findings left out of the report.
        for (i, rule) in report.summary.rules.sorted(by: { $0.code < $1.code }).enumerated() {
            let listed = perRule[rule.code]?.count ?? 0
            json.raw(i == 0 ? "\n" : ",\n")
            json.object([("code", .string(rule.code)), ("rule", .string(rule.rule)), ("count", .int(rule.count)),
                         ("listed", .int(listed)), ("shown", .int(min(listed, findingsPerRule)))])
        }
        json.raw("],\n\"columns\":")
        json.array(columns.map { .string($0) })
        json.raw(",\n\"findings\":[\n")
        json.raw(findings.text)
        json.raw("],\n\"clusters\":[")
        var firstCluster = true
        for (fileIndex, file) in report.files.enumerated() {
            for cluster in file.clusters ?? [] {
                json.raw(firstCluster ? "\n" : ",\n")
                firstCluster = false
                json.raw("{\"file\":\(fileIndex),\"field\":")
                json.string(cluster.field)
                json.raw(",\"canonical\":")
                json.string(cluster.canonical)
                if cluster.tie == true { json.raw(",\"tie\":true") }
                json.raw(",\"members\":[")
                for (j, member) in cluster.members.enumerated() {
                    json.raw(j == 0 ? "" : ",")
                    json.object([("value", .string(member.value)), ("count", .int(member.count)),
                                 ("lines", .ints(Array(member.lines.prefix(sampleLines))))])
                }
                json.raw("]}")
            }
        }
        json.raw("]}")
        return json.text
    }
}

/// Compact JSON for a `<script type="application/json">` element: `<`, `>` and `&` are written as
/// `\u003c`, `\u003e`, `\u0026`, so no value can close the element or open a comment, and U+2028/U+2029
/// are escaped too.
struct EmbeddedJSON {
    enum Value {
        case int(Int), optionalInt(Int?), string(String), optionalString(String?), ints([Int])
    }

    private(set) var text = ""

    mutating func raw(_ piece: String) { text += piece }

    mutating func value(_ v: Value) {
        switch v {
        case .int(let n): text += String(n)
        case .optionalInt(let n): text += n.map(String.init) ?? "null"
        case .string(let s): string(s)
        case .optionalString(let s): if let s { string(s) } else { text += "null" }
        case .ints(let ns): text += "[" + ns.map(String.init).joined(separator: ",") + "]"
        }
    }

    mutating func array(_ values: [Value]) {
        text += "["
        for (i, v) in values.enumerated() {
            if i > 0 { text += "," }
            value(v)
        }
        text += "]"
    }

    mutating func object(_ fields: [(String, Value)]) {
        text += "{"
        for (i, (key, v)) in fields.enumerated() {
            if i > 0 { text += "," }
            string(key)
            text += ":"
            value(v)
        }
        text += "}"
    }

    mutating func string(_ s: String) {
        text += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}", "\u{0}"..."\u{1F}":
                let hex = String(u.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(u)
            }
        }
        text += "\""
    }
}
