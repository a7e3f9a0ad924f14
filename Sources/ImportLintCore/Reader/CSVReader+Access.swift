#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to the current record for rules: cell bytes and strings, and exact positions.
extension CSVReader {
    /// The cell's value bytes (quotes removed, doubled quotes undone); empty past the last cell.
    @inline(__always)
    public func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        guard index < fieldCount else { return UnsafeBufferPointer(start: nil, count: 0) }
        return cells.bytes(index)
    }

    /// The current record's cell bounds (`cellBounds`), to read many cells without the reader's checks.
    var cells: CellBounds { CellBounds(base: Int(bitPattern: bufferBase), bounds: cellBounds, shift: cellShift) }

    public func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    public func isEmpty(_ index: Int) -> Bool { bytes(index).isEmpty }

    public func isQuoted(_ index: Int) -> Bool { index < fieldCount && !splitWithOthers && fields[index].quoted }

    /// A line with nothing but spaces or tabs on it: not a record. (Its one cell is unquoted, so it can
    /// never be the start of an unterminated quote.)
    /// Inline: the pass asks it of every record, nearly none of which is one cell.
    @inline(__always)
    public var isBlankLine: Bool { fieldCount == 1 && isBlankCell }

    private var isBlankCell: Bool {
        !isQuoted(0) && bytes(0).allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The `#TYPE ...` line that Windows PowerShell's Export-Csv writes above the header.
    public var isPowerShellTypeLine: Bool {
        fieldCount >= 1 && bytes(0).first == 0x23 && bytes(0).starts(with: CSVReader.typeLinePrefix)
    }

    static let typeLinePrefix = Array("#TYPE".utf8)

    /// The delimiter a `sep=;` line names: the line exporters write above the header so that Excel splits
    /// the file at that character. Nil when the record is not such a line.
    public var separatorHint: UInt8? { Self.separatorHint(in: rawLine) }

    /// A line the reader skips above the header: a PowerShell type line, a delimiter hint, an Entra
    /// template's version line or a SQL client's message.
    public var isPreambleLine: Bool { isPowerShellTypeLine || separatorHint != nil || templateVersion != nil || sqlClientMessage != nil }

    /// A SQL client's message printed above its result set into the same file, or nil when the record is
    /// not one (`SQLClientMessage`).
    var sqlClientMessage: SQLClientMessage? { SQLClientMessage(line: rawLine) }

    /// The `version:v1.0` that starts the line when it is the first line of a Microsoft Entra (Azure AD)
    /// bulk-operation template; nil when the record is not such a line.
    public var templateVersion: String? {
        Self.templateVersionLength(in: rawLine).map { String(decoding: UnsafeBufferPointer(rebasing: rawLine[..<$0]), as: UTF8.self) }
    }

    static let templateVersionPrefix = Array("version:v".utf8)

    /// The length of `version:vN.N` when `line` (without its line break) is that alone or followed only by
    /// the empty cells a spreadsheet pads it with (any delimiter: it comes before the one that is sniffed)
    /// and spaces.
    static func templateVersionLength(in line: UnsafeBufferPointer<UInt8>) -> Int? {
        let prefix = templateVersionPrefix
        // Only letters fold: 0x1A | 0x20 would read as ':'.
        func folded(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        guard line.count > prefix.count, zip(line, prefix).allSatisfy({ folded($0) == $1 }),
              (0x30...0x39).contains(line[prefix.count]) else { return nil }
        var end = prefix.count
        while end < line.count && ((0x30...0x39).contains(line[end]) || line[end] == 0x2E) { end += 1 }
        return line[end...].allSatisfy { $0 == 0x2C || $0 == 0x3B || $0 == 0x09 || $0 == 0x7C || $0 == 0x20 } ? end : nil
    }

    /// The delimiter named by `line` (without its line break) when it is `sep=X`, 'sep' in any case.
    static func separatorHint(in line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard line.count == 5, line[0] | 0x20 == 0x73, line[1] | 0x20 == 0x65, line[2] | 0x20 == 0x70, line[3] == 0x3D else { return nil }
        let d = line[4]
        // A letter, digit, quote or space cannot separate cells.
        let isLetter = (0x61...0x7A).contains(d | 0x20)
        guard d == 0x09 || (d > 0x20 && d < 0x7F && d != 0x22 && !(0x30...0x39).contains(d) && !isLetter) else { return nil }
        return d
    }

    /// Moves to the header (past a PowerShell `#TYPE` line, a `sep=` line, an Entra `version:` line and a SQL client's message) and
    /// returns its cells; nil when there is none.
    public func readHeader() throws -> [String]? {
        guard try next() else { return nil }
        // As the linter does: a `#TYPE` line, an Excel `sep=` line and an Entra `version:` line come before the header.
        while isPreambleLine { guard try next() else { return nil } }
        return (0..<fieldCount).map(string)
    }

    /// Line and 1-based column (in Unicode scalars of the decoded line) where cell `index` starts; the
    /// end of the record for a cell past the last one. Never inlined: rules ask it only where they report,
    /// and inlined into a rule's loop over the cells it took that loop's registers (ClusterRule.check: 12
    /// instructions a record).
    @inline(never)
    public func position(ofField index: Int) -> (line: Int, column: Int) {
        if index < fieldCount {
            let cell = origin(of: index)
            return (cell.line, column(at: cell.rawStart, lineStart: cell.lineStart))
        }
        guard fieldCount > 0 else { return (line, 1) }
        let last = fieldCount - 1
        let end = splitWithOthers ? cells.end(last) : fields[last].inScratch ? origin(of: last).rawStart : fields[last].end
        return position(ofOffset: end, inField: last)
    }

    /// Where cell `index` starts as written: its first byte (the opening quote when quoted), the line it is
    /// on and that line's first byte.
    @inline(__always)
    func origin(of index: Int) -> (rawStart: Int, line: Int, lineStart: Int) {
        if splitWithOthers { return (cells.start(index), line, recordStartOffset) }
        let slot = fields[index]
        return (slot.rawStart, slot.line, slot.lineStart)
    }

    func position(ofOffset offset: Int, inField index: Int) -> (line: Int, column: Int) {
        var (i, line, lineStart) = origin(of: index)
        let p = bufferBase
        while i < offset {
            if p[i] == CSVReader.lf {
                line += 1
                lineStart = i + 1
            } else if p[i] == CSVReader.cr {
                if i + 1 < offset && p[i + 1] == CSVReader.lf { i += 1 }
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, column(at: offset, lineStart: lineStart))
    }

    public func position(of hit: ControlCharacterHit) -> (line: Int, column: Int) {
        position(ofOffset: hit.offset, inField: hit.field)
    }

    public func position(of bad: InvalidUTF8Line) -> (line: Int, column: Int) {
        (bad.line, column(at: bad.firstBadOffset, lineStart: bad.lineStart))
    }

    public func position(of quote: UnterminatedQuote) -> (line: Int, column: Int) {
        (quote.line, column(at: quote.offset, lineStart: quote.lineStart))
    }

    public func position(of quote: MalformedQuote) -> (line: Int, column: Int) {
        (quote.line, column(at: quote.offset, lineStart: quote.lineStart))
    }

    /// Whether the quote (for text after a closing quote, that closing quote) follows a backslash: `\"`, as
    /// MySQL's SELECT … INTO OUTFILE and programming languages escape a quote.
    func followsBackslash(_ quote: MalformedQuote) -> Bool {
        let quoteOffset = quote.kind == .textAfterClosingQuote ? quote.offset - 1 : quote.offset
        return quoteOffset > recordStartOffset && bufferBase[quoteOffset] == 0x22 && bufferBase[quoteOffset - 1] == 0x5C
    }

    /// Counts decoded scalars (an invalid byte counts as one U+FFFD) unless the prefix is pure ASCII.
    func column(at offset: Int, lineStart: Int) -> Int {
        if offset <= firstNonASCIIOffset { return offset - lineStart + 1 }
        if invalidUTF8.isEmpty {
            // Past the last non-ASCII byte of a record split with others, every continuation byte is before.
            if let end = endOfNonASCIIOffset, offset >= end { return offset - lineStart - recordContinuationBytes + 1 }
            // The bytes before the record's first non-ASCII one hold no continuation bytes: counted from there.
            let from = max(lineStart, firstNonASCIIOffset)
            return offset - lineStart - Self.continuationBytes(in: UnsafeBufferPointer(start: bufferBase + from, count: offset - from)) + 1
        }
        let prefix = UnsafeBufferPointer(start: bufferBase + lineStart, count: offset - lineStart)
        return String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
    }

    /// How many bytes of `bytes` are UTF-8 continuation bytes (10xxxxxx): in valid UTF-8 every other byte
    /// starts one scalar. Eight bytes at a time: findings on a line with accents are placed by this count.
    static func continuationBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let n = bytes.count
        let high: UInt64 = 0x8080_8080_8080_8080
        var continuations = 0
        var i = 0
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // Bit 7 set and bit 6 clear; shifting left by one never carries a byte's bit 6 into another's bit 7.
            continuations &+= (w & ~(w &<< 1) & high).nonzeroBitCount
            i &+= 8
        }
        while i < n {
            if base[i] & 0xC0 == 0x80 { continuations &+= 1 }
            i &+= 1
        }
        return continuations
    }

    /// Whether the record's raw bytes hold `byte` anywhere (one memchr over the record).
    func rawRecordContains(_ byte: UInt8) -> Bool {
        let raw = rawRecord
        guard let base = raw.baseAddress else { return false }
        return memchr(base, Int32(byte), raw.count) != nil
    }

    /// Cell `index` exactly as written, quotes included (the fixer reports what it re-quoted).
    func rawCell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = origin(of: index).rawStart
        let end = index + 1 < fieldCount ? origin(of: index + 1).rawStart - 1 : recordEndOffset - terminator.bytes.count
        return UnsafeBufferPointer(start: bufferBase + start, count: max(0, end - start))
    }

    /// The record's raw bytes exactly as decoded, terminator included (the fixer copies untouched records).
    public var rawRecord: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bufferBase + recordStartOffset, count: recordEndOffset - recordStartOffset)
    }

    /// The record's raw bytes without its line break.
    var rawLine: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bufferBase + recordStartOffset, count: recordEndOffset - recordStartOffset - terminator.bytes.count)
    }
}

