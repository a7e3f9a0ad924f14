/// Records of a file that `fix` wrote unchanged, by the line each starts on in the written file: its lint of
/// its own output need not judge them again with the rules whose verdict rests on the record alone
/// (`RecordRule.judgesRecordAlone`). Those rules are most of a lint's time; the rest (keys, groups,
/// clusters) still read every record. Records nothing was reported on are in `lines`; records that had
/// findings are in `carried`, with those findings, which the lint hands on in those rules' place.
struct UnchangedRecords: Sendable {
    var lines = NumberSet()
    var carried = CarriedFindings()
    /// Runs of such records, where the lint may read past them (`UnreportedRuns`).
    var runs = UnreportedRuns()
    /// The profile column each header cell was bound to when the records were judged: a header read
    /// another way (a column renamed into the profile) changes what the rules check, and nothing is skipped.
    let columns: [String?]

    init(columns: [String?]) { self.columns = columns }

    var isEmpty: Bool { lines.isEmpty && carried.isEmpty }

    @inline(__always)
    func contains(line: Int) -> Bool { lines.contains(line) }
}

/// Runs of records `fix` wrote one after another byte for byte, line break included, from records of a
/// UTF-8 input under a header written as it was read, each an ordinary record (`CSVReader.isOrdinary`: plain
/// cells on one line, no quote, control character, invalid byte or whitespace at a cell's edge) that
/// nothing was reported on (so as wide as the header, unless ragged-row was deselected): where each run starts and ends in
/// the written file, and how many records it holds. Every rule judged these bytes in that context when
/// the input was linted, so the lint of the output reads past a run without handing its records to the
/// rules, when each rule still reading such records says it may (`RecordRule.skipsUnreportedRuns`).
struct UnreportedRuns: Sendable {
    struct Run: Equatable {
        /// Offsets in the written file (the decoded stream: it is UTF-8 without a byte-order mark).
        let start: Int
        let end: Int
        /// One line each.
        let records: Int
    }

    /// A people export of a million records has about 180,000 runs, held while its output is linted: each is
    /// kept as three variable-length numbers (its distance from the previous run's end, its length, its
    /// records), about 5 bytes where a 16-byte run was, in chunks that grow without being copied.
    private var storage = Storage()

    var isEmpty: Bool { storage.count == 0 }
    var count: Int { storage.count }
    /// The bytes the runs take (tests).
    var bytesHeld: Int { storage.bytes.bytesHeld }

    /// Notes the run of `records` records written as `start..<end`, after every run noted so far.
    mutating func append(start: Int, end: Int, records: Int) {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        storage.append(start: start, end: end, records: records)
    }

    /// Adds the runs of `later`, noted by the pass over the later part of an input written in two parts,
    /// at their offsets moved on by `shift`.
    mutating func append(_ later: UnreportedRuns, movedBy shift: Int) {
        for run in later.runs { append(start: run.start + shift, end: run.end + shift, records: run.records) }
    }

    /// Every run, in increasing order of `start` (tests, and copies).
    var runs: [Run] {
        var all: [Run] = []
        let cursor = Cursor(self)
        while let run = cursor.current {
            all.append(run)
            cursor.advance()
        }
        return all
    }

    /// Reads the runs in order, for one lint's part (records are read in increasing order).
    final class Cursor {
        /// Not checked for exclusive access (a check per property per record read): a cursor is one thread's.
        @exclusivity(unchecked) private var position: Position

        init(_ runs: UnreportedRuns) { position = Position(runs.storage.bytes) }

        /// The run the cursor is on; nil past the last.
        var current: Run? { position.current }

        /// Moves to the next run.
        func advance() { position.advance() }

        /// The run starting at `offset`, if any, moving past those before it.
        @inline(__always)
        func run(startingAt offset: Int) -> Run? {
            guard let run = position.current, run.start <= offset else { return nil }
            return run.start == offset ? run : seek(offset)
        }

        private func seek(_ offset: Int) -> Run? {
            // Whole chunks first: each knows its first run's start.
            if let later = position.cursor.laterChunk(keyAtMost: offset) { position.enter(chunk: later) }
            while let run = position.current, run.start < offset { position.advance() }
            return position.current.flatMap { $0.start == offset ? $0 : nil }
        }

