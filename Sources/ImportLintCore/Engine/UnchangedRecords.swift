/// Records of a file that `fix` wrote unchanged from records no rule reported on, by the line each starts
/// on in the written file: its lint of its own output need not judge them again with the rules whose
/// verdict rests on the record alone (`RecordRule.judgesRecordAlone`). Those rules are most of a lint's
/// time; the rest (keys, groups, clusters) still read every record.
struct UnchangedRecords: Sendable {
    var lines = NumberSet()
    /// The profile column each header cell was bound to when the records were judged: a header read
    /// another way (a column renamed into the profile) changes what the rules check, and nothing is skipped.
    let columns: [String?]

    init(columns: [String?]) { self.columns = columns }

    var isEmpty: Bool { lines.isEmpty }

    @inline(__always)
    func contains(line: Int) -> Bool { lines.contains(line) }
}

/// A set of line or record numbers, one bit each.
struct NumberSet: Sendable {
    private var words: [UInt64] = []

    var isEmpty: Bool { words.isEmpty }

    mutating func insert(_ number: Int) {
        let word = number >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        words[word] |= 1 << UInt64(number & 63)
    }

    @inline(__always)
    func contains(_ number: Int) -> Bool {
        let word = number >> 6
        return number >= 0 && word < words.count && words[word] & (1 << UInt64(number & 63)) != 0
    }

    /// Calls `body` with every member, smallest first.
    func forEach(_ body: (Int) throws -> Void) rethrows {
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                try body(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The set of `move(n)` for every member `n`.
    func mapped(_ move: (Int) -> Int) -> NumberSet {
        var result = NumberSet()
        forEach { result.insert(move($0)) }
        return result
    }
}
