import Dispatch
import Foundation

/// Settings of one fix round.
struct PassSettings {
    var inputDelimiter: UInt8
    var outputDelimiter: UInt8
    /// nil keeps the line ending of the input's header line.
    var lineEnding: LineTerminator?
    var allowUnsafe: Bool
    var force: Bool
    var quoting: QuotingStyle
    var collectDetails: Bool
    var profile: Profile?
    var round: Int
    /// Whether `lineEnding` was asked for or planned, not carried on from an earlier round's records: only
    /// then do the lines kept beside the records (a blank or preamble line whose rule is ignored) change
    /// their line ends, so the written file does not depend on how many rounds ran.
    var changesLineEndings = true
}

/// What one fix round did.
struct PassResult {
    var recordsIn = 0
    var recordsOut = 0
    /// The first fatal structural problem (ragged row, unterminated quote, invalid UTF-8 without
    /// --unsafe-fixes); the output is discarded unless --force.
    var fatal: String?
    var fatalCount = 0
    var applied: [AppliedFix] = []
    var appliedCount = 0
    /// Applied cell fixes per rule name (kept even when details are not collected).
    var appliedByRule: [String: Int] = [:]
    var cellsChanged = 0
    var skipped: [SkippedFix] = []
    var deferredCount = 0
    var fileFixes: [FileFix] = []
    var lineEnding: LineTerminator = .lf
    /// The finished temporary file, and its sync (`OutputFile.finish`), to wait for before it is used.
    var outputPath: String?
    var finishing: OutputFile.Finishing?
    /// Its records written unchanged from records nothing was reported on.
    var unchanged: UnchangedRecords?
    /// The input's duplicate findings, when the output lint can hand them on (`ReplayedDuplicates`).
    var replayedDuplicates: ReplayedDuplicates?
    /// Where the later part's output starts when the output was written in two parts: the output's lint
    /// cuts there (`LintOptions.knownCut`).
    var outputCut: LintCut?
    /// Where the written records were in the file read, before any were moved to their group...
    var shifts = LineShifts()
    /// ...and where the moved ones were before they moved, when rows were regrouped.
    var regroupShifts: LineShifts?
}

/// One streaming pass: reads the decoded input record by record and writes every record re-serialized
/// (trimmed, NFC, planned cell fixes applied; each cell quoted as in the input or as `--quoting` asks, and
/// where needed) to a temporary file. The plan's file-level
/// actions are carried out on the way: the output is UTF-8 without byte-order mark, planned lines are left
/// out, and rows are moved up to their group at the end. A UTF-8 input its lint read on two cores is written
/// in the same two parts at once (`copyRecordsInParts`), unless rows are regrouped or `--quoting all` is asked.
final class FixPass {
    let plan: FixPlan
    let settings: PassSettings
    let reader: CSVReader
    /// The per-record state below is touched by one thread at a time and never by overlapping accesses:
    /// unchecked, since checking each access at run time cost about 3% of a people fix.
    @exclusivity(unchecked) var result = PassResult()
    /// Lines the plan asked to leave out that were left out, and how many of them were records.
    private var removedLines: [Int] = []
    var removedRecords = 0
    /// Where the input's lint cut the input, when this pass writes the records after it on another thread;
    /// this pass's reader then ends there.
    let cut: LintCut?
    private var headerCount = 0
    /// Records written without the empty cell a trailing delimiter added (`FixAction.dropTrailingEmptyCell`).
    private var droppedTrailingCells = 0
    /// The header's cells folded, for a ragged record that holds a copy of it (`FusedHeaderRow`).
    private var foldedHeader: [String] = []
    private var eolBytes: [UInt8] = []
    private var groupIndex: Int?
    @exclusivity(unchecked) private var regrouper: Regrouper?
    @exclusivity(unchecked) private var row: [UInt8] = []
    /// Whether the current record is written as it was read (`isVerbatim`), not from `row`.
    @exclusivity(unchecked) private var rowIsVerbatim = false
    /// Lines written so far.
    @exclusivity(unchecked) var outputLine = 0
    /// Lines of the output where a record starts that was copied as read from a record without findings.
    @exclusivity(unchecked) var unchangedLines = NumberSet()
    /// Runs of them the output's lint may read past (`UnreportedRuns`), noted while `notesRuns`: the input
    /// is UTF-8, its header is written as it was read, and no row moves to its group.
    @exclusivity(unchecked) private var unreportedRuns = UnreportedRuns()
    private(set) var notesRuns = false
    /// The run being noted, kept apart until it ends (`closeRun`): extending the last run of the list
    /// cost 50 instructions a record.
    @exclusivity(unchecked) var runStart = 0
    @exclusivity(unchecked) var runEnd = -1
    @exclusivity(unchecked) var runRecords = 0
    /// The findings of records copied as read that had some, when the output's lint can hand them on: the
    /// input was read as UTF-8 and its header is written as it was read (`CarriedFindings`).
    @exclusivity(unchecked) private var carried = CarriedFindings()
    private(set) var carriesFindings = false
    /// The first of the plan's diagnostics not on a line before the current record's.
    @exclusivity(unchecked) private var carryCursor = 0
    private var boundColumns: [String?] = []
    /// The columns whose values the input's lint judged (`HeaderAnalysis.valueBindings`).
    private var judgedColumns: [String?] = []
    /// The plan's duplicate and cluster findings with their records' lines, and the columns this pass
    /// changed a cell in, while every record is written on the line and with the number it was read with; nil once one
    /// is not, or when the input's lint may have kept a record from the duplicate check.
    @exclusivity(unchecked) var replayed: ReplayedDuplicates?
    /// The plan's findings the output's lint can hand on (`ReplayedDuplicates.codes`); the first not yet
    /// matched with its record, and its record.
    private let replayable: [Diagnostic]
    @exclusivity(unchecked) private var replayCursor = 0
    /// The first of `replayable` this pass can meet (the later part's pass starts past the earlier part's).
    private var firstReplayed = 0
    @exclusivity(unchecked) var nextReplayedRecord = Int.max
    /// Records and lines the plan's diagnostics are about.
    let reportedRecords: NumberSet
    let reportedLines: NumberSet
    /// `plan.recordsWithCandidates`, asked at every record: calling the plan's method copied the whole
    /// plan (129 bytes) onto the stack each time.
    let recordsWithCandidates: NumberSet
    /// The output's line ending: a record read with this terminator is copied with it in one write.
    private var eol = LineTerminator.lf
    @exclusivity(unchecked) private var cell: [UInt8] = []
    /// A legacy code page the judge could not tell apart from others: transcoding with it is a guess.
    private let guessedCodePage: LegacyEncoding?
    let input: InputFile
    let encoding: InputEncoding
    /// How --unsafe-fixes reads bytes that are not UTF-8: the code page the invalid-utf8 findings name,
    /// judged the same way, once, when the first such line comes.
    private lazy var invalidBytesReading: CharsetGuess? = (try? EncodingSniffer.readingOfInvalidLines(input.openRaw)) ?? nil
    private lazy var invalidBytesRepair: InvalidByteReading? = InvalidByteReading(invalidBytesReading)

