import CFieldScan

/// Cell bytes of a record by index: the reader's current record, or one split ahead with it.
protocol RecordCells {
    /// The cell's value bytes; empty past the last cell.
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8>
}

extension CSVReader: RecordCells {}

/// A record `CSVReader` has split but not yet made current (`batchedRecordsAhead`): plain cells only, so
/// each cell's bytes are the ones the reader will give for it.
struct BatchedRecord: RecordCells {
    let bytes: UnsafePointer<UInt8>
    /// Offset of its first byte.
    let start: Int
    /// Where each cell but the last ends (at its delimiter).
    let ends: UnsafePointer<Int64>
    let delimiters: Int
    /// Where the last cell ends.
    let lineBreak: Int
    let line: Int

    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index <= delimiters else { return UnsafeBufferPointer(start: nil, count: 0) }
        let first = index == 0 ? start : Int(ends[index &- 1]) &+ 1
        let end = index == delimiters ? lineBreak : Int(ends[index])
        return UnsafeBufferPointer(start: bytes + first, count: end &- first)
    }
}

/// The records `CSVReader` has split after its current one, in order (`batchedRecordsAhead`).
struct BatchedRecords: Sequence, IteratorProtocol {
    let bytes: UnsafePointer<UInt8>
    /// Where the next one starts, and its cell ends.
    var start: Int
    var ends: UnsafePointer<Int64>
    var records: UnsafePointer<cfs_record>
    let end: UnsafePointer<cfs_record>
    var line: Int

    /// Records left.
    var count: Int { end - records }

    @inline(__always)
    mutating func next() -> BatchedRecord? {
        guard records < end else { return nil }
        let r = records.pointee
        let record = BatchedRecord(bytes: bytes, start: start, ends: ends, delimiters: Int(r.delimiters),
                                   lineBreak: Int(r.lineBreak), line: line)
        start = Int(r.lineBreak) &+ 1 &+ Int(r.crlf)
        ends += Int(r.delimiters)
        records += 1
        line &+= 1
        return record
    }
}
