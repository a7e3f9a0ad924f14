import Testing
@testable import ImportLintCore

/// A MySQL or PostgreSQL text export is told by its '\N' cells; only then are backslashes escapes.
@Suite struct BackslashEscapeTests {
    static func lint(_ text: String) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = "4me-people"
        return try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.tsv")).report.diagnostics
    }

    static let header = "Primary Email\tName\tJob Title\tLocation\n"

    @Test func escapesAreReportedOnceAFileHasSQLNulls() throws {
        let found = try Self.lint(Self.header + "ann@widget.com\tAnn Lee\tSales\\tNorth\t\\N\nbob@widget.com\tBob Ray\tIT\tCORP\\\\bray\n")
        let escapes = found.filter { $0.rule == "backslash-escape" }
        #expect(escapes.map(\.line) == [2, 3])
        #expect(escapes.first?.message.contains("for a tab") == true)
        #expect(escapes.last?.message.contains("for a backslash") == true)
        #expect(found.contains { $0.rule == "placeholder-value" && $0.line == 2 })
    }

    /// Without a '\N' cell a backslash is text: a domain account 'CORP\nancy' is not a line break.
    @Test func backslashesInAFileWithoutSQLNullsAreText() throws {
        let found = try Self.lint(Self.header + "ann@widget.com\tAnn Lee\tSales\tCORP\\nancy\n")
        #expect(!found.contains { $0.rule == "backslash-escape" })
    }

    /// Escapes are read from the left: '\\n' is an escaped backslash and the letter n; the '\N' cell itself
    /// is placeholder-value's finding alone.
    @Test func anEscapedBackslashIsReadFirst() throws {
        let found = try Self.lint(Self.header + "ann@widget.com\tAnn Lee\t\\N\tA\\\\nB\n")
        let escapes = found.filter { $0.rule == "backslash-escape" }
        #expect(escapes.count == 1 && escapes[0].message.contains("for a backslash"))
    }

    /// Selected alone, the rule still finds the '\N' cells it needs.
    @Test func selectedAloneItStillReports() throws {
        var options = LintOptions(selection: RuleSelection(select: ["backslash-escape"]))
        options.profile = "4me-people"
        let text = Self.header + "ann@widget.com\tAnn Lee\tSales\\tNorth\t\\N\n"
        let found = try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.tsv")).report.diagnostics
        #expect(found.map(\.rule) == ["backslash-escape"])
    }
}