/// The current record's cells as `CSVReader.cellBounds` holds them: cell k from the entry at `k << shift`
/// plus one to the entry after it, offsets from `base`. Made once for a loop over a record's cells, so that
/// each is two loads with no branch, for a record split with others and one read cell by cell alike.
struct CellBounds {
    /// The address of the reader's buffer.
    let base: Int
    let bounds: UnsafePointer<Int64>
    let shift: Int

    /// Where cell `index` (one of the record's) starts: an offset from the buffer's base (outside the
    /// buffer for a cell with doubled quotes, read from the scratch buffer).
    @inline(__always)
    func start(_ index: Int) -> Int { Int(bounds[index &<< shift]) &+ 1 }

    @inline(__always)
    func end(_ index: Int) -> Int { Int(bounds[(index &<< shift) &+ 1]) }

    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = start(index)
        return bytes(from: start, to: end(index))
    }

    /// The bytes from offset `start` to `end`, `start` and `end` a cell's bounds.
    @inline(__always)
    func bytes(from start: Int, to end: Int) -> UnsafeBufferPointer<UInt8> {
        // By address, not `pointer + offset`: a cell in the scratch buffer lies outside the reader's buffer.
        UnsafeBufferPointer(start: UnsafePointer(bitPattern: base &+ start).unsafelyUnwrapped, count: end &- start)
    }
}
