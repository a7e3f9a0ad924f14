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

    /// Lines of tab-separated spellings, the English name first; `#` starts a comment line.
    init(table: String) {
        var names: [String: String] = [:]
        for line in table.split(separator: "\n") where !line.hasPrefix("#") {
            let spellings = line.split(separator: "\t").map { NameTokenizer.tokens(of: FoldForKey.fold(String($0))) }
            guard let id = spellings.first, !id.isEmpty else { continue }
            let token = "#" + id.joined(separator: "_")
            for words in spellings where !words.isEmpty { names[words.joined(separator: " ")] = token }
        }
        self.names = names
        self.firstTokens = Set(names.keys.map { String($0.split(separator: " ")[0]) })
        self.longestName = names.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    /// The city token when `words` are exactly one city's spelling.
    func city(_ words: ArraySlice<String>) -> String? {
        guard let first = words.first, firstTokens.contains(first), words.count <= longestName else { return nil }
        return names[words.joined(separator: " ")]
    }
}
