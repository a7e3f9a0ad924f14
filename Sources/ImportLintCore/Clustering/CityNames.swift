/// City names and their exonyms from `rules/tables/city-names.tsv`: "München", "Munich" and
/// "Muenchen" all become the token "#munich". Also the cities an appended branch may name
/// ("Widget N.V., Amsterdam").
struct CityNames: Sendable {
    /// Folded, space-joined spelling → token ("#munich", "#new_york").
    let names: [String: String]
    /// First words of the spellings, to skip most lookups quickly.
    let firstTokens: Set<String>
    let longestName: Int

    static let shared = CityNames(table: EmbeddedRules.files["tables/city-names.tsv"] ?? "")

    /// Lines of tab-separated spellings, the English name first; `#` starts a comment line. Split as
    /// bytes, like `CountryNames`: splitting Characters was a third of building the table, which the
    /// first clustered value of every run waits for.
    init(table: String) {
        var names: [String: String] = [:]
        for line in table.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let spellings = line.split(separator: UInt8(ascii: "\t")).map {
                NameTokenizer.tokens(of: FoldForKey.fold(String(decoding: $0, as: UTF8.self)))
            }
            guard let id = spellings.first, !id.isEmpty else { continue }
            let token = "#" + id.joined(separator: "_")
            for words in spellings where !words.isEmpty { names[words.joined(separator: " ")] = token }
        }
        self.names = names
        let spaced = SpacedNames(names.keys)
        firstTokens = spaced.firstTokens
        longestName = spaced.longestName
    }

    /// The city token when `words` are exactly one city's spelling.
    func city(_ words: ArraySlice<String>) -> String? {
        guard let first = words.first, firstTokens.contains(first), words.count <= longestName else { return nil }
        return names[words.joined(separator: " ")]
    }
}
