/// The rules that read a file's data records and the loop that hands them each record: one pass over the
/// whole file, or one per part when the file is linted in two parts at once (`SplitLint`).
struct RecordPass {
    let rules: [RecordRule]
    /// The rules about the file as a whole, which see blank lines.
    let fileRules: [RecordRule]
    let repeatedHeader: RepeatedHeaderRule
    /// Records only the rules that do not judge a record alone need to see (`fix`'s lint of its output),
    /// with the findings those rules made on them when they did (`CarriedFindings`).
    var unchanged: UnchangedRecords?
    /// Notes where each record starts (`fix`'s lint of its input).
    var map: RecordMap?

    /// Reads records to the end of `reader`'s input and returns how many there were. While `undecided`,
    /// `settle` sees every record that holds a byte that is not ASCII and says whether the encoding is still
    /// undecided after it. A plain-ASCII record settles nothing: handed to `settle`, every record of a
    /// plain-ASCII file left the plain lint's loop for `take`.
    func run(_ reader: CSVReader, sink: DiagnosticSink, undecided: inout Bool, settle: (CSVReader) throws -> Bool,
             progress: ((Int) -> Void)?, progressInterval: Int) throws -> Int {
        var records = 0
        // The next record count to report progress at: a comparison per record where `%` was a division.
        let progressInterval = max(1, progressInterval)
        var nextProgress = progressInterval
        // Unretained: `rules` keeps every rule alive (see withExtendedLifetime below).
        let everyRecord = rules.filter { !$0.readsOnlyRecordsSpanningLines }
        let unretained = everyRecord.filter(\.checksRecords).map(Unmanaged.passUnretained)
        let forUnchanged = everyRecord.filter { !$0.judgesRecordAlone && $0.checksRecords && $0.readsUnreportedRecords }
        // An ordinary record as wide as the header (nearly every one) is not handed to the rules that
        // could report nothing on it: a call each cost 10 to 30 instructions a record.
        let forOrdinary = everyRecord.filter { $0.checksRecords && !$0.ignoresOrdinaryRecords }.map(Unmanaged.passUnretained)
        // The same for a record `fix` wrote unchanged from one nothing was reported on, which each rule
        // left is asked only for what it keeps (`checkUnreported`).
        let forUnchangedOrdinary = forUnchanged.filter { !$0.ignoresOrdinaryRecords }.map(Unmanaged.passUnretained)
        let forUnchangedAny = forUnchanged.map(Unmanaged.passUnretained)
        let headerWidth = repeatedHeader.headerWidth
        // Asked only of the few records that span lines: a call per record cost them 30 instructions.
        let spanning = rules.filter(\.readsOnlyRecordsSpanningLines)
        let spanningAll = spanning.map(Unmanaged.passUnretained)
        let spanningForUnchanged = spanning.filter { !$0.judgesRecordAlone && $0.readsUnreportedRecords }.map(Unmanaged.passUnretained)
        let unchanged = unchanged ?? UnchangedRecords(columns: [])
        // Asked once: looking the line up cost a dozen instructions a record of a plain lint.
        let skipsUnchanged = !unchanged.lines.isEmpty
        let carried = unchanged.carried
        // Runs of such records are read past while every rule that would still be handed them may be spared
        // them (`skipsUnreportedRuns`). The others need nothing from them: a rule judging a record alone or
        // handing findings on by line is not handed such a record anyway, a run's records are ordinary ones on
        // one line (which `ignoresOrdinaryRecords` and `readsOnlyRecordsSpanningLines` rules skip; the last
        // line is still passed to `recordsEnded`), and no run holds a blank line or a repeated header (it
        // would have been reported, or is not written unchanged).
        let runs = unchanged.runs
        let sparedRuns = forUnchangedOrdinary
        let runCursor = UnreportedRuns.Cursor(runs)
        // Where the first run of several records after the last run read past starts: still that for a
        // later run that starts before it (the runs between are of one record). Looked for again at every
        // run, it read ahead over the same runs of one each time.
        var nextRunOfSeveral = Int.min
        @inline(__always) func skipsRun(at offset: Int) -> UnreportedRuns.Run? {
            guard let run = runCursor.run(startingAt: offset),
                  sparedRuns.allSatisfy({ $0._withUnsafeGuaranteedRef(\.skipsUnreportedRuns) }),
                  reader.skip(toStreamOffset: run.end, lines: run.records - 1) else { return nil }
            // Past a run read past, the reader splits records ahead only up to the next run's first record
            // (a run of one is read either way), not the records it would read past.
            if nextRunOfSeveral <= run.start { nextRunOfSeveral = runCursor.startOfNextRunOfSeveral() }
            reader.batchEndsAtRecord = nextRunOfSeveral
            return run
        }
        let carrying = carried.isEmpty ? nil : CarryTurns(everyRecord: everyRecord, spanning: spanning, carried: carried)
        // The line of the last record handed to the rules (not a blank line or a repeated header).
        var lastLine: Int?
        /// Hands the reader's record to the rules it is for.
        @inline(__always) func take() throws {
            if undecided && reader.firstNonASCIIOffset != .max { undecided = try settle(reader) }
            if reader.isBlankLine {
                for rule in fileRules { rule.blankLine(reader, sink: sink) }
                return
            }
            records += 1
            if reader.unterminatedQuote != nil {
                lastLine = reader.line
                for rule in rules where rule.checksSwallowedRecords { rule.check(reader, record: records, sink: sink) }
                return
            }
            if repeatedHeader.check(reader, record: records, sink: sink) { return }
            lastLine = reader.line
            // Two loops, not one over a chosen array: assigning either array retained it at every record.
            let spansLines = reader.endLine > reader.line
            // On one line: no rule for records spanning lines. Asked in each branch: asked once before
            // them, it cost a plain lint about 5 instructions a record.
            @inline(__always) func ordinary() -> Bool { reader.isOrdinary && reader.fieldCount == headerWidth }
            if skipsUnchanged && unchanged.contains(line: reader.line) {
                if !undecided && !runs.isEmpty, let run = skipsRun(at: reader.streamOffset) {
                    for rule in sparedRuns { rule._withUnsafeGuaranteedRef { $0.skipUnreported(records: run.records) } }
                    records += run.records - 1
                    lastLine = reader.line + run.records - 1
                } else if ordinary() {
                    for rule in forUnchangedOrdinary { rule._withUnsafeGuaranteedRef { $0.checkUnreported(reader, record: records, sink: sink) } }
                } else {
                    for rule in forUnchangedAny { rule._withUnsafeGuaranteedRef { $0.checkUnreported(reader, record: records, sink: sink) } }
                    if spansLines { for rule in spanningForUnchanged { rule._withUnsafeGuaranteedRef { $0.checkUnreported(reader, record: records, sink: sink) } } }
                }
            } else if let carrying, carrying.takes(line: reader.line) {
                if ordinary() {
                    carrying.run(carrying.ordinarySteps, reader: reader, number: records, sink: sink)
                } else {
                    carrying.run(carrying.steps, reader: reader, number: records, sink: sink)
                    if spansLines { carrying.run(carrying.spanningSteps, reader: reader, number: records, sink: sink) }
                }
            } else if ordinary() {
                for rule in forOrdinary { rule._withUnsafeGuaranteedRef { $0.check(reader, record: records, sink: sink) } }
            } else {
                for rule in unretained { rule._withUnsafeGuaranteedRef { $0.check(reader, record: records, sink: sink) } }
                if spansLines { for rule in spanningAll { rule._withUnsafeGuaranteedRef { $0.check(reader, record: records, sink: sink) } } }
            }
        }
        @inline(__always) func reportProgress() {
            if let progress, records >= nextProgress {
                if records == nextProgress { progress(records) }
                // The next multiple of the interval: one skipped above (a repeated header) passes, as with `%`.
                let (next, overflow) = (records / progressInterval + 1).multipliedReportingOverflow(by: progressInterval)
                nextProgress = overflow ? .max : next
            }
        }
        /// `take` out of line, for the few records the loop of a plain lint does not take itself.
        @inline(never) func takeOther() throws { try take() }
        try withExtendedLifetime(rules) {
            if skipsUnchanged || carrying != nil || headerWidth < 2 {
                while try reader.next() {
                    map?.note(reader)
                    try take()
                    reportProgress()
                }
                return
            }
            // A plain lint: an ordinary record as wide as the header (no blank line, then, nor one a quote
            // swallowed or one spanning lines) is taken here, the others by `take`. A loop of its own, whose
            // few variables stay in registers (in the general one the reader's next record took ~60
            // instructions, reloading the reader from the stack at each use).
            // Unretained: `self` holds it.
            let map = map.map(Unmanaged.passUnretained)
            /// Hands on the reader's record; `byTake` sends it to `take` whatever it is.
            @inline(__always) func plain(byTake: Bool) throws {
                if byTake || !reader.isOrdinary || reader.fieldCount != headerWidth {
                    map?._withUnsafeGuaranteedRef { $0.note(reader) }
                    try takeOther()
                } else {
                    map?._withUnsafeGuaranteedRef { $0.noteOrdinary(reader) }
                    records += 1
                    if !repeatedHeader.checkOrdinary(reader, record: records, sink: sink) {
                        lastLine = reader.line
                        for rule in forOrdinary { rule._withUnsafeGuaranteedRef { $0.check(reader, record: records, sink: sink) } }
                    }
                }
                reportProgress()
            }
            // Until the encoding is settled, by the first record holding a byte that is not ASCII, a loop that
            // looks for it; then one that does not (asked in one loop, it cost 10 instructions a record).
            var more = true
            while undecided {
                guard try reader.next() else {
                    more = false
                    break
                }
                try plain(byTake: reader.firstNonASCIIOffset != .max)
            }
            while more, try reader.next() { try plain(byTake: false) }
        }
        if let lastLine { for rule in rules { rule.recordsEnded(lastLine: lastLine) } }
        return records
    }
}
