import Foundation
import Testing
@testable import ImportLintCore

/// A fix never creates a cell a spreadsheet would run (issue 11, item 7): trimming ` =HYPERLINK(…)` or
/// removing the zero-width space of `\u{200B}=1+1` is withheld, and the finding says why.
@Suite struct FormulaGuardTests {
    static let csv = "Primary Email,Name,Job Title\n"
        + "ann@widget.test,\" =HYPERLINK(\"\"http://evil.test\"\";\"\"x\"\")\",Clerk\n"
        + "bob@widget.test,\u{200B}=1+1,Clerk\n"
        + "cy@widget.test,\u{200B}Cy,  Clerk\n"
        + "dee@widget.test, +1 713 441 8299,-12\n"

    @Test func findingsSayWhyAndOfferNoFix() throws {
        let result = try TestSupport.lint(Self.csv)
        // Trimming (surrounding-whitespace) and removing the zero-width space (invisible-character) are withheld.
        let withheld = result.report.diagnostics.filter { $0.message.contains("not fixed:") || $0.message.contains("not removed automatically:") }
        #expect(withheld.count == 2, "\(result.report.diagnostics.map(\.message))")
        #expect(withheld.allSatisfy { $0.fix == nil && $0.message.contains("a spreadsheet") && $0.message.contains("formula") })
        #expect(!result.report.diagnostics.contains { $0.rule == "formula-injection" })
        // Harmless fixes stay: the zero-width space before 'Cy', the spaces around 'Clerk', the phone's space.
        #expect(result.report.diagnostics.filter { $0.fix != nil }.count >= 3)
    }

    @Test func fixLeavesTheCellsAndCreatesNoFormula() throws {
        let dir = try TestSupport.temporaryDirectory()
        let input = try TestSupport.write(Self.csv, to: dir.appendingPathComponent("people.csv"))
        let outcome = try Fixer(options: FixOptions()).fix(.path(input.path), temporaryDirectory: dir.path)
        let output = try String(contentsOfFile: try #require(outcome.temporaryPath), encoding: .utf8)
        #expect(output.contains("ann@widget.test,\" =HYPERLINK(\"\"http://evil.test\"\";\"\"x\"\")\",Clerk\n"), "\(output)")
        #expect(output.contains("bob@widget.test,\u{200B}=1+1,Clerk\n"), "\(output)")
        #expect(output.contains("cy@widget.test,Cy,Clerk\n"), "\(output)")
        #expect(output.contains("dee@widget.test,+1 713 441 8299,-12\n"), "\(output)")
        let after = try TestSupport.lint(output)
        #expect(!after.report.diagnostics.contains { $0.rule == "formula-injection" })
        #expect(outcome.report.summary.converged)
    }

    /// Organization variants whose canonical spelling would be written as a formula offer no fix (found by
    /// FixPropertyTests: the canonical '\u{A0}@SUM(A1)' is trimmed to '@SUM(A1)' when written).
    @Test func clusterFixesCreateNoFormula() throws {
        let csv = "Primary Email,Name,Organization\na@widget.test,Ann,\u{A0}@SUM(A1)\nb@widget.test,Bob,\u{A0}@SUM(A1)\n"
            + "c@widget.test,Cy,\u{A0}@SUM(A1)\u{A0}\nd@widget.test,Di, =1+1\ne@widget.test,Ed, =1+1\nf@widget.test,Fe,=1+1 \n"
        let variants = try TestSupport.lint(csv).report.diagnostics.filter { $0.rule == "organization-variants" }
        #expect(!variants.isEmpty)
        #expect(variants.allSatisfy { $0.fix == nil && $0.message.contains("not fixed:") }, "\(variants.map(\.message))")
    }

    /// The fixer's own trimming is guarded too, for a cell no finding offered to fix.
    @Test func trimmingAloneIsGuarded() {
        #expect(FormulaGuard.creates(original: " =1+1", replacement: " =1+1"))
        #expect(FormulaGuard.creates(original: "\u{200B}@SUM(A1)", replacement: "@SUM(A1)"))
        #expect(!FormulaGuard.creates(original: "=1+1", replacement: "=1+1"))
        #expect(!FormulaGuard.creates(original: " +31 20 123 4567", replacement: "+31 20 123 4567"))
        #expect(!FormulaGuard.creates(original: " @jdoe", replacement: "@jdoe"))
    }
}
