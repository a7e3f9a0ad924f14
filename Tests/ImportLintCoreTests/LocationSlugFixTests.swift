import Testing
@testable import ImportLintCore

/// The unsafe fix of invalid-location-slug lowercases the value: a capital sigma ending a Greek word becomes
/// final sigma, as Unicode's lowercase mapping has it ('ΠΕΙΡΑΙΑΣ' gave 'πειραιασ', a spelling no Greek
/// slug has), and stays σ inside a word.
@Suite struct LocationSlugFixTests {
    @Test(arguments: [("ΠΕΙΡΑΙΑΣ", "πειραιας"), ("ΑΘΗΝΑ ΚΕΝΤΡΟΣ", "αθηνα-κεντρος"), ("Άγιος Νικόλαος", "άγιος-νικόλαος"),
                      ("ΣΥΡΟΣ-ΕΡΜΟΥΠΟΛΗ", "συρος-ερμουπολη"), ("ΝΑΞΟΣ2", "ναξος2"), ("Σ", "σ"), ("ΟΔΟΣ\u{301} Α", "οδος\u{301}-α")])
    func greekCapitalSigmaEndingAWordIsFinal(value: String, slug: String) {
        #expect(FormatRules.slugify(value) == slug)
        #expect(FormatRules.checkSlug(value).first?.fix?.replacement == slug)
    }
}
