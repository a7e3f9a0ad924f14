import Foundation
import Testing
@testable import ImportLintCore

/// Runs every fixture under fixtures/ and compares its report with the golden JSON next to it.
/// IMPORTLINT_UPDATE_GOLDENS=1 rewrites the goldens (review the diff before committing).
@Suite struct FixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")
    static let cases = FixtureCase.all(in: root)

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases.map(\.input.path))
    func fixtureMatchesGolden(_ path: String) throws {
        let fixture = try #require(Self.cases.first { $0.input.path == path })
        let report = try Self.lint(fixture)
        let rendered = try JSONReporter.render(Report(files: [report]))
        let ruleHits = report.diagnostics.filter { $0.rule == fixture.rule }
        switch fixture.expectation {
        case .triggers: #expect(!ruleHits.isEmpty, "\(fixture.name) should raise \(fixture.rule)")
        case .clean: #expect(ruleHits.isEmpty, "\(fixture.name) should not raise \(fixture.rule): \(ruleHits.map(\.message))")
        case .silent: #expect(report.diagnostics.isEmpty, "\(fixture.name) must be silent: \(report.diagnostics.map(\.message))")
        case .unspecified: break
        }
        if ProcessInfo.processInfo.environment["IMPORTLINT_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: fixture.expectedReport, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: fixture.expectedReport, encoding: .utf8)
        #expect(rendered == expected, "report of \(fixture.rule)/\(fixture.name) differs from its golden")
    }

    static func lint(_ fixture: FixtureCase) throws -> FileReport {
        let display = "fixtures/\(fixture.rule)/\(fixture.input.lastPathComponent)"
        return try Linter(options: options(fixture)).lint(.path(fixture.input.path, displayPath: display)).report
    }

    /// The lint options a fixture's `.args` file asks for (shared by the lint and the fix fixtures).
    static func options(_ fixture: FixtureCase) throws -> LintOptions {
        var options = LintOptions()
        for (option, value) in try fixture.arguments() {
            switch option {
            case "--profile": options.profile = value.hasSuffix(".yml") ? root.appendingPathComponent(value).path : value
            case "--delimiter": options.delimiter = LintOptions.parseDelimiter(value)
            case "--input-encoding": options.inputEncoding = value
            case "--select": options.selection.select.append(value)
            case "--default-region": options.defaultRegion = value
            case "--locale": options.extraLocales.append(value)
            case "--mapping":
                options.mapping = try ValueMapping.load(path: fixture.input.deletingLastPathComponent().appendingPathComponent(value).path)
            case "--known-organizations":
                options.knownOrganizations = try KnownOrganizations.load(
                    path: fixture.input.deletingLastPathComponent().appendingPathComponent(value).path)
            case "--people":
                let people = InputFile.path(fixture.input.deletingLastPathComponent().appendingPathComponent(value).path,
                                            displayPath: "fixtures/\(fixture.rule)/\(value)")
                options.references = try ReferenceSet.resolve(for: [.path(fixture.input.path)], explicitSources: [people],
                                                              profile: options.profile)
            case "--baseline":
                options.baselinePath = root.appendingPathComponent(value).path
                options.baselineDisplayPath = "fixtures/\(value)"
            case "--baseline-threshold": options.recordCountDropThreshold = (Double(value) ?? 10) / 100
            default: Issue.record("unknown fixture option \(option)")
            }
        }
        return options
    }
}
