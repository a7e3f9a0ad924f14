import Foundation
import Testing
@testable import ImportLintCore

/// rules/tables/country-names.tsv must be exactly what ICU computes. Region display names change between
/// ICU releases, so the comparison needs the ICU version the table was generated with (its first line
/// names it) and is skipped, saying so, on any other. IMPORTLINT_UPDATE_GOLDENS=1 rewrites the table from
/// this machine's ICU and fails (then run Scripts/embed-rules.py).
@Suite struct CountryNamesTableTests {
    static let path = TestSupport.packageRoot.appendingPathComponent("rules/tables/country-names.tsv")
    static let shipped = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
    static let tableICUVersion = CountryNames.icuVersion(ofTable: shipped) ?? "unknown"

    @Test(.enabled(if: ICUBridge.version == tableICUVersion || Golden.updating,
                   "the table was generated with ICU \(tableICUVersion); this machine has ICU \(ICUBridge.version)"))
    func shippedTableMatchesICU() throws {
        let computed = CountryNames.computedTable()
        try Golden.check(Array(computed.utf8), Self.path, "the country-name table computed with ICU \(ICUBridge.version)")
        let table = try #require(CountryNames(table: computed))
        #expect(table.name("deutschland") == "de" && table.code("fra") == "fr")
    }

    @Test func shippedTableParses() throws {
        let table = try #require(CountryNames(table: Self.shipped))
        #expect(table.name("deutschland") == "de" && table.code("fra") == "fr")
        #expect(CountryNames.icuVersion(ofTable: Self.shipped) != nil, "the table's first line should name its ICU version")
    }

    /// The shipped lines, as (kind, key, alpha-2).
    static var lines: [(kind: Substring, key: String, code: String)] {
        shipped.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (fields[0], String(fields[1]), String(fields[2]))
        }
    }

    /// Every line is found by its key, searched in the table's bytes, and nothing else is.
    @Test func everyKeyFindsItsLine() throws {
        let table = try #require(CountryNames(table: Self.shipped))
        for line in Self.lines {
            let found = line.kind == "name" ? table.name(line.key) : table.code(line.key)
            #expect(found == line.code, "\(line.kind) '\(line.key)'")
        }
        let names = Set(Self.lines.filter { $0.kind == "name" }.map(\.key))
        for key in names.map({ $0 + "x" }) + names.map({ String($0.dropLast()) }) + ["", "zzzz", "aaa"] where !names.contains(key) {
            #expect(table.name(key) == nil, "'\(key)'")
        }
    }

    /// `startsName` answers for the names' first words, and the longest name is the one with the most words.
    @Test func parsedTableKnowsItsNamesFirstWords() throws {
        let table = try #require(CountryNames(table: Self.shipped))
        let words = Self.lines.filter { $0.kind == "name" }.map { $0.key.split(separator: " ").map(String.init) }
        let firstWords = Set(words.map { $0[0] })
        #expect(firstWords.allSatisfy { table.startsName($0) })
        let others = words.flatMap { $0 } + firstWords.map { $0 + "x" } + firstWords.map { String($0.dropLast()) }
        for word in Set(others).subtracting(firstWords) {
            #expect(!table.startsName(word), "'\(word)'")
        }
        #expect(table.longestName == words.map(\.count).max() && table.longestName > 1)
    }

    /// Lookups search the keys in byte order, so a table out of that order is refused (and computed instead).
    @Test func tableOutOfOrderIsRefused() {
        #expect(CountryNames(table: "name\tfrance\tfr\nname\tgermany\tde\ncode\tfr\tfr\n") != nil)
        #expect(CountryNames(table: "name\tgermany\tde\nname\tfrance\tfr\n") == nil)
        #expect(CountryNames(table: "name\tfrance\tfr\nname\tfrance\tfr\n") == nil)
        #expect(CountryNames(table: "name\tfrance\n") == nil)
    }
}
