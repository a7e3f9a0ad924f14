import Testing
@testable import ImportLintCore

/// A no-break space that ends UTF-8 misread as Windows-1252 ('à' is 'Ã' and U+00A0 so read) is the last byte of
/// a letter: trimming it as whitespace loses the letter for good, so the finding offers no trim.
@Suite struct SurroundingWhitespaceTests {
    func trim(_ organization: String) throws -> Diagnostic {
        var options = LintOptions()
        options.profile = "4me-people"
        let text = "Name,Primary Email,Organization\nAnn Lee,ann@widget.com,\"\(organization)\"\n"
        let found = try TestSupport.lint(text, name: "t.csv", options: options).report.diagnostics
        return try #require(found.first { $0.rule == "surrounding-whitespace" })
    }

    @Test func noBreakSpaceEndingMisreadUTF8IsNotTrimmed() throws {
        // 'à' (C3 A0), Korean '신' (EC 8B A0) and a no-break space itself (C2 A0), each read as Windows-1252.
        // Russian 'Р' (D0 A0) and Greek 'Π' (CE A0) misread likewise.
        for value in ["Café VoilÃ\u{A0}", "ì£¼ì‹\u{9D}íšŒì‚¬ ìœ\u{A0}ë‹ˆì˜¨ì\u{A0}•ë³´í†µì‹\u{A0}", "Widget SAÂ\u{A0}", "VoilÃ\u{A0} ",
                      "Ð˜Ð²Ð°Ð½Ð¾Ð²Ð°Ð\u{A0}", "Î±Î²Î\u{A0}"] {
            let d = try trim(value)
            #expect(d.fix == nil, "\(value)")
            #expect(d.message.contains("not trimmed automatically"), "\(value)")
        }
    }

    @Test func otherTrailingSpacesAreTrimmedSafely() throws {
        // A no-break space after a letter no UTF-8 sequence leaves open, or after a complete one ('Ã©' is 'é').
        // Correct text whose last letter's Windows-1252 byte and A0 would make a letter of another script or
        // an IPA letter (review33): 'ß' A0 is NKo U+07E0, 'É' A0 is 'ɠ', 'Ñ' A0 is Cyrillic 'Ѡ'.
        for value in ["Acme\u{A0}", "Widget USA ", "São Paulo\u{A0}", "CafÃ©\u{A0}", "Ωmega\u{A0}", "Strauß\u{A0}",
                      "Weiß\u{A0}", "ANDRÉ\u{A0}", "JOSÉ\u{A0}", "ÉCOLE ÉTÉ\u{A0}", "Ibáñez Ñ\u{A0}"] {
            #expect(try trim(value).fix?.applicability == .safe, "\(value)")
        }
    }
}
