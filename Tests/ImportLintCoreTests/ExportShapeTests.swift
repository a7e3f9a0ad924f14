import Testing
@testable import ImportLintCore

/// Shapes of real exports the trust sweep met: Zawgyi Burmese, a second export appended in another column
/// order or with another delimiter.
@Suite struct ExportShapeTests {
    static func lint(_ text: String) throws -> [Diagnostic] {
        try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.tsv")).report.diagnostics
    }

    @Test func zawgyiIsToldFromUnicodeBurmese() {
        #expect(ZawgyiText.check("\u{1031}\u{1021}\u{102C}\u{1004}\u{1039}") != nil)   // ေအာင္
        #expect(ZawgyiText.check("\u{1021}\u{1031}\u{102C}\u{1004}\u{103A}") == nil)   // အောင်
        #expect(ZawgyiText.check("\u{101E}\u{1004}\u{103A}\u{1039}\u{1000}\u{103B}\u{1014}\u{103A}") == nil)  // kinzi
        #expect(ZawgyiText.check("\u{1019}\u{1004}\u{1039}") != nil)
    }

    /// Unicode's virama stacks the consonants Mon, Shan, Karen and Pali add to the block too ("Representing
    /// Myanmar in Unicode", UTN #11): those stacks are Unicode, while Zawgyi's asat before a vowel sign,
    /// a medial or a space still is not.
    @Test func stacksOfMonShanKarenAndPaliConsonantsAreUnicode() {
        let unicode = ["\u{1002}\u{1039}\u{105A}\u{102C}",          // Mon medial nga
                       "\u{1010}\u{105A}\u{103A}\u{1039}\u{1000}\u{102D}",  // Mon kinzi
                       "\u{1012}\u{1039}\u{105C}\u{102C}",          // Mon BBA stacked
                       "\u{1019}\u{107C}\u{1039}\u{107C}\u{1031}\u{1038}",  // Shan NA stacked
                       "\u{1015}\u{1039}\u{1061}\u{102C}",          // S'gaw Karen SHA stacked
                       "\u{1000}\u{1039}\u{1051}\u{1019}\u{102C}",  // Pali SSA stacked
                       "\u{1010}\u{1039}\u{106E}\u{102C}"]          // Eastern Pwo Karen NNA stacked
        for text in unicode { #expect(ZawgyiText.check(text) == nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        let zawgyi = ["\u{1019}\u{1004}\u{1039}\u{1038}", "\u{1000}\u{1039}\u{103B}\u{1019}", "\u{1014}\u{1039} \u{1000}",
                      "\u{1000}\u{1039}\u{1031}\u{1000}", "\u{1000}\u{1039}\u{1082}"]
        for text in zawgyi { #expect(ZawgyiText.check(text) != nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    /// Selected alone, zawgyi-text still runs: the value rules' text checks report it.
    @Test func zawgyiSelectedAloneIsReported() throws {
        let text = "First Name,Last Name,Email\n\u{1031}\u{1021}\u{102C}\u{1004}\u{1039},Lee,ann@example.com\n"
        let found = try Linter(options: LintOptions(selection: RuleSelection(select: ["zawgyi-text"])))
            .lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
        #expect(found.map(\.rule) == ["zawgyi-text"])
    }

    @Test func anAppendedHeaderInAnotherOrderIsReportedWithoutAFix() throws {
        let text = "First Name,Last Name,Email\r\nAnn,Lee,ann@example.com\r\n\u{FEFF}Email,First Name,Last Name\r\nbob@example.com,Bob,Ray\r\n"
        let found = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
        let copy = try #require(found.first { $0.rule == "repeated-header" })
        #expect(copy.line == 3 && copy.fix == nil && copy.message.contains("another column order"))
        #expect(!found.contains { $0.line == 3 && $0.rule != "repeated-header" })
    }

    @Test func anAppendedHeaderInAnotherOrderWithoutAMarkIsReportedWithoutAFix() throws {
        let text = "First Name,Last Name,Email\nAnn,Lee,ann@example.com\nEmail,first name,Last Name\nbob@example.com,Bob,Ray\n"
        let copy = try #require(try Self.lint(text).first { $0.rule == "repeated-header" })
        #expect(copy.line == 3 && copy.fix == nil && !copy.message.contains("byte-order mark"))
    }

    /// Cells that are some of the header's names, not all of them once each, are data.
    @Test func recordsWithSomeHeaderNamesInOtherPlacesAreData() throws {
        for record in ["Email,Email,Last Name", "Email,First,email.first@example.com", "Email,First Name,"] {
            let found = try Self.lint("First Name,Last Name,Email\n\(record)\n")
            #expect(!found.contains { $0.rule == "repeated-header" }, "\(record)")
        }
    }

    /// Each row of an export appended with another delimiter is one ragged-row finding naming the
    /// delimiter; its cells are not judged as values (no missing-value, no email-or-sms-required).
    @Test func rowsOfAnExportAppendedWithAnotherDelimiterAreOneFindingEach() throws {
        for (other, name) in [(";", "';'"), ("\t", "tabs"), ("|", "'|'")] {
            let rows = ["First Name", "Last Name", "Email"].joined(separator: other) + "\n" + ["Bob", "Ray", "bob@example.com"].joined(separator: other)
            let found = try Self.lint("First Name,Last Name,Email\nAnn,Lee,ann@example.com\n\(rows)\n")
            #expect(found.map(\.rule) == ["ragged-row", "ragged-row"], "\(name)")
            #expect(found.allSatisfy { $0.message.contains("split by \(name) instead") }, "\(name)")
        }
    }

    /// In a two-column file one ';' in a row that lost its comma splits it into the header's cells too:
    /// still one finding, which names both causes instead of blaming an appended export.
    @Test func aTwoColumnRowSplitByOneOtherDelimiterNamesBothCauses() throws {
        let found = try Self.lint("Name,Primary Email\nAnn Lee,ann@example.com\nLee; Bob bob@example.com\n")
        #expect(found.map(\.rule) == ["ragged-row"])
        let message = try #require(found.first?.message)
        #expect(message.contains("either the row lost a delimiter or an export written with ';' was appended"), "\(message)")
        #expect(!message.contains("convert the appended one"), "\(message)")
    }

    /// `cat` of a UTF-16LE export and a UTF-8 one: the UTF-8 part, read as UTF-16LE, is one cell of
    /// meaningless characters. One invalid-utf8 finding names the cause, where it drew an invalid email, an
    /// invisible character, a ragged row and a missing name; `fix` refuses, saying the same.
    @Test func utf8TextAppendedToUTF16IsOneFinding() throws {
        let units = "Primary Email,Name,Job Title\r\nann@widget.com,Ann Lée,Sales\r\n".utf16
        let utf16: [UInt8] = [0xFF, 0xFE] + units.flatMap { (unit: UInt16) -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bytes: [UInt8] = utf16 + Array("Primary Email,Name,Job Title\r\nbob@widget.com,Bob Ray,Sales\r\n".utf8)
        let found = try Linter(options: LintOptions()).lint(.bytes(bytes, displayPath: "t.csv")).report.diagnostics
        #expect(found.map(\.rule) == [RuleDescriptor.utf16Encoding.name, RuleDescriptor.invalidUTF8.name], "\(found.map(\.message))")
        #expect(found.last?.line == 3 && found.last?.message.contains("8-bit text") == true)
        let outcome = try FixHarness.fix(bytes, name: "t.csv", options: FixOptions()).0
        #expect(outcome.report.refused?.contains("line 3: 8-bit text appended after the UTF-16LE text") == true, "\(outcome.report.refused ?? "")")
    }

    /// `fix` refuses such a file and says why, as the finding does.
    @Test func fixRefusesAnAppendedExportNamingItsDelimiter() throws {
        let dir = try TestSupport.temporaryDirectory()
        let text = "First Name,Last Name,Email\nAnn,Lee,ann@example.com\nBob;Ray;bob@example.com\n"
        let file = try TestSupport.write(text, to: dir.appendingPathComponent("contacts.csv")).path
        let outcome = try Fixer(options: FixOptions()).fix(.path(file), temporaryDirectory: dir.path)
        if let temporary = outcome.temporaryPath { AtomicFile.discard(temporary) }
        let refused = try #require(outcome.report.refused)
        #expect(refused.contains("record 2 has 1 cell but the header has 3; split by ';' instead"), "\(refused)")
    }

    /// A ragged row that no other delimiter splits into the header's cells is the ordinary ragged row, and
    /// a 'sep=' hint line of a two-column file is still the hint.
    @Test func otherRaggedRowsAndHintLinesKeepTheirFindings() throws {
        let ragged = try Self.lint("First Name,Last Name,Email\nAnn;Lee\n")
        #expect(ragged.contains { $0.rule == "ragged-row" && $0.message.contains("the missing cells") })
        let hint = try Self.lint("Name,Primary Email\nAnn,ann@example.com\nsep=;\n")
        #expect(!hint.contains { $0.message.contains("split by") })
    }
}
