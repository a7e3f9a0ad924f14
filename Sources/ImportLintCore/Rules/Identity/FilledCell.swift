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
}
