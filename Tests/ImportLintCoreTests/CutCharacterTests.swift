import Foundation
import Testing
@testable import ImportLintCore

/// A UTF-8 value cut short inside a letter at a byte limit (fixtures/invalid-utf8/trigger-cut-in-letter.csv,
/// written by Scripts/make-legacy-fixtures.py): named as a cut, not as a code page, and no fix of the cut
/// cell's text is safe.
@Suite struct CutCharacterTests {
    static func diagnostics() throws -> [Diagnostic] {
        let url = FixtureTests.root.appendingPathComponent("invalid-utf8/trigger-cut-in-letter.csv")
        return try FixHarness.lint([UInt8](try Data(contentsOf: url)), name: "cut.csv", options: LintOptions()).diagnostics
    }

    @Test func cutValueIsNamedAndItsCellFixesAreUnsafe() throws {
        let found = try Self.diagnostics()
        let invalid = found.filter { $0.rule == "invalid-utf8" }
        #expect(invalid.map(\.line) == [2, 3, 5], "\(invalid.map(\.message))")
        let cuts = invalid.filter { $0.message.contains("cut short inside a letter") }
        #expect(cuts.map(\.line) == [2, 3] && cuts.allSatisfy { $0.field == "Business Title" && !$0.message.contains("windows-1252") })
        // Windows-1252's 'é' ends a cell of an ASCII line: a lead byte too, but no cut.
        #expect(invalid.last?.message.contains("as windows-1252: 'é'") == true)
        // One cut and one code-page line: no file-level finding that the file may be in a code page.
        #expect(!invalid.contains { $0.message.contains("lines are not UTF-8") })
        let trims = found.filter { $0.rule == "surrounding-whitespace" }
        #expect(trims.map(\.line) == [3, 4])
        #expect(trims.first?.fix?.applicability == .unsafe && trims.first?.fix?.description.contains("cut short") == true)
        #expect(trims.last?.fix?.applicability == .safe)
    }

    /// `fix` refuses the cut line even with --unsafe-fixes: no code page gives the lost end of the value.
    @Test func fixRefusesTheCutLineNamingTheCut() throws {
        let url = FixtureTests.root.appendingPathComponent("invalid-utf8/trigger-cut-in-letter.csv")
        var options = FixOptions()
        options.unsafeFixes = true
        let (outcome, written) = try FixHarness.fix([UInt8](try Data(contentsOf: url)), name: "cut.csv", options: options)
        #expect(written == nil)
        #expect(outcome.report.refused?.contains("line 2: a value cut short inside a character") == true, "\(outcome.report.refused ?? "")")
    }

    @Test func onlyACellEndingInAnIncompleteSequenceIsACut() {
        #expect(CutCharacter.sequenceLength(0xC3) == 2 && CutCharacter.sequenceLength(0xE2) == 3)
        #expect(CutCharacter.sequenceLength(0xF5) == nil && CutCharacter.sequenceLength(0x80) == nil)
        #expect(CutCharacter.description([0xE2, 0x80]).contains("the first 2 bytes of a 3-byte UTF-8 character"))
    }
}
