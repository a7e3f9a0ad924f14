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

    /// Counts stay exact when the memo of recent spellings forgets: 2,000 distinct organizations between
    /// the rows of two variants push them out of its slots again and again.
    @Test func variantCountsAreExactAmongManyDistinctValues() throws {
        var text = "Primary Email,Name,Organization\n"
        var variants = 0, canonical = 0
        for i in 0..<4000 {
            let organization: String
            if i % 2 == 1 {
                organization = "Filler \(i) Holdings"
            } else if i % 10 == 0 {
                organization = "WIDGET USA"
                variants += 1
            } else {
                organization = "Widget USA"
                canonical += 1
            }
            text += "p\(i)@widget.com,P \(i),\(organization)\n"
        }
        let report = try Linter(options: LintOptions(selection: RuleSelection(select: ["ORG"])))
            .lint(.bytes(Array(text.utf8), displayPath: "people.csv")).report
        let members = report.clusters?.first { cluster in cluster.members.contains { $0.value == "Widget USA" } }?.members
        #expect(members?.first { $0.value == "WIDGET USA" }?.count == variants)
        #expect(members?.first { $0.value == "Widget USA" }?.count == canonical)
    }

    /// Two spellings with as many rows each and neither better formed: the choice between them is a coin,
    /// so the finding says the file cannot tell which one the target knows (its fix stays unsafe), and a
    /// less common third spelling is still called a variant.
    @Test func tiedSpellingsAreNotCalledVariantsOfEachOther() throws {
        let text = """
            Primary Email,Name,Organization
            a@gdi.com,A,Graphic Design Institute Brazil
            b@gdi.com,B,Graphic Design Institute BR
            c@gdi.com,C,Graphic Design Institute Brazil
            d@gdi.com,D,Graphic Design Institute BR
            e@gdi.com,E,GRAPHIC DESIGN INSTITUTE BR

            """
        let report = try Linter(options: LintOptions(selection: RuleSelection(select: ["ORG"])))
            .lint(.bytes(Array(text.utf8), displayPath: "people.csv")).report
        let found = report.diagnostics.filter { $0.rule == "organization-variants" }
        #expect(found.map(\.line) == [2, 4, 6])
        #expect(found.prefix(2).allSatisfy { $0.message.contains("as common as each other") && $0.message.contains("cannot tell") })
        #expect(found.last?.message.contains("is a variant of 'Graphic Design Institute BR'") == true)
        #expect(found.allSatisfy { $0.fix?.applicability == .unsafe })
        // The report's cluster says it was a tie; a mapping written from it keeps the guess commented out.
        let cluster = try #require(report.clusters?.first)
        #expect(cluster.tie == true)
        let json = try JSONReporter.render(Report(files: [report]))
        #expect(json.contains("\"tie\" : true"))
        let mapping = ValueMapping.render([cluster])
        #expect(mapping.contains("#Graphic Design Institute Brazil\tGraphic Design Institute BR"))
        #expect(try ValueMapping.parse(mapping, path: "m.tsv").isEmpty)
        var decided = cluster
        decided.tie = nil
        #expect(try ValueMapping.parse(ValueMapping.render([decided]), path: "m.tsv").count == 2)
    }
}

@Suite struct ValueRulesRuleTests {
    /// The same text in two columns gets each column's own verdict (the caches are per column).
    @Test func verdictCachesArePerColumn() throws {
        let text = "Primary Email,Name,Disabled,VIP\na@widget.com,A,1,ja\nb@widget.com,B,ja,1\n"
        let report = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "p.csv")).report
        let booleans = report.diagnostics.filter { $0.rule == "invalid-boolean" }
        #expect(booleans.map(\.field) == ["VIP", "Disabled"])
        #expect(booleans.map(\.line) == [2, 3])
    }

    /// Recall and remember: clean values come back as nil, findings as stored, the qualifier is part of
    /// the key (case-insensitively), and a column of distinct values stops caching.
    @Test func verdictCacheRecallsWhatItRemembered() {
        func recall(_ cache: inout VerdictCache, _ value: String, _ qualifier: String? = nil) -> VerdictCache.Recall {
            let v = Array(value.utf8), q = qualifier.map { Array($0.utf8) }
            return v.withUnsafeBufferPointer { vp in
                guard let q else { return cache.recall(vp, qualifier: nil) }
                return q.withUnsafeBufferPointer { cache.recall(vp, qualifier: $0) }
            }
        }
        var cache = VerdictCache()
        defer { cache.deallocate() }
        let bad = [ValueFinding(.invalidBoolean, "'yes' is not 0, 1, true or false")]
        guard case .unknown(let first?) = recall(&cache, "yes") else { Issue.record("a new value is unknown"); return }
        #expect(cache.remember(bad, entry: first) == bad)
        guard case .unknown(let second?) = recall(&cache, "1") else { Issue.record("a new value is unknown"); return }
        #expect(cache.remember([], entry: second) == nil)
        guard case .known(let again) = recall(&cache, "yes"), case .known(nil) = recall(&cache, "1") else {
            Issue.record("seen values are known"); return
        }
        #expect(again == bad)
        guard case .unknown(let qualified?) = recall(&cache, "yes", "Email") else { Issue.record("the qualifier is part of the key"); return }
        _ = cache.remember([], entry: qualified)
        guard case .known(nil) = recall(&cache, "yes", "EMAIL") else { Issue.record("the qualifier is compared case-insensitively"); return }

        var distinct = VerdictCache()
        defer { distinct.deallocate() }
        for i in 0..<5_000 {
            if case .unknown(let entry) = recall(&distinct, "value \(i)") { _ = distinct.remember([], entry: entry) }
        }
        guard case .unknown(nil) = recall(&distinct, "value 1") else { Issue.record("a column of distinct values stops caching"); return }
    }
}
