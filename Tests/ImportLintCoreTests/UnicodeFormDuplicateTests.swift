import Testing
@testable import ImportLintCore

/// A case-insensitive key is compared in NFC: a repeat written in the other Unicode form is a warning (no
/// target documents comparing text in NFC), one that differs only in case stays an error.
@Suite struct UnicodeFormDuplicateTests {
    static func duplicates(_ second: String) throws -> [Diagnostic] {
        let text = "Primary Email\tName\njosé@widget.com\tJosé\n\(second)\tJosé\n"
        return try FixHarness.lint(Array(text.utf8), name: "p.tsv").diagnostics.filter { $0.rule == RuleDescriptor.duplicateIdentifier.name }
    }

    @Test func decomposedRepeatIsAWarningSayingSo() throws {
        let found = try Self.duplicates("jose\u{301}@widget.com")
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("another Unicode form") == true, "\(found.map(\.message))")
    }

    @Test func repeatInOtherCaseStaysAnError() throws {
        let found = try Self.duplicates("JOSÉ@widget.com")
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("already appears on line 2") == true, "\(found.map(\.message))")
    }
}
