/// Regroups a contacts file's rows per person while the rows are written: each contiguous group of one
/// key becomes a segment of the written file; when a key comes back after another key, its new group is
/// chained to the earlier one. Assembly then writes the groups in order of first appearance, each followed
/// by its later groups, copying byte ranges of the written file. Memory: a few bytes per group plus one
/// table entry per distinct key, never the rows themselves.
///
/// One pass's thread writes it, row by row, and then assembles: its state is not checked for exclusive
/// access (the checks were 8 calls a row, ~40% of `row`'s cost on a contacts file).
final class Regrouper {
    @exclusivity(unchecked) private var starts: [Int] = []
    /// The line each group starts on in the written file.
    @exclusivity(unchecked) private var startLines: [Int] = []
    /// The record each group starts with in the written file.
    @exclusivity(unchecked) private var startRecords: [Int] = []
    /// After `assemble`: where each group of the regrouped file was in the written one.
    private(set) var shifts = LineShifts()
    /// After `assemble`: the line each group starts on in the regrouped file.
    @exclusivity(unchecked) private var movedStartLines: [Int] = []
    @exclusivity(unchecked) private var next: [Int32] = []
    @exclusivity(unchecked) private var isFirst: [Bool] = []
    /// The last group of each key: a `KeyTable`, since the keys are digests already (a Dictionary hashed
    /// each again, twice a group).
    private let lastGroupOfKey = KeyTable()
    @exclusivity(unchecked) private var current: Key128?
    @exclusivity(unchecked) private var hasGroup = false
    @exclusivity(unchecked) private var currentIsFirst = true
    @exclusivity(unchecked) private(set) var movedRows = 0
    @exclusivity(unchecked) private(set) var movedGroups = 0

    /// A row with the given key (nil: empty, which stays in the current group) starts at `offset`, on `line`,
    /// as written record `record`.
    func row(key: Key128?, offset: Int, line: Int, record: Int) {
        if let key {
            if !hasGroup || current != key {
                let g = Int32(starts.count)
                starts.append(offset)
                startLines.append(line)
                startRecords.append(record)
                next.append(-1)
                if let previous = lastGroupOfKey.exchange(key, g) {
                    next[Int(previous)] = g
                    isFirst.append(false)
                    currentIsFirst = false
                    movedGroups += 1
                } else {
                    isFirst.append(true)
                    currentIsFirst = true
                }
                current = key
                hasGroup = true
            }
        } else if !hasGroup {
            starts.append(offset)
            startLines.append(line)
            startRecords.append(record)
            next.append(-1)
            isFirst.append(true)
            currentIsFirst = true
            hasGroup = true
        }
        if !currentIsFirst { movedRows += 1 }
    }

    /// Writes `source`'s bytes [0, headerEnd) and then its groups regrouped, up to `end` (the line after
    /// the last, `endLine`, and the record after the last, `endRecord`), into `target`.
    func assemble(from source: OutputFile, headerEnd: Int, end: Int, endLine: Int, endRecord: Int, into target: OutputFile) throws {
        let chunk = 1 << 20
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: chunk)
        defer { buffer.deallocate() }
        var pendingStart = 0
        var pendingEnd = headerEnd
        func copy(_ s: Int, _ e: Int) throws {
            var p = s
            while p < e {
                let n = min(chunk, e - p)
                try source.read(at: p, length: n, into: buffer)
                try target.write(buffer, n)
                p += n
            }
        }
        func emit(_ s: Int, _ e: Int) throws {
            if s == pendingEnd {
                pendingEnd = e
            } else {
                try copy(pendingStart, pendingEnd)
                pendingStart = s
                pendingEnd = e
            }
        }
        movedStartLines = startLines
        var line = startLines.first ?? endLine
        var record = startRecords.first ?? endRecord
        var anchors: [LineShifts.Anchor] = []
        for g in starts.indices where isFirst[g] {
            var k = g
            while k >= 0 {
                try emit(starts[k], k + 1 < starts.count ? starts[k + 1] : end)
                movedStartLines[k] = line
                let (records, lines) = (startRecords[k] - record, startLines[k] - line)
                if records != anchors.last?.records ?? 0 || lines != anchors.last?.lines ?? 0 {
                    anchors.append(LineShifts.Anchor(record: record, line: line, records: records, lines: lines))
                }
                line += (k + 1 < startLines.count ? startLines[k + 1] : endLine) - startLines[k]
                record += (k + 1 < startRecords.count ? startRecords[k + 1] : endRecord) - startRecords[k]
                k = Int(next[k])
            }
        }
        try copy(pendingStart, pendingEnd)
        shifts = LineShifts(anchors: anchors)
    }

    /// After `assemble`: `movedLine` for lines asked mostly in increasing order (the records of a set or
    /// list): it walks on from the group of the line asked before instead of searching every group (the
    /// search was a third of the pass's own work on a contacts file).
    func lineMover() -> (Int) -> Int {
        // The last group starting on or before the line asked before; -1 before the first group.
        var group = -1
        return { [self] line in
            if group >= 0 && line < startLines[group] { return movedLine(line) }
            while group + 1 < startLines.count && startLines[group + 1] <= line { group += 1 }
            return group < 0 ? line : movedStartLines[group] + line - startLines[group]
        }
    }

    /// After `assemble`: the line of the regrouped file that `line` of the written one moved to.
    func movedLine(_ line: Int) -> Int {
        // The last group starting on or before the line.
        var low = 0, high = startLines.count
        while low < high {
            let mid = (low + high) / 2
            if startLines[mid] <= line { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return line }
        return movedStartLines[low - 1] + line - startLines[low - 1]
    }

    /// The key the `ungrouped-contact-rows` rule computes for a cell it reads back from the output:
    /// the trimmed text, ASCII-lowercased, or fully lowercased when not ASCII.
    static func key(_ cell: UnsafeBufferPointer<UInt8>) -> Key128? {
        guard !cell.isEmpty else { return nil }
        var hasher = KeyHasher()
        if cell.isASCII {
            hasher.combine(cell, lowercaseASCII: true)
        } else {
            hasher.combine(String(decoding: cell, as: UTF8.self).lowercased())
        }
        return hasher.finalize()
    }
}