    /// The input is UTF-16: its only bytes that are not text are unpaired surrogates and a lone byte at its
    /// end (`UTF16Surrogates`), which no code page reads.
    private let readsUTF16: Bool
    private let readsUTF8: Bool
    /// The later part's pass: raised when its output will be thrown away (`copyRecordsInParts`).
    fileprivate let stop: StopSignal?
    /// Where the input's records start (its lint's `RecordMap`), when this round may copy them in spans.
    let map: RecordMap?
    /// Copying plain records in spans (`copySpans`): set once the header is written, when every record
    /// no fix names would be written as read.
    @exclusivity(unchecked) var spans: Spans?

    /// `cut`: where the input's lint cut `input` when it read it on two cores; the records after it are
    /// written on another thread unless rows are regrouped (which moves them across the cut).
    init(input: InputFile, encoding: InputEncoding, plan: FixPlan, settings: PassSettings, cut: LintCut? = nil, map: RecordMap? = nil) throws {
        self.plan = plan
        self.map = map
        self.settings = settings
        self.input = input
        self.encoding = encoding
        if case .legacy(let legacy) = encoding, !legacy.transcodeIsSafe { guessedCodePage = legacy } else { guessedCodePage = nil }
        if case .utf16 = encoding { readsUTF16 = true } else { readsUTF16 = false }
        if case .utf8 = encoding { readsUTF8 = true } else { readsUTF8 = false }
        stop = nil
        // Regrouping moves rows across the cut; quoting every cell makes the earlier part's output much longer
        // than its input, past where the later part's is written (`copyRecordsInParts`).
        // Dropping a trailing delimiter's cell is counted once for the report, by one pass.
        self.cut = readsUTF8 && plan.fileActions.regroupColumn == nil && plan.fileActions.dropsTrailingEmptyCell == nil
            && settings.quoting != .all ? cut : nil
        let decoded = try input.openDecoded(encoding)
        self.reader = CSVReader(source: self.cut.map { LimitedSource(decoded, limit: $0.offset) } ?? decoded, delimiter: settings.inputDelimiter)
        replayable = plan.replayable
        reportedRecords = plan.reportedRecords
        reportedLines = plan.reportedLines
        recordsWithCandidates = plan.recordsWithCandidates
        row.reserveCapacity(4096)
        cell.reserveCapacity(256)
    }

    /// The pass over the records after `cut`, once `earlier` has read the header: the same plan and
    /// columns, a reader from the cut on, numbering the input's lines and records on from there, and the
    /// output's lines as if the earlier part wrote as many lines as it read (`absorb` moves them on). It stops
    /// early when `stop` is raised.
    private init(laterPartOf earlier: FixPass, at cut: LintCut, stoppedBy stop: StopSignal) throws {
        (plan, settings, input, encoding) = (earlier.plan, earlier.settings, earlier.input, earlier.encoding)
        self.stop = stop
        map = earlier.map
        (guessedCodePage, readsUTF16, readsUTF8) = (earlier.guessedCodePage, earlier.readsUTF16, earlier.readsUTF8)
        (replayable, reportedRecords, reportedLines) = (earlier.replayable, earlier.reportedRecords, earlier.reportedLines)
        recordsWithCandidates = earlier.recordsWithCandidates
        self.cut = nil
        guard let source = try input.openDecoded(encoding, at: cut.offset) else { throw PartsDisagree() }
        reader = CSVReader(source: source, delimiter: settings.inputDelimiter)
        reader.startNumbering(atLine: cut.line, offset: cut.offset)
        (headerCount, eol, eolBytes, boundColumns) = (earlier.headerCount, earlier.eol, earlier.eolBytes, earlier.boundColumns)
        judgedColumns = earlier.judgedColumns
        foldedHeader = earlier.foldedHeader
        reader.columnNames = boundColumns
        result.lineEnding = eol
        carriesFindings = earlier.carriesFindings
        notesRuns = earlier.notesRuns
        if let replaying = earlier.replayed {
            replayed = ReplayedDuplicates(columns: replaying.columns)
            firstReplayed = replayable.firstIndex { ($0.record ?? 0) > cut.records } ?? replayable.count
            replayCursor = firstReplayed
            nextReplayedRecord = recordOfReplayed(at: firstReplayed)
        }
        outputLine = cut.line - 1
        if let earlierSpans = earlier.spans {
            let mapped = RecordMap.Reader(earlierSpans.map.map)
            guard let entries = try input.entries(encoding), cut.records < mapped.count,
                  try mapped.start(of: cut.records) == cut.offset else { throw SpansDisagree() }
            spans = Spans(map: mapped, entries: entries, last: mapped.count, line: cut.line)
        }
        row.reserveCapacity(4096)
        cell.reserveCapacity(256)
    }

