import Foundation
import Testing
@testable import ImportLintCore

@Suite struct WhitespaceTests {
    /// The shortcut for ends of printable ASCII gives Foundation's answer, for strings and substrings alike:
    /// tabs, no-break and ideographic spaces, control characters and combining marks at either end.
    @Test(arguments: ["", " ", "\t", "Name", " Name", "Name\t", "\u{00A0}Name", "Name\u{3000}", "a b", "\u{1}x",
                      "x\u{1}", "é", "x\u{0301}", "\u{2003}", "First Name [Required] ", "\u{85}x"])
    func trimsAsFoundationDoes(_ text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        let inner = ("<" + text + ">").dropFirst().dropLast()
        #expect(inner.trimmingWhitespace() == inner.trimmingCharacters(in: .whitespaces))
    }
}
