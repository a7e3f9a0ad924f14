import Testing
@testable import ImportLintCore

/// The plain-Latin shortcut may only accept text on which the full text-hygiene check finds nothing.
@Suite struct ValuesPlainLatinTests {
    static let samples = [
        "Pierre Lefèvre", "Zoë Ångström", "Agnieszka Wiśniewska-Żółć", "José María García-López", "Åse Østergaard",
        "Jürgen Groß", "Ðorđe Šćepanović", "Œuvre Française", "Škoda Žilina", "Dvořák", "Ça va", "François L'Écuyer",
        // mojibake, lossy, NFD, confusables, formulas, controls: all must be refused by the shortcut
        "Pierre LefÃ¨vre", "Anna MÃ¼ller", "Emre ErdoÄŸan", "SeÃ¡n", "Managerâ€™s", "Lef?vre", "Zo\u{FFFD}",
        "Lefe\u{300}vre", "Ann L\u{435}e", "Cid\u{200B}ney", "=SUM(A1)", "-2+3", "@cmd", "Ann\u{0B}Lee", "Â Ã©", "Ãœber",
        "Ã…se", "sÄ…", "Ãƒ", "×", "½ price", "caf\u{E9}\u{A0}bar", "Hans MĂĽller", "KrakĂłw", "KoĹĄice",
    ]

    @Test(arguments: samples)
    func shortcutNeverHidesAFinding(_ text: String) {
        var copy = text
        let plain = copy.withUTF8 { TextHygiene.isPlainLatinText($0) }
        if plain {
            #expect(TextHygiene.check(text, kind: .text).isEmpty, "\(text)")
        }
    }

    @Test func shortcutTakesOrdinaryNames() {
        for name in ["Pierre Lefèvre", "Agnieszka Wiśniewska-Żółć", "Jürgen Groß", "Škoda Žilina"] {
            var copy = name
            #expect(copy.withUTF8 { TextHygiene.isPlainLatinText($0) }, "\(name)")
        }
        for damaged in ["Pierre LefÃ¨vre", "Managerâ€™s", "Lef?vre", "Emre ErdoÄŸan", "Hans MĂĽller", "KoĹĄice"] {
            var copy = damaged
            #expect(!copy.withUTF8 { TextHygiene.isPlainLatinText($0) }, "\(damaged)")
        }
    }
}