    /// The earlier part's pass did not end where the input's lint said the later part starts: the input is
    /// written in one piece instead.
    struct PartsDisagree: Error {}

    /// Writes the output: in two parts at once when the input's lint cut it (`cut`), and in one piece when
    /// there is no cut or the parts do not meet at it.
    /// `map`: where the input's records start, to copy the plain ones in spans; without it (or when the
    /// file read does not match it) every record is read again.
    static func run(input: InputFile, encoding: InputEncoding, plan: FixPlan, settings: PassSettings, cut: LintCut?,
                    map: RecordMap? = nil, directory: String, name: String) throws -> PassResult {
        if map != nil {
            do {
                return try run(input: input, encoding: encoding, plan: plan, settings: settings, cut: cut, mapped: map, directory: directory, name: name)
            } catch is SpansDisagree {} catch is RecordStarts.Unreadable {}
        }
        return try run(input: input, encoding: encoding, plan: plan, settings: settings, cut: cut, mapped: nil, directory: directory, name: name)
    }

    private static func run(input: InputFile, encoding: InputEncoding, plan: FixPlan, settings: PassSettings, cut: LintCut?,
                            mapped map: RecordMap?, directory: String, name: String) throws -> PassResult {
        if cut != nil {
            do {
                return try FixPass(input: input, encoding: encoding, plan: plan, settings: settings, cut: cut, map: map).run(directory: directory, name: name)
            } catch is PartsDisagree {}
        }
        return try FixPass(input: input, encoding: encoding, plan: plan, settings: settings, map: map).run(directory: directory, name: name)
    }

    func run(directory: String, name: String) throws -> PassResult {
        let out = try OutputFile.temporary(in: directory, name: name)
        do {
            guard try write(to: out) else {
                AtomicFile.discard(out.path)
                return result
            }
            result.outputPath = try finish(out, directory: directory, name: name)
            return result
        } catch {
            AtomicFile.discard(out.path)
            throw error
        }
    }

    /// Writes the whole output; false when a fatal structural problem stopped the pass.
    private func write(to out: OutputFile) throws -> Bool {
        if var encoding = plan.fileActions.encoding {
            encoding.round = settings.round
            result.fileFixes.append(encoding)
        }
        defer {
            result.fileFixes += plan.fileActions.removedLinesReport(removed: removedLines, round: settings.round)
            if let rule = plan.fileActions.dropsTrailingEmptyCell, droppedTrailingCells > 0 {
                let records = droppedTrailingCells == 1 ? "1 record" : "\(droppedTrailingCells) records"
                result.fileFixes.append(FileFix(rule: rule, description: "Removed the delimiter that ended \(records) (an empty cell after the last column)",
                                                count: droppedTrailingCells, round: settings.round))
            }
        }
        if let guessed = guessedCodePage, !settings.allowUnsafe, !structural(guessed.refusal) { return false }
        guard try readHeader(copyingPreambleTo: out) else { return true }
        guard checkStructure(record: nil) else { return false }
        prepareColumns()
        try writeCurrentRecord(record: 0, to: out)
        carriesFindings = readsUTF8 && row.elementsEqual(Self.recordContent(reader))
        notesRuns = carriesFindings && groupIndex == nil
        if readsUTF8 && settings.inputDelimiter == settings.outputDelimiter && !ReplayedDuplicates.skipsRecords(plan.diagnostics) {
            replayed = ReplayedDuplicates(columns: judgedColumns)
            nextReplayedRecord = recordOfReplayed(at: 0)
        }
        spans = try startSpans()
        guard let cut else { return try copyRecords(to: out, after: 0) }
        return try copyRecordsInParts(to: out, laterAt: cut)
    }

    /// Copies the records in the two parts the input's lint read at once (a people fix's pass was a fifth
    /// of its wall time on one core): those after `cut` on another thread, into the same file a little past
    /// where the earlier part's input ended, moved to just after the earlier part's output once both are
    /// written (`OutputFile.takeIn`). False when a fatal structural problem stopped the pass.
    private func copyRecordsInParts(to out: OutputFile, laterAt cut: LintCut) throws -> Bool {
        // Room for the earlier part's output to grow (cells quoted, line endings of two bytes); beyond it the
        // file is written in one piece.
        let laterStart = cut.offset + (1 << 20) + cut.offset / 64
        out.limit = laterStart
        defer { out.limit = nil }
        guard let laterOutput = try OutputFile.laterPart(of: out, at: laterStart) else { throw PartsDisagree() }
        let later = try LaterPartPass(FixPass(laterPartOf: self, at: cut, stoppedBy: StopSignal()), output: laterOutput)
        later.start(after: cut.records)
        let earlierWritten: Bool
        do { earlierWritten = try copyRecords(to: out, after: 0) } catch {
            later.stop()
            throw error is OutputFile.Overrun ? PartsDisagree() : error
        }
        // Stopped by a fatal problem: as in one piece, what follows does not matter.
        guard earlierWritten else {
            later.stop()
            return false
        }
        let laterWritten = try later.wait()
        guard result.recordsIn == cut.records, lineAfterLastRecord == cut.line, spans != nil || reader.unterminatedQuote == nil else { throw PartsDisagree() }
        let outputCut = LintCut(offset: out.offset, records: cut.records - removedRecords, line: outputLine + 1)
        absorb(later.pass, movedBy: outputLine + 1 - cut.line, byteShift: out.offset - laterStart, finished: laterWritten)
        guard laterWritten else { return false }
        guard out.offset <= laterStart else { throw PartsDisagree() }
        try out.takeIn(later.output)
        result.outputCut = outputCut
        return true
    }

