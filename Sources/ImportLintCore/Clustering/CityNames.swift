/// City names and their exonyms from `rules/tables/city-names.tsv`: "München", "Munich" and
/// "Muenchen" all become the token "#munich". Also the cities an appended branch may name
/// ("Widget N.V., Amsterdam").
struct CityNames: Sendable {
    /// `city` lines: folded, space-joined spelling → token ("#munich", "#new_york").
    private let table: SortedKeyTable

    /// The spellings folded ahead (`rules/tables/city-keys.tsv`, which `CityNamesTableTests` checks against
    /// city-names.tsv): folding 400 spellings cost 5.7 M instructions, more than a small file's clustering.
    /// Folded here when the folded table is missing or malformed.
    static let shared = CityNames(table: EmbeddedRules.files["tables/city-keys.tsv"])
        ?? CityNames(table: computedTable(from: EmbeddedRules.files["tables/city-names.tsv"] ?? ""))!

    /// Reads a table as `computedTable` writes it; nil unless it is well formed and in order.
    init?(table: String?) {
        guard let table, let sorted = SortedKeyTable(table, kinds: ["city"]) else { return nil }
        self.table = sorted
    }

    /// The folded table of `source`'s lines of tab-separated spellings, the English name first (`#` starts a
    /// comment line), as `rules/tables/city-keys.tsv` holds it.
    static func computedTable(from source: String) -> String {
        var names: [String: String] = [:]
        for line in source.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let spellings = line.split(separator: UInt8(ascii: "\t")).map {
                NameTokenizer.tokens(of: FoldForKey.fold(String(decoding: $0, as: UTF8.self)))
            }
            guard let id = spellings.first, !id.isEmpty else { continue }
            let token = "#" + id.joined(separator: "_")
            for words in spellings where !words.isEmpty { names[words.joined(separator: " ")] = token }
        }
        return SortedKeyTable.text(header: "# Generated from city-names.tsv by CityNames (see CityNamesTableTests); do not edit.\n",
                                   [("city", names)])
    }

    /// Whether some spelling is the word `word` or starts with it.
    func startsName(_ word: String) -> Bool { table.startsKey(word, kind: 0) }

    /// The most words a spelling has.
    var longestName: Int { table.longestKey[0] }

    /// The city token when `words` are exactly one city's spelling.
    func city(_ words: ArraySlice<String>) -> String? {
        guard let first = words.first, startsName(first), words.count <= longestName else { return nil }
        return table.value(of: words.joined(separator: " "), kind: 0)
    }
}
