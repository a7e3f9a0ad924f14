/// A table of `kind<TAB>key<TAB>value` lines whose keys of each kind ascend strictly by bytes, searched in
/// its own bytes (`CountryNames`, `CityNames`). Nearly every run reads these tables and looks up a few
/// hundred words: filling dictionaries with their lines cost more than all the lookups (9.5 M instructions
/// a run for the country names, 5.7 M for the city names).
struct SortedKeyTable: Sendable {
    private let bytes: [UInt8]
    /// Per kind, where each key starts, in key order.
    private let keys: [[Int32]]
    /// Per kind, the most words (space-separated) a key has.
    let longestKey: [Int]

    /// Reads `text`, whose line kinds are `kinds` (`#` starts a comment line); nil unless every line is well
    /// formed and each kind's keys ascend strictly by bytes.
    init?(_ text: String, kinds: [StaticString]) {
        let bytes = Array(text.utf8)
        let kindNames = kinds.map { Array(UnsafeBufferPointer(start: $0.utf8Start, count: $0.utf8CodeUnitCount)) }
        var keys = [[Int32]](repeating: [], count: kinds.count)
        var longestKey = [Int](repeating: 1, count: kinds.count)
        // One pass over the bytes, without slices or closures per line: the country table has 3,400 lines.
        let parsed = bytes.withUnsafeBufferPointer { b -> Bool in
            var previous = [Int](repeating: -1, count: kinds.count)
            var i = 0
            while i < b.count {
                if b[i] == 0x0A { i += 1; continue }
                if b[i] == 0x23 {
                    while i < b.count && b[i] != 0x0A { i += 1 }
                    continue
                }
                let lineStart = i
                while i < b.count && b[i] != 0x09 && b[i] != 0x0A { i += 1 }
                let kindLength = i - lineStart
                guard i < b.count, b[i] == 0x09,
                      let kind = kindNames.firstIndex(where: { name in
                          name.count == kindLength && name.indices.allSatisfy { b[lineStart + $0] == name[$0] }
                      })
                else { return false }
                i += 1
                let keyStart = i
                // Keys hold no control character, so that the keys starting with a word follow it (`startsKey`).
                var words = 1
                while i < b.count && b[i] >= 0x20 {
                    if b[i] == 0x20 { words += 1 }
                    i += 1
                }
                let keyEnd = i
                guard keyEnd > keyStart, i < b.count, b[i] == 0x09 else { return false }
                i += 1
                // Nor does a value (a CRLF table would end every value with its CR).
                while i < b.count && b[i] != 0x0A {
                    if b[i] < 0x20 { return false }
                    i += 1
                }
                guard previous[kind] < 0 || Self.compare(b, key: previous[kind], with: b, keyStart..<keyEnd) < 0 else { return false }
                keys[kind].append(Int32(keyStart))
                if words > longestKey[kind] { longestKey[kind] = words }
                previous[kind] = keyStart
            }
            return true
        }
        guard parsed else { return nil }
        self.bytes = bytes
        self.keys = keys
        self.longestKey = longestKey
    }

    /// The value of `key` among the keys of `kind`.
    func value(of key: String, kind: Int) -> String? {
        var key = key
        return key.withUTF8 { k in
            bytes.withUnsafeBufferPointer { b -> String? in
                let keys = self.keys[kind]
                let i = Self.lowerBound(b, keys, k)
                guard i < keys.count, Self.compare(b, key: Int(keys[i]), with: k, 0..<k.count) == 0 else { return nil }
                let valueStart = Int(keys[i]) + k.count + 1
                var end = valueStart
                while end < b.count && b[end] != 0x0A { end += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: b[valueStart..<end]), as: UTF8.self)
            }
        }
    }

    /// Whether some key of `kind` is the word `word` or starts with it and a space: most words start none,
    /// and need no longer lookup.
    func startsKey(_ word: String, kind: Int) -> Bool {
        var word = word
        return word.withUTF8 { w in
            bytes.withUnsafeBufferPointer { b in
                let keys = self.keys[kind]
                let i = Self.lowerBound(b, keys, w)
                guard i < keys.count else { return false }
                // The first key not below `word` is `word` itself, else `word` and a space when some key starts so.
                let at = Int(keys[i]), after = at + w.count
                guard after < b.count, UnsafeBufferPointer(rebasing: b[at..<after]).elementsEqual(w) else { return false }
                return b[after] == 0x09 || b[after] == 0x20
            }
        }
    }

    /// `header`, then a line per entry of each kind's dictionary, in the byte order of the keys.
    static func text(header: String, _ kinds: [(kind: String, entries: [String: String])]) -> String {
        var out = header
        for (kind, entries) in kinds {
            for (key, value) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                out += "\(kind)\t\(key)\t\(value)\n"
            }
        }
        return out
    }

    /// The first of `keys` not below `query`.
    private static func lowerBound(_ b: UnsafeBufferPointer<UInt8>, _ keys: [Int32], _ query: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if compare(b, key: Int(keys[mid]), with: query, 0..<query.count) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The byte order of the key at `at` in `b` (ended by a tab) and `other[range]`: negative, 0 or positive.
    private static func compare(_ b: UnsafeBufferPointer<UInt8>, key at: Int, with other: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var i = 0
        while true {
            let k = b[at + i]
            if range.lowerBound + i == range.upperBound { return k == 0x09 ? 0 : 1 }
            if k == 0x09 { return -1 }
            let o = other[range.lowerBound + i]
            if k != o { return k < o ? -1 : 1 }
            i += 1
        }
    }
}
