import Testing
@testable import ImportLintCore

@Suite struct ClusterRuleTests {
    /// A variant with more rows than the rule keeps in memory is placed by reading the file again: every
    /// row is still reported, at its own line and record, also after blank lines and a #TYPE line.
    @Test func variantBeyondKeptOccurrencesIsReportedOnEveryRow() throws {
        var text = "#TYPE System.Management.Automation.PSCustomObject\nPrimary Email,Name,Organization\n"
        var expected: [(line: Int, record: Int)] = []
        var line = 2, record = 0
        for i in 0..<450 {
            if i == 200 {
                text += "\n"
                line += 1
            }
            line += 1
            record += 1
            let variant = i % 3 == 0
            text += "p\(i)@widget.com,P \(i),\(variant ? "WIDGET USA" : "Widget USA")\n"
            if variant { expected.append((line, record)) }
        }
        #expect(expected.count > ClusterRule.keptOccurrences)
        let report = try Linter(options: LintOptions(selection: RuleSelection(select: ["ORG"])))
            .lint(.bytes(Array(text.utf8), displayPath: "people.csv")).report
        let found = report.diagnostics.filter { $0.rule == "organization-variants" }
        #expect(found.map(\.line) == expected.map(\.line))
        #expect(found.map(\.record) == expected.map(\.record))
        #expect(found.allSatisfy { $0.column == 17 + String($0.record! - 1).count * 2 })
        #expect(report.clusters?.first?.members.first { $0.value == "WIDGET USA" }?.count == expected.count)
        #expect(report.clusters?.first?.members.first { $0.value == "WIDGET USA" }?.lines.count == ClusterRule.keptOccurrences)
    }
}

@Suite struct ValueRulesRuleTests {
    /// The same text in two columns gets each column's own verdict (the caches are per column).
    @Test func verdictCachesArePerColumn() throws {
        let text = "Primary Email,Name,Disabled,VIP\na@widget.com,A,1,yes\nb@widget.com,B,yes,1\n"
        let report = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "p.csv")).report
        let booleans = report.diagnostics.filter { $0.rule == "invalid-boolean" }
        #expect(booleans.map(\.field) == ["VIP", "Disabled"])
        #expect(booleans.map(\.line) == [2, 3])
    }
}
