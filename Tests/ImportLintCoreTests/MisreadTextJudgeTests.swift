import Foundation
import Testing
@testable import ImportLintCore

/// The charset judge on files that hold text damaged before the file was written: UTF-8 misread as Windows-1252
/// ('MarÃ­a'), letters lost to '?', and bytes the best page has no character for.
@Suite struct MisreadTextJudgeTests {
    func judged(_ fixture: String) throws -> CharsetGuess { try TestSupport.judgedLegacyFixture(fixture) }

    @Test func misreadUTF8SequenceOfALetterIsBlanked() {
        let misread = Array("MarÃ\u{AD}a à¤¬".unicodeScalars.map(\.value))
        #expect(MisreadUTF8.blanked(misread) == Array("Mar  a    ".unicodeScalars.map(\.value)))
        // 'Ì¾' is U+033E written in UTF-8, a combining mark; 'Ø´' is Arabic 'ش' but the run 'ÊØ´Ò' is no
        // whole UTF-8: a wrong page's chance pairs, not misread names.
        for chance in ["Ì¾rsson", "ÊØ´Ò"].map({ Array($0.unicodeScalars.map(\.value)) }) {
            #expect(MisreadUTF8.blanked(chance) == chance)
        }
    }

    @Test func utf8MisreadTwiceIsBlankedWhenItsLettersAreWhole() {
        // 'ÃƒÂ«' is 'Ã«' misread again, itself 'ë'; 'ÃƒÂ«»' ends in a byte that is no whole UTF-8 sequence.
        let twice = Array("BrontÃƒÂ« ÃƒÂ«»".unicodeScalars.map(\.value))
        #expect(MisreadUTF8.blanked(twice) == Array("Bront     ÃƒÂ«»".unicodeScalars.map(\.value)))
        // 'Ã‚Â©' is '©' misread twice: a symbol, no letter.
        let symbol = Array("xÃ‚Â©".unicodeScalars.map(\.value))
        #expect(MisreadUTF8.blanked(symbol) == symbol)
    }

    @Test func nameMisreadTwiceGivesTheRightPageAClearLead() throws {
        let guess = try judged("trigger-console-ibm850-misread-twice")
        #expect(guess.isClear && guess.best.charsets.contains("IBM850"))
    }

    @Test func misreadNameGivesAnotherOEMPageNoClearLead() throws {
        let guess = try judged("trigger-console-ibm850-misread-utf8")
        #expect(!guess.isClear)
        #expect(guess.candidates.prefix(2).flatMap(\.charsets).contains("IBM850"))
    }

    @Test func lettersBesideLostOnesAreNoEvidence() throws {
        let guess = try judged("trigger-console-ibm437-lost-hindi")
        #expect(!guess.isClear)
        // IBM866 reads 'à??à??' as 'Е??Е??': its letters score nothing, a whole word does.
        let name = TextPlausibility.scoreParts(Array("Анна".unicodeScalars.map(\.value)), expectedStructure: 0).letters
        let withPieces = TextPlausibility.scoreParts(Array("Е??Е??,Анна".unicodeScalars.map(\.value)), expectedStructure: 1).letters
        #expect(name > 0 && withPieces == name)
    }

    @Test func readingWithAnUndefinedByteIsNotClear() throws {
        #expect(CharsetJudge.readsUndefinedByte([0x41, 0x8A], charsets: ["windows-874"]))
        #expect(CharsetJudge.readsUndefinedByte([0x41, 0xF8C1], charsets: ["windows-874"]))
        #expect(!CharsetJudge.readsUndefinedByte([0x41, 0xE01], charsets: ["windows-874"]))
        #expect(!CharsetJudge.readsUndefinedByte([0x41, 0xE000], charsets: ["Big5"]))
        let guess = try judged("trigger-powershell-windows1252-hindi-misread")
        #expect(guess.best.name == "windows-874" && !guess.isClear)
    }

    /// A cell read in a guessed page may be garbled: no fix of its text is safe, and the fix says why. The
    /// same cell read in a page named by the user keeps its safe fix.
    @Test func cellFixesOnAGuessedReadingAreUnsafe() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/legacy-encoding/trigger-console-ibm850-misread-utf8.csv")
        let bytes = Array(try Data(contentsOf: url))
        func cellFixes(_ options: LintOptions) throws -> [Fix] {
            try Linter(options: options).lint(.bytes(bytes, displayPath: "guessed.csv")).report.diagnostics
                .compactMap(\.fix).filter { if case .replaceCell = $0.action { true } else { false } }
        }
        let guessed = try cellFixes(LintOptions())
        #expect(!guessed.isEmpty)
        #expect(guessed.allSatisfy { $0.applicability == .unsafe && $0.description.contains("a guess: see legacy-encoding") })
        var named = LintOptions()
        named.inputEncoding = "IBM850"
        #expect(try cellFixes(named).contains { $0.applicability == .safe })
    }

    /// `fix --force` writes the guessed reading as UTF-8 without transcoding safely: the lint of that output
    /// still knows it is a guess, so a later round applies none of its cell fixes as safe.
    @Test func laterRoundsOfAGuessedReadingKeepCellFixesUnsafe() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("fixtures/legacy-encoding/trigger-console-ibm850-misread-utf8.csv")
        let bytes = Array(try Data(contentsOf: url))
        var forced = FixOptions()
        forced.force = true
        let (outcome, written) = try FixHarness.fix(bytes, name: "guessed.csv", options: forced)
        #expect(written != nil && outcome.report.refused != nil)
        #expect(outcome.report.applied.isEmpty)
        let softHyphens = outcome.report.remaining.filter { $0.rule == RuleDescriptor.invisibleCharacter.name }
        #expect(softHyphens.count == 2 && softHyphens.allSatisfy { $0.fixApplicability == .unsafe })
        var unsafe = FixOptions()
        unsafe.unsafeFixes = true
        let (accepted, _) = try FixHarness.fix(bytes, name: "guessed.csv", options: unsafe)
        #expect(!accepted.report.applied.isEmpty && accepted.report.applied.allSatisfy { $0.applicability == .unsafe })
    }
}
