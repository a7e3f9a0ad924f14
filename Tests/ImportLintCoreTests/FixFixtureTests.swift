import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// Golden outputs of the fixer: `fixtures/fix/<case>.<ext>` is fixed with the options in `<case>.args`
/// (reading options, as for `check`) and `<case>.fixargs` (fix options) and compared byte for byte with
/// `<case>.fixed.<ext>`. Cases named `refused*` must not be written. IMPORTLINT_UPDATE_GOLDENS=1
/// rewrites the goldens and fails.
@Suite struct FixFixtureTests {
    static let root = FixtureTests.root.appendingPathComponent("fix")
    static let cases = FixtureCase.all(in: FixtureTests.root).filter { $0.rule == "fix" }

    @Test func fixFixturesExist() {
        #expect(Self.cases.count >= 10)
    }

    static func golden(_ fixture: FixtureCase) -> URL {
        let ext = fixture.input.pathExtension
        return fixture.input.deletingPathExtension().appendingPathExtension("fixed").appendingPathExtension(ext)
    }

    /// The options `importlint fix` uses for the fixture with the arguments in its `.args` (reading options)
    /// and `.fixargs` (fix options) files, parsed by the command's own parser, from the package root,
    /// without configuration files.
    static func options(_ fixture: FixtureCase) throws -> FixOptions {
        TestSupport.enterPackageRoot()
        let arguments = [fixture.relativePath, "--diff", "--no-config"] + fixture.arguments() + fixture.arguments("fixargs")
        return try FixCommand.parse(arguments).fixOptions(for: fixture.relativePath)
    }

    /// The fix report's direct JSON writer produces exactly what JSONEncoder writes, for every fix
    /// fixture (applied fixes with details, file fixes, skipped fixes, remaining diagnostics) and a
    /// refused, unwritten report; streaming hands over the same bytes.
    @Test func fixReportJSONMatchesJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for fixture in Self.cases {
            var options = try Self.options(fixture)
            options.collectDetails = true
            let bytes = [UInt8](try Data(contentsOf: fixture.input))
            var report = try FixHarness.fix(bytes, name: fixture.input.lastPathComponent, options: options).0.report
            report.output = fixture.name.hasPrefix("refused") ? nil : "out/\"fixed\".csv"
            let expected = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
            #expect(report.render() == expected, "\(fixture.name)")
            var streamed: [UInt8] = []
            try report.write { streamed.append(contentsOf: $0) }
            #expect(String(decoding: streamed, as: UTF8.self) == expected, "\(fixture.name)")
        }
        // What the fixtures do not produce: skipped fixes, absent optionals, keys that need escaping.
        let summary = FixSummary(recordsIn: 2, recordsOut: 0, cellsChanged: 0, fixesApplied: 1,
                                 fixesByRule: ["z-rule": 1, "a\"rule": 2], fileFixes: 1, rounds: 1, converged: false,
                                 remaining: 0, remainingFixable: 0)
        let synthetic = FixReport(path: "p.csv", output: nil, written: false, refused: "ragged row", profile: nil,
                                  encoding: "UTF-8", delimiter: ",", outputDelimiter: "tab", lineEnding: "crlf", unsafeFixes: true,
                                  applied: [AppliedFix(rule: "r", code: nil, applicability: .unsafe, line: 3, record: nil, field: nil,
                                                       fieldIndex: 0, before: "a\tb", after: "é", round: 1)],
                                  fileFixes: [FileFix(rule: nil, description: "d", count: 1, round: 1)],
                                  skipped: [SkippedFix(rule: "r", line: 2, record: nil, field: nil, reason: "conflict"),
                                            SkippedFix(rule: "s", line: 4, record: 3, field: "Name", reason: "unsafe")],
                                  remaining: [], summary: summary)
        #expect(synthetic.render() == String(decoding: try encoder.encode(synthetic), as: UTF8.self) + "\n")
    }

    /// `check` on the output of `fix` never suggests `fix` again: no safe fix is left on any written fix
    /// fixture, and with --unsafe-fixes no fix at all.
    @Test func checkAfterFixFindsNothingFixLeftUndone() throws {
        var checked = 0
        for fixture in Self.cases {
            let options = try Self.options(fixture)
            let bytes = [UInt8](try Data(contentsOf: fixture.input))
            guard let fixed = try FixHarness.fix(bytes, name: fixture.input.lastPathComponent, options: options).1 else { continue }
            var lint = options.lint
            lint.inputEncoding = nil
            if let d = options.outputDelimiter { lint.delimiter = d }
            let report = try Linter(options: lint).lint(.bytes(fixed, displayPath: fixture.input.lastPathComponent)).report
            // A delimiter the user chose with --delimiter is theirs, even where the profile's target reads another.
            let chosen = options.outputDelimiter != nil ? RuleDescriptor.unsupportedDelimiter.name : nil
            let left = report.diagnostics.filter { d in
                d.rule != chosen && (d.fix.map { $0.applicability == .safe || options.unsafeFixes } ?? false)
            }
            #expect(left.isEmpty,
                    "\(fixture.name): check after fix still suggests: \(left.map { "\($0.rule) line \($0.line): \($0.message)" })")
            checked += 1
        }
        #expect(checked >= 10)
    }

    /// Cases recorded with another ICU version are left out (`FixtureTests.goldensRecordedWithThisICU` names them).
    @Test(arguments: cases.filter(\.runsOnThisICU).map(\.input.path))
    func fixMatchesGolden(_ path: String) throws {
        let fixture = try #require(Self.cases.first { $0.input.path == path })
        try fixture.recordThisICU()
        let options = try Self.options(fixture)
        let bytes = [UInt8](try Data(contentsOf: fixture.input))
        let (outcome, fixed) = try FixHarness.fix(bytes, name: fixture.input.lastPathComponent, options: options)
        if fixture.name.hasPrefix("refused") {
            #expect(fixed == nil, "\(fixture.name) should be refused")
            #expect(outcome.report.refused != nil)
            return
        }
        let output = try #require(fixed, "\(fixture.name) refused: \(outcome.report.refused ?? "")")
        // Only lines that are no records (header copies, SQL client lines) may be left out; every other record is written.
        let notRecords = RuleDescriptor.notRecords.map(\.name)
        let removed = outcome.report.fileFixes.filter { fix in notRecords.contains { $0 == fix.rule } }.map(\.count).reduce(0, +)
        #expect(outcome.report.summary.recordsOut == outcome.report.summary.recordsIn - removed)
        try Golden.check(output, Self.golden(fixture), "fixed \(fixture.name)")
        let (_, again) = try FixHarness.fix(output, name: fixture.input.lastPathComponent, options: options)
        #expect(again == output, "fixing \(fixture.name)'s output again changed it")
    }
}
