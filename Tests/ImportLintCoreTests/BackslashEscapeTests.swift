import Testing
@testable import ImportLintCore

/// backslash-escape: the escapes of a MySQL or PostgreSQL text export, reported only in a file whose '\N'
/// cells show it is one, once per cell; `fix` keeps reporting them after --unsafe-fixes empties the '\N's.
@Suite struct BackslashEscapeTests {
    static let header = "Primary Email\tName\tJob Title\tManager\tLocation\n"

    /// With `threads` 2 the file is read in two parts at once, whatever its size.
    static func lint(_ text: String, threads: Int = 1) throws -> [Diagnostic] {
        var options = LintOptions()
        (options.threadsPerFile, options.splitMinimumBytes) = (threads, 1)
        return try TestSupport.lint(text, name: "t.tsv", options: options).report.diagnostics
    }

    static func escapes(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == RuleDescriptor.backslashEscape.name }
    }

    @Test func eachEscapedCellIsOneFindingNamingItsEscapes() throws {
        let text = Self.header + "ann@widget.com\tAnn Lee\tSales\\tMarketing\\\\EU\t\\N\tRoom 1\n"
            + "bob@widget.com\tBob Ray\tDev\\\\Ops\tann@widget.com\t\\N\n"
        let found = Self.escapes(try Self.lint(text))
        #expect(found.map(\.field) == ["Job Title", "Job Title"])
        let mixed = try #require(found.first)
        #expect(mixed.message.contains("'\\t' for a tab, '\\\\' for one backslash"), "\(mixed.message)")
        #expect(mixed.message.contains("4me documents no escapes") && mixed.fix == nil)
        let backslashes = try #require(found.last)
        #expect(backslashes.fix?.applicability == .unsafe && backslashes.fix?.replacement == "Dev\\Ops")
    }

    /// Without a '\N' cell nothing is read again: a Windows path or a typed backslash is text.
    @Test func backslashesWithoutSQLNullAreText() throws {
        let text = Self.header + "ann@widget.com\tAnn Lee\tSales\\tMarketing\tann@widget.com\t\\\\fs01\\home\n"
        #expect(Self.escapes(try Self.lint(text)).isEmpty)
    }

    /// A quoted cell is CSV, '\N' alone is placeholder-value's, and '\N' inside text or an unknown escape
    /// ('\s') is no escape these exports write.
    @Test func quotedCellsSQLNullAndOtherBackslashesAreNotReported() throws {
        let text = "Primary Email,Name,Job Title,Location\nann@widget.com,Ann Lee,\"Sales\\tDirector\",\\N\n"
            + "bob@widget.com,Bob Ray,Room \\N2,C:\\share\n"
        let found = try Self.lint(text)
        #expect(Self.escapes(found).isEmpty)
        #expect(found.contains { $0.rule == RuleDescriptor.placeholderValue.name })
    }

    /// A '\N' in a required column is reported by missing-value: it is evidence too.
    @Test func sqlNullInARequiredColumnCounts() throws {
        let text = Self.header + "ann@widget.com\t\\N\tSales\\tMarketing\t\t\n"
        let found = try Self.lint(text)
        #expect(found.contains { $0.rule == RuleDescriptor.missingValue.name })
        #expect(Self.escapes(found).count == 1)
    }

    /// Read in two parts at once, with the '\N' in the later part and the escape in the earlier, the file
    /// gives what it gives read in one.
    @Test func twoPartsAgreeWithOne() throws {
        var text = Self.header + "p0@widget.com\tPerson 0\tSales\\tMarketing\t\tRoom 1\n"
        for i in 1..<3_000 { text += "p\(i)@widget.com\tPerson \(i)\tClerk\t\tRoom \(i)\n" }
        text += "last@widget.com\tLast\tClerk\t\\N\tRoom 9\n"
        let one = try Self.lint(text)
        #expect(Self.escapes(one).count == 1)
        #expect(try Self.lint(text, threads: 2) == one)
    }

    /// --unsafe-fixes empties the '\N' cells (placeholder-value) and halves '\\'; the tab escape, which
    /// has no fix, is still reported among the remaining findings, though no '\N' is left to show the export.
    @Test func fixStillReportsEscapesAfterEmptyingSQLNull() throws {
        let text = Self.header + "ann@widget.com\tAnn Lee\tSales\\tMarketing\t\\N\tDev\\\\Ops\n"
        var options = FixOptions()
        options.unsafeFixes = true
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "t.tsv", options: options)
        let output = String(decoding: try #require(written), as: UTF8.self)
        #expect(output.hasSuffix("ann@widget.com\tAnn Lee\tSales\\tMarketing\t\tDev\\Ops\n"), "\(output)")
        let remaining = Self.escapes(outcome.report.remaining)
        #expect(remaining.map(\.field) == ["Job Title"], "\(outcome.report.remaining.map(\.message))")
        #expect(remaining.first?.message.contains("the file fixed into it had '\\N' cells") == true)
    }
}
