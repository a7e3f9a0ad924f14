import Testing
@testable import ImportLintCore

/// Shapes of real exports the trust sweep met: Zawgyi Burmese, a second export appended in another column
/// order.
@Suite struct ExportShapeTests {
    static func lint(_ text: String) throws -> [Diagnostic] {
        try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.tsv")).report.diagnostics
    }

    @Test func zawgyiIsToldFromUnicodeBurmese() {
        #expect(ZawgyiText.check("\u{1031}\u{1021}\u{102C}\u{1004}\u{1039}") != nil)   // ေအာင္
        #expect(ZawgyiText.check("\u{1021}\u{1031}\u{102C}\u{1004}\u{103A}") == nil)   // အောင်
        #expect(ZawgyiText.check("\u{101E}\u{1004}\u{103A}\u{1039}\u{1000}\u{103B}\u{1014}\u{103A}") == nil)  // kinzi
        #expect(ZawgyiText.check("\u{1019}\u{1004}\u{1039}") != nil)
    }

    /// Selected alone, zawgyi-text still runs: the value rules' text checks report it.
    @Test func zawgyiSelectedAloneIsReported() throws {
        let text = "First Name,Last Name,Email\n\u{1031}\u{1021}\u{102C}\u{1004}\u{1039},Lee,ann@example.com\n"
        let found = try Linter(options: LintOptions(selection: RuleSelection(select: ["zawgyi-text"])))
            .lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
        #expect(found.map(\.rule) == ["zawgyi-text"])
    }

    @Test func anAppendedHeaderInAnotherOrderIsReportedWithoutAFix() throws {
        let text = "First Name,Last Name,Email\r\nAnn,Lee,ann@example.com\r\n\u{FEFF}Email,First Name,Last Name\r\nbob@example.com,Bob,Ray\r\n"
        let found = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
        let copy = try #require(found.first { $0.rule == "repeated-header" })
        #expect(copy.line == 3 && copy.fix == nil && copy.message.contains("another column order"))
        #expect(!found.contains { $0.line == 3 && $0.rule != "repeated-header" })
    }
}
