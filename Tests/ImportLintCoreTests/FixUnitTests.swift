import Foundation
import Testing
@testable import ImportLintCore

@Suite struct FixUnitTests {
    func normalized(_ s: String) -> (String, CellText.Changes) {
        var copy = s
        var out: [UInt8] = []
        let changes = copy.withUTF8 { CellText.normalize($0, repair: nil, into: &out) }
        return (String(decoding: out, as: UTF8.self), changes)
    }

    @Test func trimsSpacesTabsAndNoBreakSpaces() {
        #expect(normalized("  Ann \t").0 == "Ann")
        #expect(normalized("\u{A0}Ann\u{A0} ").0 == "Ann")
        #expect(normalized("Ann Lee").1.isEmpty)
        #expect(normalized("   ").0 == "")
    }

    @Test func composesToNFC() {
        let (text, changes) = normalized("Zoe\u{0308} Nguye\u{0302}\u{0303}n")
        #expect(text == "Zoë Nguyễn")
        #expect(changes.contains(.composed))
        #expect(normalized("Γιώργος 山田 محمد").1.isEmpty)
    }

    @Test func repairsInvalidBytesInTheGivenCodePageOnlyWhenAsked() throws {
        let windows1252 = try #require(InvalidByteReading(charset: "windows-1252"))
        let bytes: [UInt8] = Array("Lef".utf8) + [0xE8] + Array("vre ".utf8) + [0x80]
        var out: [UInt8] = []
        let kept = bytes.withUnsafeBufferPointer { CellText.normalize($0, repair: nil, into: &out) }
        #expect(out == Array(bytes.dropLast()) || out == bytes)
        #expect(!kept.contains(.repaired))
        let repaired = bytes.withUnsafeBufferPointer { CellText.normalize($0, repair: windows1252, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "Lefèvre €")
        #expect(repaired.contains(.repaired))
    }

    /// The repair reads stray bytes in the code page the invalid-utf8 findings name (here Cyrillic, which
    /// Windows-1252 would garble), and offers nothing for a multi-byte one.
    @Test func repairsInTheCodePageOfTheFindingsAndNeverInAMultiByteOne() throws {
        let windows1251 = try #require(InvalidByteReading(charset: "windows-1251"))
        let bytes: [UInt8] = [0xC8, 0xE2, 0xE0, 0xED, 0x20, 0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2]
        var out: [UInt8] = []
        let changes = bytes.withUnsafeBufferPointer { CellText.normalize($0, repair: windows1251, into: &out) }
        #expect(String(decoding: out, as: UTF8.self) == "Иван Петров")
        #expect(changes.contains(.repaired))
        #expect(InvalidByteReading(charset: "Shift_JIS") == nil)
        #expect(InvalidByteReading(nil) == nil)
    }

    func quoted(_ s: String, _ d: UInt8 = 0x2C, lone: Bool = false) -> String {
        var row: [UInt8] = []
        Array(s.utf8).withUnsafeBufferPointer { CellText.appendCell($0, delimiter: d, forceQuotes: lone, to: &row) }
        return String(decoding: row, as: UTF8.self)
    }

    @Test func quotesOnlyWhereNeeded() {
        #expect(quoted("plain") == "plain")
        #expect(quoted("a,b") == "\"a,b\"")
        #expect(quoted("a,b", 0x09) == "a,b")
        #expect(quoted("a\tb", 0x09) == "\"a\tb\"")
        #expect(quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(quoted("two\nlines") == "\"two\nlines\"")
        #expect(quoted("cr\ronly") == "\"cr\ronly\"")
        #expect(quoted("", lone: true) == "\"\"")
    }

    @Test func conflictingCellFixesDeferAllButTheFirst() {
        let rule = RuleDescriptor.surroundingWhitespace
        func diag(_ replacement: String) -> Diagnostic {
            Diagnostic(rule: rule, line: 2, column: 1, record: 1, field: nil, message: "",
                       fix: Fix(.safe, "", replacement: replacement), fieldIndex: 0)
        }
        let plan = FixPlan(diagnostics: [diag("x "), diag("Paris"), diag("Paris "), diag("Amsterdam")], allowUnsafe: false)
        let resolved = plan.resolve(original: " x", candidates: plan.candidates(record: 1, field: 0)!)
        #expect(resolved.replacement == "Paris")
        #expect(resolved.applied == [0, 1, 2])
        #expect(resolved.deferred == [3])
    }

    @Test func unsafeFixesNeedPermission() {
        let d = Diagnostic(rule: .controlCharacter, line: 2, column: 1, record: 1, field: nil, message: "",
                           fix: Fix(.unsafe, "", replacement: "a b"), fieldIndex: 0)
        #expect(FixPlan(diagnostics: [d], allowUnsafe: false).isEmpty)
        #expect(!FixPlan(diagnostics: [d], allowUnsafe: true).isEmpty)
    }

    @Test func unifiedDiffOfChangedLines() {
        let old = Array("a\nb\nc\nd\ne\nf\ng\nh\n".utf8)
        let new = Array("a\nB\nc\nd\ne\nf\ng\nh\ni".utf8)
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a/x", newName: "b/x", context: 1)
        #expect(diff == """
        --- a/x
        +++ b/x
        @@ -1,3 +1,3 @@
         a
        -b
        +B
         c
        @@ -8 +8,2 @@
         h
        +i
        \\ No newline at end of file

        """)
        #expect(UnifiedDiff.render(old: old, new: old, oldName: "a", newName: "b").isEmpty)
    }

    @Test func unifiedDiffShowsReorderedRows() {
        let old = Array("h\nann 1\nbob 1\nann 2\n".utf8)
        let new = Array("h\nann 1\nann 2\nbob 1\n".utf8)
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.contains("+ann 2\n") || diff.contains("-bob 1\n"))
        let removed = diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count
        let added = diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }.count
        #expect(removed == 1 && added == 1)
    }

    @Test func refusesToWriteARaggedFileUnlessForced() throws {
        let bytes = Array("Primary Email,Name\nann@x.com,Ann,extra\n".utf8)
        let (refused, none) = try FixHarness.fix(bytes, name: "r.csv", options: FixOptions())
        #expect(none == nil)
        #expect(refused.report.refused?.contains("ragged-row") == true)
        var force = FixOptions()
        force.force = true
        let (_, written) = try FixHarness.fix(bytes, name: "r.csv", options: force)
        #expect(written == Array("Primary Email,Name\nann@x.com,Ann,extra\n".utf8))
    }

    @Test func jsonReportListsAppliedFixes() throws {
        let bytes = Array("primary email,Name\nann@x.com , Ann\n".utf8)
        let (outcome, fixed) = try FixHarness.fix(bytes, name: "p.csv", options: FixOptions())
        #expect(fixed == Array("Primary Email,Name\nann@x.com,Ann\n".utf8))
        let rules = outcome.report.applied.map(\.rule)
        #expect(rules.filter { $0 == "surrounding-whitespace" }.count == 2)
        #expect(rules.contains("unknown-column"))
        let header = try #require(outcome.report.applied.first { $0.rule == "unknown-column" })
        #expect(header.before == "primary email" && header.after == "Primary Email" && header.record == nil)
        #expect(outcome.report.remaining.isEmpty)
        #expect(outcome.report.summary.converged)
    }

    /// 4me takes headers as exact: 'Primary Email ' is unknown-column's error, and its rename is the cell's
    /// one fix (the trim it amounts to is not counted again as surrounding-whitespace's).
    @Test func paddedHeaderIsOneRename() throws {
        let bytes = Array("Primary Email ,Name\nann@x.com,Ann\n".utf8)
        let lint = try FixHarness.lint(bytes, name: "p.csv")
        #expect(lint.diagnostics.map(\.code).sorted() == ["STR004", "STR005"])
        #expect(lint.diagnostics.allSatisfy { $0.severity == .error })
        let (outcome, fixed) = try FixHarness.fix(bytes, name: "p.csv", options: FixOptions())
        #expect(fixed == Array("Primary Email,Name\nann@x.com,Ann\n".utf8))
        #expect(outcome.report.applied.map(\.rule) == ["unknown-column"])
    }
}

/// The fixer is generic over diagnostics: any rule's cell fix is applied by (record, field), whatever the
/// rule (here the value rules that other modules provide, simulated with hand-made diagnostics).
@Suite struct GenericCellFixTests {
    func diag(_ name: String, record: Int?, field: Int, line: Int, _ applicability: Applicability, _ replacement: String) -> Diagnostic {
        Diagnostic(rule: RuleCatalog.find(name)!, line: line, column: 1, record: record, field: nil, message: "",
                   fix: Fix(applicability, "", replacement: replacement), fieldIndex: field)
    }

    func run(_ text: String, _ diagnostics: [Diagnostic], unsafe: Bool) throws -> (String, PassResult) {
        let input = InputFile.bytes(Array(text.utf8), displayPath: "t.csv")
        let settings = PassSettings(inputDelimiter: 0x2C, outputDelimiter: 0x2C, lineEnding: nil, allowUnsafe: unsafe,
                                    force: false, quoting: .keep, collectDetails: true, profile: try ProfileLoader.load("4me-people"),
                                    round: 1)
        let plan = FixPlan(diagnostics: diagnostics, allowUnsafe: unsafe)
        let result = try FixPass(input: input, encoding: .utf8(bom: false), plan: plan, settings: settings)
            .run(directory: NSTemporaryDirectory(), name: "generic")
        let path = try #require(result.outputPath)
        defer { AtomicFile.discard(path) }
        return (try String(contentsOfFile: path, encoding: .utf8), result)
    }

    @Test func appliesAnyRulesCellFixesByRecordAndField() throws {
        let text = "Primary Email,Name,Time Zone,Locale,Manager\nann@x.com,Ann,America/Chicago,EN_us,\"Lee, Bob\"\nbob@x.com,Bob,Paris,nl,\n"
        let diagnostics = [
            diag("invalid-time-zone", record: 1, field: 2, line: 2, .safe, "Central Time (US & Canada)"),
            diag("invalid-locale", record: 1, field: 3, line: 2, .safe, "en-US"),
            diag("organization-variants", record: 2, field: 4, line: 3, .unsafe, "Widget, Inc."),
        ]
        let (safe, result) = try run(text, diagnostics, unsafe: false)
        #expect(safe == "Primary Email,Name,Time Zone,Locale,Manager\nann@x.com,Ann,Central Time (US & Canada),en-US,\"Lee, Bob\"\nbob@x.com,Bob,Paris,nl,\n")
        #expect(result.applied.map(\.rule) == ["invalid-time-zone", "invalid-locale"])
        #expect(result.applied[0].before == "America/Chicago" && result.applied[0].after == "Central Time (US & Canada)")
        let (unsafe, _) = try run(text, diagnostics, unsafe: true)
        #expect(unsafe.hasSuffix("bob@x.com,Bob,Paris,nl,\"Widget, Inc.\"\n"))
    }

    /// File-level actions are carried out by what they are, not by which rule asked: a line is left out
    /// only when a diagnostic asks for it (otherwise copied as it is), and a re-delimiting is planned.
    @Test func fileLevelActionsComeFromTheDiagnostics() throws {
        let text = "Primary Email,Name\nann@x.com,Ann\n\nbob@x.com,Bob\n"
        let (kept, keptResult) = try run(text, [], unsafe: false)
        #expect(kept == text)
        #expect(keptResult.fileFixes.isEmpty)
        let wording = RemovedLineWording(one: "Removed 1 spare line", many: "Removed %d spare lines")
        let removeLine = Diagnostic(rule: .blankLine, line: 3, column: 1, record: nil, field: nil, message: "",
                                    fix: Fix(.safe, "", .removeLine(wording)))
        let (removed, removedResult) = try run(text, [removeLine], unsafe: false)
        #expect(removed == "Primary Email,Name\nann@x.com,Ann\nbob@x.com,Bob\n")
        #expect(removedResult.fileFixes == [FileFix(rule: "blank-line", description: "Removed 1 spare line", count: 1, round: 1)])
        let removeRecord = Diagnostic(rule: .blankLine, line: 2, column: 1, record: 1, field: nil, message: "",
                                      fix: Fix(.safe, "", .removeLine(wording)))
        let (withoutAnn, withoutAnnResult) = try run(text, [removeRecord], unsafe: false)
        #expect(withoutAnn == "Primary Email,Name\n\nbob@x.com,Bob\n")
        #expect(withoutAnnResult.recordsIn == 2 && withoutAnnResult.recordsOut == 1)
        let redelimit = Diagnostic(rule: .blankLine, line: 1, column: 1, record: nil, field: nil, message: "",
                                   fix: Fix(.safe, "", .changeDelimiter(to: 0x09)))
        let plan = FixPlan(diagnostics: [redelimit], allowUnsafe: false)
        #expect(plan.fileActions.delimiter?.to == 0x09 && plan.fileActions.delimiter?.rule == "blank-line")
        #expect(FixPlan.hasApplicableFix([redelimit], allowUnsafe: false))
    }

    /// The text summary agrees in number: "1 record", "1 diagnostic remains", "2 records", "2 diagnostics remain".
    @Test func textSummaryAgreesInNumber() {
        func summary(records: Int, remaining: Int) -> String {
            let counts = FixSummary(recordsIn: records, recordsOut: records, cellsChanged: 0, fixesApplied: 0, fixesByRule: [:],
                                    fileFixes: 0, rounds: 1, converged: true, remaining: remaining, remainingFixable: 0)
            let report = FixReport(path: "p.csv", output: nil, written: false, refused: nil, profile: nil, encoding: "UTF-8",
                                   delimiter: ",", outputDelimiter: ",", lineEnding: "lf", unsafeFixes: false, applied: [],
                                   fileFixes: [], skipped: [], remaining: [], summary: counts)
            return FixTextReporter.render(report)
        }
        #expect(summary(records: 1, remaining: 1) == "p.csv: 1 record; 1 diagnostic remains\n")
        #expect(summary(records: 2, remaining: 0) == "p.csv: 2 records; 0 diagnostics remain\n")
        #expect(summary(records: 0, remaining: 3) == "p.csv: 0 records; 3 diagnostics remain\n")
    }
}

/// Found by the fuzzer: NUL characters read from UTF-16 made the written UTF-8 file look like binary data,
/// which importlint itself then refused to read. Such a file is not written unless --unsafe-fixes drops them.
@Suite struct FixOutputReadsAsTextTests {
    @Test func nulCharactersFromUTF16AreNotWrittenAsBinary() throws {
        let text = "First" + String(repeating: "\u{0}", count: 60) + " Name,Last Name,Email\r\nAnn,Lee,ann@widget.com\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (refused, output) = try FixHarness.fix(bytes, name: "nul.csv", options: FixOptions())
        #expect(output == nil)
        #expect(refused.report.refused?.contains("NUL") == true)
        var unsafe = FixOptions()
        unsafe.unsafeFixes = true
        let (_, written) = try FixHarness.fix(bytes, name: "nul.csv", options: unsafe)
        let fixed = try #require(written)
        #expect(!fixed.contains(0))
        #expect(UnreadableInput.problem(.bytes(fixed, displayPath: "fixed.csv")) == nil)
    }
}

/// Found in review: from the second round on, the pass was given the records' line ending as if asked for,
/// and rewrote the line end of a kept blank line that the first round had left as it was.
@Suite struct KeptLineEndsTests {
    @Test func aKeptLineEndsAsWrittenWhateverTheRounds() throws {
        let text = "First Name,Last Name,Email,Location\r\n\nAsha,Rao,asha.rao@widget.com,Pune\r\nRavi,Iyer,ravi.iyer@widget.com,Navi Mumbai\r\n"
        var options = FixOptions(lint: LintOptions(selection: RuleSelection(ignore: ["blank-line"])))
        for unsafe in [false, true] {
            options.unsafeFixes = unsafe
            let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "mix.csv", options: options)
            let fixed = try #require(written)
            if unsafe { #expect(outcome.report.summary.rounds > 1, "the case needs a second round") }
            // The blank line (its rule ignored, no line ending asked for) keeps its lone LF.
            let fixedText = String(decoding: fixed, as: UTF8.self)
            #expect(fixedText.contains("\r\n\n") && !fixedText.contains("\r\n\r\n"), "unsafe \(unsafe): \(fixedText)")
        }
    }
}
