/// Where each data record of a UTF-8 input starts in the decoded stream, and which are plain: ordinary
/// records (`CSVReader.isOrdinary`) that `fix` writes exactly as read unless a fix names them. Noted by
/// `fix`'s lint of its input for the pass that writes the output, which copies the plain records no fix
/// names in spans of many records without splitting them into cells again (`FixPass.copySpans`).
final class RecordMap: @unchecked Sendable {
    /// Where each record starts, the first data record's at index 0; then the later part's records, when
    /// the input was linted in two parts (`append`).
    @exclusivity(unchecked) private var starts = RecordStarts()
    @exclusivity(unchecked) private var laterStarts = RecordStarts()
    /// Indices of records that are not plain.
    @exclusivity(unchecked) private(set) var notPlain = NumberSet()
    /// The offset just past the last record noted.
    @exclusivity(unchecked) private(set) var end = 0
    /// False once a blank line came between the records (it is no record, and the pass would have to
    /// number and write it); the map is then not used.
    @exclusivity(unchecked) private(set) var usable = true
    /// The header's line ending: a plain record ends with it.
    let terminator: LineTerminator
    private let headerWidth: Int
    /// An ordinary ASCII record is plain without a closer look (`noteOrdinary`).
    private let quickly: Bool

    init(terminator: LineTerminator, headerWidth: Int, delimiter: UInt8) {
        self.terminator = terminator
        self.headerWidth = headerWidth
        quickly = headerWidth > 1 && delimiter != CSVReader.quote
    }

    var count: Int { starts.count + laterStarts.count }

    /// The bytes the record starts take in memory (tests).
    var bytesHeld: Int { starts.bytesHeld + laterStarts.bytesHeld }

    /// Notes the reader's record (or blank line).
    func note(_ reader: CSVReader) {
        if reader.isBlankLine {
            usable = false
            return
        }
        if !(reader.isOrdinary && isPlain(reader)) { notPlain.insert(starts.count) }
        append(reader)
    }

    /// Notes the reader's record, an ordinary one as wide as the header (`CSVReader.isOrdinary`): on one
    /// line, with no quote or invalid byte; plain unless it ends otherwise than the header, or a cell has an
    /// end to trim or a character from U+0300 on.
    @inline(__always)
    func noteOrdinary(_ reader: CSVReader) {
        if !(reader.terminator == terminator && !reader.mayHaveWhitespaceAtEdges && reader.firstNonASCIIOffset == .max && quickly)
            && !isPlain(reader) { notPlain.insert(starts.count) }
        append(reader)
    }

    @inline(__always)
    private func append(_ reader: CSVReader) {
        let start = reader.streamOffset
        starts.append(start)
        end = start &+ (reader.recordEndOffset &- reader.recordStartOffset)
    }

    /// The test `FixPass.isVerbatim` makes of a record no fix names (`FixPass.copiesAsRead`), and on one line with the
    /// header's line ending, so that the record is written as the bytes it was read from, line break and all.
    /// Only an ordinary record is plain: the pass notes runs of those alone (`UnreportedRuns`).
    private func isPlain(_ reader: CSVReader) -> Bool {
        reader.fieldCount == headerWidth && reader.terminator == terminator && reader.line == reader.endLine
            && reader.unterminatedQuote == nil && FixPass.copiesAsRead(reader)
    }

    @inline(__always)
    func isPlain(index: Int) -> Bool { !notPlain.contains(index) }

    /// Reads the map for one thread.
    final class Reader {
        let map: RecordMap
        private let earlier: RecordStarts.Cursor
        private let later: RecordStarts.Cursor
        private let earlierCount: Int

        init(_ map: RecordMap) {
            self.map = map
            earlier = RecordStarts.Cursor(map.starts)
            later = RecordStarts.Cursor(map.laterStarts)
            earlierCount = map.starts.count
        }

        var count: Int { map.count }

        /// Where the record at `index` starts.
        @inline(__always)
        func start(of index: Int) throws -> Int {
            guard let start = index < earlierCount ? earlier.start(of: index) : later.start(of: index - earlierCount) else {
                throw RecordStarts.Unreadable()
            }
            return start
        }

        /// Where the record at `index` ends (the next one starts).
        @inline(__always)
        func end(of index: Int) throws -> Int { try index + 1 < map.count ? start(of: index + 1) : map.end }

        @inline(__always)
        func isPlain(index: Int) -> Bool { map.isPlain(index: index) }
    }

    /// Appends the map of the later part of an input linted in two parts; false (nothing appended) when it
    /// does not start where this one ends.
    func append(_ later: RecordMap) -> Bool {
        guard later.count == 0 || later.starts.first == end, later.terminator == terminator,
              laterStarts.count == 0, later.laterStarts.count == 0 else { return false }
        later.notPlain.forEach { notPlain.insert($0 + starts.count) }
        laterStarts = later.starts
        if later.count > 0 { end = later.end }
        usable = usable && later.usable
        return true
    }
}

/// The record maps of one lint (`LintOptions.recordMaps`): the earlier part's, and the later part's when the
/// input was linted in two parts; made again when the lint starts over.
final class RecordMaps: @unchecked Sendable {
    private var earlier: RecordMap?
    private var later: RecordMap?
    /// The header's line ending, set once the header is read, before the later part's pass begins.
    var terminator: LineTerminator = .none
    var headerWidth = 0
    var delimiter: UInt8 = 0

    func restart() {
        earlier = nil
        later = nil
    }

    func makeEarlier() -> RecordMap {
        let map = RecordMap(terminator: terminator, headerWidth: headerWidth, delimiter: delimiter)
        earlier = map
        return map
    }

    func makeLater() -> RecordMap {
        let map = RecordMap(terminator: terminator, headerWidth: headerWidth, delimiter: delimiter)
        later = map
        return map
    }

    /// The whole input's map, once the lint ended; nil when it is not usable. Not kept here: the map is
    /// freed once its pass is done, before the output is linted.
    func result() -> RecordMap? {
        defer { restart() }
        guard let earlier, earlier.usable else { return nil }
        if let later, !earlier.append(later) { return nil }
        return earlier.usable ? earlier : nil
    }
}
