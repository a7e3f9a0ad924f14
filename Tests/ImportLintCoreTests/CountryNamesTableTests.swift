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
        let computed = CountryNames()
        try Golden.check(Array(computed.tableText.utf8), Self.path, "the country-name table computed with ICU \(ICUBridge.version)")
        #expect(computed.names["deutschland"] == "de" && computed.codes["fra"] == "fr")
    }

    @Test func shippedTableParses() throws {
        let table = try #require(CountryNames(table: Self.shipped))
        #expect(table.names["deutschland"] == "de" && table.codes["fra"] == "fr")
        #expect(CountryNames.icuVersion(ofTable: Self.shipped) != nil, "the table's first line should name its ICU version")
    }

    /// The first words and longest name taken while the table's bytes are parsed are those its names give.
    @Test func parsedTableKnowsItsNamesFirstWords() throws {
        let table = try #require(CountryNames(table: Self.shipped))
        let words = table.names.keys.map { $0.split(separator: " ") }
        #expect(table.firstTokens == Set(words.map { String($0[0]) }))
        #expect(table.longestName == words.map(\.count).max() && table.longestName > 1)
    }
}
