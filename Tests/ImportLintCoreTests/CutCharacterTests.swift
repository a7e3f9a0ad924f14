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

    /// A file whose only non-ASCII line is UTF-8 with a cut at its end is UTF-8 (review33: judged Windows-1252,
    /// so 'José García' was reported as mojibake and `fix --unsafe-fixes` wrote 'TecnologÃ'; one record alone
    /// was guessed Shift_JIS): the cut is the finding.
    @Test(arguments: [20, 0])
    func cutAloneDoesNotMakeTheFileACodePage(_ asciiRows: Int) throws {
        let head = Array(("Name,Primary Email,Job Title\n" + (0..<asciiRows).map { "User\($0),u\($0)@x.com,Clerk\n" }.joined()).utf8)
        let bytes = head + Array("José García,j@x.com,Tecnolog".utf8) + [0xC3, 0x0A]
        let report = try FixHarness.lint(bytes, name: "cut.csv", options: LintOptions())
        #expect(report.encoding == "UTF-8")
        #expect(report.diagnostics.map(\.rule) == ["invalid-utf8"], "\(report.diagnostics.map(\.message))")
        #expect(report.diagnostics.first?.message.contains("cut short inside a letter") == true)
        // A Windows-1252 'é' ending a cell of a line without UTF-8 letters stays a code page's.
        let windows1252 = head + Array("Rene".utf8) + [0xE9] + Array(",r@x.com,Clerk\n".utf8)
        #expect(try FixHarness.lint(windows1252, name: "cp.csv", options: LintOptions()).encoding != "UTF-8")
    }

    @Test func onlyACellEndingInAnIncompleteSequenceIsACut() {
        #expect(CutCharacter.sequenceLength(0xC3) == 2 && CutCharacter.sequenceLength(0xE2) == 3)
        #expect(CutCharacter.sequenceLength(0xF5) == nil && CutCharacter.sequenceLength(0x80) == nil)
        #expect(CutCharacter.description([0xE2, 0x80]).contains("the first 2 bytes of a 3-byte UTF-8 character"))
    }
}
