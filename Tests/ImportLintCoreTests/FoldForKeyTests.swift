import CICU
import Testing
@testable import ImportLintCore

/// `FoldForKey` looks up the Latin letters that decomposition leaves non-ASCII in a table instead of
/// creating ICU's Latin-ASCII transliterator (half of the instructions of a one-line file's lint). The
/// table must give exactly what the transliterator gives.
@Suite struct FoldForKeyTests {
    static func transliterating(_ text: String) -> String { FoldForKey.fold(text, with: cicu_fold_for_key_transliterating) }

    /// Every letter of the Latin blocks, alone, between letters, beside another such letter and in
    /// capitals, folds as the transliterator folds it.
    @Test func latinLettersFoldAsTheTransliteratorFoldsThem() {
        let blocks: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x0250...0x02AF, 0x1D00...0x1DBF, 0x1E00...0x1EFF,
                                             0x2C60...0x2C7F, 0xA720...0xA7FF, 0xAB30...0xAB6F, 0xFB00...0xFB06]
        var compared = 0
        for block in blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
                let letter = String(scalar)
                for text in [letter, "x\(letter)y", "\(letter)ł\(letter)", "Ab\(letter)Cd", "\(letter)\(letter)", "Ω\(letter)"] {
                    #expect(FoldForKey.fold(text) == Self.transliterating(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    compared += 1
                }
            }
        }
        #expect(compared > 3000)
        // Listed letters beside what the transliterator maps besides letters (quotes, dashes, ʼ).
        for text in ["Łódź «Nord» – Øst", "Ærø ‘Kro’", "Đurđevac ʼn", "Straße ŁÓDŹ", "İstanbul ıspanak"] {
            #expect(FoldForKey.fold(text) == Self.transliterating(text), "\(text)")
        }
    }

    /// Every spelling of the city and country tables (what every lint folds at start).
    @Test func tableSpellingsFoldAsTheTransliteratorFoldsThem() {
        var compared = 0
        for name in ["tables/city-names.tsv", "tables/country-names.tsv"] {
            let table = EmbeddedRules.files[name] ?? ""
            for line in table.split(separator: "\n") where !line.hasPrefix("#") {
                for spelling in line.split(separator: "\t") {
                    #expect(FoldForKey.fold(String(spelling)) == Self.transliterating(String(spelling)), "\(spelling)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    /// A word made only of Greek or Cyrillic capitals that look like Latin letters is read as Latin
    /// ('АСМЕ Corp' is 'ACME Corp'), but not in text the script's other letters show to be written in it:
    /// Greek capitals drop the accents, and 'ΕΤΑΙΡΕΙΑ' is Greek beside 'ΠΛΗΡΟΦΟΡΙΚΗΣ'.
    @Test func capitalsOfTextInTheirScriptStayInIt() {
        #expect(FoldForKey.fold("ΕΤΑΙΡΕΙΑ ΠΛΗΡΟΦΟΡΙΚΗΣ") == FoldForKey.fold("Εταιρεία Πληροφορικής"))
        #expect(FoldForKey.fold("\u{410}\u{421}\u{41C}\u{415} Corp") == "acme corp")
    }
}