    /// Takes on what the later part's pass did; its output lines are moved on by `shift`, the lines the
    /// earlier part wrote beyond those it read. `finished`: it was not stopped by a fatal problem.
    /// `byteShift`: how far its output moves when it joins the earlier part's.
    private func absorb(_ later: FixPass, movedBy shift: Int, byteShift: Int, finished: Bool) {
        let theirs = later.result
        removedLines += later.removedLines
        removedRecords += later.removedRecords
        result.recordsIn = theirs.recordsIn
        result.recordsOut = finished ? theirs.recordsIn - removedRecords : 0
        if result.fatal == nil { result.fatal = theirs.fatal }
        result.fatalCount += theirs.fatalCount
        result.applied += theirs.applied
        result.appliedCount += theirs.appliedCount
        result.appliedByRule.merge(theirs.appliedByRule, uniquingKeysWith: +)
        result.cellsChanged += theirs.cellsChanged
        result.skipped += theirs.skipped
        result.shifts.append(theirs.shifts)
        result.deferredCount += theirs.deferredCount
        outputLine = later.outputLine + shift
        unchangedLines.formUnion(later.unchangedLines, movedBy: shift)
        unreportedRuns.append(later.unreportedRuns, movedBy: byteShift)
        carried.append(later.carried, movedBy: shift)
        // Replayed only while every record keeps its line, and every duplicate finding met its record.
        if let laterReplayed = later.replayed, shift == 0, replayCursor == later.firstReplayed {
            replayed?.append(laterReplayed)
            replayCursor = later.replayCursor
        } else {
            replayed = nil
        }
    }

    /// Moves the reader to the header, past a PowerShell type line, a 'sep=' line or an Entra template's version line;
    /// false when the file has no header.
    private func readHeader(copyingPreambleTo out: OutputFile) throws -> Bool {
        guard try reader.next() else { return false }
        while reader.isPreambleLine {
            try removeOrCopyLine(to: out, beforeRecord: 0)
            guard try reader.next() else { return false }
        }
        return true
    }

    /// A line that is not a record, before the read file's record `nextRecord`: left out when the plan says
    /// so, otherwise copied as it is.
    private func removeOrCopyLine(to out: OutputFile, beforeRecord nextRecord: Int) throws {
        if plan.fileActions.removedLines[reader.line] != nil {
            removedLines.append(reader.line)
            result.shifts.add(lines: reader.endLine - reader.line + 1, records: 0, beforeRecord: nextRecord, nextLine: outputLine + 1)
        } else if settings.changesLineEndings, let target = settings.lineEnding, reader.terminator != .none,
                  reader.terminator != target {
            // Kept (its rule ignored) while the line endings change: it ends as the records do, or a
            // 'sep=' line would keep its lone CR in an LF file.
            let content = Self.recordContent(reader)
            if let base = content.baseAddress, content.count > 0 { try out.write(base, content.count) }
            try out.write(target.bytes)
            outputLine += 1
        } else {
            let line = reader.rawRecord
            if let base = line.baseAddress, line.count > 0 { try out.write(base, line.count) }
            outputLine += Self.lineBreaks(line)
        }
    }

    /// Line ending, column names and the grouping column, from the header the reader is on.
    private func prepareColumns() {
        headerCount = reader.fieldCount
        eol = settings.lineEnding ?? (reader.terminator == .none ? .lf : reader.terminator)
        result.lineEnding = eol
        eolBytes = eol.bytes
        let header = (0..<headerCount).map(reader.string)
        foldedHeader = header.map(RepeatedHeaderRule.folded)
        let bound = HeaderAnalysis.bind(header: header, profile: settings.profile)
        boundColumns = bound.bindings.map { $0?.name }
        judgedColumns = HeaderAnalysis.valueBindings(bound.bindings, matches: bound.matches).map { $0?.name }
        reader.columnNames = boundColumns
        groupIndex = plan.fileActions.regroupColumn?.index
        regrouper = groupIndex == nil ? nil : Regrouper()
    }

    /// Copies every data record but those the plan removes; false when a fatal structural problem
    /// stopped the pass.
    /// `after`: the records before the reader's first (the earlier part's, for the later part's pass).
    fileprivate func copyRecords(to out: OutputFile, after: Int) throws -> Bool {
        if spans != nil { return try copySpans(to: out, after: after) }
        var record = after
        while try reader.next() {
            if reader.isBlankLine {
                try removeOrCopyLine(to: out, beforeRecord: record + 1)
                continue
            }
            record += 1
            if record & 1023 == 0, let stop, stop.isRaised { throw StopSignal.Stopped() }
            // Removed before its shape is judged: a repeated '#TYPE' line is one cell wide.
            if !plan.fileActions.removedLines.isEmpty && plan.fileActions.removedLines[reader.line] != nil
                && reader.unterminatedQuote == nil {
                removedLines.append(reader.line)
                removedRecords += 1
                result.shifts.add(lines: reader.endLine - reader.line + 1, records: 1, beforeRecord: record + 1, nextLine: outputLine + 1)
                continue
            }
            guard checkStructure(record: record) else {
                result.recordsIn = record
                return false
            }
            try writeCurrentRecord(record: record, to: out)
        }
        result.recordsIn = record
        result.recordsOut = record - removedRecords
        closeRun()
        return true
    }

    /// Throws when the later part's pass is told to stop (asked every thousandth record).
    @inline(__always)
    func stopIfAsked(record: Int) throws {
        if record & 1023 == 0, let stop, stop.isRaised { throw StopSignal.Stopped() }
    }

    /// Adds the run being noted, if any, to `unreportedRuns`.
    func closeRun() {
        if runRecords > 0 { unreportedRuns.append(start: runStart, end: runEnd, records: runRecords) }
        runRecords = 0
    }

