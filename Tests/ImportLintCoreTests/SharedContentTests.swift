import Testing
@testable import ImportLintCore

/// Findings with equal content share one copy of it (`DiagnosticSink`), and equal means the same bytes.
/// String's == holds canonically equivalent spellings equal: a precomposed "ë" and "e" with a combining
/// diaeresis, or combining marks in either order. Compared that way, a finding took another cell's bytes
/// for its message and fix, and since the content's hash counts the message's bytes, two equal contents
/// could hash apart and the set of shared contents trapped ("Duplicate elements of type 'Content'").
@Suite struct SharedContentTests {
    /// Pairs of cells that are canonically equivalent but not the same bytes: NFC and NFD (a different
    /// length), and two combining marks in either order (the same length, so their contents hash equal).
    static let equivalentPairs = [("Zo\u{EB}", "Zoe\u{308}"), ("Ana\u{301}\u{323}", "Ana\u{323}\u{301}")]

    static func finding(_ cell: String, line: Int) -> Diagnostic {
        Diagnostic(rule: .unreadableInput, line: line, column: 1, record: line - 1, field: "Name",
                   message: "'\(cell) ' has trailing whitespace", fix: Fix(.safe, "Trim to '\(cell)'", replacement: cell),
                   values: [cell + " ", cell])
    }

    @Test func canonicallyEquivalentContentsAreNotEqual() {
        for (a, b) in Self.equivalentPairs {
            #expect(a == b, "String's == is the comparison the contents must not use")
            #expect(Self.finding(a, line: 2).content != Self.finding(b, line: 2).content)
        }
    }

    @Test func equalContentsHashEqual() {
        for (a, _) in Self.equivalentPairs {
            let x = Self.finding(a, line: 2).content, y = Self.finding(a, line: 3).content
            #expect(x == y)
            #expect(x.hashValue == y.hashValue)
        }
    }

    /// Every trailing-whitespace finding quotes its own cell's bytes and offers them trimmed.
    @Test func eachFindingQuotesItsOwnCell() throws {
        let cells = Self.equivalentPairs.flatMap { [$0.0, $0.1] }
        var options = LintOptions()
        options.profile = "4me-people"
        let text = "Name,Primary Email\n" + cells.enumerated().map { "\($1) ,p\($0)@widget.com\n" }.joined()
        let found = try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
            .filter { $0.rule == "surrounding-whitespace" }
        #expect(found.count == cells.count)
        for d in found {
            let cell = cells[d.line - 2]
            #expect(Array(d.message.utf8).starts(with: Array("'\(cell) '".utf8)), "line \(d.line): \(d.message.unicodeScalars.map(\.value))")
            #expect(d.fix.flatMap(\.replacement).map { Array($0.utf8) } == Array(cell.utf8), "line \(d.line)")
            #expect(d.values.first.map { Array($0.utf8) } == Array((cell + " ").utf8), "line \(d.line)")
        }
    }
}
