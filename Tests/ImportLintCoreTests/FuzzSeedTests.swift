import Foundation
import Testing
@testable import ImportLintCore

/// The inputs in Tests/fuzz-seeds (issue 11's adversarial cells and what fuzzing and the property test
/// found) keep the fuzz target's fixer properties: lint and fix finish, the records are kept, and fixing
/// the output again changes nothing.
@Suite struct FuzzSeedTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("Tests/fuzz-seeds")
    static let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasSuffix(".md") }.sorted()

    @Test func seedsArePresent() {
        #expect(Self.seeds.count >= 5, "no seeds in \(Self.folder.path)")
    }

    @Test(arguments: seeds)
    func fixKeepsRecordsAndIsStable(name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        for unsafe in [false, true] {
            var options = FixOptions()
            options.unsafeFixes = unsafe
            let (first, fixedOrNil) = try FixHarness.fix(bytes, name: name, options: options)
            // A file with a fatal structural error, or in a code page that is only a guess, is refused.
            guard let fixed = fixedOrNil else {
                #expect(first.report.refused != nil, "\(name): nothing written and no reason given")
                continue
            }
            #expect(first.report.summary.recordsOut == first.report.summary.recordsIn, "\(name)")
            options.lint = LintOptions(profile: first.report.profile, delimiter: first.report.outputDelimiter.utf8.first)
            let (_, again) = try FixHarness.fix(fixed, name: name, options: options)
            #expect(again == fixed, "\(name) (unsafe: \(unsafe)): fixing the output changed it")
        }
    }
}
