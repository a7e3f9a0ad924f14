import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// Runs every fixture under fixtures/ and compares its report (tool version normalized) with the golden
/// JSON next to it. IMPORTLINT_UPDATE_GOLDENS=1 rewrites the goldens and fails (review the diff).
@Suite struct FixtureTests {
    static let root = TestSupport.packageRoot.appendingPathComponent("fixtures")
    static let cases = FixtureCase.all(in: root)

    @Test func fixturesExist() {
        #expect(Self.cases.count >= 20)
    }

    /// Skipped, naming them, when some goldens were recorded with another ICU version than this machine's
    /// (`fixtureMatchesGolden` and `FixFixtureTests.fixMatchesGolden` leave them out).
    @Test(.enabled(if: cases.allSatisfy(\.runsOnThisICU), FixtureCase.otherICUNote(cases)))
    func goldensRecordedWithThisICU() {
        let marked = Self.cases.compactMap(\.recordedICU)
        #expect(!marked.isEmpty, "the time-zone and country-name goldens should name the ICU version they need")
        #expect(marked.allSatisfy { !$0.version.isEmpty && !$0.data.isEmpty }, "an .icu file names a version, then the data")
    }

    @Test(arguments: cases.filter(\.runsOnThisICU).map(\.input.path))
    func fixtureMatchesGolden(_ path: String) throws {
        let fixture = try #require(Self.cases.first { $0.input.path == path })
        try fixture.recordThisICU()
        let report = try Self.lint(fixture)
        let rendered = Golden.normalizingVersion(try JSONReporter.render(Report(files: [report])))
        let ruleHits = report.diagnostics.filter { $0.rule == fixture.rule }
        switch fixture.expectation {
        case .triggers: #expect(!ruleHits.isEmpty, "\(fixture.name) should raise \(fixture.rule)")
        case .clean: #expect(ruleHits.isEmpty, "\(fixture.name) should not raise \(fixture.rule): \(ruleHits.map(\.message))")
        case .silent: #expect(report.diagnostics.isEmpty, "\(fixture.name) must be silent: \(report.diagnostics.map(\.message))")
        case .unspecified: break
        }
        try Golden.check(Array(rendered.utf8), fixture.expectedReport, "report of \(fixture.rule)/\(fixture.name)")
    }

    static func lint(_ fixture: FixtureCase) throws -> FileReport {
        try Linter(options: options(fixture)).lint(.path(fixture.relativePath)).report
    }

    /// The lint options `importlint check` uses for the fixture with the arguments in its `.args` file:
    /// parsed by the command's own parser and resolved by the library's check run, from the package root
    /// (where the arguments' paths start), without configuration files.
    static func options(_ fixture: FixtureCase) throws -> LintOptions {
        TestSupport.enterPackageRoot()
        let command = try CheckCommand.parse([fixture.relativePath, "--no-config"] + fixture.arguments())
        return try command.checkRun().options(for: fixture.relativePath).options
    }
}
