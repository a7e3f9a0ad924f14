import Foundation
import Testing
@testable import ImportLintCore

/// The text report a person reads: carets by display width, long lines cut around the column, a source
/// line under every finding (end-of-file findings too), read back from the input.
struct TextOutputTests {
    @Test func caretCountsWideCharactersTwiceAndMarksNever() {
        #expect(SourceLineLayout.layout("山田,x", column: 4) == ("山田,x", 5))
        #expect(SourceLineLayout.layout("ｗｉｄｇｅｔ,x", column: 8) == ("ｗｉｄｇｅｔ,x", 13))
        #expect(SourceLineLayout.layout("Zoe\u{301},x", column: 6) == ("Zoe\u{301},x", 4))
        #expect(SourceLineLayout.layout("한\u{1161}x", column: 3).caret == 2)
        #expect(SourceLineLayout.layout("a\u{200B}b", column: 3).caret == 1)
        // Past the end: just after the last character.
        #expect(SourceLineLayout.layout("山", column: 2).caret == 2)
    }

    @Test func tabsRunToTheNextMultipleOfFour() {
        #expect(SourceLineLayout.layout("a\tb", column: 3) == ("a   b", 4))
        #expect(SourceLineLayout.layout("abcd\tb", column: 6) == ("abcd    b", 8))
        #expect(SourceLineLayout.layout("山\tb", column: 3) == ("山  b", 4))
    }

    /// The character the caret points at, found by display columns in what is printed.
    static func character(atDisplayColumn caret: Int, of shown: String) -> Unicode.Scalar? {
        var at = 0
        for u in shown.unicodeScalars {
            if at == caret && SourceLineLayout.width(u, at: at) > 0 { return u }
            at += SourceLineLayout.width(u, at: at)
        }
        return nil
    }

    static func displayWidth(_ shown: String) -> Int {
        shown.unicodeScalars.reduce(0) { $0 + SourceLineLayout.width($1, at: $0) }
    }

    @Test func longLinesAreCutAroundTheColumn() {
        var line = String(repeating: "a", count: 3000)
        line.replaceSubrange(line.index(line.startIndex, offsetBy: 1999)...line.index(line.startIndex, offsetBy: 1999), with: "X")
        let (shown, caret) = SourceLineLayout.layout(line, column: 2000)
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
        #expect(Self.displayWidth(shown) <= SourceLineLayout.maxWidth)
        #expect(Self.character(atDisplayColumn: caret, of: shown) == "X")

        let start = SourceLineLayout.layout("X" + String(repeating: "b", count: 500), column: 1)
        #expect(!start.shown.hasPrefix("…") && start.shown.hasSuffix("…") && start.caret == 0)
        let end = SourceLineLayout.layout(String(repeating: "b", count: 500) + "X", column: 501)
        #expect(end.shown.hasPrefix("…") && !end.shown.hasSuffix("…"))
        #expect(Self.character(atDisplayColumn: end.caret, of: end.shown) == "X")

        // Wide characters are never cut in half, and the caret still finds its character.
        let wide = String(repeating: "漢", count: 999) + "X" + String(repeating: "字", count: 999)
        let cut = SourceLineLayout.layout(wide, column: 1000)
        #expect(Self.displayWidth(cut.shown) <= SourceLineLayout.maxWidth)
        #expect(Self.character(atDisplayColumn: cut.caret, of: cut.shown) == "X")

        // Escapes in a long line keep the caret in place too.
        let escaped = String(repeating: "\u{1B}", count: 300) + "X"
        let shownEscaped = SourceLineLayout.layout(escaped, column: 301)
        #expect(Self.character(atDisplayColumn: shownEscaped.caret, of: shownEscaped.shown) == "X")
        #expect(!shownEscaped.shown.unicodeScalars.contains("\u{1B}"))
    }

    /// Line numbers as the reader counts them: LF, CRLF and CR; asking again for an earlier line works.
    @Test func linesAreReadBackFromTheInput() {
        let input = InputFile.bytes(Array("h\r\nA\rB\nC".utf8), displayPath: "x.csv")
        let cursor = SourceText.input(input, encoding: .utf8(bom: false)).cursor()
        #expect(cursor.line(2) == "A")
        #expect(cursor.line(2) == "A")
        #expect(cursor.line(4) == "C")
        #expect(cursor.line(3) == "B")
        #expect(cursor.line(1) == "h")
        #expect(cursor.line(5) == nil)
    }

