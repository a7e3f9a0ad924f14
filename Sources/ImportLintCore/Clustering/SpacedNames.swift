/// What a scan of a value's tokens asks of a table of names held as space-joined words before it tries a
/// multi-word name: the names' first words and the most words any name has (`CountryNames`, `CityNames`).
struct SpacedNames {
    private(set) var firstTokens: Set<String>
    private(set) var longestName = 1

    init(capacity: Int) {
        firstTokens = Set(minimumCapacity: capacity)
    }

    init(_ names: Dictionary<String, String>.Keys) {
        self.init(capacity: names.count)
        for name in names {
            var utf8 = name
            utf8.withUTF8 { add(name, bytes: $0) }
        }
    }

    /// Adds `name`, whose UTF-8 is `bytes`. Split on the space byte, not on Characters (that was a third
    /// of building a table, which the first clustered value of every run waits for), and a one-word name is
    /// its own first word, so no string is made for it.
    mutating func add(_ name: String, bytes: UnsafeBufferPointer<UInt8>) {
        let space = UInt8(ascii: " ")
        guard let firstSpace = bytes.firstIndex(of: space) else {
            firstTokens.insert(name)
            return
        }
        firstTokens.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<firstSpace]), as: UTF8.self))
        var words = 2
        for byte in bytes[(firstSpace + 1)...] where byte == space { words += 1 }
        longestName = max(longestName, words)
    }
}
