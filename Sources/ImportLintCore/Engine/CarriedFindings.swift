/// The findings of records written exactly as they were read, under a header written as it was read, in
/// an input read as UTF-8: what a rule that judges a record alone reports on such a record in the written
/// file is what it reported on it in the input, moved to the record's new line and number.
///
/// Held while the output is linted, so kept compact and apart from the input's findings (which are freed
/// before that lint): each distinct content once, and each record as a few variable-length numbers in chunks
/// (its line, how far it moved, its findings' content numbers and places), about 8 bytes for a record with
/// one finding where a 16-byte record and the plan's 24-byte findings were held. Nothing is held for a record
/// without findings. Written by one pass (`append`), then only read (`Reader`), by one or two threads.
struct CarriedFindings: Sendable {
    /// A carried record as read back (tests, and moving records): its findings at their lines in the input.
    struct Record: Equatable {
        let line: Int
        let inputLine: Int
        let findings: [Diagnostic]
    }

    private var storage = Storage()

    var isEmpty: Bool { storage.records == 0 }
    /// How many records are carried.
    var count: Int { storage.records }
    /// The bytes the records and their findings take, not counting the contents they share (tests).
    var bytesHeld: Int { storage.bytes.bytesHeld + storage.contents.count * MemoryLayout<Diagnostic.Content>.stride }

