import Foundation
import Testing
@testable import ImportLintCore

/// rules/tables/city-keys.tsv must be city-names.tsv folded as `CityNames` folds it. After editing
/// city-names.tsv, IMPORTLINT_UPDATE_GOLDENS=1 rewrites the folded table and fails (then run
/// Scripts/embed-rules.py).
@Suite struct CityNamesTableTests {
    static let tables = TestSupport.packageRoot.appendingPathComponent("rules/tables")
    static let source = (try? String(contentsOf: tables.appendingPathComponent("city-names.tsv"), encoding: .utf8)) ?? ""

    @Test func foldedTableMatchesTheSpellings() throws {
        try Golden.check(Array(CityNames.computedTable(from: Self.source).utf8), Self.tables.appendingPathComponent("city-keys.tsv"),
                         "city-names.tsv folded")
    }

    /// Every spelling of a line, folded, is that line's city; the first words of spellings and only they start one.
    @Test func everySpellingNamesItsCity() throws {
        let cities = try #require(CityNames(table: EmbeddedRules.files["tables/city-keys.tsv"]))
        var longest = 0
        var firstWords: Set<String> = [], words: Set<String> = []
        for line in Self.source.split(separator: "\n") where !line.hasPrefix("#") {
            let spellings = line.split(separator: "\t").map { NameTokenizer.tokens(of: FoldForKey.fold(String($0))) }
            let token = "#" + spellings[0].joined(separator: "_")
            for spelling in spellings {
                #expect(cities.city(spelling[...]) == token, "\(spelling)")
                longest = max(longest, spelling.count)
                firstWords.insert(spelling[0])
                words.formUnion(spelling)
            }
        }
        #expect(cities.city(["munchen"]) == "#munich" && cities.city(["new", "york"]) == "#new_york")
        #expect(cities.longestName == longest && longest > 1)
        #expect(firstWords.allSatisfy { cities.startsName($0) })
        for word in words.union(firstWords.map { $0 + "x" }).subtracting(firstWords) {
            #expect(!cities.startsName(word) && cities.city([word]) == nil, "'\(word)'")
        }
    }

    /// Lookups search the keys in byte order, so a table out of that order is refused (and folded instead).
    @Test func tableOutOfOrderIsRefused() {
        #expect(CityNames(table: "city\tbern\t#bern\ncity\tparis\t#paris\n") != nil)
        #expect(CityNames(table: "city\tparis\t#paris\ncity\tbern\t#bern\n") == nil)
        #expect(CityNames(table: "city\tbern\t#bern\ncity\tbern\t#bern\n") == nil)
        #expect(CityNames(table: "city\tbern\n") == nil)
        #expect(CityNames(table: "town\tbern\t#bern\n") == nil)
    }
}
