/// What a scan of a value's tokens asks of a table of names held as space-joined words before it tries a
/// multi-word name: the names' first words and the most words any name has (`CountryNames`, `CityNames`).
struct SpacedNames {
    let firstTokens: Set<String>
    let longestName: Int

    /// Split on the space byte, not on Characters: that was a third of building a table, which the first
    /// clustered value of every run waits for.
    init(_ names: Dictionary<String, String>.Keys) {
        let space = UInt8(ascii: " ")
        var firstTokens = Set<String>(minimumCapacity: names.count)
        var longestName = 1
        for name in names {
            firstTokens.insert(String(decoding: name.utf8.prefix { $0 != space }, as: UTF8.self))
            longestName = max(longestName, name.utf8.count { $0 == space } + 1)
        }
        self.firstTokens = firstTokens
        self.longestName = longestName
    }
}
