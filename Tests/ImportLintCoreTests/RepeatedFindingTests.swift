import Testing
@testable import ImportLintCore

/// A value repeated down a column takes the finding content kept for its first cell (`RecentFindings`);
/// each cell must still get exactly the findings it gets when it is the only one.
@Suite struct RepeatedFindingTests {
    static let header = "Primary Email\tName\tLocale\tTime Zone\n"
    /// Locales and time zones repeated, the same bytes in two columns, padded copies of a repeated value
    /// (their findings quote the cell as it is), and more distinct values than `RecentFindings` holds.
    static let rows: [String] = {
        var rows: [String] = []
        let locales = ["en-GB", "pt-BR", "en-GB", " en-GB", "en-GB ", "en-GB", "pt-BR", "=1+2", "en-GB", "xx_YY"]
        for (i, locale) in locales.enumerated() {
            rows.append("p\(i)@widget.com\tPerson \(i)\t\(locale)\t\(i % 3 == 0 ? "en-GB" : "Mars/Olympus")")
        }
        for i in 0..<40 { rows.append("q\(i)@widget.com\tQ \(i)\tzz-\(i % 20)\tMars/Olympus") }
        for i in 0..<6 { rows.append("r\(i)@widget.com\tR \(i)\ten-GB\tMars/Olympus") }
        return rows
    }()

    static func lint(_ text: String, _ options: LintOptions = Self.options) throws -> [Diagnostic] {
        try TestSupport.lint(text, name: "people.tsv", options: options).report.diagnostics
    }

    static let options: LintOptions = {
        var options = LintOptions()
        options.profile = "4me-people"
        return options
    }()

    static func valueFindings(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code.hasPrefix("VAL") || $0.code.hasPrefix("TXT") || $0.rule == "formula-injection" }
    }

    @Test func eachCellGetsTheFindingsItGetsAlone() throws {
        let whole = Self.valueFindings(try Self.lint(Self.header + Self.rows.joined(separator: "\n") + "\n"))
        var alone: [Diagnostic] = []
        for (i, row) in Self.rows.enumerated() {
            for var d in Self.valueFindings(try Self.lint(Self.header + row + "\n")) {
                d.line += i
                d.record = d.record.map { $0 + i }
                alone.append(d)
            }
        }
        #expect(whole.count > Self.rows.count)
        #expect(whole.filter { $0.code == "VAL005" }.count >= 12)
        #expect(whole == alone)
        #expect(whole.map(\.values) == alone.map(\.values))
    }

    /// Generated rows drawn from a few values each, so that cells with findings repeat in every column and
    /// context (padded, formula-like, too long for the memo, in records with and without a '?' or accents):
    /// each cell gets exactly the findings it gets alone, so a repeat answered from the memo of known
    /// cells (`ValueRulesRule.findingCells`) agrees with the full path.
    @Test func generatedRepeatsGetTheFindingsTheyGetAlone() throws {
        var rng = SeededRNG(seed: 0x5EED_0F_F1ED)
        let locales = ["en-GB", "pt-BR", "en-GB", "en-US", "de", " en-GB", "en-GB ", "=en-GB", "en-G?", "xx_YY", "N/A",
                       String(repeating: "en-GB-", count: 12), "zz-\u{301}"]
        let zones = ["Amsterdam", "Mars/Olympus", "Mars/Olympus ", "UTC+1", "Europe/Lisbon", "?", "-"]
        let names = ["Ann Lee", "Jos? Lee", "José Lee", "Zoë", "CN=Ann,OU=People"]
        let rows = (0..<240).map { i in
            "p\(i)@widget.com\t\(rng.pick(names))\t\(rng.pick(locales))\t\(rng.pick(zones))"
        }
        let whole = Self.valueFindings(try Self.lint(Self.header + rows.joined(separator: "\n") + "\n"))
        var alone: [Diagnostic] = []
        for (i, row) in rows.enumerated() {
            for var d in Self.valueFindings(try Self.lint(Self.header + row + "\n")) {
                d.line += i
                d.record = d.record.map { $0 + i }
                alone.append(d)
            }
        }
        #expect(whole.filter { $0.code == "VAL005" }.count > 60)
        #expect(whole == alone)
        #expect(whole.map(\.values) == alone.map(\.values))
    }

    /// A report's findings tallied in runs of one rule count as they do one by one.
    @Test func tallyOfAReportEqualsTallyOfEachFinding() throws {
        let diagnostics = try Self.lint(Self.header + Self.rows.joined(separator: "\n") + "\n")
        #expect(Set(diagnostics.map(\.code)).count > 3)
        var one = FindingTally()
        for d in diagnostics { one.add(d) }
        var runs = FindingTally()
        runs.add(diagnostics)
        #expect(one == runs)
        #expect(runs.count == diagnostics.count)
    }

    /// Suppressed findings of a repeated value are dropped at every cell, the others kept.
    @Test func suppressionsApplyToEveryRepeat() throws {
        let text = Self.header + Self.rows.joined(separator: "\n") + "\n"
        let all = try Self.lint(text)
        // The entry `baseline` writes for the first 'en-GB' locale finding accepts every finding equal to it.
        let first = try #require(all.firstIndex { $0.code == "VAL005" && $0.values.first == "en-GB" })
        let entries = Suppressions.entries(for: [FileReport(path: "people.tsv", profile: nil, encoding: "UTF-8", delimiter: "\t",
                                                            records: 0, diagnostics: [all[first]], clusters: nil)], salt: nil)
        var options = Self.options
        options.suppressions = SuppressionFilter(entries, salt: nil)
        let suppressed = try Self.lint(text, options)
        let filter = SuppressionFilter(entries, salt: nil)
        let expected = all.filter { !filter.suppresses($0, path: "people.tsv") }
        #expect(expected.count < all.count - 8)
        #expect(suppressed == expected)
    }
}
