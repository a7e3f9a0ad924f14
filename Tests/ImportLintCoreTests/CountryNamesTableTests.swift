import Foundation
import Testing
@testable import ImportLintCore

/// rules/tables/country-names.tsv must be exactly what ICU computes; IMPORTLINT_UPDATE_GOLDENS=1 rewrites
/// it (then run Scripts/embed-rules.py).
@Suite struct CountryNamesTableTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules/tables/country-names.tsv")

    @Test func shippedTableMatchesICU() throws {
        let computed = CountryNames()
        if ProcessInfo.processInfo.environment["IMPORTLINT_UPDATE_GOLDENS"] == "1" {
            try computed.tableText.write(to: Self.path, atomically: true, encoding: .utf8)
            return
        }
        let shipped = try #require(CountryNames(table: try String(contentsOf: Self.path, encoding: .utf8)))
        #expect(shipped.names == computed.names)
        #expect(shipped.codes == computed.codes)
        #expect(computed.names["deutschland"] == "de" && computed.codes["fra"] == "fr")
    }
}
