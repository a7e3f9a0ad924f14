/// Byte tests that settle most cells of the required and `when_empty` columns without trimming them.
enum FilledCell {
    /// True when the cell holds a value that is neither empty after trimming spaces and tabs nor a
    /// placeholder (`Placeholder.matches` of the trimmed value is false): its first byte is no space or
    /// tab, and it either cannot start a placeholder or is longer than any and ends in no space or tab.
    @inline(__always)
    static func holdsPlainValue(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = raw.first, first != 0x20, first != 0x09 else { return false }
        if !Placeholder.mayStart(first) { return true }
        let last = raw[raw.count &- 1]
        return raw.count > Placeholder.maximumLength && last != 0x20 && last != 0x09
    }

    /// True when the cell is empty after trimming spaces and tabs; reads one byte of most filled cells.
    @inline(__always)
    static func isBlank(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = raw.first else { return true }
        if first != 0x20 && first != 0x09 { return false }
        return raw.trimmedASCII().isEmpty
    }

    /// True when the record fills every cell of one of `keys` (each a key's cell indices, e.g. a profile's
    /// update keys): such a row updates a stored record, which keeps the fields whose columns are left out.
    @inline(__always)
    static func givesKey(_ keys: [[Int]], _ reader: CSVReader) -> Bool {
        keys.contains { $0.allSatisfy { !isBlank(reader.bytes($0)) } }
    }
}

/// Cells of the current record that the value rules, which read the first byte of every cell they
/// validate, found filled (`FilledCell.holdsPlainValue`): missing-value, which asks the same of the
/// required cells after them, skips those. A bit per cell index below 64; the value rules note a
/// record's cells before missing-value sees it, and a record they did not judge (deselected, or skipped
/// by `fix`'s second lint) has none known, so missing-value then looks at every required cell itself.
final class FilledCells {
    private var record = 0
    private var cells: UInt64 = 0

    /// The bit of cell `index`, 0 for a cell past the mask.
    @inline(__always)
    static func bit(_ index: Int) -> UInt64 { index < 64 ? 1 &<< UInt64(index) : 0 }

    /// The bits of cells `indices`; nil when one is past the mask (never all known).
    static func bits(_ indices: [Int]) -> UInt64? {
        indices.allSatisfy { $0 < 64 } ? indices.reduce(0) { $0 | bit($1) } : nil
    }

    @inline(__always)
    func note(_ cells: UInt64, record: Int) {
        self.cells = cells
        self.record = record
    }

    /// Whether every cell of `cells` (from `bits`) is known filled in `record`.
    @inline(__always)
    func holds(_ cells: UInt64?, in record: Int) -> Bool {
        guard let cells else { return false }
        return self.record == record && self.cells & cells == cells
    }
}
