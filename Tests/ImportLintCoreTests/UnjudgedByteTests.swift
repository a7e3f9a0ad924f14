import Testing
@testable import ImportLintCore

/// Found by charset3 (Scripts/charset-corpus.py --pages ISO-8859-15 --seed 2): the judge reads the first
/// 16 KB of non-ASCII lines, and an ISO-8859-15 file whose first 'Ž' (0xB4, '´' in Windows-1252) came after
/// them was transcoded from Windows-1252 as safe, writing '´iga' for 'Žiga'.
@Suite struct UnjudgedByteTests {
    /// More than 16 KB of Western names in bytes Windows-1252 and ISO-8859-15 read alike, then `late`.
    static func directory(endingWith late: String) -> [UInt8] {
        let names = ["Renée,Lefèvre,Orléans", "Jürgen,Müller,Köln", "José,Muñoz,Málaga", "Françoise,Béranger,Nîmes"]
        var text = "First Name,Last Name,City\r\n"
        for i in 0..<800 { text += names[i % names.count] + "\r\n" }
        text += late + "\r\nAnna,Berg,Oslo\r\n"
        return CharsetJudgeTests.encoded(text, in: "ISO-8859-15")
    }

    func legacy(_ bytes: [UInt8]) throws -> LegacyEncoding {
        guard case .legacy(let legacy) = try EncodingSniffer.sniff({ MemorySource(bytes) }) else { throw InputError("not legacy") }
        return legacy
    }

    @Test func aLateByteAnotherCodePageOfTheGroupReadsOtherwiseMakesTheTranscodeUnsafe() throws {
        let bytes = Self.directory(endingWith: "Žiga,Novak,Ljubljana")
        let found = try legacy(bytes)
        #expect(found.charset == "windows-1252")
        #expect(!found.transcodeIsSafe)
        let unjudged = try #require(found.guess?.unjudgedByte)
        #expect(unjudged.byte == 0xB4 && unjudged.line == 802 && unjudged.otherCharset == "ISO-8859-15")
        #expect(found.findingMessage(consequence: "").contains("line 802 holds byte 0xB4"))
        let (refused, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        #expect(written == nil)
        #expect(refused.report.refused?.contains("0xB4") == true)
    }

    @Test func aLateByteTheGroupReadsAlikeKeepsTheTranscodeSafe() throws {
        let bytes = Self.directory(endingWith: "Zoë,Janssen,Gent")
        let found = try legacy(bytes)
        #expect(found.charset == "windows-1252")
        #expect(found.transcodeIsSafe)
        #expect(found.guess?.unjudgedByte == nil)
        let (_, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        #expect(String(decoding: try #require(written), as: UTF8.self).contains("Zoë,Janssen,Gent"))
    }
}
