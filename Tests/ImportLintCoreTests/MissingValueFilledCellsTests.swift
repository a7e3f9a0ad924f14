import Testing
@testable import ImportLintCore

/// missing-value skips the required cells the value rules found filled (`FilledCells`); with the value
/// rules deselected it looks at every cell itself. Both must report the same cells.
@Suite struct MissingValueFilledCellsTests {
    /// Required cells (Primary Email, Name) empty, blank, padded, placeholders, and filled values that start
    /// like a placeholder ('Tom', 'nina@', 'N/A Corp') or with accents, in ASCII and non-ASCII records.
    private static let text = """
        Primary Email,Name,Organization,Locale
        ann@widget.com,Ann Lee,Widget,en-US
        ,Bob Ray,Widget,nl
        carl@widget.com,,Widget,nl
        \t ,  ,Widget,nl
        N/A,NULL,Widget,en-GB
        tom@widget.com,Tom Ng,Widget,en-US
        nina@widget.com,Nina,Widget,nl
        una@widget.com,N/A Corp Name,Widget,nl
        zoë@widget.com,Zoë Ünal,Wídget,nl
        ümit@widget.com, Ümit ,Widget,nl
        -,-,Widget,nl
        "",none,Widget,nl
        ?,TBD,Widget,nl
        x@widget.com,n,Widget,nl

        """

    private func missingValues(_ selection: RuleSelection) throws -> [String] {
        let report = try TestSupport.lint(Self.text, options: LintOptions(selection: selection)).report
        return report.diagnostics.filter { $0.code == RuleDescriptor.missingValue.code }.map { "\($0.line):\($0.column) \($0.message)" }
    }

    @Test func sameFindingsWithAndWithoutTheValueRules() throws {
        let alone = try missingValues(RuleSelection(select: ["VAL001"]))
        #expect(alone.count >= 8, "\(alone)")
        #expect(try missingValues(RuleSelection()) == alone)
    }
}
