import Testing
@testable import ImportLintCore

/// A header copy among the records is one repeated-header finding and nothing else; a record that only
/// shares a cell or two with the header is data.
@Suite struct RepeatedHeaderTests {
    func lint(_ text: String) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = "4me-people"
        return try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
    }

    @Test func headerCopyIsOneFindingAndItsCellsAreNotJudgedAsValues() throws {
        let found = try lint("Name,Primary Email\nAnn,ann@example.com\n\u{FEFF}Name,Primary Email\nBob,bob@example.com\n")
        #expect(found.map(\.rule) == ["repeated-header"])
        #expect(found.first?.line == 3)
    }

    @Test func recordSharingHeaderNamesInSomeCellsIsData() throws {
        let found = try lint("Name,Primary Email\nName,Primary Email x\nAnn,Primary Email\n")
        #expect(!found.contains { $0.rule == "repeated-header" })
        #expect(found.contains { $0.rule == "invalid-email" })
    }
}
