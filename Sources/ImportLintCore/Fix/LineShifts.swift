/// Where the records of a file a fix wrote were in the file it read: a short sorted list of the points
/// where the difference changes (a line or record left out, a record written on fewer or more lines than
/// it was read from, a group of rows moved), not a table of every record. A round's applied and skipped
/// fixes name lines and records of the file that round read; the report names the input's
/// (`InputPositions`).
struct LineShifts: Equatable {
    /// From the written record `record` (0: the header) and line `line` on, until the next anchor, the
    /// read file's record and line numbers are the written ones plus `records` and `lines`.
    struct Anchor: Equatable {
        var record: Int
        var line: Int
        var records: Int
        var lines: Int
    }

    private(set) var anchors: [Anchor] = []
    /// The difference from the last anchor on (nothing read was left out or changed its line count yet).
    private(set) var records = 0
    private(set) var lines = 0
    /// Records written on fewer or more lines than read, by written record: how many more lines than were
    /// written came before each cell's first line within its record ('Al\n<a@b.com>' written 'a@b.com' puts
    /// the next cell one line up). The anchors place the record; this, the cells after such a cell.
    private(set) var cellLines: [Int: [Int]] = [:]

    /// Lines `lines` more than were written, `records` of them records, were read before the read file's
    /// record `nextRecord` (0: the header), which is written on line `nextLine` of the written file.
    mutating func add(lines: Int, records: Int, beforeRecord nextRecord: Int, nextLine: Int) {
        guard lines != 0 || records != 0 else { return }
        self.lines += lines
        self.records += records
        let anchor = Anchor(record: nextRecord - self.records, line: nextLine, records: self.records, lines: self.lines)
        if let last = anchors.last, last.record == anchor.record && last.line == anchor.line {
            anchors[anchors.count - 1] = anchor
        } else {
            anchors.append(anchor)
        }
    }

    /// The read record `record`, written on other lines than read: `readLines[i]` and `writtenLines[i]` are
    /// how many lines into the record cell `i` starts as read and as written.
    mutating func cells(ofRecord record: Int, readLines: [Int], writtenLines: [Int]) {
        let moved = zip(readLines, writtenLines).map { $0 - $1 }
        if moved.contains(where: { $0 != 0 }) { cellLines[record - records] = moved }
    }

    /// The anchors of a pass that numbered the written file as if every line and record before it had been
    /// written as read, once those before it are known to have shifted by this list's last difference.
    mutating func append(_ later: LineShifts) {
        for a in later.anchors {
            let moved = Anchor(record: a.record - records, line: a.line - lines, records: a.records + records, lines: a.lines + lines)
            // Lines left out on both sides of the cut shift the same record, as they do in one pass.
            if let last = anchors.last, last.record == moved.record && last.line == moved.line {
                anchors[anchors.count - 1] = moved
            } else {
                anchors.append(moved)
            }
        }
        for (record, moved) in later.cellLines { cellLines[record - records] = moved }
        records += later.records
        lines += later.lines
    }

    /// A list of anchors that are already sorted, each its own difference (a regrouped file's groups).
    init(anchors: [Anchor] = []) {
        self.anchors = anchors
        if let last = anchors.last { (records, lines) = (last.records, last.lines) }
    }

    /// The read file's line and record of the written file's `line` in `record` (nil: the header or a line
    /// outside records, found by its line), where cell `field` of that record starts.
    func read(line: Int, record: Int?, field: Int? = nil) -> (line: Int, record: Int?) {
        let inRecord = record.flatMap { cellLines[$0] }.flatMap { moved in field.flatMap { $0 < moved.count ? moved[$0] : nil } } ?? 0
        var low = 0, high = anchors.count
        while low < high {
            let mid = (low + high) / 2
            let before = record.map { anchors[mid].record <= $0 } ?? (anchors[mid].line <= line)
            if before { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return (line + inRecord, record) }
        let a = anchors[low - 1]
        return (line + a.lines + inRecord, record.map { $0 + a.records })
    }
}

/// How to name the input's lines and records in the fixes of later rounds: each round's `LineShifts`
/// (its pass, then its regrouping), composed from the last round back to the first.
struct InputPositions {
    private var shifts: [LineShifts] = []

    /// What the latest round did to lines and records (its pass, then its regrouping, in that order).
    mutating func add(_ round: LineShifts) {
        if !round.anchors.isEmpty { shifts.append(round) }
    }

    /// The input's line and record of a position (where cell `field` starts) in the file the round after
    /// those added reads.
    func input(line: Int, record: Int?, field: Int? = nil) -> (line: Int, record: Int?) {
        var position = (line: line, record: record)
        for s in shifts.reversed() { position = s.read(line: position.line, record: position.record, field: field) }
        return position
    }

    /// Names the input's lines and records in the fixes of the round after those added.
    func rename(_ applied: inout [AppliedFix], _ skipped: inout [SkippedFix]) {
        guard !shifts.isEmpty else { return }
        for i in applied.indices {
            (applied[i].line, applied[i].record) = input(line: applied[i].line, record: applied[i].record, field: applied[i].fieldIndex)
        }
        for i in skipped.indices {
            (skipped[i].line, skipped[i].record) = input(line: skipped[i].line, record: skipped[i].record, field: skipped[i].fieldIndex)
        }
    }
}
