import CFieldScan
import Testing
@testable import ImportLintCore

/// The tokenizer's scanners (every way this processor can read a step) and the reader built on it, against byte-at-a-time references
/// on generated inputs: every delimiter, quotes, line breaks, controls, multi-byte and invalid UTF-8, and
/// buffers that run dry in the middle of a record.
@Suite struct FieldScanTests {
    static let delimiters: [UInt8] = [0x2C, 0x09, 0x3B, 0x7C]
    /// Bytes that need attention, mixed into plain text by `generated`: delimiters, quotes, line breaks,
    /// controls, characters of one to four bytes (no-break space, C1 NEL and U+2028 among them), and
    /// invalid or cut-off sequences.
    static let awkward: [[UInt8]] = [[0x2C], [0x09], [0x3B], [0x7C], [0x22], [0x22, 0x22], [0x0D], [0x0A], [0x0D, 0x0A], [0x20],
                                     [0x00], [0x1F], [0x7F], [0xC3, 0xA9], [0xC2, 0xA0], [0xC2, 0x85], [0xE2, 0x80, 0xA8],
                                     [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xC3],
                                     [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xA9]]

    /// Mostly plain text with runs long enough for whole steps of 16 and 64 bytes; `density` in eighths of awkward
    /// pieces, `count` pieces.
    static func generated(_ count: Int, density: Int, using rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<count).flatMap { _ in
            Int.random(in: 0..<8, using: &rng) < density ? awkward.randomElement(using: &rng)! : [UInt8.random(in: 0x61...0x63, using: &rng)]
        }
    }

    static func isSpecial(_ c: UInt8, _ delimiter: UInt8) -> Bool {
        c == delimiter || c < 0x20 || c >= 0x7F || c == 0x22
    }

    /// The length of a character the splitter passes over at `i`: an ASCII byte that is not special, or a
    /// valid multi-byte character other than a C1 control, U+2028 and U+2029; nil for any other byte.
    static func plainCharacterLength(_ bytes: [UInt8], _ i: Int) -> Int? {
        let c = bytes[i]
        if c < 0x80 { return c < 0x20 || c == 0x7F || c == 0x22 ? nil : 1 }
        let length = UTF8Validation.sequenceLength(bytes, i, bytes.count)
        guard length > 0 else { return nil }
        let scalar = String(decoding: bytes[i..<i + length], as: UTF8.self).unicodeScalars.first!.value
        return scalar <= 0x9F || scalar == 0x2028 || scalar == 0x2029 ? nil : length
    }

    @Test func nextSpecialMatchesByteAtATime() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = Self.generated(Int.random(in: 0..<80, using: &rng), density: Int.random(in: 0..<3, using: &rng), using: &rng)
            let delimiter = Self.delimiters.randomElement(using: &rng)!
            let start = Int.random(in: 0...bytes.count, using: &rng)
            var expected = start
            while expected < bytes.count && !Self.isSpecial(bytes[expected], delimiter) { expected += 1 }
            let found = bytes.withUnsafeBufferPointer { cfs_next_special($0.baseAddress, Int64(start), Int64(bytes.count), delimiter) }
            #expect(Int(found) == expected, "\(bytes) from \(start) delimiter \(delimiter)")
        }
    }

    /// Every byte value in every lane of a 16-byte step, behind a run of plain bytes.
    @Test func nextSpecialFindsEveryByteInEveryLane() {
        for delimiter in Self.delimiters {
            for lane in 0..<32 {
                for b in 0...255 {
                    var bytes = [UInt8](repeating: 0x61, count: 40)
                    bytes[lane] = UInt8(b)
                    let found = bytes.withUnsafeBufferPointer { cfs_next_special($0.baseAddress, 0, Int64(bytes.count), delimiter) }
                    #expect(Int(found) == (Self.isSpecial(UInt8(b), delimiter) ? lane : bytes.count), "byte \(b) lane \(lane)")
                }
            }
        }
    }

    /// What `cfs_split_plain` gives, found a byte at a time and a multi-byte character at a time.
    struct Split: Equatable {
        var ends: [Int]
        var stop: Int
        var edgeSpace: Bool
        var firstNonASCII: Int?
    }

    /// Bytes surrounding whitespace starts or ends with: space, tab, either byte of a no-break space.
    static let edgeBytes: Set<UInt8> = [0x20, 0x09, 0xC2, 0xA0]

    static func referenceSplit(_ bytes: [UInt8], from start: Int, delimiter: UInt8, capacity: Int) -> Split {
        var ends: [Int] = []
        var edgeSpace = false
        var firstNonASCII: Int?
        var cellStart = start
        var i = start
        let edge = edgeBytes
        while i < bytes.count {
            if bytes[i] == delimiter {
                if i > cellStart { edgeSpace = edgeSpace || edge.contains(bytes[cellStart]) || edge.contains(bytes[i - 1]) }
                ends.append(i)
                cellStart = i + 1
                i += 1
                if ends.count == capacity { break }
            } else if let length = plainCharacterLength(bytes, i) {
                if length > 1 && firstNonASCII == nil { firstNonASCII = i }
                i += length
            } else {
                break
            }
        }
        // The cell it stops in (or at, when `ends` is full) counts by its first byte too.
        if cellStart < bytes.count && bytes[cellStart] != delimiter && edge.contains(bytes[cellStart]) { edgeSpace = true }
        return Split(ends: ends, stop: ends.count == capacity ? cellStart : i, edgeSpace: edgeSpace, firstNonASCII: firstNonASCII)
    }

    /// The splitter reading its 64-byte steps at `level` (0 a byte at a time, 1 SSE2 or NEON, 2 AVX2).
    static func split(_ bytes: [UInt8], from start: Int, delimiter: UInt8, capacity: Int, level: Int32,
                      ends: UnsafeMutablePointer<Int64>) -> Split {
        let split = bytes.withUnsafeBufferPointer {
            cfs_split_plain_at_level(level, $0.baseAddress, Int64(start), Int64(bytes.count), delimiter, ends, Int64(capacity))
        }
        return Split(ends: (0..<Int(split.count)).map { Int(ends[$0]) }, stop: Int(split.stop), edgeSpace: split.edgeSpace != 0,
                     firstNonASCII: split.firstNonASCII < 0 ? nil : Int(split.firstNonASCII))
    }

    /// Every way this processor can read a step, the one `cfs_split_plain` uses among them.
    static var levels: [Int32] { Array(0...cfs_best_level()) }

    @Test func splitPlainMatchesByteAtATime() {
        var rng = SystemRandomNumberGenerator()
        let ends = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        defer { ends.deallocate() }
        for _ in 0..<12_000 {
            let bytes = Self.generated(Int.random(in: 0..<300, using: &rng), density: Int.random(in: 0..<3, using: &rng), using: &rng)
            let delimiter = Self.delimiters.randomElement(using: &rng)!
            let start = Int.random(in: 0...bytes.count, using: &rng)
            let capacity = Int.random(in: 1...24, using: &rng)
            let expected = Self.referenceSplit(bytes, from: start, delimiter: delimiter, capacity: capacity)
            for level in Self.levels {
                let found = Self.split(bytes, from: start, delimiter: delimiter, capacity: capacity, level: level, ends: ends)
                #expect(found == expected, "level \(level): \(bytes) from \(start) delimiter \(delimiter) capacity \(capacity)")
            }
        }
    }

    /// Every byte value in every lane of the first two 64-byte steps and of the byte-at-a-time tail, among
    /// plain bytes and delimiters, at every level.
    @Test func splitPlainReadsEveryByteInEveryLane() {
        let ends = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        defer { ends.deallocate() }
        for delimiter: UInt8 in [0x2C, 0x09] {
            var plain = [UInt8](repeating: 0x61, count: 150)
            for k in stride(from: 5, to: 150, by: 11) { plain[k] = delimiter }
            for lane in 0..<150 {
                for b in 0...255 {
                    var bytes = plain
                    bytes[lane] = UInt8(b)
                    let expected = Self.referenceSplit(bytes, from: 0, delimiter: delimiter, capacity: 64)
                    for level in Self.levels {
                        let found = Self.split(bytes, from: 0, delimiter: delimiter, capacity: 64, level: level, ends: ends)
                        #expect(found == expected, "level \(level) byte \(b) lane \(lane) delimiter \(delimiter)")
                    }
                }
            }
        }
    }

    /// Each multi-byte piece (valid, cut off, invalid) starting at every offset around the end of the
    /// first step, so that it straddles two steps, with a delimiter just before and just after it.
    @Test func splitPlainPassesCharactersAcrossSteps() {
        let ends = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        defer { ends.deallocate() }
        for piece in Self.awkward where piece.count > 1 || piece[0] >= 0x80 {
            for offset in 56..<72 {
                for (before, after) in [(false, false), (true, false), (false, true), (true, true)] {
                    var bytes = [UInt8](repeating: 0x62, count: 140)
                    bytes.replaceSubrange(offset..<offset + piece.count, with: piece)
                    if before { bytes[offset - 1] = 0x2C }
                    if after { bytes[offset + piece.count] = 0x2C }
                    let expected = Self.referenceSplit(bytes, from: 0, delimiter: 0x2C, capacity: 64)
                    for level in Self.levels {
                        let found = Self.split(bytes, from: 0, delimiter: 0x2C, capacity: 64, level: level, ends: ends)
                        #expect(found == expected, "level \(level) piece \(piece) offset \(offset)")
                    }
                }
            }
        }
    }

    /// Records that are mostly plain cells ended by LF or CR LF (so that `cfs_split_records` takes many): plain
    /// text, delimiters, line breaks, spaces and characters of two to four bytes, now and then an awkward piece.
    static func mostlyPlainRecords(_ count: Int, delimiter: UInt8, using rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        let friendly: [[UInt8]] = [[delimiter], [delimiter], [0x0A], [0x0D, 0x0A], [0x20], [0x09], [0xC3, 0xA9], [0xC2, 0xA0],
                                   [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80]]
        return (0..<count).flatMap { _ in
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<2: awkward.randomElement(using: &rng)!
            case 2..<30: friendly.randomElement(using: &rng)!
            default: [UInt8.random(in: 0x61...0x63, using: &rng)]
            }
        }
    }

    /// `cfs_split_records` at every level gives, record after record, what splitting each record alone gives
    /// up to its line break (with its last cell's edges), and stops before a record of plain cells ended by
    /// LF or CR LF only when that record ends too near the end of the bytes for a whole window or starts
    /// after the latest start it was given.
    @Test func splitRecordsMatchesSplittingEachRecord() {
        var rng = SystemRandomNumberGenerator()
        let capacity = 4096, maxRecords = 16
        let ends = UnsafeMutablePointer<Int64>.allocate(capacity: capacity)
        let records = UnsafeMutablePointer<cfs_record>.allocate(capacity: maxRecords)
        defer { ends.deallocate(); records.deallocate() }
        var recordsSeen = 0
        for _ in 0..<4_000 {
            let delimiter = Self.delimiters.randomElement(using: &rng)!
            let bytes = Self.mostlyPlainRecords(Int.random(in: 0..<500, using: &rng), delimiter: delimiter, using: &rng)
            let start = Int.random(in: 0...bytes.count, using: &rng)
            let latestStart = Bool.random(using: &rng) ? Int.max : Int.random(in: start...bytes.count, using: &rng)
            for level in Self.levels {
                let found = bytes.withUnsafeBufferPointer {
                    Int(cfs_split_records_at_level(level, $0.baseAddress, Int64(start), Int64(bytes.count), delimiter, ends,
                                                   Int64(capacity), records, Int64(maxRecords), Int64(latestStart)))
                }
                var recordStart = start, used = 0
                for k in 0...found where recordStart < bytes.count {
                    let expected = Self.referenceSplit(bytes, from: recordStart, delimiter: delimiter, capacity: capacity)
                    let stop = expected.stop
                    let breakLength = stop < bytes.count && bytes[stop] == 0x0A ? 1
                        : stop + 1 < bytes.count && bytes[stop] == 0x0D && bytes[stop + 1] == 0x0A ? 2 : 0
                    let isPlain = bytes[recordStart] != 0x22 && breakLength > 0
                    if k == found {
                        // It stopped before this record: one it takes must end too near the end.
                        #expect(!isPlain || found == maxRecords || stop + 64 >= bytes.count || recordStart > latestStart,
                                "level \(level): \(bytes) from \(start) delimiter \(delimiter) stopped at \(recordStart)")
                        break
                    }
                    let record = records[k]
                    let lastStart = expected.ends.last.map { $0 + 1 } ?? recordStart
                    let lastEdge = stop > lastStart && (Self.edgeBytes.contains(bytes[lastStart]) || Self.edgeBytes.contains(bytes[stop - 1]))
                    // Its entries: the offset before its first byte, its delimiters, its line break.
                    let foundEnds = (0..<Int(record.delimiters)).map { Int(ends[used + 1 + $0]) }
                    let framed = Int(ends[used]) == recordStart - 1 && Int(ends[used + 1 + foundEnds.count]) == stop
                    #expect(isPlain && recordStart <= latestStart && Int(record.lineBreak) == stop && Int(record.crlf) + 1 == breakLength
                            && foundEnds == expected.ends && framed
                            && (record.firstNonASCII < 0 ? nil : Int(record.firstNonASCII)) == expected.firstNonASCII
                            && (record.endOfNonASCII < 0 ? nil : Int(record.endOfNonASCII))
                                == bytes[recordStart..<stop].lastIndex(where: { $0 >= 0x80 }).map { $0 + 1 }
                            && Int(record.continuationBytes) == bytes[recordStart..<stop].filter({ $0 & 0xC0 == 0x80 }).count
                            && (record.edgeSpace != 0) == (expected.edgeSpace || lastEdge),
                            "level \(level): \(bytes) from \(start) delimiter \(delimiter) record \(k) at \(recordStart)")
                    used += foundEnds.count + 2
                    recordStart = stop + breakLength
                    recordsSeen += 1
                }
            }
        }
        // Enough records were taken for the comparison to mean something.
        #expect(recordsSeen > 10_000)
    }

    /// A record as a plain RFC 4180 reading gives it: cells with quotes undone, text after a closing quote
    /// kept, line breaks counted inside quotes; and the flags the reader keeps for the rules.
    struct PlainRecord: Equatable {
        var cells: [[UInt8]]
        var quoted: [Bool]
        var line: Int
        var endLine: Int
        var terminator: LineTerminator
        /// Some cell is quoted, or starts or ends with a space, a tab or a byte of a no-break space.
        var mayHaveWhitespaceAtEdges = false
        /// Offset in the record of its first byte that is not ASCII.
        var firstNonASCII: Int?
    }

    static func referenceRecords(_ bytes: [UInt8], delimiter: UInt8) -> [PlainRecord] {
        var records: [PlainRecord] = []
        var i = 0
        var line = 1
        let n = bytes.count
        func lineBreak(at k: Int) -> Int? {
            guard k < n else { return nil }
            if bytes[k] == 0x0A { return 1 }
            if bytes[k] == 0x0D { return k + 1 < n && bytes[k + 1] == 0x0A ? 2 : 1 }
            return nil
        }
        while i < n {
            let recordStart = i
            var record = PlainRecord(cells: [], quoted: [], line: line, endLine: line, terminator: .none)
            while true {
                var cell: [UInt8] = []
                let cellStart = i
                let quoted = i < n && bytes[i] == 0x22
                if quoted {
                    i += 1
                    while i < n {
                        if bytes[i] == 0x22 {
                            if i + 1 < n && bytes[i + 1] == 0x22 { cell.append(0x22); i += 2; continue }
                            i += 1
                            break
                        }
                        if let width = lineBreak(at: i) {
                            cell += bytes[i..<i + width]
                            i += width
                            line += 1
                            continue
                        }
                        cell.append(bytes[i])
                        i += 1
                    }
                }
                while i < n && bytes[i] != delimiter && lineBreak(at: i) == nil {
                    cell.append(bytes[i])
                    i += 1
                }
                record.cells.append(cell)
                record.quoted.append(quoted)
                let edge: Set<UInt8> = [0x20, 0x09, 0xC2, 0xA0]
                if quoted || i > cellStart && (edge.contains(bytes[cellStart]) || edge.contains(bytes[i - 1])) {
                    record.mayHaveWhitespaceAtEdges = true
                }
                if i < n && bytes[i] == delimiter { i += 1; continue }
                if let width = lineBreak(at: i) {
                    record.terminator = width == 2 ? .crlf : bytes[i] == 0x0A ? .lf : .cr
                    i += width
                    record.endLine = line
                    line += 1
                } else {
                    record.endLine = line
                }
                break
            }
            record.firstNonASCII = bytes[recordStart..<i].firstIndex { $0 >= 0x80 }.map { $0 - recordStart }
            records.append(record)
        }
        return records
    }

    /// The reader gives the reference's records at every chunk size, and the same findings (controls,
    /// invalid UTF-8, misplaced and unterminated quotes, columns) with tiny chunks as with one big one.
    @Test func readerMatchesReferenceInTinyChunks() throws {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<1_500 {
            let delimiter = Self.delimiters.randomElement(using: &rng)!
            // Every other round mostly plain records, which the reader takes many at a time (`cfs_split_records`).
            let bytes = round % 2 == 0
                ? Self.generated(Int.random(in: 0..<160, using: &rng), density: Int.random(in: 0..<4, using: &rng), using: &rng)
                : Self.mostlyPlainRecords(Int.random(in: 0..<300, using: &rng), delimiter: delimiter, using: &rng)
            let expected = Self.referenceRecords(bytes, delimiter: delimiter)
            let whole = try parse(bytes, delimiter: delimiter)
            for chunk in [1, 2, 3, 7, 16, 17, 1 << 20] {
                let reader = CSVReader(source: MemorySource(bytes), delimiter: delimiter, chunkSize: chunk)
                var records: [PlainRecord] = []
                while try reader.next() {
                    let firstNonASCII = reader.firstNonASCIIOffset == .max ? nil : reader.firstNonASCIIOffset - reader.recordStartOffset
                    records.append(PlainRecord(cells: (0..<reader.fieldCount).map { Array(reader.bytes($0)) },
                                               quoted: (0..<reader.fieldCount).map(reader.isQuoted),
                                               line: reader.line, endLine: reader.endLine, terminator: reader.terminator,
                                               mayHaveWhitespaceAtEdges: reader.mayHaveWhitespaceAtEdges,
                                               firstNonASCII: firstNonASCII))
                }
                #expect(records == expected, "round \(round) chunk \(chunk) delimiter \(delimiter): \(bytes)")
                #expect(try parse(bytes, delimiter: delimiter, chunkSize: chunk) == whole, "round \(round) chunk \(chunk): \(bytes)")
            }
        }
    }
}
