import Testing
@testable import ImportLintCore

/// Deselecting rules removes their work: the check that reports them is not made for the file at all, so
/// its `check` can never be called, rather than running and having its findings dropped.
@Suite struct DeselectedRuleTests {
    private static let header = ["Primary Email", "Source", "Source ID", "Name", "Organization", "Locale", "Time Zone", "Employee Number"]

    private func rules(_ selection: RuleSelection) throws -> [RecordRule] {
        let profile = try #require(ProfileLoader.builtIn.first { $0.name == "4me-people" })
        let options = LintOptions(selection: selection)
        let (bindings, matches) = HeaderAnalysis.bind(header: Self.header, profile: profile)
        let context = FileContext(input: .bytes([], displayPath: "people.csv"), profile: profile, options: options,
                                  encoding: .utf8(bom: false), delimiter: 0x2C, header: Self.header, bindings: bindings, matches: matches, headerLine: 1)
        return RuleFactory.rules(for: context)
    }

    private func names(_ selection: RuleSelection) throws -> Set<String> {
        Set(try rules(selection).map { String(describing: type(of: $0)) })
    }

    @Test func everyRuleRunsByDefault() throws {
        let all = try names(RuleSelection())
        for expected in ["ByteLevelRule", "RecordShapeRule", "MalformedQuoteRule", "SurroundingWhitespaceRule",
                         "ValueRulesRule", "DuplicateIdentifierRule", "MissingValueRule"] {
            #expect(all.contains(expected), "\(expected) missing from \(all.sorted())")
        }
    }

    @Test(arguments: [
        ("ID001", "DuplicateIdentifierRule"), ("duplicate-identifier", "DuplicateIdentifierRule"),
        ("ENC", "ByteLevelRule"), ("STR", "RecordShapeRule"), ("STR", "MalformedQuoteRule"),
        ("TXT006", "SurroundingWhitespaceRule"), ("VAL001", "MissingValueRule"), ("ID", "EmptyCellRule"),
    ])
    func ignoredRuleIsNotMade(selector: String, rule: String) throws {
        #expect(try names(RuleSelection()).contains(rule))
        #expect(!(try names(RuleSelection(ignore: [selector])).contains(rule)))
    }

    @Test func valueRulesAreNotMadeWhenEveryValueAndHygieneRuleIsIgnored() throws {
        #expect(!(try names(RuleSelection(ignore: ["VAL", "DIR", "XLS", "TXT"])).contains("ValueRulesRule")))
    }

    @Test func selectingOneRuleMakesOnlyItsCheck() throws {
        #expect(try names(RuleSelection(select: ["ID001"])) == ["DuplicateIdentifierRule"])
        #expect(try names(RuleSelection(select: ["ENC"])) == ["ByteLevelRule"])
        // integer-as-float is an Excel (XLS) rule but not one of the value rules' cell checks.
        #expect(try names(RuleSelection(select: ["XLS004"])) == ["IntegerAsFloatRule"])
    }

    /// No check is made whose every finding is deselected, whichever single rule is ignored or selected.
    @Test func noCheckRunsForNothing() throws {
        for descriptor in RuleCatalog.all {
            for selection in [RuleSelection(ignore: [descriptor.code]), RuleSelection(select: [descriptor.code])] {
                for rule in try rules(selection) {
                    let reports = try #require(rule.reports, "\(type(of: rule)) does not say what it reports")
                    #expect(reports.contains(where: selection.isEnabled), "\(type(of: rule)) runs for \(descriptor.code)")
                }
            }
        }
    }
}