    func writeCurrentRecord(record: Int, to out: OutputFile) throws {
        let key = render(record: record)
        let line = outputLine + 1
        let start = out.offset
        if record > 0 { regrouper?.row(key: key, offset: start, line: line, record: record - removedRecords) }
        if rowIsVerbatim && reader.terminator == eol {
            // Straight from the reader's buffer: the record as read, with its line break, which is the
            // output's.
            let raw = reader.rawRecord
            try out.write(raw.baseAddress!, raw.count)
        } else if rowIsVerbatim {
            // The record as read, without its line break.
            let content = Self.recordContent(reader)
            try out.write(content.baseAddress!, content.count)
            try out.write(eolBytes)
        } else {
            try out.write(row)
            try out.write(eolBytes)
        }
        if record == 0 { headerEnd = out.offset }
        outputLine += 1 + (rowIsVerbatim ? 0 : row.withUnsafeBufferPointer(Self.lineBreaks))
        // A multi-line cell written on fewer or more lines moves the records after it.
        if !rowIsVerbatim && outputLine - line != reader.endLine - reader.line {
            if record > 0 { noteCellLines(record: record) }
            result.shifts.add(lines: (reader.endLine - reader.line) - (outputLine - line), records: 0, beforeRecord: record + 1, nextLine: outputLine + 1)
        }
        if rowIsVerbatim {
            if !reportedRecords.contains(record) && !reportedLines.contains(reader.line) {
                unchangedLines.insert(line)
                // Copied with its line break, so the run's bytes are the input's.
                if notesRuns && reader.isOrdinary && reader.terminator == eol && record > 0 {
                    if runEnd != start {
                        closeRun()
                        runStart = start
                    }
                    runEnd = out.offset
                    runRecords += 1
                }
            } else if carriesFindings {
                carry(record: record, line: line, inputLines: reader.line...reader.endLine)
            }
        }
        if replayed != nil && record > 0 && (line != reader.line || outputLine != reader.endLine || record >= nextReplayedRecord) {
            keepReplaying(record: record, line: line, inputLines: reader.line...reader.endLine)
        }
    }

    /// Keeps `replayed` while the record just written (on output line `line`) starts and ends on the lines
    /// it was read from (`inputLines`), and matches the plan's findings to hand on with the line their record
    /// starts on. (A cell read otherwise than it is written, as a malformed quote's, is a changed cell: `renderCell`.)
    func keepReplaying(record: Int, line: Int, inputLines: ClosedRange<Int>) {
        guard line == inputLines.lowerBound, outputLine == inputLines.upperBound else {
            replayed = nil
            return
        }
        guard record >= nextReplayedRecord else { return }
        while replayCursor < replayable.count, let owner = replayable[replayCursor].record, owner <= record {
            guard owner == record else {
                replayed = nil
                return
            }
            replayed!.append(replayable[replayCursor], recordLine: line)
            replayCursor += 1
        }
        nextReplayedRecord = recordOfReplayed(at: replayCursor)
    }

    /// The record of the plan's duplicate finding at `index`; `Int.max` past the last.
    private func recordOfReplayed(at index: Int) -> Int {
        index < replayable.count ? replayable[index].record ?? 0 : .max
    }

    /// Notes the findings of a record read from `inputLines` and written as read on output line `line`,
    /// when all the plan's diagnostics on its lines are about it.
    func carry(record: Int, line: Int, inputLines: ClosedRange<Int>) {
        let first = inputLines.lowerBound, last = inputLines.upperBound
        plan.diagnostics.withUnsafeBufferPointer { diagnostics in
            while carryCursor < diagnostics.count && diagnostics[carryCursor].line < first { carryCursor += 1 }
            var end = carryCursor
            while end < diagnostics.count && diagnostics[end].line <= last {
                guard diagnostics[end].record == record else { return }
                end += 1
            }
            if end > carryCursor { carried.append(line: line, inputLine: first, findings: UnsafeBufferPointer(rebasing: diagnostics[carryCursor..<end])) }
        }
    }

    /// Where the cells of the record just written, on other lines than it was read from, start as read and
    /// as written (lines into the record), for the fixes a later round makes in them (`LineShifts.cells`).
    private func noteCellLines(record: Int) {
        let readLines = (0..<reader.fieldCount).map { reader.origin(of: $0).line - reader.line }
        var writtenLines = [0]
        var (quoted, breaks) = (false, 0)
        row.withUnsafeBufferPointer { bytes in
            for (i, b) in bytes.enumerated() {
                if b == CSVReader.quote {
                    quoted.toggle()
                } else if quoted && (b == CSVReader.lf || (b == CSVReader.cr && (i + 1 == bytes.count || bytes[i + 1] != CSVReader.lf))) {
                    breaks += 1
                } else if !quoted && b == settings.outputDelimiter {
                    writtenLines.append(breaks)
                }
            }
        }
        result.shifts.cells(ofRecord: record, readLines: readLines, writtenLines: writtenLines)
    }

