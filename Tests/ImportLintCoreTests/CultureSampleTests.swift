import Foundation
import Testing
@testable import ImportLintCore

/// Correct files as PowerShell, Excel and people write them in several Windows cultures and scripts
/// (fixtures/culture-samples/README.md): nothing to say about correct text, and every fix exact.
@Suite struct CultureSampleTests {
    static let folder = FixtureTests.root.appendingPathComponent("culture-samples")

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func diagnostics(_ name: String, profile: String? = nil) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = profile
        return try FixHarness.lint(try bytes(name), name: name, options: options).diagnostics
    }

    /// ZWNJ and ZWJ, ʻokina, ’, dotless i, ẞ, Mongolian variation selectors, emoji tag flags and keycaps,
    /// right-to-left and Arabic letter marks, ideographic variation selectors, 'Null', 'NULL Ltd': all correct.
    @Test func oddLookingNamesAreClean() throws {
        let found = try Self.diagnostics("receptionist-names-ps7.csv")
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    /// Valid numbers of 50 regions written with dots, 'tel:', no-break spaces, '(+44)' or '+44 (0)': clean.
    @Test func validNumbersWrittenTheWaysPeopleWriteThemAreClean() throws {
        let found = try Self.diagnostics("contacts-phones-50-regions.csv", profile: "4me-contacts")
        #expect(found.isEmpty, "\(found.map(\.message))")
    }

    /// '0044 …' has a country code after the international prefix 00: the finding says so (it said "has no
    /// country code") and offers the '+' form, valid, as an unsafe fix.
    @Test func numbersAfterTheInternationalPrefixAreNamed() throws {
        let found = try Self.diagnostics("contacts-phones-00-prefix.csv", profile: "4me-contacts")
        #expect(found.count == 12)
        #expect(found.allSatisfy { $0.message.contains("starts with 00, the international call prefix") }, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.fix?.applicability == .unsafe && $0.fix?.replacement?.hasPrefix("+") == true })
    }

    /// Greek with oxia from a polytonic keyboard: NFC's twin with tonos is named (it said "combining marks
    /// in another order", and the text has none).
    @Test func greekOxiaIsNamed() throws {
        let found = try Self.diagnostics("receptionist-greek-polytonic.csv")
        #expect(found.map(\.rule) == Array(repeating: "not-nfc", count: 4))
        #expect(found.allSatisfy { $0.message.contains("WITH OXIA), which NFC replaces by") }, "\(found.map(\.message))")
        #expect(found.first?.fix?.replacement == "Παπαδόπουλος")
    }

    /// Windows PowerShell 5.1 and Excel in cultures whose list separator is ';' (UTF-16LE with the #TYPE line,
    /// Windows-1253, Windows-1256): `fix` writes every cell as it was typed, in UTF-8, comma-delimited.
    @Test(arguments: [
        ("receptionist-ps51-outfile-tr-TR.csv",
         "\"First Name\",\"Last Name\",\"Email\",\"Business Title\",\"Department\"\r\n"
            + "\"İbrahim\",\"Işık\",\"ibrahim@widget.com.tr\",\"Müdür Yardımcısı\",\"Satış; İstanbul\"\r\n"
            + "\"Ayşe\",\"Çağlar\",\"ayse@widget.com.tr\",\"Uzman\",\"Bilgi İşlem\"\r\n"),
        ("receptionist-excel-el-GR.csv",
         "First Name,Last Name,Email,Business Title,Department\r\n"
            + "Νίκος,Παπαδόπουλος,nikos@widget.gr,Διευθυντής,\"Πωλήσεις; Αθήνα\"\r\n"
            + "Ελένη,Οικονόμου,eleni@widget.gr,Γραμματέας,Διοίκηση\r\n"),
        ("receptionist-ps51-setcontent-ar-SA.csv",
         "\"First Name\",\"Last Name\",\"Email\",\"Business Title\",\"Department\"\r\n"
            + "\"محمد\",\"العلي\",\"m.alali@widget.sa\",\"مدير\",\"المبيعات؛ الرياض\"\r\n"
            + "\"فاطمة\",\"الزهراء\",\"f.zahra@widget.sa\",\"محاسبة\",\"المالية; جدة\"\r\n"),
    ])
    func cultureExportsAreFixedExactly(_ name: String, _ expected: String) throws {
        let (outcome, written) = try FixHarness.fix(try Self.bytes(name), name: name, options: FixOptions())
        #expect(outcome.report.refused == nil)
        #expect(written.map { String(decoding: $0, as: UTF8.self) } == expected)
    }
}
