import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every available rule described in
/// `tool.driver.rules`, one result per diagnostic located by a URI relative to `%SRCROOT%` (the git work
/// tree or current folder) and a region. Columns count Unicode code points, like the JSON report's.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        // The writer holds the sink only while it writes.
        try withoutActuallyEscaping(sink) { try Self.write(report, locator: context.locator, to: $0) }
    }

    /// The content a finding quotes identifies it across runs; under `--redact` that content is masked and
    /// would give distinct findings one fingerprint, so their place identifies them instead.
    static func fingerprint(_ d: Diagnostic) -> [String: String] {
        if !d.values.isEmpty && d.values.allSatisfy({ $0 == Redactor.mask }) {
            return ["importlintLocation/v1": SHA256.hex("\(d.code)\u{1F}\(d.field ?? "")\u{1F}\(d.line)\u{1F}\(d.column)")]
        }
        return ["importlintContent/v1": SHA256.hex("\(d.code)\u{1F}\(d.field ?? "")\u{1F}\(Suppressions.content(d))")]
    }

    public static func render(_ report: Report, locator: ArtifactLocator, rules: [RuleDescriptor] = RuleCatalog.all.filter(\.available)) throws -> String {
        var bytes: [UInt8] = []
        try write(report, locator: locator, rules: rules) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The log with its results written by `SARIFResults` where JSONSerialization wrote a placeholder:
    /// serializing a result as a dictionary of `Any` cost about 300 microseconds, 45 times what the whole
    /// lint spends on a finding. The results are written in JSONSerialization's layout and key order.
    static func write(_ report: Report, locator: ArtifactLocator, rules: [RuleDescriptor] = RuleCatalog.all.filter(\.available),
                      to sink: @escaping OutputSink) throws {
        let log = try frame(report, locator: locator, rules: rules)
        guard let cut = log.firstRange(of: Array("\"\\u0000results\\u0000\"".utf8)) else {
            throw CocoaError(.coderInvalidValue)
        }
        try log[..<cut.lowerBound].withUnsafeBytes { try sink($0) }
        try PrettyJSONWriter.stream(to: sink, finalNewline: false) { w in
            SARIFResults(report: report, locator: locator, rules: rules).write(w, depth: 3)
        }
        try (log[cut.upperBound...] + Array("\n".utf8)).withUnsafeBytes { try sink($0) }
    }

    /// The log as JSONSerialization writes it, with a placeholder for the results.
    private static func frame(_ report: Report, locator: ArtifactLocator, rules: [RuleDescriptor]) throws -> [UInt8] {
        let results = "\u{0}results\u{0}"
        let driver: [String: Any] = [
            "name": "importlint",
            "version": report.tool.version,
            "semanticVersion": report.tool.version,
            "rules": rules.map(describe),
        ]
        var run: [String: Any] = [
            "tool": ["driver": driver],
            "originalUriBaseIds": ["%SRCROOT%": ["uri": locator.rootURI]],
            "columnKind": "unicodeCodePoints",
            "results": results,
        ]
        // The run's property bag holds the per-rule counts; a cut report says so where SARIF viewers show
        // tool messages, in the invocation's notifications.
        var properties: [String: Any] = [
            "statistics": report.summary.rules.map { ["code": $0.code, "rule": $0.rule, "count": $0.count] as [String: Any] },
        ]
        if let note = TextReporter.omittedNote(report.summary) {
            properties["omittedFindings"] = report.summary.omittedFindings
            run["invocations"] = [[
                "executionSuccessful": true,
                "toolExecutionNotifications": [["level": "warning", "message": ["text": note]]],
            ] as [String: Any]]
        }
        run["properties"] = properties
        let log: [String: Any] = ["$schema": schemaURI, "version": "2.1.0", "runs": [run]]
        return [UInt8](try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
    }

    static func level(_ s: Severity) -> String {
        switch s {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func text(_ d: Diagnostic) -> String {
        guard let fix = d.fix else { return d.message }
        return "\(d.message). Fix (\(fix.applicability.rawValue)): \(fix.description)"
    }

    /// Path characters kept as they are; ':' is encoded so that a first segment never reads as a scheme.
    static let uriPathAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(":")
        return set
    }()

    static func describe(_ rule: RuleDescriptor) -> [String: Any] {
        var help = "\(rule.explanation)\n\nDefault severity: \(rule.severity.rawValue). Fix: \(rule.fix.rawValue)."
        var markdown = "**\(rule.code) \(rule.name)**: \(rule.summary).\n\n\(rule.explanation)\n\nDefault severity: `\(rule.severity.rawValue)`. Fix: `\(rule.fix.rawValue)`."
        if !rule.triggeringExample.isEmpty {
            help += "\n\nTriggers:\n\(rule.triggeringExample)\n\nDoes not trigger:\n\(rule.cleanExample)"
            markdown += "\n\nTriggers:\n\n```\n\(rule.triggeringExample)\n```\n\nDoes not trigger:\n\n```\n\(rule.cleanExample)\n```"
        }
        return [
            "id": rule.code,
            "name": rule.name,
            "shortDescription": ["text": rule.summary],
            "fullDescription": ["text": rule.explanation],
            "help": ["text": help, "markdown": markdown],
            "defaultConfiguration": ["level": level(rule.severity)],
            "properties": ["tags": ["importlint"], "fixable": rule.fix.rawValue],
        ]
    }
}
