import CFieldScan
import Testing
@testable import ImportLintCore

/// The tokenizer's 16-bytes-a-step scanner and the reader built on it, against byte-at-a-time references
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

    /// Mostly plain text with runs long enough for whole 16-byte steps; `density` in eighths of awkward
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

    @Test func splitPlainMatchesByteAtATime() {
        var rng = SystemRandomNumberGenerator()
        let ends = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        defer { ends.deallocate() }
        for _ in 0..<20_000 {
            let bytes = Self.generated(Int.random(in: 0..<120, using: &rng), density: Int.random(in: 0..<3, using: &rng), using: &rng)
            let delimiter = Self.delimiters.randomElement(using: &rng)!
            let start = Int.random(in: 0...bytes.count, using: &rng)
            let capacity = Int.random(in: 1...8, using: &rng)
            // Reference: a byte at a time, a multi-byte character at a time.
            var expectedEnds: [Int] = []
            var edgeSpace = false
            var firstNonASCII: Int?
            var cellStart = start
            var i = start
            let edge: Set<UInt8> = [0x20, 0x09, 0xC2, 0xA0]
            while i < bytes.count {
                if bytes[i] == delimiter {
                    if i > cellStart { edgeSpace = edgeSpace || edge.contains(bytes[cellStart]) || edge.contains(bytes[i - 1]) }
                    expectedEnds.append(i)
                    cellStart = i + 1
                    i += 1
                    if expectedEnds.count == capacity { break }
                } else if let length = Self.plainCharacterLength(bytes, i) {
                    if length > 1 && firstNonASCII == nil { firstNonASCII = i }
                    i += length
                } else {
                    break
                }
            }
            let expectedStop = expectedEnds.count == capacity ? cellStart : i
            let split = bytes.withUnsafeBufferPointer {
                cfs_split_plain($0.baseAddress, Int64(start), Int64(bytes.count), delimiter, ends, Int64(capacity))
            }
            let found = (0..<Int(split.count)).map { Int(ends[$0]) }
            #expect(found == expectedEnds && Int(split.stop) == expectedStop && (split.edgeSpace != 0) == edgeSpace
                        && split.firstNonASCII == firstNonASCII.map(Int64.init) ?? -1,
                    "\(bytes) from \(start) delimiter \(delimiter) capacity \(capacity)")
        }
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
            let bytes = Self.generated(Int.random(in: 0..<160, using: &rng), density: Int.random(in: 0..<4, using: &rng), using: &rng)
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