    /// A file replaced between the lint and the report shows no lines rather than lines of other content.
    @Test func aReplacedFileShowsNoLines() throws {
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("p.csv")
        try TestSupport.write("Primary Email,Name\nann@widget.com, Ann\n", to: path)
        let result = try Linter(options: LintOptions(captureSourceLines: true)).lint(.path(path.path))
        #expect(result.source?.cursor().line(2) == "ann@widget.com, Ann")
        try TestSupport.write("Primary Email,Name\nbob@widget.com, Robert\n", to: path)
        #expect(result.source?.cursor().line(2) == nil)
    }

    @Test func utf16LinesAreDecoded() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for u in "Primary Email\tName\r\nann@widget.com\t山田 \r\n".utf16 { bytes += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let result = try Linter(options: LintOptions(captureSourceLines: true)).lint(.bytes(bytes, displayPath: "p.tsv"))
        let text = try TextReporter().render(Report(files: [result.report]), context: ReportContext(sources: [result.source]))
        #expect(text.contains(" 2 | ann@widget.com  山田 \n   |                 ^\n"), "\(text)")
    }

    /// Organization variants and duplicates are reported at the end of the file, about earlier lines:
    /// their lines are shown all the same, with the caret under the cell.
    @Test func everyFindingShowsItsLine() throws {
        let csv = "Primary Email,Name,Organization\nann@widget.com,山田,Widget Inc\nbob@widget.com,Bob,WIDGET INC.\n"
            + "cid@widget.com,Cid,Widget Inc\nANN@widget.com,Ann,Widget inc\n"
        let result = try TestSupport.lint(csv, options: LintOptions(captureSourceLines: true))
        let rules = Set(result.report.diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: ["organization-variants", "duplicate-identifier"]))
        let text = try TextReporter().render(Report(files: [result.report]), context: ReportContext(sources: [result.source]))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where line.hasPrefix("people.csv:") && (line.contains(": warning: ") || line.contains(": error: ")) {
            let number = line.split(separator: ":")[1]
            #expect(lines[i + 1].hasPrefix(" \(number) | "), "\(text)")
            #expect(lines[i + 2].contains("^"), "\(text)")
        }
        #expect(text.contains(" 3 | bob@widget.com,Bob,WIDGET INC.\n   |                    ^\n"), "\(text)")
        // Without a source (as under --redact), no line is printed.
        let hidden = try TextReporter().render(Report(files: [result.report]), context: ReportContext(sources: [result.source], showSource: false))
        #expect(!hidden.contains(" | "))
    }

    @Test func boundedFindingsKeepTheFirstInReportOrder() throws {
        let rule = RuleCatalog.byCode["TXT006"]!
        var generator = SystemRandomNumberGenerator()
        let all = (0..<500).map { i in
            Diagnostic(rule: rule, severity: i % 7 == 0 ? .error : .warning, line: Int.random(in: 1...60, using: &generator),
                       column: Int.random(in: 1...3, using: &generator), record: nil, field: nil, message: "m\(i)")
        }
        for limit in [0, 1, 17, 499, 500, 600] {
            var bounded = BoundedFindings(limit: limit)
            for d in all { bounded.insert(d) }
            let expected = all.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
                .map(\.element).prefix(limit)
            let omitted = bounded.omitted
            #expect(bounded.takeSorted() == Array(expected))
            #expect(omitted.count == all.count - expected.count)
            #expect(omitted.errors == all.count { $0.severity == .error } - expected.count { $0.severity == .error })
        }
    }

    /// With --max-findings, the summary (and so the exit status) is that of the full run.
    @Test func maxFindingsKeepsCountsOfEverything() throws {
        let rows = (1...300).map { "user\($0)@widget.com, Ann \($0) ,english\($0 % 3 == 0 ? ",x" : "")" }.joined(separator: "\n")
        let csv = "Primary Email,Name,Language\n\(rows)\n"
        let full = try TestSupport.lint(csv)
        var options = LintOptions()
        options.maxFindings = 10
        let cut = try TestSupport.lint(csv, options: options)
        #expect(cut.report.diagnostics == Array(full.report.diagnostics.prefix(10)))
        let fullSummary = Report(files: [full.report]).summary, cutSummary = Report(files: [cut.report]).summary
        #expect(full.report.diagnostics.count > 100 && fullSummary.errors > 0)
        #expect(cutSummary.omittedFindings == full.report.diagnostics.count - 10)
        #expect(cutSummary.errors == fullSummary.errors && cutSummary.warnings == fullSummary.warnings)
        #expect(cutSummary.fixableSafe == fullSummary.fixableSafe && cutSummary.rules == fullSummary.rules)
        #expect(Report(files: [cut.report]).worstSeverity == .error)

        // Across files, the first files keep their findings.
        var results = [cut, cut]
        CheckRun.keepFirst(15, of: &results)
        #expect(results[0].report.diagnostics.count == 10 && results[1].report.diagnostics.count == 5)
        #expect(Report(files: results.map(\.report)).summary.errors == 2 * fullSummary.errors)
    }

    @Test func statisticsAreSortedByCountThenCode() throws {
        let text = TextReporter.statistics([RuleCount(code: "VAL010", rule: "invalid-phone", count: 244_683),
                                            RuleCount(code: "ID001", rule: "duplicate-identifier", count: 3),
                                            RuleCount(code: "ENC001", rule: "invalid-utf8", count: 3)])
        #expect(text == "244683  VAL010  invalid-phone\n     3  ID001   duplicate-identifier\n     3  ENC001  invalid-utf8\n")
        var tally = FindingTally()
        let rule = { RuleCatalog.byCode[$0]! }
        for code in ["TXT006", "ID001", "TXT006", "ENC001"] {
            tally.add(Diagnostic(rule: rule(code), line: 1, column: 1, record: nil, field: nil, message: ""))
        }
        #expect(tally.rules.map(\.code) == ["TXT006", "ENC001", "ID001"])
    }

    /// Every format says that the report was cut.
    @Test func everyFormatSaysTheReportWasCut() throws {
        let csv = "Primary Email,Name\nann@widget.com, Ann \nann@widget.com,Bob\n"
        var options = LintOptions()
        options.maxFindings = 1
        let result = try TestSupport.lint(csv, options: options)
        let report = Report(files: [result.report])
        #expect(report.summary.omittedFindings == 1)
        let marker = "1 more finding not listed (--max-findings)"
        for (name, reporter) in Reporters.all where name != "html" && name != "json" {
            let text = try reporter.render(report, context: ReportContext(locator: ArtifactLocator(root: "/nowhere")))
            #expect(text.contains(marker), "\(name): \(text)")
        }
        let json = try JSONReporter.render(report)
        #expect(json.contains("\"omittedFindings\" : 1"))
        let html = try HTMLReporter().render(report, context: ReportContext())
        #expect(html.contains("\"omittedFindings\":1"))
        // The omitted finding is the duplicate (an error): JUnit fails on it.
        let junit = JUnitReporter.render(report)
        #expect(junit.contains("failures=\"1\""), "\(junit)")
    }

    @Test func reportsWithoutTheNewSummaryFieldsStillDecode() throws {
        let json = #"{"errors":1,"files":1,"fixable":0,"infos":0,"records":2,"warnings":0}"#
        let summary = try JSONDecoder().decode(ReportSummary.self, from: Data(json.utf8))
        #expect(summary.rules.isEmpty && summary.omittedFindings == 0 && summary.errors == 1)
    }

    @Test func colorPrecedence() {
        let tty = true, pipe = false
        #expect(ColorMode.auto.enabled(environment: [:], toTerminal: tty))
        #expect(!ColorMode.auto.enabled(environment: [:], toTerminal: pipe))
        #expect(!ColorMode.auto.enabled(environment: ["NO_COLOR": "1"], toTerminal: tty))
        #expect(ColorMode.auto.enabled(environment: ["NO_COLOR": ""], toTerminal: tty))
        #expect(ColorMode.auto.enabled(environment: ["FORCE_COLOR": "1"], toTerminal: pipe))
        #expect(!ColorMode.auto.enabled(environment: ["FORCE_COLOR": ""], toTerminal: pipe))
        #expect(!ColorMode.auto.enabled(environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"], toTerminal: tty))
        #expect(ColorMode.always.enabled(environment: ["NO_COLOR": "1"], toTerminal: pipe))
        #expect(!ColorMode.never.enabled(environment: ["FORCE_COLOR": "1"], toTerminal: tty))
    }

    /// The progress line's share of bytes read grows and ends at most at 100% (the reader takes 1 MB
    /// chunks: the file is about 6 MB).
    @Test func progressReportsTheShareOfBytesRead() throws {
        let rows = (1...200_000).map { "user\($0)@widget.com,Ann \($0),en" }.joined(separator: "\n")
        let path = try TestSupport.temporaryDirectory().appendingPathComponent("p.csv")
        try TestSupport.write("Primary Email,Name,Language\n\(rows)\n", to: path)
        let linter = Linter(options: LintOptions())
        linter.progressInterval = 25_000
        nonisolated(unsafe) var fractions: [Double] = []
        linter.progress = { if let f = $0.fraction { fractions.append(f) } }
        _ = try linter.lint(.path(path.path))
        #expect(fractions.count == 8)
        #expect(fractions == fractions.sorted() && fractions.first! < 0.5 && fractions.last! <= 1)
    }
}
