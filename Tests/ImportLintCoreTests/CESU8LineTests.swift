import Testing
@testable import ImportLintCore

/// A character beyond U+FFFF ('𠮷', an emoji) written as a UTF-16 surrogate pair, each half as a 3-byte
/// sequence (CESU-8: Oracle's 'UTF8' character set, Java's modified UTF-8), is not UTF-8: the invalid-utf8
/// finding names the characters the bytes encode instead of a code page's reading of them.
@Suite struct CESU8LineTests {
    static func lint(_ bytes: [UInt8]) throws -> [Diagnostic] {
        try Linter(options: LintOptions()).lint(.bytes(bytes, displayPath: "people.tsv")).report.diagnostics
    }

    @Test func surrogatePairsAreNamed() throws {
        let good = (0..<20).map { "p\($0)@widget.jp\t山田 太郎\n" }.joined()
        // '𠮷' (U+20BB7) is D842 DFB7; '😀' (U+1F600) is D83D DE00.
        let cesu: [UInt8] = [0xED, 0xA1, 0x82, 0xED, 0xBE, 0xB7] + Array("田 花子 ".utf8) + [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80]
        let text = Array("Primary Email\tName\n\(good)hanako@widget.jp\t".utf8) + cesu + [0x0A]
        let found = try Self.lint(text).filter { $0.rule == RuleDescriptor.invalidUTF8.name }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("CESU-8, as Oracle's 'UTF8' character set and Java's modified UTF-8 write characters beyond U+FFFF; in UTF-8 they are '𠮷😀', U+20BB7, U+1F600)") == true,
                "\(found.map(\.message))")
    }

    @Test func otherBadBytesKeepTheirReading() {
        #expect(ByteLevelRule.cesu8Hint([0xED, 0xA1, 0x82]) == nil)
        #expect(ByteLevelRule.cesu8Hint([0xE9, 0xA1, 0x82, 0xED, 0xBE, 0xB7]) == nil)
        #expect(ByteLevelRule.cesu8Hint([0xED, 0xBE, 0xB7, 0xED, 0xA1, 0x82]) == nil, "a low surrogate first")
    }
}