        /// Where the first run after the current one that holds more than one record starts; Int.max when
        /// none does.
        func startOfNextRunOfSeveral() -> Int {
            // The rest of the chunk by its bytes alone: a copied cursor was an allocation per run read past,
            // a copied position a retain and release.
            var (p, previousEnd) = (UnsafePointer(position.cursor.p), position.previousEnd)
            while p < position.cursor.end {
                let start = previousEnd + VarInt.read(&p)
                previousEnd = start + VarInt.read(&p)
                if VarInt.read(&p) >= 2 { return start }
            }
            var ahead = position
            ahead.advance()
            while let run = ahead.current, run.records < 2 { ahead.advance() }
            return ahead.current?.start ?? .max
        }
    }

    /// Where a cursor is, and the run there.
    private struct Position {
        var cursor: VarIntChunks.Cursor
        var previousEnd = 0
        var current: Run?

        init(_ bytes: VarIntChunks) {
            cursor = VarIntChunks.Cursor(bytes)
            enter(chunk: 0)
        }

        mutating func enter(chunk index: Int) {
            previousEnd = 0
            guard cursor.enter(chunk: index) else {
                current = nil
                return
            }
            advance()
        }

        mutating func advance() {
            guard cursor.inChunk else { return enter(chunk: cursor.chunk + 1) }
            let start = previousEnd + VarInt.read(&cursor.p)
            previousEnd = start + VarInt.read(&cursor.p)
            current = Run(start: start, end: previousEnd, records: VarInt.read(&cursor.p))
        }
    }

    /// The runs' numbers, one reference.
    fileprivate final class Storage: @unchecked Sendable {
        let bytes = VarIntChunks()
        /// Written by one pass, then only read: not checked for exclusive access.
        @exclusivity(unchecked) private(set) var count = 0
        @exclusivity(unchecked) private var previousEnd = 0

        func copy() -> Storage {
            let copy = Storage()
            for run in UnreportedRuns(storage: self).runs { copy.append(start: run.start, end: run.end, records: run.records) }
            return copy
        }

        func append(start: Int, end: Int, records: Int) {
            // Three numbers of at most ten bytes; the start is a distance from the chunk's last run's end.
            var (p, opensChunk) = bytes.startEntry(most: 30, key: start)
            if opensChunk { previousEnd = 0 }
            VarInt.write(start - previousEnd, &p)
            VarInt.write(end - start, &p)
            VarInt.write(records, &p)
            bytes.endEntry(at: p)
            previousEnd = end
            count += 1
        }
    }

    private init(storage: Storage) { self.storage = storage }
    init() {}
}

/// How a lint hands on carried findings: the record-alone rules' turns collapse into one turn per run of
/// them in the order the rules are called, and every finding goes out at the turn of the run its rule is
/// in, so that findings at one place keep their order. A finding's rule is known by its code: a code that
/// one run's rules declare and no other rule does. A record with a finding whose code is not known so
/// (or that refers elsewhere) is judged by every rule, as if nothing were carried.
final class CarryTurns {
    enum Step {
        case rule(Unmanaged<RecordRule>)
        /// The findings of the `n`th run of record-alone rules.
        case carry(Int8)
    }

    /// Steps for every record, and then for those that span lines (`readsOnlyRecordsSpanningLines`).
    let steps: [Step]
    let spanningSteps: [Step]
    /// `steps` without the rules that ignore ordinary records (`RecordRule.ignoresOrdinaryRecords`), for an
    /// ordinary record as wide as the header: the same turns, less the calls that could report nothing.
    let ordinarySteps: [Step]
    /// The carried records, read in order; the findings of the one being handed on.
    @exclusivity(unchecked) private var reader: CarriedFindings.Reader
    /// The line of the record `takes` accepted.
    @exclusivity(unchecked) private var line = 0
    /// The run each code's rules report it in, or `regenerated`; codes no run or several runs report are not in it.
    private let byCode: [String: Int8]
    /// Per carried content (`CarriedFindings.Reader.contents`): the run whose rules report it, `regenerated`,
    /// `untraced`, or `unknown` until a record holding it is read (a split file's part traces only its own
    /// records' findings).
    @exclusivity(unchecked) private var turns: [Int8]
    private let contents: [Diagnostic.Content]
    /// Per carried content: its code's findings may quote a SQL NULL (`SQLNull.mayBeQuoted`), asked once
    /// here rather than by the sink at every finding handed on.
    private let quotesCell: [Bool]
    private static let regenerated: Int8 = -1
    private static let untraced: Int8 = -2
    private static let unknown: Int8 = -3

