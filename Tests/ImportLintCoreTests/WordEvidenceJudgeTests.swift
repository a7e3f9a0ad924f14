import Foundation
import Testing
@testable import ImportLintCore

/// Words whose reading keeps the charset judge from a clear verdict: another script inside a Latin word, and a
/// lead that rests only on pieces of words beside lost letters ('?').
@Suite struct WordEvidenceJudgeTests {
    func judged(_ fixture: String) throws -> CharsetGuess { try TestSupport.judgedLegacyFixture(fixture) }

    func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    @Test func otherScriptInsideALatinWordIsNoClearReading() throws {
        #expect(CharsetJudge.readsOtherScriptInsideLatinWord(scalars("Bj๖rk")))
        #expect(CharsetJudge.readsOtherScriptInsideLatinWord(scalars("Genшve")))
        // Beside a Latin word, at its edge, or among letters of its own script, it is no evidence.
        for text in ["Björk", "IT部門", "๖rk", "Bj๖", "สมชาย Smith", "Иван"] {
            #expect(!CharsetJudge.readsOtherScriptInsideLatinWord(scalars(text)))
        }
        let guess = try judged("trigger-powershell-windows1252-hindi-icelandic")
        #expect(!guess.isClear)
    }

    @Test func leadOnlyBesideLostLettersIsNoClearReading() throws {
        #expect(CharsetJudge.differsOnlyBesideLostLetters(scalars("Adé ?láň?eběkan"), scalars("Adé ?láò?ebìkan")))
        #expect(!CharsetJudge.differsOnlyBesideLostLetters(scalars("Adé ?láň Kováč"), scalars("Adé ?láò Kováè")))
        #expect(!CharsetJudge.differsOnlyBesideLostLetters(scalars("?láň"), scalars("?láň")))
        #expect(!CharsetJudge.differsOnlyBesideLostLetters(scalars("??astný"), scalars("??astn∞")))
        #expect(!CharsetJudge.differsOnlyBesideLostLetters(scalars(",?Sæbjört"), scalars(",?Sĺbjört")))
        let guess = try judged("trigger-csvde-windows1252-yoruba-lost")
        #expect(!guess.isClear)
        #expect(guess.candidates.prefix(2).flatMap(\.charsets).contains("windows-1252"))
    }
}
