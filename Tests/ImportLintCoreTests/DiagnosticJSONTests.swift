import Testing
@testable import ImportLintCore

/// A content met again is written from its remembered rendering with the position's numbers laid in
/// (`DiagnosticJSON`): numbers whose lengths change from one finding to the next, and a record that comes
/// and goes, must give the bytes a fresh rendering gives.
@Suite struct DiagnosticJSONTests {
    static func rendered(_ findings: [Diagnostic], sharingTable: Bool) -> String {
        PrettyJSONWriter.render { w in
            let shared = DiagnosticJSON(depth: 1)
            for d in findings { (sharingTable ? shared : DiagnosticJSON(depth: 1)).write(d, w) }
        }
    }

    @Test func numbersOfChangingLengthsMatchFreshRenderings() {
        let first = Diagnostic(rule: .unreadableInput, line: 9, column: 1, record: 8, field: "Name",
                               message: "'x \"y\"' has trailing whitespace", fix: Fix(.safe, "Trim", replacement: "x"),
                               values: ["x "])
        let positions: [(Int, Int, Int?)] = [(1, 9, 8), (1, 10, 9), (12, 10, 9), (12, 100, nil), (7, 100, nil), (7, 1000, 999),
                                             (123_456, 5, 4), (3, 99_999, 99_998), (3, 100_000, 100_000), (1, 2, nil)]
        let findings = positions.map { column, line, record in
            var d = first
            d.column = column
            d.line = line
            d.record = record
            return d
        }
        #expect(findings.allSatisfy { $0.content === first.content }, "the findings share one content")
        #expect(Self.rendered(findings, sharingTable: true) == Self.rendered(findings, sharingTable: false))
    }

    /// Contents met once between the findings of repeated ones, and more repeated contents than the table
    /// has slots (so that some take a slot from another), leave every finding's bytes as a fresh rendering
    /// gives.
    @Test func contentsMetOnceBetweenRepeatedOnesMatchFreshRenderings() {
        func finding(_ message: String, line: Int, related: [RelatedLocation] = []) -> Diagnostic {
            Diagnostic(rule: .unreadableInput, line: line, column: 3, record: line - 1, field: "Locale", message: message,
                       related: related, fix: Fix(.unsafe, "Replace", replacement: "en"), values: ["en-GB"])
        }
        let repeated = (0..<600).map { finding("'l\($0)' is not in the table", line: 2) }
        var findings: [Diagnostic] = []
        for i in 0..<3_000 {
            // Met twice in a row, a repeated content takes its slot.
            for j in 0..<2 {
                var again = repeated[(i * 7) % repeated.count]
                again.line = 2 + 3 * i + j
                again.record = 1 + 3 * i + j
                findings.append(again)
            }
            findings.append(finding("value \(i) met once", line: 4 + 3 * i,
                                    related: i % 3 == 0 ? [RelatedLocation(line: i, message: "first \"here\"")] : []))
        }
        #expect(Self.rendered(findings, sharingTable: true) == Self.rendered(findings, sharingTable: false))
    }
}