    /// nil when a rule does not declare what it reports: then a code cannot be traced to its rule.
    init?(everyRecord: [RecordRule], spanning: [RecordRule], carried: CarriedFindings) {
        var byCode: [String: Int8] = [:]
        var ambiguous = Set<String>()
        var run: Int8 = -1
        func collapsed(_ rules: [RecordRule]) -> [Step]? {
            var steps: [Step] = []
            var previousAlone = false
            for rule in rules {
                guard let reports = rule.reports else { return nil }
                if rule.judgesRecordAlone && !previousAlone {
                    run += 1
                    steps.append(.carry(run))
                } else if !rule.judgesRecordAlone && rule.checksRecords {
                    steps.append(.rule(Unmanaged.passUnretained(rule)))
                }
                previousAlone = rule.judgesRecordAlone
                let turn = rule.judgesRecordAlone ? run : Self.regenerated
                for code in reports.map(\.code) {
                    if let known = byCode[code], known != turn { ambiguous.insert(code) }
                    byCode[code] = turn
                }
            }
            return steps
        }
        guard let steps = collapsed(everyRecord), let spanningSteps = collapsed(spanning) else { return nil }
        for code in ambiguous { byCode[code] = nil }
        self.steps = steps
        self.spanningSteps = spanningSteps
        ordinarySteps = steps.filter { step in
            guard case .rule(let rule) = step else { return true }
            return !rule._withUnsafeGuaranteedRef(\.ignoresOrdinaryRecords)
        }
        self.byCode = byCode
        reader = CarriedFindings.Reader(carried)
        contents = reader.contents
        quotesCell = contents.map { SQLNull.mayBeQuoted(byCode: $0.code) }
        turns = [Int8](repeating: Self.unknown, count: contents.count)
    }

    /// Whether a carried record starts on `line` (lines are asked in increasing order), and every one of its
    /// findings can be traced to its rule and is about the record alone: then it is the one `run` hands on.
    @inline(__always)
    func takes(line: Int) -> Bool {
        line >= reader.nextLine && takesRecord(line: line)
    }

    private func takesRecord(line: Int) -> Bool {
        if reader.nextLine < line { reader.skip(toLine: line) }
        guard reader.nextLine == line else { return false }
        self.line = reader.take().line
        var traced = true
        for finding in reader.findings {
            let i = finding.content
            if turns[i] == Self.unknown {
                let content = contents[i]
                turns[i] = content.related.isEmpty ? byCode[content.code] ?? Self.untraced : Self.untraced
            }
            if turns[i] == Self.untraced { traced = false }
        }
        return traced
    }

    /// Calls the rules of `steps` on the reader's record, number `number`, and hands on the findings of the
    /// record `takes` accepted of the record-alone rules at their turn, moved to the record's line and number.
    func run(_ steps: [Step], reader: CSVReader, number: Int, sink: DiagnosticSink) {
        for step in steps {
            switch step {
            case .rule(let rule):
                rule._withUnsafeGuaranteedRef { $0.check(reader, record: number, sink: sink) }
            case .carry(let run):
                for finding in self.reader.findings where turns[finding.content] == run {
                    sink.readmit(contents[finding.content], at: self.reader.position(finding, line: line, record: number),
                                 quotesCell: quotesCell[finding.content])
                }
            }
        }
    }
}

/// A set of line or record numbers, one bit each.
struct NumberSet: Sendable {
    private var words: [UInt64] = []

    var isEmpty: Bool { words.isEmpty }

    /// Inlined, the growth apart: `fix` inserts a number per record it writes, 40 instructions a call.
    @inline(__always)
    mutating func insert(_ number: Int) {
        let word = number >> 6
        if word >= words.count { grow(toHold: word) }
        words[word] |= 1 << UInt64(number & 63)
    }

    private mutating func grow(toHold word: Int) {
        words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count)))
    }

    @inline(__always)
    func contains(_ number: Int) -> Bool {
        let word = number >> 6
        return number >= 0 && word < words.count && words[word] & (1 << UInt64(number & 63)) != 0
    }

    /// Adds every member of `other` moved on by `shift`: a word at a time when it is not moved.
    mutating func formUnion(_ other: NumberSet, movedBy shift: Int) {
        guard shift == 0 else { return other.forEach { insert($0 + shift) } }
        if other.words.count > words.count { grow(toHold: other.words.count - 1) }
        for (i, word) in other.words.enumerated() where word != 0 { words[i] |= word }
    }

    /// Calls `body` with every member, smallest first.
    func forEach(_ body: (Int) throws -> Void) rethrows {
        for (w, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                try body(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    /// The set of `move(n)` for every member `n`.
    func mapped(_ move: (Int) -> Int) -> NumberSet {
        var result = NumberSet()
        forEach { result.insert(move($0)) }
        return result
    }
}
