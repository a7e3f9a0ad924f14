import CFieldScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 tokenizer over UTF-8 bytes that knows the physical line and line start of every
/// cell. Memory holds one chunk plus the current record; a record that does not fit makes the buffer grow.
///
/// Parsing restarts a record from its first byte whenever the buffer runs dry in the middle of it, after
/// moving the record to the buffer's start: simpler than resumable state, and the rescanned prefix is at
/// most one chunk (or, for a record larger than the buffer, a geometric series).
///
/// The mutable state is marked `@exclusivity(unchecked)`: the reader never hands out overlapping accesses to
/// it, and the runtime's dynamic exclusivity checks on these class properties cost about a quarter of all
/// instructions of a lint (swift_beginAccess on every field append and every cell read by a rule).
public final class CSVReader {
    static let quote: UInt8 = 0x22
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    @exclusivity(unchecked) private var source: ByteSource
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var eof = false
    @exclusivity(unchecked) private var recordStart = 0
    @exclusivity(unchecked) private var nextLine = 1
    /// Bytes of the decoded stream that were dropped from the buffer's front.
    @exclusivity(unchecked) private var discarded = 0
    /// 0 for bytes that need no attention inside an unquoted cell.
    private let special: UnsafeMutablePointer<UInt8>
    /// Where the plain cells that `cfs_split_plain` found end, for one record at a time.
    private let plainCellEnds: UnsafeMutablePointer<Int64>
    private static let plainCellEndsCapacity = 64
    /// Records read ahead in one go by `cfs_split_records` (plain cells ended by LF or CR LF, nearly every
    /// record of most files), with their cell bounds: `batchNext` is the next one to hand out. Offsets into
    /// the buffer, so emptied whenever the buffer moves.
    private let batch: UnsafeMutablePointer<cfs_record>
    /// At most as many records are split ahead (`batchedRecordsAhead`).
    static let batchCapacity = 64
    private let batchEnds: UnsafeMutablePointer<Int64>
    private static let batchEndsCapacity = 4096
    @exclusivity(unchecked) private var batchCount = 0
    @exclusivity(unchecked) private var batchNext = 0
    @exclusivity(unchecked) private var batchEndsNext = 0
    /// The offset in the decoded stream of a record that ends the batch it is split in: the records after
    /// it are not split ahead with it. `fix`'s lint of its output sets it to the next run of records it
    /// reads past (`UnreportedRuns`), which splitting would only waste; an offset passed splits no less.
    @exclusivity(unchecked) var batchEndsAtRecord = Int.max
    /// 1 for the bytes surrounding whitespace starts or ends with: space, tab, and either byte of a
    /// no-break space (C2 A0).
    private let edgeWhitespace: UnsafeMutablePointer<UInt8>

    @exclusivity(unchecked) public private(set) var delimiter: UInt8

