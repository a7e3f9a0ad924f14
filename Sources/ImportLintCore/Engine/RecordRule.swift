/// A check that sees the header and then each data record in turn, keeping whatever per-file state it
/// needs (seen keys, groups), and may report more when the file ends.
///
/// A base class rather than a protocol: the linter calls every rule at every row, and a protocol method
/// called on a rule taken from an array costs a retain and a release each time (about 7% of a lint of
/// the people benchmark); a class method can be called through an unretained reference.
///
/// Rules about the file as a whole are made before anything is read and get the hooks around the table
/// (`start`, `preambleLine`, `profileSettled`, `blankLine`, `endOfFile`); rules about records are made from the header and
/// get `checkHeader`, `check` for every record, and `finish`.
public class RecordRule {
    /// The file's encoding is known; nothing has been read yet.
    public func start(encoding: InputEncoding, sink: DiagnosticSink) {}
    /// The profile is settled (detected from the header, given, or nil when none applies); file rules whose
    /// verdict depends on the target act here. Called once, before any record rule sees the header.
    public func profileSettled(_ profile: Profile?, sink: DiagnosticSink) {}
    /// The reader is on a line above the header that is not part of the table (a PowerShell type line).
    public func preambleLine(_ reader: CSVReader, sink: DiagnosticSink) {}
    public func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {}
    public func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {}
    /// Whether `check` also sees a record holding an unterminated quote. Its cells from the open quote on
    /// are the rest of the file read as one cell: only rules about the file's structure and bytes look at
    /// it, so that nothing in the swallowed lines is reported as if it were a row.
    public var checksSwallowedRecords: Bool { false }
    /// The reader is on a blank line, which is not a record.
    public func blankLine(_ reader: CSVReader, sink: DiagnosticSink) {}
    /// The file has `records` data records (both parts of a split file), told before `finish`.
    func recordsCounted(_ records: Int) {}
    public func finish(sink: DiagnosticSink) {}
    /// The file has ended, after every record rule's `finish`; `headerLine` is nil when it had no header.
    public func endOfFile(records: Int, headerLine: Int?, sink: DiagnosticSink) {}
    /// Clusters for the file report, after `finish`; nil from rules that do not cluster.
    public func reportedClusters() -> [Cluster]? { nil }
    /// How the rule takes part when one file is linted in two parts at once (`SplitLint`).
    var splitting: Splitting { .deferred }
    /// Takes over what `later`, the same rule made for the file's later part, gathered there, so that
    /// `finish` reports as if this rule had read both parts. Called on the earlier part's rule once the
    /// later part's findings are in the sink (see `LaterPart`), before `finish`.
    func absorb(_ later: RecordRule, _ part: LaterPart) {}
    /// This rule reads the later part of a split file, which starts `offset` bytes into the decoded stream.
    func readsLaterPart(from offset: Int) {}
    /// This rule reads only the earlier part of a split file, which ends `offset` bytes into the decoded
    /// stream (not called on a deferred rule, which reads the later part too).
    func readsEarlierPart(endingAt offset: Int) {}
    /// Called on the later part's rule before its findings join the earlier part's: rewrites, withdraws
    /// or adds later-part findings that depend on what the earlier part read (a repeat whose first
    /// occurrence is there). `earlier` is the earlier part's rule.
    func amend(_ part: LaterPart, earlier: RecordRule) throws {}
    /// True when what `check` reports on a record depends on that record's cells and the header alone, and
    /// it keeps nothing across records: `fix`'s lint of its own output skips it on records written
    /// unchanged from records nothing was reported on (`UnchangedRecords`).
    var judgesRecordAlone: Bool { false }
    /// What the rule does with a record that `fix`'s lint of its output reads unchanged from a record
    /// nothing was reported on (`UnchangedRecords.lines`): `check` unless the rule overrides it. A rule
    /// whose findings on a record rest on that record's cells alone finds nothing there again, and only
    /// keeps what it keeps across records.
    func checkUnreported(_ reader: CSVReader, record: Int, sink: DiagnosticSink) { check(reader, record: record, sink: sink) }
    /// False when such a record leaves the rule nothing to report or keep (a rule that hands on findings
    /// by their records' lines has none there): the pass does not hand it those records.
    var readsUnreportedRecords: Bool { true }
    /// True when the rule, asked now, may be spared a run of such records that are ordinary ones, each
    /// judged by this rule on the same bytes under the same header when the input was linted
    /// (`UnreportedRuns`): it would report nothing on them and keep nothing from them but how many there
    /// were, which `skipUnreported(records:)` then tells it. Asked only of the rules that read such records
    /// and do not ignore ordinary ones; false unless a rule says why it may be.
    var skipsUnreportedRuns: Bool { false }
    /// The pass read past `records` such records (`skipsUnreportedRuns`) instead of handing them over.
    func skipUnreported(records: Int) {}
    /// False for a rule without a `check` of its own (it reads the header only): the pass then leaves it
    /// out of the calls made at every record.
    var checksRecords: Bool { true }
    /// True when `check` can report only on a record that spans lines (a quoted cell with a line break):
    /// the pass then asks it of those records alone, after the other rules.
    var readsOnlyRecordsSpanningLines: Bool { false }
    /// True when `check` can report nothing on an ordinary record (`CSVReader.isOrdinary`) with as many
    /// cells as the header, and keeps nothing from it: the pass then leaves it out of the calls made at
    /// those records.
    var ignoresOrdinaryRecords: Bool { false }
    /// The pass has handed the rules its last record, which starts on `lastLine`; not called when the
    /// pass had no record. For a rule that keeps where the records end but ignores ordinary records.
    func recordsEnded(lastLine: Int) {}
    /// Every rule this check can report. When none of them is selected the check is not made at all
    /// (`--ignore`, `--select`): deselecting a rule removes its cost, not only its findings. nil (not
    /// declared): the check is always made.
    var reports: [RuleDescriptor]? { nil }
}

