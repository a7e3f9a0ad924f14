import Foundation
import Testing
@testable import ImportLintCore

/// The mojibake rule on its labelled evaluation set (fixtures/mojibake-eval/evaluation.tsv, made by
/// Scripts/make-mojibake-eval.py). The floors are the measured figures: a change that makes the rule flag
/// or rewrite correct text, or find or repair less damage, fails here. Scripts/bench-mojibake.py prints the
/// same figures next to ftfy's; IMPORTLINT_MOJIBAKE_ERRORS=1 lists every miss and false alarm.
@Suite struct MojibakeEvalTests {
    struct Row { var text, label, expected, chain: String }

    static func rows() throws -> [Row] {
        let url = TestSupport.packageRoot.appendingPathComponent("fixtures/mojibake-eval/evaluation.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        return lines.dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(text: f[0], label: f[1], expected: f[2], chain: f[3])
        }
    }

    @Test func evaluationSet() throws {
        let rows = try Self.rows()
        #expect(rows.count >= 600)
        var flaggedClean = 0, safeRewritesOfClean = 0, found = 0, exact = 0, safeExact = 0, safeWrong = 0
        let damaged = rows.filter { $0.label == "damaged" }.count
        let listErrors = ProcessInfo.processInfo.environment["IMPORTLINT_MOJIBAKE_ERRORS"] != nil
        for row in rows {
            let finding = Mojibake.check(row.text)
            let replacement = finding?.fix?.replacement
            let safe = finding?.fix?.applicability == .safe
            // Fixing twice changes nothing the second time.
            if safe, let replacement, let again = Mojibake.check(replacement) {
                Issue.record("the repair of \(row.text.debugDescription) is reported again: \(again.message)")
            }
            if row.label == "clean" {
                if finding != nil { flaggedClean += 1 }
                if safe { safeRewritesOfClean += 1 }
            } else if finding != nil {
                found += 1
                if replacement == row.expected { exact += 1; if safe { safeExact += 1 } } else if safe { safeWrong += 1 }
            }
            if listErrors, (row.label == "clean") == (finding != nil) || (finding != nil && replacement != row.expected) {
                print("\(row.label) \(row.chain) \(row.text.debugDescription) -> \(String(describing: replacement?.debugDescription)) \(safe ? "SAFE" : "")")
            }
        }
        let precision = 100.0 * Double(found) / Double(max(1, found + flaggedClean))
        let recall = 100.0 * Double(found) / Double(damaged)
        let repair = 100.0 * Double(exact) / Double(damaged)
        let safeShare = 100.0 * Double(safeExact) / Double(damaged)
        print("mojibake eval: \(rows.count) strings, precision \(precision), recall \(recall), exact repair \(repair), safe exact repair \(safeShare), flagged clean \(flaggedClean), safe wrong repairs \(safeWrong)")
        #expect(safeRewritesOfClean == 0, "a safe fix rewrites correct text")
        #expect(safeWrong == 0, "a safe fix repairs damaged text wrongly")
        #expect(flaggedClean <= 1)
        #expect(precision >= 99.9)
        #expect(recall >= 99.8)
        #expect(repair >= 99.5)
        #expect(safeShare >= 84.5)
    }
}