    // The current record.
    /// Its cells' bounds: cell k runs from the entry at `k << cellShift` plus one to the entry after that,
    /// offsets from the buffer's base. A record split with others (`cellShift` 0) is read straight from
    /// the entries `cfs_split_records` wrote; one read here (1) from `slotBounds`, a pair for each cell.
    @exclusivity(unchecked) private(set) var cellBounds: UnsafePointer<Int64>
    @exclusivity(unchecked) private(set) var cellShift = 1
    @exclusivity(unchecked) public private(set) var fieldCount = 0
    /// The cells of a record read here: where each sits as written. Not made for a record split with others,
    /// whose cells all lie on its one line, unquoted: a slot a cell cost that record about 70 instructions.
    @exclusivity(unchecked) var fields = RawList<FieldSlot>()
    /// The bounds of a record read here, from `fields` (a cell with doubled quotes is bounded in `scratch`,
    /// at its offset from the buffer's base).
    @exclusivity(unchecked) private var slotBounds = RawList<Int64>()
    /// Values of cells with doubled quotes, unquoted; its base address changes only between records.
    @exclusivity(unchecked) var scratch = RawList<UInt8>(capacity: 4096)
    @exclusivity(unchecked) public private(set) var line = 0
    @exclusivity(unchecked) public private(set) var endLine = 0
    @exclusivity(unchecked) public private(set) var terminator: LineTerminator = .none
    @exclusivity(unchecked) public private(set) var invalidUTF8: [InvalidUTF8Line] = []
    @exclusivity(unchecked) public private(set) var controlCharacters: [ControlCharacterHit] = []
    @exclusivity(unchecked) public private(set) var unterminatedQuote: UnterminatedQuote?
    /// Quotes that break RFC 4180 in the current record (rare: recorded only on the slow paths).
    @exclusivity(unchecked) public private(set) var malformedQuotes: [MalformedQuote] = []
    /// Nonzero when a cell of the record may start or end with whitespace: every quoted cell counts, and an
    /// unquoted one whose first or last byte is in `edgeWhitespace`. Set while the cells are split, so that
    /// surrounding-whitespace need not look at the cells of nearly every record.
    @exclusivity(unchecked) private var whitespaceAtEdges: UInt8 = 0
    /// The record was split with others in one go (plain cells on one line, no quote, control or invalid
    /// byte) and no cell starts or ends with whitespace: see `isOrdinary`.
    @exclusivity(unchecked) private var ordinary = false
    /// The record was split with others in one go (`cfs_split_records`): it has no cell slots (`fields`).
    var splitWithOthers: Bool { cellShift == 0 }
    /// Offset of the first non-ASCII byte of the record, or Int.max: columns before it are byte counts.
    @exclusivity(unchecked) private var firstNonASCII = Int.max
    /// In a record split with others that is not ASCII, the offset just past its last non-ASCII byte and
    /// how many continuation bytes it holds.
    @exclusivity(unchecked) private var endOfNonASCII = 0
    @exclusivity(unchecked) private var continuations = 0
    @exclusivity(unchecked) private var recordEnd = 0
    /// Buffer offset of the first '?' at or after the start of the record that last looked for one, `count`
    /// when there was none before the buffer's end; -1 when not looked for since the buffer last changed.
    @exclusivity(unchecked) private var nextQuestionMark = -1
    /// Offset of the record's first byte in the decoded stream (moving the buffer's bytes keeps the sum).
    public var streamOffset: Int { discarded &+ recordStart }
    /// The profile's canonical name of each column (nil for unknown columns), once the header is bound:
    /// the field name that diagnostics placed from this reader carry. Unchecked like the rest: each rule
    /// that may report from a record began an access to it for every record.
    @exclusivity(unchecked) public var columnNames: [String?] = []

