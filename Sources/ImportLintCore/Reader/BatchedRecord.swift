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
    /// Its cell bounds as `cfs_split_records` wrote them: cell k runs from entry k plus one to entry k + 1.
    let bounds: UnsafePointer<Int64>
    let delimiters: Int
    let line: Int

    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index <= delimiters else { return UnsafeBufferPointer(start: nil, count: 0) }
        let first = Int(bounds[index]) &+ 1
        return UnsafeBufferPointer(start: bytes + first, count: Int(bounds[index &+ 1]) &- first)
    }
}

/// The records `CSVReader` has split after its current one, in order (`batchedRecordsAhead`).
struct BatchedRecords: Sequence, IteratorProtocol {
    let bytes: UnsafePointer<UInt8>
    /// The next one's cell bounds.
    var bounds: UnsafePointer<Int64>
    var records: UnsafePointer<cfs_record>
    let end: UnsafePointer<cfs_record>
    var line: Int

    /// Records left.
    var count: Int { end - records }

    @inline(__always)
    mutating func next() -> BatchedRecord? {
        guard records < end else { return nil }
        let delimiters = Int(records.pointee.delimiters)
        let record = BatchedRecord(bytes: bytes, bounds: bounds, delimiters: delimiters, line: line)
        bounds += delimiters &+ 2
        records += 1
        line &+= 1
        return record
    }
}
