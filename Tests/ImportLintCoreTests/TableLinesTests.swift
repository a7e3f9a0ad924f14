import Foundation
import Testing
@testable import ImportLintCore

/// `ProfileLoader.tableLines` scans bytes; it must give the lines Character-wise splitting and Foundation's
/// trimming gave, for the shipped tables and for a user's table with any line breaks and spaces.
@Suite struct TableLinesTests {
    /// The reference: what the loader did before it scanned bytes.
    private func expected(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private func actual(_ text: String) -> [String] {
        ProfileLoader.lines(of: text).filter { !$0.hasPrefix("#") && !ProfileLoader.isBlank($0) }
    }

    @Test func shippedTablesGiveTheSameLines() {
        let tables = EmbeddedRules.files.filter { $0.key.hasPrefix("tables/") }
        #expect(tables.count >= 5)
        for (name, text) in tables {
            #expect(actual(text) == expected(text), "\(name)")
        }
    }

    @Test func awkwardBreaksAndSpacesGiveTheSameLines() {
        let samples = [
            "a\r\nb\rc\nd", "\u{0B}x\u{0C}y\u{85}z\u{2028}w\u{2029}v", "  \t \n\u{A0}\u{3000}\nx y\n",
            "#comment\n #not a comment\n#\u{301}accent\n", "\u{2027}\u{2030}é\u{85}\u{C2}", "", "\n\n\r\n",
            "tab\tseparated\tline\r\n\u{200B}\n\u{FEFF}\n", "end without break",
        ]
        for text in samples {
            #expect(actual(text) == expected(text), "\(text.debugDescription)")
        }
    }

    @Test func readsATableFromAPath() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("table-\(UUID().uuidString).txt")
        try Data("# header\r\nONE\r\n\r\n  \r\ntwo\u{2028}three".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ProfileLoader.tableLines(url.path) == ["ONE", "two", "three"])
    }
}
