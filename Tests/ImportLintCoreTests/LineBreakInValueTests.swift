import Testing
@testable import ImportLintCore

/// Lines of a name or reference cell, counted the way the reader ends lines (LF, CRLF, CR).
@Suite struct LineBreakInValueTests {
    @Test(arguments: [("Widget Inc", 1), ("Widget Inc\nWidget Labs", 2), ("Widget Inc\r\nWidget Labs", 2),
                      ("Widget Inc\rWidget Labs", 2), ("A\r\nB\nC\rD", 4), ("Ann Lee\r\n", 2), ("\n", 2), ("", 1),
                      ("Anne\u{2028}Lee", 1)])
    func linesAreCounted(_ value: String, _ lines: Int) {
        let bytes = Array(value.utf8)
        #expect(bytes.withUnsafeBufferPointer(LineBreakInValueRule.lineCount) == lines, "\(value.debugDescription)")
    }
}
