import Foundation
import Testing
@testable import ImportLintCore

/// Typo matching stays bounded on adversarial cells (issue 11, item 3): the banded edit distance agrees
/// with the full one, and a file with a 1 MB Organization cell lints (timed by hand: see the report).
@Suite struct ClusterBoundsTests {
    /// The textbook full-matrix optimal-string-alignment distance.
    static func fullDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let n = a.count, m = b.count
        var d = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in 0...n { d[i][0] = i }
        for j in 0...m { d[0][j] = j }
        if n > 0 && m > 0 {
            for i in 1...n {
                for j in 1...m {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
        }
        return d[n][m]
    }

    @Test func bandedDistanceMatchesTheFullMatrix() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt32.random(in: 97...100, using: &generator) }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in UInt32.random(in: 97...100, using: &generator) }
            let bound = Int.random(in: 0...6, using: &generator)
            let full = Self.fullDistance(a, b)
            #expect(EditDistance.bounded(a, b, bound: bound) == min(full, bound + 1), "\(a) \(b) \(bound)")
        }
    }

    @Test func longWordsAreNeverTypoCandidates() {
        #expect(TypoRule.isEligible("Donaudampfschifffahrtsgesellschaft"))
        #expect(!TypoRule.isEligible(String(repeating: "abcdefgh", count: 7)))
    }

    /// One Organization cell of 1 MB, one word and many words, beside a near twin: lint completes and
    /// the twins are still compared only as words.
    @Test func megabyteOrganizationCellLints() throws {
        let word = String(repeating: "organisationx", count: 80_000)
        let twin = String(word.dropLast()) + "y"
        let words = (0..<100_000).map { "Word\($0 % 97)x" }.joined(separator: " ")
        let csv = "Primary Email,Name,Organization\na@widget.test,Ann,\(word)\nb@widget.test,Bob,\(twin)\nc@widget.test,Cy,\(words)\nd@widget.test,Dee,Widget\n"
        #expect(csv.utf8.count > 2_000_000)
        let result = try TestSupport.lint(csv)
        #expect(result.report.records == 4)
    }
}
