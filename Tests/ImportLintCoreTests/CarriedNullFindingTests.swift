import Testing
@testable import ImportLintCore

/// The lint of `fix`'s output hands on the findings of records written as read (`CarryTurns`) as their
/// parts, with no `Diagnostic` made of each; a carried finding on a '\N' cell must still tell the sink the
/// file is a SQL text export, or `backslash-escape` would go unreported in the output.
@Suite struct CarriedNullFindingTests {
    @Test func aCarriedNullCellStillShowsTheExport() throws {
        var text = BackslashEscapeTests.header
        // The '\N' (placeholder-value, whose fix is unsafe) is on a record written as read, whose findings
        // are carried; the escape is on another; a safe fix (the name's spaces) changes a third.
        text += "ann@widget.com\tAnn Lee\tClerk\t\t\\N\n"
        text += "bob@widget.com\tBob Ray\tSales\\tMarketing\t\tRoom 2\n"
        text += "eve@widget.com\t  Eve Poe\tClerk\t\tRoom 3\n"
        for i in 0..<40 { text += "p\(i)@widget.com\tPerson \(i)\tClerk\t\tRoom \(i)\n" }
        let (outcome, _) = try FixHarness.fix(Array(text.utf8), name: "t.tsv", options: FixOptions())
        #expect(outcome.report.summary.fixesApplied == 1)
        let remaining = outcome.report.remaining
        #expect(remaining.contains { $0.rule == RuleDescriptor.placeholderValue.name && $0.line == 2 })
        #expect(remaining.filter { $0.rule == RuleDescriptor.backslashEscape.name }.map(\.line) == [3], "\(remaining.map(\.message))")
        try FixUnchangedRecordsTests.expectSameFix(Array(text.utf8), name: "t.tsv", options: FixOptions(), "carried '\\N'")
    }
}