    /// Line breaks in `bytes` as the reader counts them: LF, CR LF and a lone CR.
    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for (i, b) in bytes.enumerated() where b == CSVReader.lf || (b == CSVReader.cr && (i + 1 == bytes.count || bytes[i + 1] != CSVReader.lf)) {
            count += 1
        }
        return count
    }

    private var headerEnd = 0

    /// The finished output's path: the written file, or its regrouped copy when rows had to move.
    private func finish(_ out: OutputFile, directory: String, name: String) throws -> String {
        try out.flush()
        if removedLines.isEmpty && replayCursor == replayable.count && (regrouper?.movedRows ?? 0) == 0 {
            result.replayedDuplicates = replayed
        }
        var unchanged = UnchangedRecords(columns: judgedColumns)
        unchanged.lines = unchangedLines
        // Without a record to carry, the input's findings are not held while the output is linted.
        if !carried.isEmpty { unchanged.carried = carried }
        guard let regrouper, regrouper.movedRows > 0 else {
            result.finishing = try out.finish()
            // Rows that move to their group were not noted in runs (`notesRuns`).
            unchanged.runs = unreportedRuns
            result.unchanged = unchanged
            return out.path
        }
        let target = try OutputFile.temporary(in: directory, name: name)
        do {
            try regrouper.assemble(from: out, headerEnd: headerEnd, end: out.offset, endLine: outputLine + 1,
                                   endRecord: result.recordsOut + 1, into: target)
            result.regroupShifts = regrouper.shifts
            unchanged.lines = unchangedLines.mapped(regrouper.lineMover())
            if !carried.isEmpty { unchanged.carried = carried.moved(regrouper.lineMover()) }
            result.unchanged = unchanged
            result.finishing = try target.finish()
        } catch {
            AtomicFile.discard(target.path)
            throw error
        }
        let rows = regrouper.movedRows, groups = regrouper.movedGroups
        result.fileFixes.append(FileFix(rule: plan.fileActions.regroupColumn?.rule,
                                        description: "Moved \(rows) row\(rows == 1 ? "" : "s") (\(groups) separate group\(groups == 1 ? "" : "s")) up to each person's first group",
                                        count: rows, round: settings.round))
        // The rows before regrouping are not kept: not synced (the descriptor closes with `out`).
        AtomicFile.discard(out.path)
        return target.path
    }

    /// Serializes the reader's current record into `row`, unless it is written as read (`rowIsVerbatim`);
    /// returns the group key cell's key.
    private func render(record: Int) -> Key128? {
        let dropsLastCell = dropsTrailingEmptyCell(record: record)
        rowIsVerbatim = !dropsLastCell && isVerbatim(record: record)
        if rowIsVerbatim {
            return groupIndex.flatMap { Regrouper.key(reader.bytes($0)) }
        }
        row.removeAll(keepingCapacity: true)
        var key: Key128?
        let n = dropsLastCell ? headerCount : reader.fieldCount
        if dropsLastCell { droppedTrailingCells += 1 }
        let d = settings.outputDelimiter
        let hasMalformedQuotes = !reader.malformedQuotes.isEmpty
        for i in 0..<n {
            if i > 0 { row.append(d) }
            let cellStart = row.count
            let quoteFixed = renderCell(record: record, field: i)
            let keepQuotes: Bool
            switch settings.quoting {
            case .keep: keepQuotes = reader.isQuoted(i)
            case .minimal: keepQuotes = false
            case .all: keepQuotes = true
            }
            cell.withUnsafeBufferPointer { c in
                CellText.appendCell(c, delimiter: d, forceQuotes: keepQuotes || (n == 1 && c.isEmpty), to: &row)
                if i == groupIndex { key = Regrouper.key(c) }
            }
            if hasMalformedQuotes, !quoteFixed, let quote = reader.malformedQuotes.first(where: { $0.field == i }) {
                noteRequoted(record: record, field: i, quote: quote, written: row[cellStart...])
            }
        }
        return key
    }

    /// True when a data record no fix names can be written as it was read because writing it cell by cell
    /// would give the same bytes (most records: re-serializing every cell was more than a whole lint's
    /// time); false when it must be written cell by cell.
    private func isVerbatim(record: Int) -> Bool {
        guard record > 0, settings.outputDelimiter == settings.inputDelimiter, settings.quoting != .all,
              !recordsWithCandidates.contains(record) else { return false }
        return Self.copiesAsRead(reader)
    }

    /// True when the reader's current record, if no fix names it and the delimiter and quoting are kept, is
    /// written as the bytes it was read from: valid UTF-8, no malformed quote, not a lone empty cell, and
    /// `writesAsRead`. One test for the pass (`isVerbatim`) and the lint's map of the records the pass may
    /// copy (`RecordMap`).
    static func copiesAsRead(_ reader: CSVReader) -> Bool {
        reader.malformedQuotes.isEmpty && reader.invalidUTF8.isEmpty && (reader.fieldCount > 1 || !reader.bytes(0).isEmpty)
            && writesAsRead(reader)
    }

    /// True when the reader's current record, valid UTF-8 and without a malformed quote, is written cell
    /// by cell as the bytes it was read from (`recordContent`): no cell is quoted (a cell cannot hold the
    /// delimiter then), none has an end to trim, and no character is from U+0300 on.
    static func writesAsRead(_ reader: CSVReader) -> Bool {
        let content = recordContent(reader)
        if reader.mayHaveWhitespaceAtEdges || reader.delimiter == CSVReader.quote {
            // Without a quote byte no cell is quoted.
            guard CellText.isPlainRecord(content) else { return false }
            for i in 0..<reader.fieldCount where !CellText.hasPlainEnds(reader.bytes(i)) { return false }
        } else if reader.firstNonASCIIOffset != .max {
            // The reader saw no quoted cell and no cell end to trim, and a quote inside an unquoted cell
            // would have been a malformed quote: only characters from U+0300 on can be left, from the
            // record's first multi-byte character on (scanning the whole record was 4% of a people fix).
            let from = reader.firstNonASCIIOffset - reader.recordStartOffset
            guard CellText.hasNoCharacterFromU0300(UnsafeBufferPointer(rebasing: content[from...])) else { return false }
        }
        return true
    }

    /// The reader's current record as read, without its line break.
    static func recordContent(_ reader: CSVReader) -> UnsafeBufferPointer<UInt8> {
        let raw = reader.rawRecord
        let terminatorLength = switch reader.terminator { case .none: 0; case .lf, .cr: 1; case .crlf: 2 }
        return UnsafeBufferPointer(rebasing: raw[..<(raw.count - terminatorLength)])
    }

    /// A cell with a malformed quote is written as it was read, quoted properly: that changes its bytes,
    /// so it is counted and reported (as unsafe where the reading is a guess, written only with --force).
    private func noteRequoted(record: Int, field: Int, quote: MalformedQuote, written: ArraySlice<UInt8>) {
        let raw = reader.rawCell(field)
        guard !written.elementsEqual(raw) else { return }
        result.cellsChanged += 1
        result.appliedCount += 1
        result.appliedByRule[RuleDescriptor.malformedQuote.name, default: 0] += 1
        guard settings.collectDetails else { return }
        let rule = RuleDescriptor.malformedQuote
        let exact = MalformedQuoteRule.isExact(quote, in: reader, delimiter: settings.inputDelimiter)
        result.applied.append(AppliedFix(rule: rule.name, code: rule.code, applicability: exact ? .safe : .unsafe,
                                         line: reader.position(of: quote).line, record: record == 0 ? nil : record,
                                         field: reader.columnName(field), fieldIndex: field,
                                         before: String(decoding: raw, as: UTF8.self),
                                         after: String(decoding: written, as: UTF8.self), round: settings.round))
    }

    /// Puts the new text of cell `field` into `cell`: its planned fix, if any, normalized. True when the
    /// malformed-quote rule's own fix (a byte-order mark removed) changed it: noted here, not again as requoted.
    private func renderCell(record: Int, field: Int) -> Bool {
        let raw = reader.bytes(field)
        var replacement: String?
        var appliedDiagnostics: [Int32] = []
        if let candidates = plan.candidates(record: record, field: field) {
            let resolved = plan.resolve(original: reader.string(field), candidates: candidates)
            replacement = resolved.replacement
            appliedDiagnostics = resolved.applied
            noteDeferred(resolved.deferred, field: field)
        }
        let repair = settings.allowUnsafe && !reader.invalidUTF8.isEmpty ? invalidBytesRepair : nil
        let changes: CellText.Changes
        if var text = replacement {
            changes = text.withUTF8 { CellText.normalize($0, repair: repair, into: &cell) }
        } else {
            changes = CellText.normalize(raw, repair: repair, into: &cell)
        }
        var changed = (replacement != nil || !changes.isEmpty) && !cell.elementsEqual(raw)
        if changed, let first = cell.first, FormulaGuard.isTrigger(first),
           FormulaGuard.creates(original: String(decoding: raw, as: UTF8.self), replacement: String(decoding: cell, as: UTF8.self)) {
            // Trimming alone must not make a formula either: the cell stays as it was.
            cell.removeAll(keepingCapacity: true)
            cell.append(contentsOf: raw)
            changed = false
            appliedDiagnostics = []
        }
        if changed || !appliedDiagnostics.isEmpty {
            if changed {
                result.cellsChanged += 1
                if replayed != nil && !Self.sameWithinEdges(raw, cell) { replayed!.changedColumns.insert(field) }
            }
            noteApplied(record: record, field: field, raw: raw, replacement: replacement,
                        changes: changes, diagnostics: appliedDiagnostics, changed: changed)
        }
        return changed && appliedDiagnostics.contains { plan.diagnostics[Int($0)].code == RuleDescriptor.malformedQuote.code }
    }

    /// Whether two cells differ only in the spaces and tabs at their ends, which the duplicate check trims.
    private static func sameWithinEdges(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { a.trimmedASCII().elementsEqual($0.trimmedASCII()) }
    }

    private func noteDeferred(_ deferred: [Int32], field: Int) {
        result.deferredCount += deferred.count
        guard settings.collectDetails else { return }
        for k in deferred {
            let diag = plan.diagnostics[Int(k)]
            result.skipped.append(SkippedFix(rule: diag.rule, line: diag.line, record: diag.record, field: diag.field, fieldIndex: field,
                                             reason: "another fix of the same cell was applied first; left for the next round"))
        }
    }

    /// Counts (and with details, records) the fixes applied to a cell: the planned ones, and those the
    /// pass's own normalization (trim, NFC, repair of invalid bytes) made on a cell no rule fixed.
    private func noteApplied(record: Int, field: Int, raw: UnsafeBufferPointer<UInt8>, replacement: String?,
                             changes: CellText.Changes, diagnostics: [Int32], changed: Bool) {
        var synthesized: [(RuleDescriptor, Applicability)] = []
        // A planned fix whose text normalization alone gives ('Primary Email ' renamed 'Primary Email' by
        // unknown-column) is the whole change: the trim is not another rule's fix.
        if replacement == nil && changed && !diagnostics.contains(where: { plan.diagnostics[Int($0)].fix?.replacement.map { $0.utf8.elementsEqual(cell) } == true }) {
            let rules = Set(diagnostics.map { plan.diagnostics[Int($0)].code })
            if changes.contains(.trimmed) && !rules.contains(RuleDescriptor.surroundingWhitespace.code) { synthesized.append((.surroundingWhitespace, .safe)) }
            if changes.contains(.composed) && !rules.contains(RuleDescriptor.notNFC.code) { synthesized.append((.notNFC, .safe)) }
            if changes.contains(.repaired) { synthesized.append((.invalidUTF8, .unsafe)) }
        }
        guard changed else { return }
        result.appliedCount += diagnostics.count + synthesized.count
        for k in diagnostics { result.appliedByRule[plan.diagnostics[Int(k)].rule, default: 0] += 1 }
        for (rule, _) in synthesized { result.appliedByRule[rule.name, default: 0] += 1 }
        guard settings.collectDetails else { return }
        let before = String(decoding: raw, as: UTF8.self)
        let after = String(decoding: cell, as: UTF8.self)
        let line = reader.position(ofField: field).line
        let round = settings.round
        for k in diagnostics {
            let diag = plan.diagnostics[Int(k)]
            result.applied.append(AppliedFix(rule: diag.rule, code: diag.code, applicability: diag.fix!.applicability,
                                             line: diag.line, record: record == 0 ? nil : record, field: diag.field,
                                             fieldIndex: field, before: before, after: after, round: round))
        }
        for (rule, applicability) in synthesized {
            result.applied.append(AppliedFix(rule: rule.name, code: rule.code, applicability: applicability, line: line,
                                             record: record == 0 ? nil : record, field: reader.columnName(field),
                                             fieldIndex: field, before: before, after: after, round: round))
        }
    }

    /// Notes a fatal structural problem; false when the pass must stop.
    private func structural(_ reason: String) -> Bool {
        replayed = nil
        result.fatalCount += 1
        if result.fatal == nil { result.fatal = reason }
        return settings.force
    }

    /// The reading the output would rest on is sound (or --force): no open quote, no ragged record, and
    /// no invalid UTF-8 unless unsafe fixes may guess at it.
    @inline(__always)
    func checkStructure(record: Int?) -> Bool {
        // Most records: read whole, quoted properly, UTF-8, as wide as the header (asked inline: the call
        // was 34 instructions a record).
        if reader.unterminatedQuote == nil && reader.malformedQuotes.isEmpty && reader.invalidUTF8.isEmpty
            && (record == nil || reader.fieldCount == headerCount) { return true }
        return checkStructureClosely(record: record)
    }

    /// Refuses the file at a record that is not as wide as the header, `cause` ("; ...") saying why when known.
    private func refuseRagged(_ record: Int, because cause: String) -> Bool {
        structural("line \(reader.line): record \(record) has \(RecordShapeRule.cells(reader.fieldCount)) but the header has \(headerCount)\(cause) (\(RuleDescriptor.raggedRow.name))")
    }

    /// Whether the record is written without its last cell: the plan drops the empty cell a trailing
    /// delimiter adds, and this record has one cell more than the header, that cell empty.
    private func dropsTrailingEmptyCell(record: Int?) -> Bool {
        record != nil && plan.fileActions.dropsTrailingEmptyCell != nil
            && RecordShapeRule.endsWithOneEmptyCell(reader, headerCount: headerCount)
    }

    private func checkStructureClosely(record: Int?) -> Bool {
        if let open = reader.unterminatedQuote {
            let at = reader.position(of: open)
            return structural("line \(at.line): a quote opened in column \(at.column) is never closed (\(RuleDescriptor.unterminatedQuote.name)); the rest of the file would be read into one cell")
        }
        // Before the quotes: the header copy's quotes run on after the record's last cell (and its byte-order
        // mark stands between them).
        let width = dropsTrailingEmptyCell(record: record) ? headerCount + 1 : headerCount
        if let record, reader.fieldCount != width, let recordEnd = FusedHeaderRow.recordEnd(of: reader, header: foldedHeader) {
            return refuseRagged(record, because: "; \(FusedHeaderRow.cause(headerCount, recordEnd))")
        }
        if let quote = reader.malformedQuotes.first(where: { !MalformedQuoteRule.isExact($0, in: reader, delimiter: settings.inputDelimiter) }) {
            let at = reader.position(of: quote)
            if !structural("line \(at.line), column \(at.column): a quote out of place (\(RuleDescriptor.malformedQuote.name)); what the cell should hold is a guess") { return false }
        }
        // Before the shape: a UTF-16 file's damage after its last line break is a line of one cell. Appended
        // 8-bit text of odd length ends in a lone byte too, which is not the cause to name.
        if readsUTF16, UTF16DamageLine.holdsAppendedEightBitText(reader) {
            return structural("line \(reader.line): 8-bit text appended after the UTF-16LE text (\(RuleDescriptor.invalidUTF8.name)): convert both exports to one encoding before joining them")
        }
        if readsUTF16, let bad = reader.invalidUTF8.first {
            return structural("line \(bad.line): \(ByteLevelRule.utf16Damage(bad.badBytes)) (\(RuleDescriptor.invalidUTF8.name)): restore the text from its source")
        }
        if let record, reader.fieldCount != width {
            let appended = OtherDelimiterRow.delimiter(of: reader, headerCount: headerCount).map { "; \(OtherDelimiterRow.cause(headerCount, $0))" } ?? ""
            return refuseRagged(record, because: appended)
        }
        if let bad = reader.invalidUTF8.first {
            if reader.invalidUTF8.allSatisfy({ CutCharacter.cell($0, in: reader) != nil }) {
                return structural("line \(bad.line): a value cut short inside a character (\(RuleDescriptor.invalidUTF8.name)): export it again without the byte limit")
            }
            let what = "line \(bad.line): bytes that are not UTF-8 (\(RuleDescriptor.invalidUTF8.name))"
            if let repair = invalidBytesRepair {
                if !settings.allowUnsafe {
                    return structural("\(what); decoding them as \(repair.charset) is a guess: use --unsafe-fixes, or give the file's charset with --input-encoding")
                }
            } else {
                let reading = invalidBytesReading.map { "they read as \($0.best.name), a multi-byte code page whose characters a line's stray bytes do not give" } ?? "no code page reads them as text"
                return structural("\(what); \(reading), so --unsafe-fixes does not repair them: save the line as UTF-8 at its source, or give the file's charset with --input-encoding if the whole file is in it")
            }
        }
        return true
    }
}

