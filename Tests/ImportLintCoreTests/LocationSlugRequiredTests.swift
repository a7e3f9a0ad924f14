import Testing
@testable import ImportLintCore

/// missing-value on empty Location Slugs of a file naming several locations keeps at most
/// `LocationSlugRequiredRule.keptRows` rows in memory; past that it reads the file again, and reports the
/// same rows, one piece or two.
@Suite struct LocationSlugRequiredTests {
    /// `empty` rows without a slug, then the two slugs; among them a blank line, an empty record and a
    /// header copy (records the pass keeps from the rules, which the reading again must skip too). Returns
    /// the file and the lines and columns of the empty slugs.
    static func receptionist(empty: Int) -> (text: String, lines: [Int], columns: [Int]) {
        var text = "First Name,Last Name,Email,Location Slug\n"
        var lines: [Int] = [], columns: [Int] = []
        var line = 1
        for i in 0..<empty {
            if i == 10 { text += "\n"; line += 1 }
            if i == 20 { text += ",,,\n"; line += 1 }
            if i == 30 { text += "First Name,Last Name,Email,Location Slug\n"; line += 1 }
            let before = "P\(i),Lee,p\(i)@widget.com,"
            text += before + (i % 2 == 0 ? "" : "  ") + "\n"
            line += 1
            lines.append(line)
            columns.append(before.count + 1)
        }
        text += "Ann,Lee,ann@widget.com,hq\nBob,Ray,bob@widget.com,branch\n"
        return (text, lines, columns)
    }

    static func slugFindings(_ report: FileReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.rule == "missing-value" && $0.field == "Location Slug" }
    }

    @Test func emptyRowsBeyondTheKeptOnesAreFoundByReadingAgain() throws {
        let (text, lines, columns) = Self.receptionist(empty: LocationSlugRequiredRule.keptRows + 300)
        let bytes = Array(text.utf8)
        let profile = try #require(ProfileLoader.builtIn.first { $0.name == "receptionist" })
        let reader = CSVReader(source: MemorySource(bytes))
        let header = try #require(try reader.readHeader())
        let (bindings, matches) = HeaderAnalysis.bind(header: header, profile: profile)
        let context = FileContext(input: .bytes(bytes, displayPath: "r.csv"), profile: profile, options: LintOptions(),
                                  encoding: .utf8(bom: false), delimiter: 0x2C, header: header, bindings: bindings, matches: matches, headerLine: 1)
        let rule = try #require(LocationSlugRequiredRule(context))
        let repeatedHeader = RepeatedHeaderRule(context)
        let sink = DiagnosticSink(selection: RuleSelection())
        var record = 0, mostHeld = 0
        while try reader.next() {
            if reader.isBlankLine { continue }
            record += 1
            if repeatedHeader.check(reader, record: record, sink: sink) { continue }
            rule.check(reader, record: record, sink: sink)
            mostHeld = max(mostHeld, rule.rowsHeld)
        }
        #expect(mostHeld == LocationSlugRequiredRule.keptRows)
        rule.finish(sink: sink)
        let found = sink.takeSorted().filter { $0.rule == "missing-value" }
        #expect(found.map(\.line) == lines)
        #expect(found.map(\.column) == columns)
        #expect(found.map(\.record) == lines.map { $0 - 1 - ($0 > 12 ? 1 : 0) })

        let whole = try TestSupport.lint(text, name: "r.csv").report
        #expect(Self.slugFindings(whole).map(\.line) == lines)
    }

    /// An Excel `sep=` line before the header: the reading again numbers records as the pass does.
    @Test func aSeparatorLineIsNoRecordWhenReadingAgain() throws {
        let (text, lines, _) = Self.receptionist(empty: LocationSlugRequiredRule.keptRows + 5)
        let plain = Self.slugFindings(try TestSupport.lint(text, name: "r.csv").report)
        let hinted = Self.slugFindings(try TestSupport.lint("sep=,\n" + text, name: "r.csv").report)
        #expect(plain.map(\.line) == lines)
        #expect(hinted.map(\.line) == lines.map { $0 + 1 })
        #expect(hinted.map(\.record) == plain.map(\.record))
    }

    /// Cut where the earlier part keeps them all, where each part keeps its own but not both together,
    /// and where the earlier part already reads again: the report is the one-piece report.
    @Test func twoPartsGiveTheOnePieceReport() throws {
        let (text, lines, _) = Self.receptionist(empty: LocationSlugRequiredRule.keptRows * 3 / 2)
        let bytes = Array(text.utf8)
        let whole = try SplitLintGeneratedTests.render(bytes, name: "r.csv")
        let lineStarts = SplitLintTests.lineStarts(bytes)
        for cut in [lineStarts[100], lineStarts[lines.count / 2], lineStarts[LocationSlugRequiredRule.keptRows + 100]] {
            let split = try SplitLintGeneratedTests.cut(bytes, name: "r.csv", at: cut)
            #expect(split.split)
            #expect(split.json == whole.json, "cut at byte \(cut)")
        }
        #expect(Self.slugFindings(try TestSupport.lint(text, name: "r.csv").report).map(\.line) == lines)
    }
}
