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

    /// A backslash the export doubled is halved once: the lint of the output, which still takes the file
    /// for an export, offers no fix again ('\\\\fs01' became '\\fs01', not '\fs01').
    @Test func fixHalvesDoubledBackslashesOnce() throws {
        let text = Self.header + "ann@widget.com\tAnn Lee\tClerk\t\\N\t\\\\\\\\fs01\\\\home\n"
        var options = FixOptions()
        options.unsafeFixes = true
        let (_, written) = try FixHarness.fix(Array(text.utf8), name: "t.tsv", options: options)
        let output = String(decoding: try #require(written), as: UTF8.self)
        #expect(output.hasSuffix("ann@widget.com\tAnn Lee\tClerk\t\t\\\\fs01\\home\n"), "\(output)")
    }

    /// mysql's batch output (mysql -B): NULL written 'NULL', no quoting, every backslash one of its four
    /// escapes. Its escaped cells are reported, once each, one piece or two, with no fix: the file only reads
    /// as such output, and its 'NULL' cells stay after a fix, so a second `fix` would halve '\\' again.
    @Test func mysqlBatchOutputIsReported() throws {
        let text = Self.header
            + "ann@widget.com\tAnn Lee\tSales\\tMarketing\tNULL\t\\\\\\\\fs01\\\\home\n"
            + "bob@widget.com\tBob Ray\tClerk\tann@widget.com\tFloor 1\\nDesk 4\n"
        let found = Self.escapes(try Self.lint(text))
        #expect(found.map(\.field) == ["Job Title", "Location", "Location"])
        #expect(found.allSatisfy { $0.message.contains("mysql's batch mode") })
        #expect(found.allSatisfy { $0.fix == nil })
        var long = text
        for i in 0..<3_000 { long += "p\(i)@widget.com\tPerson \(i)\tClerk\t\tRoom \(i)\n" }
        #expect(try Self.lint(long, threads: 2) == (try Self.lint(long)))
    }

    /// What sqlcmd or bcp write (NULL too, backslashes as typed) is not mysql's batch output: a backslash
    /// before another letter ('DOMAIN\jruiz', '\\fs01\home'), a quoted cell, or a comma-separated file.
    @Test func realBackslashesBesideNullAreText() throws {
        let typed = Self.header + "ann@widget.com\tAnn Lee\tClerk\tNULL\t\\\\fs01\\home\n"
            + "bob@widget.com\tBob Ray\tCORP\\tom\tann@widget.com\tRoom 1\n"
        #expect(Self.escapes(try Self.lint(typed)).isEmpty)
        let quoted = Self.header + "ann@widget.com\t\"Lee, Ann\"\tClerk\tNULL\tCORP\\tom\n"
        #expect(Self.escapes(try Self.lint(quoted)).isEmpty)
        let comma = "Primary Email,Name,Job Title,Manager,Location\nann@widget.com,Ann Lee,Clerk,NULL,CORP\\tom\n"
        #expect(Self.escapes(try TestSupport.lint(comma, name: "t.csv").report.diagnostics).isEmpty)
    }
}
