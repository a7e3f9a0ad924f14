import CICU
import Testing
@testable import ImportLintCore

/// Found by charset3 (Scripts/charset-corpus.py --pages ISO-8859-15 --seed 2): the judge reads the first
/// 16 KB of non-ASCII lines, and an ISO-8859-15 file whose first 'Ž' (0xB4, '´' in Windows-1252) came after
/// them was transcoded from Windows-1252 as safe, writing '´iga' for 'Žiga'.
@Suite struct UnjudgedCharacterTests {
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
        let unjudged = try #require(found.guess?.unjudgedCharacter)
        #expect(unjudged.bytes == [0xB4] && unjudged.line == 802 && unjudged.otherCharset == "ISO-8859-15")
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
        #expect(found.guess?.unjudgedCharacter == nil)
        let (_, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        #expect(String(decoding: try #require(written), as: UTF8.self).contains("Zoë,Janssen,Gent"))
    }

    /// More than 16 KB of East Asian names, which `charset` and the other page of its group read alike, then
    /// the bytes `late` as the name on a line of their own (line 1,002).
    static func eastAsianDirectory(_ names: [String], in charset: String, endingWith late: [UInt8]) -> [UInt8] {
        var text = "Name,Email\r\n"
        for i in 0..<1000 { text += names[i % names.count] + ",user\(i)@example.com\r\n" }
        return encodedByICU(text, in: charset) + late + Array(",late@example.com\r\nAnna,anna@example.com\r\n".utf8)
    }

    static func encodedByICU(_ text: String, in charset: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out = [UInt8](repeating: 0, count: utf8.count * 2 + 16)
        let n = utf8.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { s in
                out.withUnsafeMutableBufferPointer { o in
                    o.withMemoryRebound(to: CChar.self) { cicu_encode(charset, s.baseAddress!, Int32(utf8.count), $0.baseAddress!, Int32($0.count)) }
                }
            }
        }
        return Array(out.prefix(Int(max(n, 0))))
    }

    static let simplified = ["王伟", "李娜", "张敏", "刘洋", "陈静"]
    static let traditional = ["陳志明", "林怡君", "黃俊傑", "張雅婷"]

    /// A GBK file's group holds GB18030, whose four-byte characters (CJK extension B name characters such as
    /// '𠮷') GBK cannot decode and whose two-byte '䶮' GBK reads as a user-defined character: after the judged
    /// sample either was transcoded from GBK as safe, writing U+FFFD or a private-use character for the name.
    @Test(arguments: [([0x95, 0x34, 0xB2, 0x35] as [UInt8], "𠮷"), ([0xFE, 0x9F], "䶮")])
    func aLateGB18030CharacterMakesAGBKTranscodeUnsafe(late: [UInt8], meant: String) throws {
        let bytes = Self.eastAsianDirectory(Self.simplified, in: "GBK", endingWith: late)
        let found = try legacy(bytes)
        #expect(found.charset == "GBK")
        #expect(!found.transcodeIsSafe)
        let unjudged = try #require(found.guess?.unjudgedCharacter)
        #expect(unjudged.bytes == late && unjudged.line == 1002 && unjudged.otherCharset == "GB18030")
        #expect(unjudged.otherReading == meant.unicodeScalars.map(\.value))
        let (refused, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        #expect(written == nil)
        #expect(refused.report.refused?.contains("line 1002") == true)
    }

    /// Big5's user-defined area is where Big5-HKSCS puts Cantonese and Hong Kong name characters ('嘅').
    @Test func aLateHKSCSCharacterMakesABig5TranscodeUnsafe() throws {
        let found = try legacy(Self.eastAsianDirectory(Self.traditional, in: "Big5", endingWith: [0x9D, 0xEF]))
        #expect(found.charset == "Big5" && !found.transcodeIsSafe)
        let unjudged = try #require(found.guess?.unjudgedCharacter)
        #expect(unjudged.otherCharset == "Big5-HKSCS" && unjudged.otherReading == [0x5605])
        #expect(unjudged.bestReading.allSatisfy(CharsetJudge.isPrivateUse))
    }

    /// A user-defined character or bytes the best page cannot decode make the judged sample no clear reading;
    /// after it they do too, though no other page of the group reads them.
    @Test(arguments: [[0xF0, 0x40] as [UInt8], [0x81, 0x2C]])
    func aLateCharacterShiftJISCannotReadAsTextMakesTheTranscodeUnsafe(late: [UInt8]) throws {
        let found = try legacy(Self.eastAsianDirectory(["佐藤", "鈴木", "高橋", "田中"], in: "Shift_JIS", endingWith: late))
        #expect(found.charset == "Shift_JIS" && !found.transcodeIsSafe)
        let unjudged = try #require(found.guess?.unjudgedCharacter)
        #expect(unjudged.bytes == late && unjudged.otherCharset == nil)
        #expect(found.findingMessage(consequence: "").contains("which Shift_JIS reads as"))
    }

    /// What the best page reads right stays safe: a Hangul syllable only windows-949 has (EUC-KR cannot
    /// decode it) and an NEC circled number, which Shift_JIS reads as Windows does (ICU's Shift_JIS is
    /// Windows-31J).
    @Test(arguments: [("windows-949", ["김민준", "이서연", "박지우"], "똠방각하"), ("Shift_JIS", ["佐藤", "鈴木", "高橋"], "①髙﨑"),
                      ("GBK", simplified, "欧阳娜娜")])
    func aLateCharacterTheBestPageReadsKeepsTheTranscodeSafe(charset: String, names: [String], late: String) throws {
        let bytes = Self.eastAsianDirectory(names, in: charset, endingWith: Self.encodedByICU(late, in: charset))
        let found = try legacy(bytes)
        #expect(found.charset == charset && found.transcodeIsSafe)
        #expect(found.guess?.unjudgedCharacter == nil)
        let (_, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        #expect(String(decoding: try #require(written), as: UTF8.self).contains(late + ",late@example.com"))
    }
}
