import Testing
@testable import ImportLintCore

/// Shapes of real exports the trust sweep met: MySQL/PostgreSQL text escapes, Zawgyi Burmese, a second
/// export appended in another column order.
@Suite struct ExportShapeTests {
    static func lint(_ text: String) throws -> [Diagnostic] {
        try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.tsv")).report.diagnostics
    }

    @Test func backslashEscapesNeedTheExportsNullMark() throws {
        let row = "ann@widget.com\tAnn Lee\tSales\\tEMEA\tRoom 2\\\\3\n"
        let header = "Primary Email\tName\tJob Title\tLocation\n"
        let marked = try Self.lint(header + row + "bob@widget.com\tBob Ray\tEngineer\t\\N\n").filter { $0.rule == "backslash-escape" }
        #expect(marked.map(\.field) == ["Job Title", "Location"])
        #expect(marked.map { $0.fix?.replacement } == ["Sales\tEMEA", "Room 2\\3"])
        #expect(marked.allSatisfy { $0.fix?.applicability == .unsafe && $0.severity == .warning })
        #expect(try Self.lint(header + row).allSatisfy { $0.rule != "backslash-escape" })
        // A cell of '\n' alone is placeholder-value's finding (it reads as '\N'), not a second one here.
        let alone = try Self.lint(header + "carl@widget.com\tCarl Oz\t\\n\t\\N\n").filter { $0.line == 2 }
        #expect(alone.map(\.rule) == ["placeholder-value", "placeholder-value"])
    }

    @Test func aBackslashTheExportWouldNotWriteIsText() {
        #expect(BackslashEscapeRule.unescaped("CONTOSO\\jdoe") == nil)
        #expect(BackslashEscapeRule.unescaped("C:\\temp\\x") == nil)
        #expect(BackslashEscapeRule.unescaped("ends\\") == nil)
        #expect(BackslashEscapeRule.unescaped("plain") == nil)
        #expect(BackslashEscapeRule.unescaped("a\\nb\\rc\\\\d\\te") == "a\nb\rc\\d\te")
    }

    @Test func zawgyiIsToldFromUnicodeBurmese() {
        #expect(ZawgyiText.check("\u{1031}\u{1021}\u{102C}\u{1004}\u{1039}") != nil)   // ေအာင္
        #expect(ZawgyiText.check("\u{1021}\u{1031}\u{102C}\u{1004}\u{103A}") == nil)   // အောင်
        #expect(ZawgyiText.check("\u{101E}\u{1004}\u{103A}\u{1039}\u{1000}\u{103B}\u{1014}\u{103A}") == nil)  // kinzi
        #expect(ZawgyiText.check("\u{1019}\u{1004}\u{1039}") != nil)
    }

    @Test func anAppendedHeaderInAnotherOrderIsReportedWithoutAFix() throws {
        let text = "First Name,Last Name,Email\r\nAnn,Lee,ann@example.com\r\n\u{FEFF}Email,First Name,Last Name\r\nbob@example.com,Bob,Ray\r\n"
        let found = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
        let copy = try #require(found.first { $0.rule == "repeated-header" })
        #expect(copy.line == 3 && copy.fix == nil && copy.message.contains("another column order"))
        #expect(!found.contains { $0.line == 3 && $0.rule != "repeated-header" })
    }
}
