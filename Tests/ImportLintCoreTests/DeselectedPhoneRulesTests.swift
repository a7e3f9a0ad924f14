import Foundation
import Testing
@testable import ImportLintCore

/// Issue 15: "selecting rules away removes their cost". With invalid-phone and phone-missing-plus ignored, a
/// phone column's values are not parsed (libphonenumber is most of a contacts file's time), and every other
/// rule reports exactly as with them selected.
@Suite struct DeselectedPhoneRulesTests {
    static let phoneRules: Set<String> = [RuleDescriptor.invalidPhone.name, RuleDescriptor.phoneMissingPlus.name]

    @Test(arguments: ["invalid-phone/trigger-bad-numbers.csv", "invalid-phone/trigger-foreign-digits.csv",
                      "phone-missing-plus/trigger-excel-dropped-plus.csv",
                      "phone-missing-plus/trigger-contacts-no-default-region.tsv"])
    func otherRulesReportTheSame(_ name: String) throws {
        let path = TestSupport.packageRoot.appendingPathComponent("fixtures/\(name)").path
        var options = LintOptions()
        options.defaultRegion = "US"
        func findings() throws -> [String] {
            try Linter(options: options).lint(InputFile.reading(path)).report.diagnostics.map { "\($0.line) \($0.rule) \($0.message)" }
        }
        let all = try findings()
        options.selection = RuleSelection(ignore: Array(Self.phoneRules))
        let rest = try findings()
        #expect(all.contains { line in Self.phoneRules.contains { line.contains(" \($0) ") } }, "the fixture triggers a phone rule")
        #expect(rest == all.filter { line in !Self.phoneRules.contains { line.contains(" \($0) ") } })
    }

    @Test func phoneValuesAreNotParsedWhenNoPhoneRuleIsSelected() {
        var context = ValueContext(column: ColumnSpec(name: "Phone", kind: .phone), kind: .phone, allowed: nil, defaultRegion: "US",
                                   profileName: "test")
        #expect(ValueValidation.validate("12345", context: context).map(\.rule) == [.invalidPhone])
        context.checksPhones = false
        #expect(ValueValidation.validate("12345", context: context).isEmpty)
        // What does not rest on parsing the number stays.
        #expect(ValueValidation.validate("System.Object[]", context: context).map(\.rule) == [.powershellTypeName])
    }
}
