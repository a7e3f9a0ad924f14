import Foundation
import Testing
@testable import ImportLintCore

/// `check`'s summary names every refusal of `fix` with what it takes, and `fix` does refuse those files:
/// a quote out of place, bytes that are not UTF-8 (decodable, cut inside a character, UTF-16 damage) and
/// NUL characters that would make the written file binary. Each file also has a fixable finding (a cell
/// with a space at its end), without which the summary promises nothing.
@Suite struct FixRefusalTests {
    static func summary(_ bytes: [UInt8], name: String) throws -> String {
        let report = try Linter(options: LintOptions()).lint(.bytes(bytes, displayPath: name)).report
        return TextReporter.summaryLine(Report(files: [report]).summary)
    }

    static func refusal(_ bytes: [UInt8], name: String, unsafe: Bool = false) throws -> String? {
        var options = FixOptions()
        options.unsafeFixes = unsafe
        let (outcome, written) = try FixHarness.fix(bytes, name: name, options: options)
        #expect((written == nil) == (outcome.report.refused != nil))
        return outcome.report.refused
    }

    static let malformedQuote = Array("Primary Email,Name,Job Title\nann@widget.com,Ann Lee ,\"Dave \"The Rock\"\"\n".utf8)
    /// 'Lefèvre' in Windows-1252 on one line of a UTF-8 file.
    static let undecoded = Array("First Name,Last Name,Email\nZoë,Ångström,zoe@widget.com\nAnn ,Lef".utf8) + [0xE8] + Array("vre,ann@widget.com\n".utf8)
    static func utf16(_ text: String) -> [UInt8] { [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test func aQuoteOutOfPlaceIsRefusedUnlessForced() throws {
        #expect(try Self.summary(Self.malformedQuote, name: "q.csv").hasSuffix("1 fixable with `importlint fix`, which refuses the file unless `--force` (malformed-quote)"))
        #expect(try Self.refusal(Self.malformedQuote, name: "q.csv")?.contains("malformed-quote") == true)
        // In a TSV a quote inside an unquoted cell is text: a warning whose safe fix quotes the cell, no refusal.
        let tsv = Array("Primary Email\tName\tJob Title\nann@widget.com\tAnn Lee \tDave \"The Rock\"\n".utf8)
        #expect(!(try Self.summary(tsv, name: "q.tsv")).contains("refuses"))
        #expect(try Self.refusal(tsv, name: "q.tsv") == nil)
    }

    @Test func bytesThatAreNotUTF8NameTheirRemedies() throws {
        let summary = try Self.summary(Self.undecoded, name: "b.csv")
        #expect(summary.hasSuffix(", which refuses the file until `--unsafe-fixes` decodes its bytes that are not UTF-8 (where one code page reads them) or `--input-encoding` names its code page, or unless `--force` (invalid-utf8)"), "\(summary)")
        #expect(try Self.refusal(Self.undecoded, name: "b.csv")?.contains("invalid-utf8") == true)
        #expect(try Self.refusal(Self.undecoded, name: "b.csv", unsafe: true) == nil)
    }

    @Test func textNoOptionRepairsIsRefusedUnlessForced() throws {
        let cut = [UInt8](try Data(contentsOf: FixtureTests.root.appendingPathComponent("invalid-utf8/trigger-cut-in-letter.csv")))
        let remedy = ", which refuses the file unless `--force`: its text that is not UTF-8 (a value cut inside a character, or UTF-16 damage) must be restored at its source (invalid-utf8)"
        #expect(try Self.summary(cut, name: "cut.csv").hasSuffix(remedy))
        #expect(try Self.refusal(cut, name: "cut.csv", unsafe: true) != nil)
        // An unpaired surrogate in a UTF-16LE file.
        var damaged = Self.utf16("First Name,Last Name,Email\r\nAnn ,Lee,ann@widget.com\r\nBo,X")
        damaged += [0x00, 0xD8] + Self.utf16("y,bo@widget.com\r\n").dropFirst(2)
        let damagedSummary = try Self.summary(damaged, name: "u16.csv")
        #expect(damagedSummary.hasSuffix(remedy), "\(damagedSummary)")
        #expect(try Self.refusal(damaged, name: "u16.csv", unsafe: true) != nil)
    }

    /// The fuzzer's header of NULs read from UTF-16: refused until --unsafe-fixes replaces them; a lone
    /// NUL, which can never make a written file binary, is no refusal.
    @Test func nulCharactersThatWouldMakeTheFileBinary() throws {
        let nuls = Self.utf16("First" + String(repeating: "\u{0}", count: 60) + " Name,Last Name,Email\r\nAnn,Lee ,ann@widget.com\r\n")
        #expect(try Self.summary(nuls, name: "nul.csv").contains(", which refuses the file if its NUL characters make the written file read as binary, until `--unsafe-fixes` replaces them (control-character) or unless `--force`"))
        #expect(try Self.refusal(nuls, name: "nul.csv")?.contains("NUL") == true)
        let one = Self.utf16("First Name,Last Name,Email\r\nAnn\u{0},Lee ,ann@widget.com\r\n")
        #expect(!(try Self.summary(one, name: "one.csv")).contains("refuses"))
        #expect(try Self.refusal(one, name: "one.csv") == nil)
    }
}
