/// The parts of the current record that are certainly ASCII: the bytes before its first non-ASCII byte
/// (which the reader notes while splitting) and those after its last one (noted too for records split with
/// others, else found here by a short backward scan). A cell inside either part needs no byte scan for
/// non-ASCII text: in a people export the accents sit in one or two cells, and the cells around them would
/// otherwise each be scanned in full.
struct RecordASCIISpans {
    /// Buffer offsets of the head part, from the record's start to its first non-ASCII byte, and of the
    /// tail part, after its last one to its end; the head is everything when the record is ASCII, cells
    /// with doubled quotes (copied out of the buffer, so bounded outside the record) included.
    private let headStart: Int
    private let headEnd: Int
    private let tailStart: Int
    private let tailEnd: Int

    init(_ reader: CSVReader) {
        let first = reader.firstNonASCIIOffset
        let end = reader.recordEndOffset
        let whole = first == .max
        headStart = whole ? .min : reader.recordStartOffset
        headEnd = first
        tailStart = whole ? end
            : reader.endOfNonASCIIOffset ?? Self.endOfLastNonASCII(UnsafePointer(reader.bufferBase), after: first, before: end)
        tailEnd = end
    }

    /// The spans of a record the reader found all ASCII.
    static var wholeRecord: RecordASCIISpans { RecordASCIISpans(headStart: .min, headEnd: .max, tailStart: 0, tailEnd: 0) }

    private init(headStart: Int, headEnd: Int, tailStart: Int, tailEnd: Int) {
        self.headStart = headStart
        self.headEnd = headEnd
        self.tailStart = tailStart
        self.tailEnd = tailEnd
    }

    /// Offset just past the last byte of `first...end` with its high bit set (the byte at `first` has it).
    private static func endOfLastNonASCII(_ base: UnsafePointer<UInt8>, after first: Int, before end: Int) -> Int {
        var e = end
        let high: UInt64 = 0x8080_8080_8080_8080
        while e - 8 > first {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + e - 8).loadUnaligned(as: UInt64.self)) & high
            // Little-endian: the highest set bit belongs to the last byte with its high bit set.
            if word != 0 { return e - 8 + (63 - word.leadingZeroBitCount) / 8 + 1 }
            e -= 8
        }
        while e - 1 > first && base[e - 1] < 0x80 { e -= 1 }
        return e
    }

    /// True when the cell from `start` to `end` (`CellBounds`, not empty) lies in one of the ASCII parts. A
    /// cell copied out of the buffer lies in neither unless the whole record is ASCII.
    @inline(__always)
    func contains(_ start: Int, _ end: Int) -> Bool {
        (start >= headStart && end <= headEnd) || (start >= tailStart && end <= tailEnd)
    }
}
