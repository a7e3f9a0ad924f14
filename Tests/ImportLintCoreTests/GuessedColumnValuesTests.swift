import Foundation
import Testing
@testable import ImportLintCore

/// A header that only may stand for a column (a guessed alias, renamed only by an unsafe fix) names a
/// column the import drops: its values are not judged as that column's until it is renamed, and
/// `fix --unsafe-fixes`, which renames it, judges them in the lint of the written file.
@Suite struct GuessedColumnValuesTests {
    static let receptionist = "First Name,Last Name,Email,Location\nAsha,Rao,asha.rao@widget.com,Pune\nRavi,Iyer,ravi.iyer@widget.com,Navi Mumbai\n"

    static func rules(_ text: String, name: String) throws -> [String] {
        try FixHarness.lint(Array(text.utf8), name: name).diagnostics.map(\.rule)
    }

    /// A directory's Location ('Pune') under a guessed Location Slug: the header finding, no slug errors.
    @Test func placeNamesUnderAGuessedSlugColumnAreNotSlugErrors() throws {
        let rules = try Self.rules(Self.receptionist, name: "r.csv")
        #expect(rules.contains(RuleDescriptor.unknownColumn.name))
        #expect(!rules.contains(RuleDescriptor.invalidLocationSlug.name), "\(rules)")
    }

    /// An identity provider's object IDs under 'id' (a guess at 4me's ID) are not 'not a whole number'.
    @Test func objectIDsUnderAGuessedIDColumnAreNotNumberErrors() throws {
        let text = "id,Primary Email,Name\n0f8fad5b-d9cb-469f-a165-70867728950e,ann@widget.com,Ann Lee\n"
        let rules = try Self.rules(text, name: "p.csv")
        #expect(rules == [RuleDescriptor.unknownColumn.name], "\(rules)")
    }

    /// Found in review: the identity rules judged them too. Object IDs repeated under 'id' are no duplicate
    /// 4me ID (the import drops the column and matches the rows by Primary Email), and the rows are not
    /// 'matched by ID'; renamed to ID (`fix --unsafe-fixes`), the same values are duplicates.
    @Test func repeatedObjectIDsUnderAGuessedIDColumnAreNoDuplicates() throws {
        let text = "id,Primary Email,Name,Source,Source ID\n,ann@widget.com,Ann Lee,,\n"
            + "0f8fad5b-d9cb-469f-a165-70867728950e,bob@widget.com,Bob Ray,,\n0f8fad5b-d9cb-469f-a165-70867728950e,cy@widget.com,Cy Dee,,\n"
        let report = try FixHarness.lint(Array(text.utf8), name: "p.csv")
        #expect(!report.diagnostics.contains { $0.rule == RuleDescriptor.duplicateIdentifier.name }, "\(report.diagnostics.map(\.message))")
        #expect(!report.diagnostics.contains { $0.message.contains("matched by ID") }, "\(report.diagnostics.map(\.message))")
        let renamed = try FixHarness.lint(Array(("ID" + text.dropFirst(2)).utf8), name: "p.csv")
        #expect(renamed.diagnostics.contains { $0.rule == RuleDescriptor.duplicateIdentifier.name })
    }

    /// A misspelt header (a near miss, also an unsafe rename) is the column's all the same: its values
    /// are judged.
    @Test func nearMissHeadersStillHaveTheirValuesJudged() throws {
        let text = "Primary Emial,Name\nann(at)widget.com,Ann Lee\n"
        #expect(try Self.rules(text, name: "p.csv").contains(RuleDescriptor.invalidEmail.name))
    }

    /// Without --unsafe-fixes nothing in the column changes; with it the header is renamed and the lint
    /// of the written file judges (and fixes, unsafely) the values, as a file named so from the start.
    @Test func unsafeFixesRenameThenJudgeTheValues() throws {
        let (safe, safeBytes) = try FixHarness.fix(Array(Self.receptionist.utf8), name: "r.csv", options: FixOptions())
        #expect(String(decoding: try #require(safeBytes), as: UTF8.self) == Self.receptionist)
        #expect(safe.report.remaining.map(\.rule) == [RuleDescriptor.unknownColumn.name])
        var options = FixOptions()
        options.unsafeFixes = true
        let (_, written) = try FixHarness.fix(Array(Self.receptionist.utf8), name: "r.csv", options: options)
        #expect(String(decoding: try #require(written), as: UTF8.self)
            == "First Name,Last Name,Email,Location Slug\nAsha,Rao,asha.rao@widget.com,pune\nRavi,Iyer,ravi.iyer@widget.com,navi-mumbai\n")
    }
}
