import Foundation
import Testing
@testable import ImportLintCore

/// The SARIF log as it was written before its results were written directly: all of it through
/// JSONSerialization. The direct writer must give the same bytes.
enum SARIFThroughJSONSerialization {
    static func render(_ report: Report, locator: ArtifactLocator, rules: [RuleDescriptor] = RuleCatalog.all.filter(\.available)) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.code, $0.offset) })
        var results: [[String: Any]] = []
        for file in report.files {
            for d in file.diagnostics {
                var result: [String: Any] = [
                    "ruleId": d.code,
                    "level": SARIFReporter.level(d.severity),
                    "message": ["text": SARIFReporter.text(d)],
                    "locations": [["physicalLocation": physicalLocation(file.path, line: d.line, column: d.column, locator: locator)]],
                    "partialFingerprints": SARIFReporter.fingerprint(d),
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
            "rules": rules.map(SARIFReporter.describe),
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
        let log: [String: Any] = ["$schema": SARIFReporter.schemaURI, "version": "2.1.0", "runs": [run]]
        let data = try JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
    static func physicalLocation(_ path: String, line: Int, column: Int, locator: ArtifactLocator) -> [String: Any] {
        let artifact: [String: Any]
        if let relative = locator.relative(path) {
            artifact = ["uri": relative.addingPercentEncoding(withAllowedCharacters: SARIFReporter.uriPathAllowed) ?? relative, "uriBaseId": "%SRCROOT%"]
        } else {
            artifact = ["uri": URL(fileURLWithPath: path).standardizedFileURL.absoluteString]
        }
        let startLine = max(1, line), startColumn = max(1, column)
        return [
            "artifactLocation": artifact,
            "region": ["startLine": startLine, "startColumn": startColumn, "endLine": startLine, "endColumn": startColumn + 1],
        ]
    }
}

@Suite struct SARIFWriterTests {
    @Test func resultsAreWrittenAsJSONSerializationWritesThem() throws {
        let nasty = "q\"b\\s/\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}\u{85}é😀\u{2028}\"\u{301}end\\\u{301}"
        let dir = try TestSupport.temporaryDirectory()
        let locator = ArtifactLocator(root: dir.path)
        let diagnostics = [
            Diagnostic(rule: .mojibake, line: 3, column: 7, record: 2, field: nasty, message: nasty,
                       related: [RelatedLocation(line: 1, path: dir.path + "/a b%.csv", message: nasty), RelatedLocation(line: 9),
                                 RelatedLocation(line: 0, path: "/elsewhere/x:y.csv")],
                       fix: Fix(.safe, nasty, replacement: nasty), fieldIndex: 4, values: [nasty]),
            Diagnostic(rule: .byteOrderMark, line: 1, column: 1, record: nil, field: nil, message: "m",
                       fix: Fix(.unsafe, "d", .removeByteOrderMark)),
            Diagnostic(rule: .unsupportedLocale, line: 0, column: 0, record: 5, field: "Locale", message: "'en-GB'",
                       values: [Redactor.mask]),
        ]
        let files = [
            FileReport(path: dir.path + "/p: 50%.csv", profile: "4me-people", encoding: "UTF-8", delimiter: ",", records: 12,
                       diagnostics: diagnostics, clusters: nil),
            FileReport(path: "/outside/q.csv", profile: nil, encoding: "UTF-8", delimiter: ",", records: 1, diagnostics: [], clusters: nil),
            FileReport(path: dir.path + "/" + nasty, profile: nil, encoding: "UTF-8", delimiter: ",", records: 1,
                       diagnostics: Array(diagnostics.prefix(2)), clusters: nil),
        ]
        for report in [Report(files: files), Report(files: []), Report(files: [files[1]])] {
            #expect(try SARIFReporter.render(report, locator: locator) == SARIFThroughJSONSerialization.render(report, locator: locator))
        }
    }

    @Test func fixturesAreWrittenAsJSONSerializationWritesThem() throws {
        var compared = 0
        for fixture in FixtureTests.cases.prefix(120) {
            let report = Report(files: [try FixtureTests.lint(fixture)])
            let locator = ArtifactLocator(root: FileManager.default.currentDirectoryPath)
            #expect(try SARIFReporter.render(report, locator: locator) == SARIFThroughJSONSerialization.render(report, locator: locator),
                    "\(fixture.input.lastPathComponent)")
            compared += report.files[0].diagnostics.count
        }
        #expect(compared > 100)
    }
}
