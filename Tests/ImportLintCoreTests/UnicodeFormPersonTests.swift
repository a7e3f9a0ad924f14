import Testing
@testable import ImportLintCore

/// A Person that matches an earlier group's or a people file's only in another Unicode form (NFC and
/// decomposed) is worded so and at most a warning (no target documents comparing text in NFC); matches as
/// written keep their verdicts.
@Suite struct UnicodeFormPersonTests {
    static let decomposed = "jose\u{301}@widget.com"

    static func findings(_ rule: RuleDescriptor, persons: [String], options: LintOptions = LintOptions()) throws -> [Diagnostic] {
        let rows = persons.map { "\($0)\ttelephone\twork\t+34912345678\t1\n" }.joined()
        let text = "Person\tContact Protocol\tContact Label\tContact URI\tIntegration\n" + rows
        return try FixHarness.lint(Array(text.utf8), name: "c.tsv", options: options).diagnostics.filter { $0.rule == rule.name }
    }

    @Test func separateGroupInOtherFormIsAWarningWithoutFix() throws {
        let found = try Self.findings(.ungroupedContactRows, persons: ["josé@widget.com", "ann@widget.com", Self.decomposed])
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.fix == nil)
        #expect(found.first?.message.contains("in another Unicode form") == true, "\(found.map(\.message))")
    }

    @Test func separateGroupInOtherCaseStaysAnError() throws {
        let found = try Self.findings(.ungroupedContactRows, persons: ["josé@widget.com", "ann@widget.com", "JOSÉ@widget.com"])
        #expect(found.count == 1)
        #expect(found.first?.severity == .error)
        #expect(found.first?.fix != nil)
    }

    @Test func adjacentRowsInTwoFormsAreOneGroup() throws {
        #expect(try Self.findings(.ungroupedContactRows, persons: ["josé@widget.com", Self.decomposed, "ann@widget.com"]).isEmpty)
    }

    static func references(people: String) throws -> LintOptions {
        var options = LintOptions()
        let contacts = InputFile.bytes(Array("Person\tContact Protocol\tContact Label\tContact URI\tIntegration\n".utf8), displayPath: "c.tsv")
        let file = InputFile.bytes(Array("Primary Email\tName\n\(people)\tJosé\n".utf8), displayPath: "people.tsv")
        options.references = try ReferenceSet.resolve(for: [contacts], explicitSources: [file], profile: nil)
        return options
    }

    @Test func personInOtherFormThanThePeopleFileIsAWarning() throws {
        let found = try Self.findings(.unknownPersonReference, persons: [Self.decomposed, "JOSÉ@widget.com", "josef@widget.com"],
                                      options: Self.references(people: "josé@widget.com"))
        #expect(found.map(\.line) == [2, 4], "the other case matches as written; josef is unknown")
        #expect(found.map(\.severity) == [.warning, .error])
        #expect(found.first?.message.contains("only in another Unicode form") == true, "\(found.map(\.message))")
    }
}
