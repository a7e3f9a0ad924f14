import Foundation
import Testing
@testable import ImportLintCore

/// 4me's own samples from its developer documentation (fixtures/vendor-samples/README.md) are files 4me
/// reads: importlint must not report an error on them.
@Suite struct VendorSampleTests {
    static func sample(_ name: String) throws -> FixtureCase {
        let input = FixtureTests.root.appendingPathComponent("vendor-samples").appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: input.path), "missing vendor sample \(name)")
        return FixtureCase(rule: "vendor-samples", input: input)
    }

    @Test func peopleSampleHasNoErrorWithItsOrganizationsKnown() throws {
        let fixture = try Self.sample("4me-people-docs-sample.csv")
        let report = try FixtureTests.lint(fixture)
        #expect(report.profile == "4me-people")
        #expect(report.records == 3)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        // 'Widget North America, Information Technology @widget' is compared by its name.
        #expect(!report.diagnostics.contains { $0.rule == RuleDescriptor.unknownOrganization.name })
        // What the documentation says happens: Source and Source ID are cleared on a Primary Email match.
        #expect(report.diagnostics.filter { $0.rule == RuleDescriptor.identifierCleared.name }.count == 3)
    }

    @Test func contactsSampleHasNoError() throws {
        let report = try FixtureTests.lint(try Self.sample("4me-contacts-docs-sample.csv"))
        #expect(report.profile == "4me-contacts")
        #expect(report.records == 11)
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        let skype = report.diagnostics.filter { $0.values.first == "skype" }
        #expect(skype.map(\.severity) == [.warning])
    }
}

/// The examples `importlint rule NAME` shows for the rules whose facts follow the 4me documents do what
/// they say: the triggering one raises the rule at its default severity, the clean one does not raise it.
@Suite struct DocumentedRuleExampleTests {
    static let rules: [RuleDescriptor] = [.invalidBoolean, .invalidTimeZone, .unsupportedLocale, .emptyValue,
                                          .identifierCleared, .emptyColumn, .ungroupedContactRows]

    @Test(arguments: rules.map(\.name))
    func examplesDoWhatTheySay(_ name: String) throws {
        let rule = try #require(RuleCatalog.find(name))
        let triggered = try TestSupport.lint(rule.triggeringExample).report.diagnostics.filter { $0.code == rule.code }
        #expect(!triggered.isEmpty, "\(name): triggering example")
        #expect(triggered.contains { $0.severity == rule.severity }, "\(name): \(triggered.map(\.severity))")
        let clean = try TestSupport.lint(rule.cleanExample).report.diagnostics.filter { $0.code == rule.code }
        #expect(clean.isEmpty, "\(name): clean example raised \(clean.map(\.message))")
    }
}