/// How a rule can lint a file read in two parts at once. The later part's lines are numbered from its own
/// start: its findings' positions are moved on when they join the file's, but a `stateless` or `merges`
/// rule that quotes a line in a message or a related location, or keeps one for `finish`, moves it itself
/// (`LaterPart.linesBefore`, in `amend` or `absorb`).
enum Splitting {
    /// It reads the later part after the earlier, once both are linted: the later part is read a second
    /// time for it, and it does that part's work on one core. Exact for any rule, so the default.
    case deferred
    /// What it reports on a record depends on that record alone, and it keeps nothing for `finish`; no
    /// message of it quotes a line.
    case stateless
    /// It keeps state across records and merges the later part's (`absorb`, `amend`).
    case merges
}

/// Everything rules may know about the file being linted.
public final class FileContext {
    public let path: String
    /// The input itself, for rules that must read it again when the file ends.
    public let input: InputFile
    public let profile: Profile?
    public let options: LintOptions
    public let encoding: InputEncoding
    public let delimiter: UInt8
    /// Header cells as written.
    public let header: [String]
    /// The profile column each header cell stands for (exact, respelled, alias or near miss), or nil.
    public let bindings: [ColumnSpec?]
    /// How each header cell matches the profile's columns (all unknown without a profile).
    public let matches: [HeaderMatch]
    /// Line of the header (2 after a PowerShell `#TYPE` line).
    public let headerLine: Int

    /// The columns whose cells are judged as their column's values (`HeaderAnalysis.valueBindings`).
    public var valueBindings: [ColumnSpec?] { HeaderAnalysis.valueBindings(bindings, matches: matches) }

    init(input: InputFile, profile: Profile?, options: LintOptions, encoding: InputEncoding, delimiter: UInt8,
         header: [String], bindings: [ColumnSpec?], matches: [HeaderMatch], headerLine: Int) {
        self.path = input.displayPath
        self.input = input
        self.profile = profile
        self.options = options
        self.encoding = encoding
        self.delimiter = delimiter
        self.header = header
        self.bindings = bindings
        self.matches = matches
        self.headerLine = headerLine
    }