    /// Notes the record that starts on output line `line` (input line `inputLine`), with its findings, all
    /// on its lines and about it.
    mutating func append(line: Int, inputLine: Int, findings: UnsafeBufferPointer<Diagnostic>) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.append(line: line, inputLine: inputLine, findings: findings)
    }

    mutating func append(_ record: Record) {
        record.findings.withUnsafeBufferPointer { append(line: record.line, inputLine: record.inputLine, findings: $0) }
    }

    /// Every record, in the order noted.
    var records: [Record] {
        var all: [Record] = []
        var reader = Reader(self)
        while reader.nextLine != .max {
            let (line, inputLine) = reader.take()
            all.append(Record(line: line, inputLine: inputLine, findings: reader.findings.map { reader.diagnostic($0, line: inputLine, record: nil) }))
        }
        return all
    }

    /// Adds the records of `later`, noted by the pass over the later part of an input written in two parts,
    /// at their lines moved on by `shift`.
    mutating func append(_ later: CarriedFindings, movedBy shift: Int) {
        for record in later.records { append(Record(line: record.line + shift, inputLine: record.inputLine, findings: record.findings)) }
    }

    /// The same records at the lines `move` gives (rows regrouped after they were written).
    func moved(_ move: (Int) -> Int) -> CarriedFindings {
        var result = CarriedFindings()
        for record in records.map({ Record(line: move($0.line), inputLine: $0.inputLine, findings: $0.findings) }).sorted(by: { $0.line < $1.line }) {
            result.append(record)
        }
        return result
    }

    /// A carried finding as read back: its content's number, its line's distance from its record's first
    /// line, its column and its cell (-1: none).
    struct Finding {
        let content: Int
        let lineOffset: Int
        let column: Int
        let fieldIndex: Int
    }

    /// Reads the records in order: `nextLine` is where the next one starts; `take` reads it.
    struct Reader {
        private let storage: Storage
        private var cursor: VarIntChunks.Cursor
        private var previousLine = 0
        /// The line the next record starts on; Int.max past the last.
        private(set) var nextLine = Int.max
        /// The findings of the record `take` read last.
        var findings: UnsafeBufferPointer<Finding> { UnsafeBufferPointer(start: buffer.base, count: findingCount) }
        private let buffer = FindingBuffer()
        private var findingCount = 0

        init(_ carried: CarriedFindings) {
            storage = carried.storage
            cursor = VarIntChunks.Cursor(storage.bytes)
            enter(chunk: 0)
        }

        /// The distinct contents the findings number.
        var contents: [Diagnostic.Content] { storage.contents }

        private mutating func enter(chunk index: Int) {
            previousLine = 0
            guard cursor.enter(chunk: index) else {
                nextLine = .max
                return
            }
            readLine()
        }

        private mutating func readLine() {
            guard cursor.inChunk else { return enter(chunk: cursor.chunk + 1) }
            previousLine += VarInt.read(&cursor.p)
            nextLine = previousLine
        }

        /// Moves past the records that start before `line`: those of another part, or read past.
        mutating func skip(toLine line: Int) {
            // Whole chunks first: each knows its first line.
            if let later = cursor.laterChunk(keyAtMost: line) { enter(chunk: later) }
            while nextLine < line {
                _ = VarInt.read(&cursor.p)
                let count = VarInt.read(&cursor.p)
                for _ in 0..<count { for _ in 0..<4 { _ = VarInt.read(&cursor.p) } }
                readLine()
            }
        }

        /// Reads the next record into `findings`; returns its line and input line.
        mutating func take() -> (line: Int, inputLine: Int) {
            let line = nextLine
            let inputLine = line - VarInt.readSigned(&cursor.p)
            let count = VarInt.read(&cursor.p)
            if count > buffer.capacity { buffer.grow(to: count) }
            for i in 0..<count {
                let content = VarInt.read(&cursor.p), lineOffset = VarInt.read(&cursor.p), column = VarInt.read(&cursor.p)
                buffer.base[i] = Finding(content: content, lineOffset: lineOffset, column: column, fieldIndex: VarInt.read(&cursor.p) - 1)
            }
            findingCount = count
            readLine()
            return (line, inputLine)
        }

        /// `finding` of the record on `line`, as its record `record`.
        func diagnostic(_ finding: Finding, line: Int, record: Int?) -> Diagnostic {
            Diagnostic(content: storage.contents[finding.content], position: position(finding, line: line, record: record))
        }

        /// Where `finding` of the record on `line`, as its record `record`, is.
        @inline(__always)
        func position(_ finding: Finding, line: Int, record: Int?) -> Diagnostic.Position {
            Diagnostic.Position(line: line + finding.lineOffset, column: finding.column, record: record,
                                fieldIndex: finding.fieldIndex < 0 ? nil : finding.fieldIndex)
        }
    }

    /// Room for the findings of one record, used again record after record (an array's append checked its
    /// capacity and uniqueness at every finding, and reading it retained it).
    private final class FindingBuffer {
        private(set) var base: UnsafeMutablePointer<Finding>
        private(set) var capacity = 16

        init() { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }

        func grow(to count: Int) {
            base.deallocate()
            base = .allocate(capacity: count)
            capacity = count
        }
    }

    /// The records' numbers and the contents, one reference each.
    fileprivate final class Storage: @unchecked Sendable {
        let bytes = VarIntChunks()
        /// Written by one pass, then only read: not checked for exclusive access (a check per property use).
        @exclusivity(unchecked) private(set) var contents: [Diagnostic.Content] = []
        @exclusivity(unchecked) private(set) var records = 0
        /// Each content's number, and the last few looked up by address (a column's repeated finding comes
        /// record after record).
        @exclusivity(unchecked) private var numbers: [ObjectIdentifier: Int] = [:]
        @exclusivity(unchecked) private var recent = [(UnsafeMutableRawPointer?, Int)](repeating: (nil, 0), count: 64)
        @exclusivity(unchecked) private var previousLine = 0

        func copy() -> Storage {
            let copy = Storage()
            for record in CarriedFindings(storage: self).records { copy.append(record) }
            return copy
        }

        private func append(_ record: Record) {
            record.findings.withUnsafeBufferPointer { append(line: record.line, inputLine: record.inputLine, findings: $0) }
        }

        func append(line: Int, inputLine: Int, findings: UnsafeBufferPointer<Diagnostic>) {
            // A record's numbers take at most ten bytes each; its line is a distance from the chunk's last.
            var (p, opensChunk) = bytes.startEntry(most: 30 + findings.count * 40, key: line)
            if opensChunk { previousLine = 0 }
            VarInt.write(line - previousLine, &p)
            VarInt.writeSigned(line - inputLine, &p)
            VarInt.write(findings.count, &p)
            for i in findings.indices {
                let position = findings[i].position
                VarInt.write(number(of: Diagnostic.unretainedContent(findings.baseAddress! + i)), &p)
                VarInt.write(position.line - inputLine, &p)
                VarInt.write(position.column, &p)
                VarInt.write((position.fieldIndex ?? -1) + 1, &p)
            }
            bytes.endEntry(at: p)
            previousLine = line
            records += 1
        }

        private func number(of content: Unmanaged<Diagnostic.Content>) -> Int {
            let address = content.toOpaque()
            let slot = Int(truncatingIfNeeded: (UInt(bitPattern: address) &>> 4) & 63)
            if recent[slot].0 == address { return recent[slot].1 }
            let id = ObjectIdentifier(content.takeUnretainedValue())
            let number: Int
            if let known = numbers[id] {
                number = known
            } else {
                number = contents.count
                contents.append(content.takeUnretainedValue())
                numbers[id] = number
            }
            recent[slot] = (address, number)
            return number
        }
    }

    private init(storage: Storage) { self.storage = storage }
    init() {}
}
