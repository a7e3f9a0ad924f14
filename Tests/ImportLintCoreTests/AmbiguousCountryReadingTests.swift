import Testing
@testable import ImportLintCore

@Suite struct AmbiguousCountryReadingTests {
    /// `readings` names a word exactly when the normalizer turns it into a country token: the doubt is about
    /// the reading matching actually made.
    @Test func readingsFollowTheNormalizer() {
        let normalizer = NameNormalizer()
        for word in AmbiguousCountryReading.otherMeanings.keys {
            let read = normalizer.normalize("Acme \(word)").tokens.last!.hasPrefix("#")
            #expect(AmbiguousCountryReading.readings(of: "Acme \(word)").contains(word) == read, "\(word)")
        }
        // The ambiguous abbreviations are ones the normalizer expands, and `readings` names them.
        #expect(Set(AmbiguousCountryReading.otherExpansions.keys).isSubset(of: Set(OrganizationVocabulary.abbreviations.keys)))
        for word in AmbiguousCountryReading.otherExpansions.keys {
            let expansion = NameNormalizer.stem(OrganizationVocabulary.abbreviations[word]!)
            #expect(normalizer.normalize("Acme \(word) Widget").tokens.contains(expansion), "\(word)")
            #expect(AmbiguousCountryReading.readings(of: "Acme \(word) Widget") == [word], "\(word)")
        }
        // The ambiguous codes the review found are read as countries.
        for code in ["ca", "in", "de", "fin", "ind"] {
            #expect(AmbiguousCountryReading.readings(of: "Acme \(code.uppercased())") == [code])
        }
        // A code is read only as the last of several words; a name only on its own.
        #expect(AmbiguousCountryReading.readings(of: "DE").isEmpty)
        #expect(AmbiguousCountryReading.readings(of: "Acme DE Holding").isEmpty)
        #expect(AmbiguousCountryReading.readings(of: "Acme South Georgia").isEmpty)
    }

    @Test func doubtWhenOnlyOneSideReadsTheWord() {
        #expect(AmbiguousCountryReading.doubt("Acme DE", matchedTo: "Acme Germany")?.contains("Delaware") == true)
        #expect(AmbiguousCountryReading.doubt("Acme Deutschland", matchedTo: "Acme DE")?.contains("'DE' in 'Acme DE'") == true)
        #expect(AmbiguousCountryReading.doubt("Acme Georgia", matchedTo: "Acme Tbilisi")?.contains("US state") == true)
        #expect(AmbiguousCountryReading.doubt("Acme GE", matchedTo: "Acme Georgia")?.contains("Swiss canton Geneva") == true)
        // Swiss cantons and German states (review33): 'SG' is St. Gallen as well as Singapore.
        #expect(AmbiguousCountryReading.doubt("Acme SG", matchedTo: "Acme Singapore")?.contains("St. Gallen") == true)
        #expect(AmbiguousCountryReading.doubt("Acme BE", matchedTo: "Acme Belgium")?.contains("Bern, and the abbreviation of the German state Berlin") == true)
        #expect(AmbiguousCountryReading.doubt("Acme BY", matchedTo: "Acme Belarus")?.contains("Bavaria") == true)
        #expect(AmbiguousCountryReading.doubt("Acme Fin", matchedTo: "Acme Finland")?.contains("Finance") == true)
        #expect(AmbiguousCountryReading.doubt("Acme Int", matchedTo: "Acme International")?.contains("Internal") == true)
        #expect(AmbiguousCountryReading.doubt("Acme Intl", matchedTo: "Acme International") == nil)
        // The same word on both sides, or no ambiguous word: the match does not rest on a reading.
        #expect(AmbiguousCountryReading.doubt("ACME DE", matchedTo: "Acme DE") == nil)
        #expect(AmbiguousCountryReading.doubt("Acme AT", matchedTo: "Acme Austria") == nil)
        #expect(AmbiguousCountryReading.doubt("Acme Deutschland", matchedTo: "Acme Germany") == nil)
        // The same ambiguous words in another order (this trapped on a force unwrap), or one read twice.
        #expect(AmbiguousCountryReading.doubt("Acme Tech Dev", matchedTo: "Acme Dev Tech") == nil)
        #expect(AmbiguousCountryReading.doubt("Contoso Dev Tech", matchedTo: "Contoso Tech Dev") == nil)
        #expect(AmbiguousCountryReading.doubt("Acme Dev Dev", matchedTo: "Acme Dev")?.contains("'Dev' in 'Acme Dev Dev'") == true)
    }
}