    var bufferBase: UnsafeMutablePointer<UInt8> { buffer }
    var firstNonASCIIOffset: Int { firstNonASCII }
    /// The offset just past the record's last non-ASCII byte when the splitter noted it (a record split
    /// with others that is not ASCII); nil when it is to be found.
    var endOfNonASCIIOffset: Int? { splitWithOthers && firstNonASCII != .max ? endOfNonASCII : nil }
    /// The record's continuation bytes, when the splitter counted them (with `endOfNonASCIIOffset`).
    var recordContinuationBytes: Int { continuations }
    /// False when no cell of the record starts or ends with a space, a tab or a no-break space.
    var mayHaveWhitespaceAtEdges: Bool { whitespaceAtEdges != 0 }
    /// True for a record of plain cells on one line, with no quote, control character or invalid byte,
    /// none starting or ending with whitespace: nearly every record of most files, on which the rules
    /// about a record's form have nothing to report (`RecordRule.ignoresOrdinaryRecords`). False says
    /// nothing.
    var isOrdinary: Bool { ordinary }
    var recordStartOffset: Int { recordStart }
    var recordEndOffset: Int { recordEnd }
    /// The bytes read ahead after the current record, as far as the buffer holds them (possibly none).
    var bufferedAfterRecord: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer + recordEnd, count: count - recordEnd) }

    /// Whether the record's raw bytes hold a '?' (the text-hygiene checks' question for every record). One
    /// memchr from the record to the next '?' in the buffer settles every record before that one: a call per
    /// record cost about 50 instructions.
    @inline(__always)
    func rawRecordContainsQuestionMark() -> Bool {
        if nextQuestionMark < recordStart { findNextQuestionMark() }
        return nextQuestionMark < recordEnd
    }

    private func findNextQuestionMark() {
        let found = memchr(buffer + recordStart, 0x3F, count - recordStart)
        nextQuestionMark = found.map { $0.assumingMemoryBound(to: UInt8.self) - buffer } ?? count
    }

    public init(source: ByteSource, delimiter: UInt8 = 0x2C, chunkSize: Int = 1 << 20) {
        self.source = source
        self.delimiter = delimiter
        capacity = max(chunkSize, 1)
        // malloc'd so that growing is a realloc: for a large buffer glibc remaps the pages instead of
        // holding the old and the new copy at once (a 100 MB cell peaked at 190 MB RSS, now ~140 MB).
        guard let memory = malloc(capacity) else { fatalError("CSVReader: out of memory") }
        buffer = memory.assumingMemoryBound(to: UInt8.self)
        special = .allocate(capacity: 256)
        plainCellEnds = .allocate(capacity: Self.plainCellEndsCapacity)
        batch = .allocate(capacity: Self.batchCapacity)
        batchEnds = .allocate(capacity: Self.batchEndsCapacity)
        edgeWhitespace = .allocate(capacity: 256)
        edgeWhitespace.initialize(repeating: 0, count: 256)
        for byte in [0x20, 0x09, 0xC2, 0xA0] { edgeWhitespace[byte] = 1 }
        cellBounds = UnsafePointer(slotBounds.base)
        setDelimiter(delimiter)
    }

    deinit {
        free(buffer)
        special.deallocate()
        plainCellEnds.deallocate()
        batch.deallocate()
        batchEnds.deallocate()
        edgeWhitespace.deallocate()
        scratch.deallocate()
        fields.deallocate()
        slotBounds.deallocate()
    }

    /// Numbers lines from `line` on: for a reader whose source starts at a record boundary inside a file,
    /// `offset` bytes into the decoded stream (which `streamOffset` then counts from).
    func startNumbering(atLine line: Int, offset: Int = 0) {
        nextLine = line
        discarded = offset
    }

    /// Starts reading `source` instead, as a new reader made with `chunkSize` and numbering from `line` at
    /// `offset` (`startNumbering`) would: rows read again here and there (`DuplicateKeyVerifier`) go through
    /// one reader instead of one each, whose making and freeing was a quarter of a row's cost.
    func reenter(_ source: ByteSource, chunkSize: Int, atLine line: Int, offset: Int) {
        self.source = source
        let wanted = max(chunkSize, 1)
        if wanted != capacity {
            guard let resized = realloc(buffer, wanted) else { fatalError("CSVReader: out of memory") }
            buffer = resized.assumingMemoryBound(to: UInt8.self)
            capacity = wanted
        }
        count = 0
        eof = false
        recordStart = 0
        recordEnd = 0
        batchCount = 0
        batchNext = 0
        batchEndsNext = 0
        nextQuestionMark = -1
        batchEndsAtRecord = .max
        startNumbering(atLine: line, offset: offset)
    }

    /// Moves past the records after the current one up to `offset` of the decoded stream, `lines` records of
    /// one line each, without splitting their cells: the next record is the one at `offset`, numbered as if
    /// `next` had read them (`fix`'s lint of its output passes over runs it wrote unchanged,
    /// `UnreportedRuns`). False, having moved nothing, when `offset` is not in the buffer after the current
    /// record or not just after a line feed.
    func skip(toStreamOffset offset: Int, lines: Int) -> Bool {
        let target = offset - discarded
        guard target >= recordEnd, target <= count, target == recordEnd || buffer[target - 1] == Self.lf else { return false }
        // Records split ahead up to there are passed over in the batch, which goes on after them.
        while batchNext < batchCount && recordEnd < target {
            let record = batch[batchNext]
            batchNext &+= 1
            batchEndsNext &+= Int(record.delimiters) &+ 2
            recordEnd = Int(record.lineBreak) &+ 1 &+ Int(record.crlf)
        }
        if recordEnd != target {
            batchCount = 0
            batchNext = 0
            recordEnd = target
        }
        nextLine &+= lines
        return true
    }

    /// The line the next record would start on: after the last record, the line count plus one.
    var lineAfterLastRecord: Int { nextLine }

    public func setDelimiter(_ d: UInt8) {
        delimiter = d
        batchCount = 0
        for b in 0..<256 {
            let byte = UInt8(b)
            let isControl = byte < 0x20 || byte == 0x7F
            special[b] = (byte == d || byte == Self.quote || isControl || byte >= 0x80) ? 1 : 0
        }
    }

    /// The first bytes of the input (up to one chunk), for delimiter sniffing before the first record.
    public func head() throws -> UnsafeBufferPointer<UInt8> {
        while !eof && count < capacity { try refill() }
        return UnsafeBufferPointer(start: buffer + recordStart, count: count - recordStart)
    }

    /// Moves to the next record; false at the end of the input.
    @inline(__always)
    public func next() throws -> Bool {
        // Nearly every record of most files is one split ahead with others, after another such record,
        // which noted nothing to forget: taken here, inlined into the caller's loop.
        if batchNext < batchCount && splitWithOthers {
            recordStart = recordEnd
            takeBatchedRecord()
            return true
        }
        return try nextRead()
    }

    /// `next` for the other records.
    private func nextRead() throws -> Bool {
        recordStart = recordEnd
        if batchNext < batchCount {
            startRecord()
            takeBatchedRecord()
            return true
        }
        while true {
            if recordStart >= count {
                if eof { return false }
                try refill()
                continue
            }
            if parseRecord() { return true }
            try refill()
        }
    }

    private func refill() throws {
        batchCount = 0
        nextQuestionMark = -1
        if recordStart > 0 {
            let keep = count - recordStart
            if keep > 0 { buffer.update(from: buffer + recordStart, count: keep) }
            discarded += recordStart
            count = keep
            recordEnd -= recordStart
            recordStart = 0
        }
        if count == capacity {
            guard let grown = realloc(buffer, capacity * 2) else { fatalError("CSVReader: out of memory") }
            buffer = grown.assumingMemoryBound(to: UInt8.self)
            capacity *= 2
        }
        let n = try source.read(into: buffer + count, count: capacity - count)
        if n == 0 { eof = true } else { count += n }
    }

    // MARK: parsing

    /// Parses the record at `recordStart`; false when more input is needed first.
    private func parseRecord() -> Bool {
        startRecord()
        if batchNext < batchCount || readBatch() {
            takeBatchedRecord()
            return true
        }
        var currentLine = nextLine
        var lineStart = recordStart
        var i = recordStart
        let p = buffer
        let n = count
        let d = delimiter
        // A quote delimiter would make every cell after one quoted: the splitter does not know that.
        let splitsPlainCells = d != Self.quote

        while true {
            // The common case in one call: plain cells up to the next byte that needs attention.
            var scanStart = i
            if splitsPlainCells && i < n && p[i] != Self.quote {
                let split = cfs_split_plain(p, Int64(i), Int64(n), d, plainCellEnds, Int64(Self.plainCellEndsCapacity))
                let cells = Int(split.count)
                if cells > 0 {
                    let ends = plainCellEnds
                    let (first, line, start) = (i, currentLine, lineStart)
                    fields.append(count: cells) { slots in
                        var cellStart = first
                        for k in 0..<cells {
                            let end = Int(ends[k])
                            (slots + k).initialize(to: FieldSlot(start: cellStart, end: end, rawStart: cellStart, line: line,
                                                                 lineStart: start, quoted: false, inScratch: false))
                            cellStart = end &+ 1
                        }
                    }
                    i = Int(ends[cells - 1]) &+ 1
                }
                if split.edgeSpace != 0 { whitespaceAtEdges = 1 }
                if split.firstNonASCII >= 0 { firstNonASCII = min(firstNonASCII, Int(split.firstNonASCII)) }
                scanStart = Int(split.stop)
                // The common end of a record: its last cell is plain too, and a line feed or CR LF ends it.
                let lineBreak = scanStart < n && p[scanStart] == Self.lf ? 1
                    : scanStart &+ 1 < n && p[scanStart] == Self.cr && p[scanStart &+ 1] == Self.lf ? 2 : 0
                if lineBreak != 0 {
                    fields.append(FieldSlot(start: i, end: scanStart, rawStart: i, line: currentLine, lineStart: lineStart,
                                            quoted: false, inScratch: false))
                    if scanStart > i { whitespaceAtEdges |= edgeWhitespace[Int(p[i])] | edgeWhitespace[Int(p[scanStart &- 1])] }
                    terminator = lineBreak == 1 ? .lf : .crlf
                    i = scanStart &+ lineBreak
                    currentLine += 1
                    break
                }
            }
            let rawStart = i
            let fieldLine = currentLine
            let fieldLineStart = lineStart
            let fieldIndex = fields.count
            var slot = FieldSlot(start: i, end: i, rawStart: i, line: fieldLine, lineStart: fieldLineStart,
                                 quoted: false, inScratch: false)
            if scanStart == i && i < n && p[i] == Self.quote {
                slot.quoted = true
                whitespaceAtEdges = 1
                i += 1
                var segment = i
                slot.start = i
                var closed = false
                while i < n {
                    let c = p[i]
                    if c >= 0x20 && c < 0x7F && c != Self.quote {
                        // The quote as delimiter: the next quote, line break, control or non-ASCII byte.
                        i = Int(cfs_next_special(p, Int64(i), Int64(n), Self.quote))
                        continue
                    }
                    if c == Self.quote {
                        if i + 1 >= n && !eof { return false }
                        if i + 1 < n && p[i + 1] == Self.quote {
                            if !slot.inScratch {
                                slot.inScratch = true
                                slot.start = scratch.count
                            }
                            scratch.append(p + segment, count: i + 1 - segment)
                            i += 2
                            segment = i
                            continue
                        }
                        closed = true
                        break
                    }
                    if c == Self.lf {
                        i += 1
                        currentLine += 1
                        lineStart = i
                    } else if c == Self.cr {
                        if i + 1 >= n && !eof { return false }
                        i += (i + 1 < n && p[i + 1] == Self.lf) ? 2 : 1
                        currentLine += 1
                        lineStart = i
                    } else if c >= 0x80 {
                        guard let step = checkMultibyte(p, i, n, fieldIndex, currentLine, lineStart) else { return false }
                        i += step
                    } else {
                        if c < 0x20 && c != 0x09 || c == 0x7F { noteControl(fieldIndex, i, UInt32(c)) }
                        i += 1
                    }
                }
                if !closed {
                    if !eof { return false }
                    unterminatedQuote = UnterminatedQuote(field: fieldIndex, line: fieldLine, offset: rawStart,
                                                          lineStart: fieldLineStart)
                }
                let valueEnd = i
                if slot.inScratch {
                    scratch.append(p + segment, count: valueEnd - segment)
                    slot.end = scratch.count
                } else {
                    slot.end = valueEnd
                }
                if closed { i += 1 }
                // Text after the closing quote (`"a"b`) is kept as part of the cell, as spreadsheets do,
                // and noted: it is either text after the cell or a quote inside it that was not doubled.
                if i < n && p[i] != d && p[i] != Self.lf && p[i] != Self.cr {
                    let tailStart = i
                    var tailQuote = false
                    while i < n && p[i] != d && p[i] != Self.lf && p[i] != Self.cr {
                        if p[i] >= 0x80 {
                            guard let step = checkMultibyte(p, i, n, fieldIndex, currentLine, lineStart) else { return false }
                            i += step
                        } else {
                            if p[i] == Self.quote { tailQuote = true }
                            i += 1
                        }
                    }
                    if i >= n && !eof { return false }
                    // A quote further on means the cell was meant to go on: the first one was a stray quote.
                    malformedQuotes.append(tailQuote
                        ? MalformedQuote(kind: .strayQuoteInQuotedCell, field: fieldIndex, offset: tailStart - 1, line: currentLine, lineStart: lineStart)
                        : MalformedQuote(kind: .textAfterClosingQuote, field: fieldIndex, offset: tailStart, line: currentLine, lineStart: lineStart))
                    if !slot.inScratch {
                        let head = slot.start
                        slot.inScratch = true
                        slot.start = scratch.count
                        scratch.append(p + head, count: slot.end - head)
                    }
                    scratch.append(p + tailStart, count: i - tailStart)
                    slot.end = scratch.count
                }
            } else {
                i = scanStart
                while i < n {
                    let c = p[i]
                    if special[Int(c)] == 0 {
                        i = Int(cfs_next_special(p, Int64(i), Int64(n), d))
                        continue
                    }
                    if c == d || c == Self.lf || c == Self.cr { break }
                    if c >= 0x80 {
                        guard let step = checkMultibyte(p, i, n, fieldIndex, currentLine, lineStart) else { return false }
                        i += step
                    } else {
                        if c == Self.quote {
                            noteQuoteInUnquotedCell(fieldIndex, i, currentLine, lineStart)
                        } else if c < 0x20 && c != 0x09 || c == 0x7F {
                            noteControl(fieldIndex, i, UInt32(c))
                        }
                        i += 1
                    }
                }
                if i >= n && !eof { return false }
                slot.end = i
                if i > slot.start { whitespaceAtEdges |= edgeWhitespace[Int(p[slot.start])] | edgeWhitespace[Int(p[i &- 1])] }
            }
            fields.append(slot)
            if i >= n {
                terminator = .none
                break
            }
            let c = p[i]
            if c == d {
                i += 1
                continue
            }
            if c == Self.lf {
                terminator = .lf
                i += 1
            } else {
                if i + 1 >= n && !eof { return false }
                if i + 1 < n && p[i + 1] == Self.lf {
                    terminator = .crlf
                    i += 2
                } else {
                    terminator = .cr
                    i += 1
                }
            }
            currentLine += 1
            break
        }
        line = nextLine
        endLine = terminator == .none ? currentLine : currentLine - 1
        nextLine = currentLine
        recordEnd = i
        boundSlots()
        return true
    }

    /// Fills `slotBounds` from the slots of the record just read, and reads its cells from there.
    private func boundSlots() {
        let slots = fields
        // Cells with doubled quotes are bounded in the scratch buffer, at its distance from the buffer.
        let scratchOffset = Int(bitPattern: scratch.base) &- Int(bitPattern: buffer)
        slotBounds.removeAll()
        slotBounds.append(count: slots.count * 2) { bounds in
            for k in 0..<slots.count {
                let slot = slots[k]
                let offset = slot.inScratch ? scratchOffset : 0
                bounds[2 * k] = Int64(slot.start &+ offset &- 1)
                bounds[2 * k + 1] = Int64(slot.end &+ offset)
            }
        }
        cellBounds = UnsafePointer(slotBounds.base)
        cellShift = 1
        fieldCount = slots.count
    }

    /// Forgets the previous record's cells and notes.
    @inline(__always)
    private func startRecord() {
        // removeAll(keepingCapacity:) on an array that never had storage allocates an empty one each time.
        fields.removeAll()
        scratch.removeAll()
        if !invalidUTF8.isEmpty { invalidUTF8.removeAll(keepingCapacity: true) }
        if !controlCharacters.isEmpty { controlCharacters.removeAll(keepingCapacity: true) }
        unterminatedQuote = nil
        if !malformedQuotes.isEmpty { malformedQuotes.removeAll(keepingCapacity: true) }
        firstNonASCII = .max
        whitespaceAtEdges = 0
        ordinary = false
    }

    /// Reads the records from `recordStart` on that `cfs_split_records` takes; false when it takes none (the
    /// record there needs `parseRecord`'s own reading).
    private func readBatch() -> Bool {
        // A quote delimiter would make every cell after one quoted: the splitter does not know that.
        guard delimiter != Self.quote else { return false }
        let latestStart = batchEndsAtRecord - discarded
        batchCount = Int(cfs_split_records(buffer, Int64(recordStart), Int64(count), delimiter, batchEnds,
                                           Int64(Self.batchEndsCapacity), batch, Int64(Self.batchCapacity),
                                           latestStart >= recordStart ? Int64(latestStart) : .max))
        batchNext = 0
        batchEndsNext = 0
        return batchCount > 0
    }

    /// Makes the next record of the batch the current one: what `parseRecord` would have read there.
    @inline(__always)
    private func takeBatchedRecord() {
        let record = batch[batchNext]
        batchNext &+= 1
        let cells = Int(record.delimiters) &+ 1
        // Its cells are read from the splitter's bounds: nothing is written a cell.
        cellBounds = UnsafePointer(batchEnds + batchEndsNext)
        cellShift = 0
        fieldCount = cells
        batchEndsNext &+= cells &+ 1
        whitespaceAtEdges = record.edgeSpace
        ordinary = record.edgeSpace == 0
        if record.firstNonASCII >= 0 {
            firstNonASCII = Int(record.firstNonASCII)
            endOfNonASCII = Int(record.endOfNonASCII)
            continuations = Int(record.continuationBytes)
        } else {
            firstNonASCII = .max
        }
        terminator = record.crlf != 0 ? .crlf : .lf
        let line = nextLine
        self.line = line
        endLine = line
        nextLine = line &+ 1
        recordEnd = Int(record.lineBreak) &+ 1 &+ Int(record.crlf)
    }

    /// The records split with the current one that come after it (`cfs_split_records`), for a rule that
    /// prepares for them in one go; none when the next record is still to be read. When there are some, the
    /// current record was split with them, so that their lines follow its line one by one.
    var batchedRecordsAhead: BatchedRecords {
        BatchedRecords(bytes: UnsafePointer(buffer), bounds: batchEnds + batchEndsNext,
                       records: UnsafePointer(batch + batchNext), end: UnsafePointer(batch + max(batchNext, batchCount)), line: nextLine)
    }

    /// Validates the multi-byte sequence at `i`; returns how far to advance, or nil when more input is needed.
    @inline(__always)
    private func checkMultibyte(_ p: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int, _ field: Int,
                                _ line: Int, _ lineStart: Int) -> Int? {
        if i < firstNonASCII { firstNonASCII = i }
        var length = UTF8Validation.sequenceLength(p, i, n)
        if length == 0 {
            if !eof { return nil }
            length = -(n - i)
        }
        if length < 0 {
            let bad = Array(UnsafeBufferPointer(start: p + i, count: -length))
            if let last = invalidUTF8.indices.last, invalidUTF8[last].line == line {
                invalidUTF8[last].badBytes.append(contentsOf: bad)
            } else {
                invalidUTF8.append(InvalidUTF8Line(line: line, lineStart: lineStart, firstBadOffset: i, badBytes: bad))
            }
            if UTF8Scanner.isUTF16LEMark(p, i, n) { invalidUTF8[invalidUTF8.count - 1].startsUTF16LEText = true }
            return -length
        }
        let b0 = p[i]
        if b0 == 0xC2 && p[i + 1] <= 0x9F {
            noteControl(field, i, UInt32(p[i + 1]))
        } else if b0 == 0xE2 && p[i + 1] == 0x80 && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9) {
            noteControl(field, i, p[i + 2] == 0xA8 ? 0x2028 : 0x2029)
        }
        return length
    }

    /// The first quote of an unquoted cell (one finding per cell).
    private func noteQuoteInUnquotedCell(_ field: Int, _ offset: Int, _ line: Int, _ lineStart: Int) {
        if let last = malformedQuotes.last, last.field == field { return }
        malformedQuotes.append(MalformedQuote(kind: .quoteInUnquotedCell, field: field, offset: offset, line: line, lineStart: lineStart))
    }

    @inline(__always)
    private func noteControl(_ field: Int, _ offset: Int, _ scalar: UInt32) {
        if let last = controlCharacters.last, last.field == field { return }
        controlCharacters.append(ControlCharacterHit(field: field, offset: offset, scalar: scalar))
    }
}
