import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one run, every available rule described in
/// `tool.driver.rules`, one result per diagnostic located by a URI relative to `%SRCROOT%` (the git work
/// tree or current folder) and a region. Columns count Unicode code points, like the JSON report's.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        try write(text: try Self.render(report, locator: context.locator), to: sink)
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
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.code, $0.offset) })
        var results: [[String: Any]] = []
        for file in report.files {
            for d in file.diagnostics {
                var result: [String: Any] = [
                    "ruleId": d.code,
                    "level": level(d.severity),
                    "message": ["text": text(d)],
                    "locations": [["physicalLocation": physicalLocation(file.path, line: d.line, column: d.column, locator: locator)]],
                    "partialFingerprints": fingerprint(d),
                ]
                if let index = ruleIndex[d.code] { result["ruleIndex"] = index }
                if !d.related.isEmpty {
                    result["relatedLocations"] = d.related.enumerated().map { i, r -> [String: Any] in
                        var location: [String: Any] = [
                            "id": i + 1,
                            "physicalLocation": physicalLocation(r.path ?? file.path, line: r.line, column: 1, locator: locator),
                        ]
                        if let message = r.message { location["message"] = ["text": message] }
                        return location
                    }
                }
                var properties: [String: Any] = ["rule": d.rule]
                if let field = d.field { properties["field"] = field }
                if let record = d.record { properties["record"] = record }
                if let fix = d.fix {
                    var f: [String: Any] = ["applicability": fix.applicability.rawValue, "description": fix.description]
                    if let replacement = fix.replacement { f["replacement"] = replacement }
                    properties["fix"] = f
                }
                result["properties"] = properties
                results.append(result)
            }
        }
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
        let data = try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
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

    static func physicalLocation(_ path: String, line: Int, column: Int, locator: ArtifactLocator) -> [String: Any] {
        let artifact: [String: Any]
        if let relative = locator.relative(path) {
            artifact = ["uri": relative.addingPercentEncoding(withAllowedCharacters: uriPathAllowed) ?? relative, "uriBaseId": "%SRCROOT%"]
        } else {
            artifact = ["uri": URL(fileURLWithPath: path).standardizedFileURL.absoluteString]
        }
        let startLine = max(1, line), startColumn = max(1, column)
        return [
            "artifactLocation": artifact,
            "region": ["startLine": startLine, "startColumn": startColumn, "endLine": startLine, "endColumn": startColumn + 1],
        ]
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
