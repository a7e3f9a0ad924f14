import Foundation
import Testing
@testable import ImportLintCore

/// Correct text that resembles the defects safe fixes repair: `fix` (safe fixes only) must leave it
/// byte-identical and `check` must raise no error on it. A safe fix never changes correct text.
@Suite struct LookalikeCorrectTextTests {
    /// Text cells, each written in Name, Job Title and Location.
    static let text = [
        // Zero-width (non-)joiners that spell the word: Persian, Urdu, Kurdish, Sinhala, Malayalam, Hindi, emoji.
        "محمد\u{200C}حسین شاه\u{200C}حسینی", "کارشناس فناوری\u{200C}اطلاعات", "ہم\u{200C}راہ", "سه\u{200C}شەممە",
        "ශ්\u{200D}රීමතී පෙරේරා", "അവന്\u{200D}", "क्\u{200D}ष", "👩\u{200D}💻 Software Engineer",
        // Bidi marks that order mixed right-to-left text.
        "מנהל \u{200F}IT\u{200F} ראשי", "شركة \u{200F}ACME\u{200F}",
        // Letters that mojibake is made of, written on purpose.
        "JOÃO GONÇALVES", "Þórður Ásgeirsdóttir", "ØSTERGÅRD", "Ştefan Râmneanţu", "ÂNGELA", "Nguyễn Thị Ánh",
        "R&D – Zürich", "Temp ±2 °C", "Nº 5", "1ª Vice-Presidente", "CAFÉ’S", "MÜLLER™", "Рівне", "РІВНЕ",
        "Сєвєродонецьк", "Ђорђе", "Ѓорѓе", "ΞΕΝΟΦΩΝ", "Πέτρος", "İstanbul", "ŠKODA", "ŒUVRE",
        // Mixed scripts that are meant: Serbian in both alphabets, Greek letters in titles, Kazakh.
        "Đorđe Petrović / Ђорђе Петровић", "α-Tester", "μ-Services Architect", "Қазақстан", "IBM Ελλάς",
    ]

    @Test func safeFixLeavesLookalikesByteIdentical() throws {
        var file = "Primary Email\tName\tOrganization\tJob Title\tLocation\tTime Zone\tLocale\n"
        for (i, cell) in Self.text.enumerated() {
            file += "p\(i)@widget.com\t\(cell)\tWidget USA\t\(cell)\t\(cell)\tParis\ten-US\n"
        }
        let bytes = Array(file.utf8)
        let (_, written) = try FixHarness.fix(bytes, name: "people.tsv", options: FixOptions())
        let fixed = try #require(written)
        let before = try FixHarness.records(bytes, delimiter: 0x09), after = try FixHarness.records(fixed, delimiter: 0x09)
        for (a, b) in zip(before, after) where a != b { Issue.record("changed: \(a) -> \(b)") }
        #expect(fixed == bytes)
        let errors = try FixHarness.lint(bytes, name: "people.tsv").diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }

    /// Windows ids rewritten by a safe fix name the zone CLDR maps them to today.
    @Test func windowsZoneFixesNameTheirZone() throws {
        let file = "Primary Email\tName\tTime Zone\na@widget.com\tAnn\tMountain Standard Time (Mexico)\n"
            + "b@widget.com\tBob\tCentral Asia Standard Time\n"
        let (_, written) = try FixHarness.fix(Array(file.utf8), name: "people.tsv", options: FixOptions())
        let rows = try FixHarness.records(try #require(written), delimiter: 0x09)
        #expect(rows.map { $0[2] } == ["Time Zone", "Mazatlan", "Central Asia Standard Time"])
    }
}