    /// The records `fix` wrote unchanged (`LintOptions.unchangedRecords`), when the header binds the
    /// columns as it did when they were judged (a guessed column renamed is judged now).
    /// Its runs (offsets in the written UTF-8 file) only when this lint reads that file as UTF-8 without
    /// a byte-order mark, so that the reader's offsets are the file's.
    var unchangedRecords: UnchangedRecords? {
        guard var unchanged = options.unchangedRecords, !unchanged.isEmpty,
              unchanged.columns == valueBindings.map({ $0?.name }) else { return nil }
        if encoding != .utf8(bom: false) { unchanged.runs = UnreportedRuns() }
        return unchanged
    }

    /// The input's duplicate-identifier findings `fix` hands on (`LintOptions.replayedDuplicates`), when
    /// the header binds the columns as it did then and the fix changed no cell the duplicate check reads.
    var replayedDuplicates: ReplayedDuplicates? {
        replayed(readingColumns: DuplicateIdentifierRule.columnsRead(self))
    }

    /// The input's cluster findings `fix` hands on with them (`ReplayedClustersRule`), when the header binds
    /// the columns as it did then and the fix changed no cell in a clustered column.
    var replayedClusters: ReplayedFindings? {
        replayed(readingColumns: ClusterRule.columnsRead(self))?.clusters
    }

    /// What `fix` hands on, for a rule that reads the cells of `read` (none: the rule does not apply).
    private func replayed(readingColumns read: [Int]) -> ReplayedDuplicates? {
        guard let replayed = options.replayedDuplicates, replayed.columns == valueBindings.map({ $0?.name }) else { return nil }
        return read.isEmpty || read.contains(where: replayed.changedColumns.contains) ? nil : replayed
    }

    /// Index of the cell whose values are judged as a profile column's (`valueBindings`: not a column the
    /// header only may stand for, which the import drops as named).
    public func index(of column: String) -> Int? {
        valueBindings.firstIndex { $0?.name == column }
    }

    /// Index of the cell bound to a profile column, also where the header only may stand for it (a guessed
    /// alias): for messages that name the header to rename.
    public func standIn(for column: String) -> Int? {
        bindings.firstIndex { $0?.name == column }
    }

    /// Indices of all named columns, or nil if any is absent.
    public func indices(of columns: [String]) -> [Int]? {
        let found = columns.compactMap(index(of:))
        return found.count == columns.count ? found : nil
    }
}

extension FileContext {
    /// Reads the file again and calls `body` with each data record and its number, numbered exactly as
    /// the linter numbers them (after the header and any `#TYPE`, `sep=` or `version:v1.0` line; blank lines are
    /// not records).
    func forEachRecord(_ body: (CSVReader, Int) throws -> Void) throws {
        let reader = CSVReader(source: try input.openDecoded(encoding))
        reader.setDelimiter(delimiter)
        guard try reader.readHeader() != nil else { return }
        var record = 0
        while try reader.next() {
            if reader.isBlankLine { continue }
            record += 1
            try body(reader, record)
        }
    }

    /// `forEachRecord` for the records the pass hands the record rules: not one holding an unterminated
    /// quote, nor one `RepeatedHeaderRule` keeps from them (a header copy, a SQL client's line, an empty
    /// record), so that a rule reading again finds only records it was handed.
    func forEachCheckedRecord(_ body: (CSVReader, Int) throws -> Void) throws {
        let repeatedHeader = RepeatedHeaderRule(self)
        // The pass reported those records already: this sink keeps nothing.
        let muted = DiagnosticSink(selection: RuleSelection(ignore: ["ALL"]))
        try forEachRecord { reader, record in
            guard reader.unterminatedQuote == nil, !repeatedHeader.check(reader, record: record, sink: muted) else { return }
            try body(reader, record)
        }
    }
}
