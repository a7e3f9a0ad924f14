import Testing
@testable import ImportLintCore

/// Every descriptor's examples are real inputs (SwiftLint's approach): the triggering one raises the rule,
/// the clean one does not.
@Suite struct RuleExampleTests {
    static let rules = RuleCatalog.all.filter(\.available)

    @Test(arguments: rules.map(\.name))
    func examplesBehaveAsDocumented(_ name: String) throws {
        let rule = try #require(RuleCatalog.find(name))
        let triggered = try RuleExample.lint(rule.triggeringExample, of: rule).diagnostics
        #expect(triggered.contains { $0.rule == rule.name },
                "\(name)'s triggering example raises only \(triggered.map { "\($0.rule): \($0.message)" })")
        let clean = try RuleExample.lint(rule.cleanExample, of: rule).diagnostics
        #expect(!clean.contains { $0.rule == rule.name },
                "\(name)'s clean example raises it: \(clean.filter { $0.rule == rule.name }.map(\.message))")
    }

    @Test func escapesStandForRawBytes() {
        #expect(RuleExample.bytes("Lef\\xE8vre") == [0x4C, 0x65, 0x66, 0xE8, 0x76, 0x72, 0x65])
        #expect(RuleExample.bytes("\\xEF\\xBB\\xBFé") == [0xEF, 0xBB, 0xBF, 0xC3, 0xA9])
        #expect(RuleExample.bytes("C:\\photos\\x") == Array("C:\\photos\\x".utf8))
    }
}
