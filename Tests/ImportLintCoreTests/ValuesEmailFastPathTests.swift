import Testing
@testable import ImportLintCore

@Suite struct ValuesEmailFastPathTests {
    static let samples = [
        "ann@widget.com", "ann.lee+hr@widget.co.uk", "o'neil@widget.com", "a@b.co", "x@y.c", "ann@widget",
        ".ann@widget.com", "ann.@widget.com", "an..n@widget.com", "ann@-widget.com", "ann@widget-.com", "ann@widget..com",
        "ann@widget.c0m", "ann@widget.123", "ann@@widget.com", "ann widget@x.com", "mailto:ann@widget.com",
        "<ann@widget.com>", "ann@[1.2.3.4]", "ann@widget.com.", "\"ann\"@widget.com", "ann@wid_get.com",
        String(repeating: "a", count: 65) + "@widget.com", "ann@" + String(repeating: "b", count: 64) + ".com",
        "zoë@widget.com", "ann@müller.de", "lucas.velasco@adventureworks.com", "a@b.cd", "ann@widget.com ",
    ]

    /// The fast path may only accept what the full check accepts; everything else takes the full check.
    @Test(arguments: samples)
    func fastPathNeverAcceptsWhatFullCheckRejects(_ address: String) {
        if EmailRule.isPlainValidASCII(address) {
            #expect(EmailRule.problem(in: address) == nil, "\(address)")
        }
    }

    @Test func fastPathTakesTheCommonCase() {
        #expect(EmailRule.isPlainValidASCII("lucas.velasco@adventureworks.com"))
        #expect(EmailRule.isPlainValidASCII("ann.lee+hr@widget.co.uk"))
        #expect(!EmailRule.isPlainValidASCII("ann@widget"))
    }
}
