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
    /// 16 bytes: a people export of a million records has about 180,000 runs.
    struct Run: Sendable {
        /// Offsets in the written file (the decoded stream: it is UTF-8 without a byte-order mark).
        let start: Int
        private let length: UInt32
        private let records32: UInt32

        /// nil when the run's numbers do not fit: it is not noted, and its records are read.
        init?(start: Int, end: Int, records: Int) {
            guard let length = UInt32(exactly: end - start), let records32 = UInt32(exactly: records) else { return nil }
            (self.start, self.length, self.records32) = (start, length, records32)
        }

        var end: Int { start + Int(length) }
        /// One line each.
        var records: Int { Int(records32) }
    }

    /// In increasing order of `start`.
    private(set) var runs: [Run] = []

    var isEmpty: Bool { runs.isEmpty }

    /// Notes the run of `records` records written as `start..<end`, after every run noted so far.
    mutating func append(start: Int, end: Int, records: Int) {
        if let run = Run(start: start, end: end, records: records) { runs.append(run) }
    }

    /// Adds the runs of `later`, noted by the pass over the later part of an input written in two parts,
    /// at their offsets moved on by `shift`.
    mutating func append(_ later: UnreportedRuns, movedBy shift: Int) {
        runs += later.runs.compactMap { Run(start: $0.start + shift, end: $0.end + shift, records: $0.records) }
    }

    /// Where the first run after the `index`th that holds more than one record starts; Int.max when none does.
    func start(ofRunOfSeveralAfter index: Int) -> Int {
        var next = index + 1
        while next < runs.count && runs[next].records < 2 { next += 1 }
        return next < runs.count ? runs[next].start : .max
    }

    /// The run starting at `offset`, looked for from `cursor` on (records are read in increasing order).
    @inline(__always)
    func run(startingAt offset: Int, cursor: inout Int) -> Run? {
        while cursor < runs.count && runs[cursor].start < offset { cursor += 1 }
        return cursor < runs.count && runs[cursor].start == offset ? runs[cursor] : nil
    }
}

/// The findings of records written exactly as they were read, under a header written as it was read, in
/// an input read as UTF-8: what a rule that judges a record alone reports on such a record in the written
/// file is what it reported on it in the input, moved to the record's new line and number.
struct CarriedFindings: Sendable {
    /// A record's findings (a range of `findings`), and the line the record started on in the input: 32
    /// bits each (a people export carries about a quarter of its records, held while its output is linted).
    struct Record: Sendable {
        private let line32: UInt32
        private let inputLine32: UInt32
        private let start: UInt32
        private let end: UInt32

        init?(line: Int, inputLine: Int, findings: Range<Int>) {
            guard let line32 = UInt32(exactly: line), let inputLine32 = UInt32(exactly: inputLine),
                  let start = UInt32(exactly: findings.lowerBound), let end = UInt32(exactly: findings.upperBound) else { return nil }
            (self.line32, self.inputLine32, self.start, self.end) = (line32, inputLine32, start, end)
        }

        var line: Int { Int(line32) }
        var inputLine: Int { Int(inputLine32) }
        var findings: Range<Int> { Int(start)..<Int(end) }
    }

    /// Output lines where a carried record starts.
    private(set) var lines = NumberSet()
    /// By output line.
    private(set) var records: [Record] = []
    /// The input's findings, in report order, as its lint reported them (not copied: the fix plan holds them).
    let findings: [Diagnostic]

    init(findings: [Diagnostic] = []) { self.findings = findings }

    var isEmpty: Bool { records.isEmpty }

    /// Notes the record that starts on output line `line` (input line `inputLine`), with its findings; a
    /// record whose numbers do not fit is not carried.
    mutating func append(line: Int, inputLine: Int, findings recordFindings: Range<Int>) {
        guard let record = Record(line: line, inputLine: inputLine, findings: recordFindings) else { return }
        records.append(record)
        lines.insert(line)
    }

    /// Adds the records of `later`, noted by the pass over the later part of an input written in two parts,
    /// at their lines moved on by `shift`.
    mutating func append(_ later: CarriedFindings, movedBy shift: Int) {
        for record in later.records {
            append(line: record.line + shift, inputLine: record.inputLine, findings: record.findings)
        }
    }

    /// The same records at the lines `move` gives (rows regrouped after they were written).
    func moved(_ move: (Int) -> Int) -> CarriedFindings {
        var result = CarriedFindings(findings: findings)
        for (line, record) in records.map({ (move($0.line), $0) }).sorted(by: { $0.0 < $1.0 }) {
            result.append(line: line, inputLine: record.inputLine, findings: record.findings)
        }
        return result
    }

    /// The record starting on `line`, looked for from `cursor` on (lines are read in increasing order).
    func record(at line: Int, cursor: inout Int) -> Record? {
        while cursor < records.count && records[cursor].line < line { cursor += 1 }
        return cursor < records.count && records[cursor].line == line ? records[cursor] : nil
    }
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
    let carried: CarriedFindings
    /// The run each code's rules report it in, or `regenerated`; codes no run or several runs report are not in it.
    private let byCode: [String: Int8]
    /// Per carried finding: the run whose rules report it, `regenerated`, `untraced`, or `unknown` until its
    /// record is read (a split file's part traces only its own records' findings).
    @exclusivity(unchecked) private var turns: [Int8]
    /// Findings with one content share it: each content is traced once, and the last one is kept at hand
    /// (a column's repeated finding comes record after record).
    @exclusivity(unchecked) private var byContent: [ObjectIdentifier: Int8] = [:]
    @exclusivity(unchecked) private var last: (content: ObjectIdentifier, turn: Int8)?
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
        self.carried = carried
        self.byCode = byCode
        turns = [Int8](repeating: Self.unknown, count: carried.findings.count)
    }

    /// Whether every finding of `record` can be traced to its rule and is about the record alone.
    func traces(_ record: CarriedFindings.Record) -> Bool {
        var traced = true
        for i in record.findings {
            if turns[i] == Self.unknown { turns[i] = turn(of: carried.findings[i].content) }
            if turns[i] == Self.untraced { traced = false }
        }
        return traced
    }

    private func turn(of content: Diagnostic.Content) -> Int8 {
        let id = ObjectIdentifier(content)
        if let last, last.content == id { return last.turn }
        let turn: Int8
        if let known = byContent[id] {
            turn = known
        } else {
            turn = content.related.isEmpty ? byCode[content.code] ?? Self.untraced : Self.untraced
            byContent[id] = turn
        }
        last = (id, turn)
        return turn
    }

    /// Calls the rules of `steps` on the reader's record, number `number`, and hands on the carried
    /// findings of the record-alone rules at their turn, moved to the record's line and number.
    func run(_ steps: [Step], _ record: CarriedFindings.Record, reader: CSVReader, number: Int, sink: DiagnosticSink) {
        for step in steps {
            switch step {
            case .rule(let rule):
                rule._withUnsafeGuaranteedRef { $0.check(reader, record: number, sink: sink) }
            case .carry(let run):
                for i in record.findings where turns[i] == run {
                    var moved = carried.findings[i]
                    moved.line += record.line - record.inputLine
                    moved.record = number
                    sink.readmit(moved)
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
