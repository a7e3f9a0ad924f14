import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// `fix` lints its own output without judging again, with the rules that judge a record alone, the records
/// it wrote unchanged from records nothing was reported on (`UnchangedRecords`), and without clustering
/// again the columns whose values did not change (`ClusteringMemo`). The fix report and the written file
/// must be exactly those of a lint that reads every record and reuses nothing.
@Suite struct FixUnchangedRecordsTests {
    static func expectSameFix(_ bytes: [UInt8], name: String, options: FixOptions, _ what: String) throws {
        var fromScratch = options
        fromScratch.relintsFromScratch = true
        let (skipping, skippingOutput) = try FixHarness.fix(bytes, name: name, options: options)
        let (full, fullOutput) = try FixHarness.fix(bytes, name: name, options: fromScratch)
        #expect(skipping.report.render() == full.report.render(), "\(what)")
        #expect(skippingOutput == fullOutput, "\(what)")
    }

    @Test(arguments: FixPropertyTests.seeds)
    func generatedFilesFixTheSame(seed: UInt64) throws {
        let g = FixPropertyTests.generate(seed: seed)
        var unsafe = FixOptions()
        unsafe.unsafeFixes = true
        for options in [FixOptions(), unsafe] {
            try Self.expectSameFix(g.bytes, name: g.name, options: options, "seed \(seed), unsafe \(options.unsafeFixes)")
        }
    }

    /// Every fixture that `fix` accepts the arguments of, with and without unsafe fixes.
    @Test func fixturesFixTheSame() throws {
        TestSupport.enterPackageRoot()
        var compared = 0
        for fixture in FixtureCase.all(in: FixtureTests.root) {
            let arguments = [fixture.relativePath, "--diff", "--no-config"] + fixture.arguments() + fixture.arguments("fixargs")
            guard let command = try? FixCommand.parse(arguments), var options = try? command.fixOptions(for: fixture.relativePath) else { continue }
            let bytes = [UInt8](try Data(contentsOf: fixture.input))
            // Input `fix` cannot read at all (an Excel workbook) is reported by the command, not fixed.
            guard (try? FixHarness.fix(bytes, name: fixture.input.lastPathComponent, options: options)) != nil else { continue }
            for unsafe in [false, true] {
                options.unsafeFixes = unsafe
                try Self.expectSameFix(bytes, name: fixture.input.lastPathComponent, options: options, "\(fixture.name), unsafe \(unsafe)")
            }
            compared += 1
        }
        #expect(compared >= 60)
    }

    /// A contacts file whose rows move when regrouped: every line the pass names holds, in the written
    /// file, a record that was read as it is and had no finding; most records are named.
    @Test func namedLinesAreUnchangedRecordsAfterRegrouping() throws {
        var text = "Person\tContact Protocol\tContact Label\tContact URI\n"
        for i in 0..<300 {
            // Ann's rows come back after Bob's: they move up to her first group.
            let person = ["ann@widget.com", "bob@widget.com", "ann@widget.com", "eve@widget.com"][i / 80]
            let uri = i % 17 == 0 ? " c\(i)@mail.example.com" : (i % 23 == 0 ? "not an address \(i)" : "c\(i)@mail.example.com")
            text += "\(person)\temail\twork\t\(uri)\n"
        }
        let bytes = Array(text.utf8)
        let input = InputFile.bytes(bytes, displayPath: "contacts.tsv")
        let lint = try Linter(options: LintOptions()).lint(input)
        let profile = try ProfileLoader.load(try #require(lint.report.profile))
        let settings = PassSettings(inputDelimiter: 0x09, outputDelimiter: 0x09, lineEnding: nil, allowUnsafe: false,
                                    force: false, quoting: .keep, collectDetails: false, profile: profile, round: 1)
        let pass = try FixPass(input: input, encoding: .utf8(bom: false), plan: FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: false),
                               settings: settings).run(directory: NSTemporaryDirectory(), name: "test")
        let path = try #require(pass.outputPath)
        defer { AtomicFile.discard(path) }
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let inputLines = text.split(separator: "\n").map(String.init)
        let reported = Set(lint.report.diagnostics.map(\.line))
        let unchanged = try #require(pass.unchanged)
        var named = 0
        unchanged.lines.forEach { line in
            named += 1
            let record = written[line - 1]
            let source = inputLines.indices.filter { inputLines[$0] == record }
            #expect(!source.isEmpty, "line \(line): \(record) was not read as it is")
            #expect(source.contains { !reported.contains($0 + 1) }, "line \(line): \(record) had findings")
        }
        #expect(lint.report.diagnostics.contains { $0.rule == RuleDescriptor.ungroupedContactRows.name })
        #expect(named > 150)
    }

    /// The lint skips what it is told is unchanged only with the rules that judge a record alone, and
    /// only while the header binds the columns it was told.
    @Test func lintSkipsOnlyRecordAloneRulesOnNamedLines() throws {
        let text = "Primary Email,Name\nnot-an-address,Ann\nann@widget.com,  Ann Lee\nann@widget.com,Bob\n"
        let input = InputFile.bytes(Array(text.utf8), displayPath: "people.csv")
        let full = try Linter(options: LintOptions()).lint(input).report.diagnostics
        #expect(full.contains { $0.line == 2 } && full.contains { $0.line == 3 } && full.contains { $0.line == 4 })
        var options = LintOptions()
        var unchanged = UnchangedRecords(columns: ["Primary Email", "Name"])
        for line in 2...4 { unchanged.lines.insert(line) }
        options.unchangedRecords = unchanged
        let skipped = try Linter(options: options).lint(input).report.diagnostics
        // The duplicate key is still found: that rule reads every record.
        #expect(skipped.map(\.rule) == [RuleDescriptor.duplicateIdentifier.name])
        options.unchangedRecords = UnchangedRecords(columns: ["Name", "Primary Email"])
        #expect(try Linter(options: options).lint(input).report.diagnostics == full)
    }
}