/// The later part's pass of an input written in two parts, on a thread of its own (`FixPass.copyRecordsInParts`).
private final class LaterPartPass: @unchecked Sendable {
    let pass: FixPass
    let output: OutputFile
    private var written: Result<Bool, any Error> = .success(false)
    private let done = DispatchSemaphore(value: 0)

    init(_ pass: FixPass, output: OutputFile) {
        self.pass = pass
        self.output = output
    }

    /// Copies the records after the earlier part's `records` into `output`.
    func start(after records: Int) {
        DispatchQueue.global().async { [self] in
            written = Result { try pass.copyRecords(to: output, after: records) }
            done.signal()
        }
    }

    /// Waits for the pass: true when it wrote every record, false when a fatal problem stopped it.
    func wait() throws -> Bool {
        done.wait()
        done.signal()
        return try written.get()
    }

    /// Stops the pass, whose output will be thrown away, and waits for it: when the earlier part overran its
    /// room (a `--line-ending crlf` of short rows), the file is written again in one piece as soon as the
    /// later part's thread stops, not once it has copied the rest of its records.
    func stop() {
        pass.stop?.raise()
        _ = try? wait()
    }
}

/// Tells the later part's pass to stop (`LaterPartPass.stop`); looked at every thousandth record.
private final class StopSignal: @unchecked Sendable {
    struct Stopped: Error {}
    private let lock = NSLock()
    private var raised = false

    func raise() { lock.withLock { raised = true } }
    var isRaised: Bool { lock.withLock { raised } }
}
