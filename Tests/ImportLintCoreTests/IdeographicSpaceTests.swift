import Testing
@testable import ImportLintCore

/// An ideographic space (U+3000) at a cell's edge is surrounding-whitespace's finding with an unsafe fix
/// that removes it; one inside the value stays.
@Suite struct IdeographicSpaceTests {
    static func finding(_ value: String) -> ValueFinding? {
        TextHygiene.check(value, kind: .text).first { $0.rule == .surroundingWhitespace }
    }

    @Test(arguments: [("渡辺\u{3000}", "渡辺"), ("\u{3000}鈴木 一郎", "鈴木 一郎"), ("一郎 \u{3000}", "一郎"),
                      ("\u{3000}営業\u{3000}第一課\u{3000}", "営業\u{3000}第一課"), ("\u{3000}", "")])
    func edgeSpaceIsRemovedUnsafely(_ value: String, _ trimmed: String) throws {
        let found = try #require(Self.finding(value))
        #expect(found.fix?.applicability == .unsafe)
        #expect(found.fix?.replacement == trimmed)
        #expect(found.message.contains("U+3000"))
    }

    @Test(arguments: ["営業\u{3000}第一課", "鈴木 一郎", "渡辺 "])
    func innerOrOtherSpaceIsNotThisFinding(_ value: String) {
        #expect(Self.finding(value) == nil)
    }

    /// A cell whose edge is a space the cell scanner trims gets that finding and its safe fix alone, not a
    /// second one of the same rule with a conflicting unsafe fix; the ideographic space shows after the fix.
    @Test func cellAlsoEndingInASpaceIsLeftToTheSafeTrim() throws {
        #expect(Self.finding("一郎\u{3000} ") == nil)
        #expect(Self.finding("\u{A0}\u{3000}一郎") == nil)
        let afterTrim = try #require(Self.finding(Whitespace.trim("一郎\u{3000} ")))
        #expect(afterTrim.fix?.replacement == "一郎")
    }
}
