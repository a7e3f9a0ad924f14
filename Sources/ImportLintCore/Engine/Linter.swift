/// The outcome of linting one file: its report section plus where text reports read its lines.
public struct LintResult: Sendable {
    public var report: FileReport
    /// The input, read again for the lines findings sit on (when `captureSourceLines` asked for it).
    public var source: SourceText?
    /// What the input was decoded as (nil when it could not be read): the fixer decodes with the same,
    /// without sniffing the file again.
    public var encoding: InputEncoding? = nil
    /// The file is a SQL client's text export that escapes with a backslash (`BackslashEscapeRule`).
    var sqlTextExport: SQLTextExport?
    /// What the file turned out to be instead of text once its bytes past the head were read (the report is
    /// then its unreadable-input finding): the fixer refuses it as it refuses a head that shows it.
    var notText: NotText.Kind?
    /// Where the lint cut the file when it read it on two cores (`SplitLint`): `fix` writes the same parts on
    /// two cores, and must know the later part's first record and line without reading the earlier part.
    var cut: LintCut?
}

/// The start of the later part of a file linted on two cores: its decoded byte offset, the records before
/// it and the line it starts on.
struct LintCut: Sendable, Equatable {
    let offset: Int
    let records: Int
    let line: Int
}

/// Runs every selected rule over one file in a single streaming pass.
public final class Linter {
    public let options: LintOptions
    private let builtInProfiles: [Profile]
    /// Called with the records and share of bytes read so far, every `progressInterval` records.
    public var progress: ((LintProgress) -> Void)?
    public var progressInterval = 50_000
    /// Whether the last file was linted in two parts at once (tests: a split that is always abandoned
    /// would pass every comparison with the one-piece lint).
    private(set) var lastLintWasSplit = false

    public init(options: LintOptions) {
        self.options = options
        self.builtInProfiles = ProfileLoader.builtIn
    }

    public func lint(_ input: InputFile) throws -> LintResult {
        lastLintWasSplit = false
        return try input.naming {
            var encoding: InputEncoding?
            var split = true
            while true {
                do {
                    return try lintNamed(input, encoding: encoding, split: split)
                } catch let late as LateNonUTF8 where encoding == nil {
                    encoding = late.encoding
                } catch is SplitLint.Abandoned where split {
                    split = false
                } catch let found as NotText.Found {
                    // Known only once the bytes after the head were read.
                    var result = UnreadableInput.report(input, problem: found.description, sink: makeSink(for: input))
                    result.notText = found.kind
                    return result
                }
            }
        }
    }

    /// A file read as UTF-8 because its first 64 KB were plain ASCII turned out not to be: lint it again
    /// in the encoding the whole file's bytes give.
    private struct LateNonUTF8: Error { let encoding: InputEncoding }

    /// A sink for one file's findings, with the selection, `--max-findings` and the suppressions.
    private func makeSink(for input: InputFile) -> DiagnosticSink {
        let sink = DiagnosticSink(selection: options.selection, maxFindings: options.maxFindings)
        if let suppressions = options.suppressions {
            let path = input.displayPath
            sink.isSuppressed = { suppressions.suppresses($0, path: path) }
        }
        return sink
    }

    /// `known` nil: the encoding is sniffed from the head. When the head is plain ASCII the file is read as
    /// UTF-8 until its first other byte, and the encoding sniffer decides then as it would have from the start.
    /// `split`: the file may be linted in two parts at once (`SplitLint`).
    private func lintNamed(_ input: InputFile, encoding known: InputEncoding?, split: Bool) throws -> LintResult {
        let explicitProfile = try options.profile.map(ProfileLoader.load)
        let stamp = options.captureSourceLines ? input.stamp() : nil
        let sink = makeSink(for: input)
        if let problem = UnreadableInput.problem(input) { return UnreadableInput.report(input, problem: problem, sink: sink) }
        let sniffed = try known ?? input.encodingFromHead(override: options.inputEncoding)
        let encoding = sniffed ?? .utf8(bom: false)
        var undecided = sniffed == nil
        /// Called on every record until the encoding is settled; false once it is. (Returns rather than
        /// sets `undecided`: a variable captured by a nested function is checked for exclusive access at
        /// every use, once per record.)
        func settleEncoding(_ reader: CSVReader) throws -> Bool {
            guard reader.firstNonASCIIOffset != .max else { return true }
            try settleEncodingNow()
            return false
        }
        func settleEncodingNow() throws {
            let verdict = try EncodingSniffer.sniff(input.openRaw)
            if verdict != encoding { throw LateNonUTF8(encoding: verdict) }
        }
        let fileRules = RuleFactory.fileRules(input)
        for rule in fileRules { rule.start(encoding: encoding, sink: sink) }

        let cuts = split ? try SplitLint.cuts(input, encoding: encoding, options: options) : nil
        // The later part numbers its lines from 1 and is moved on when merged, unless `fix`'s lint of its
        // output finds records by their line: those it wrote unchanged (`UnchangedRecords`), or those whose
        // duplicate findings it hands on (`ReplayedDuplicatesRule`).
        let findsRecordsByLine = !(options.unchangedRecords?.isEmpty ?? true) || options.replayedDuplicates != nil
        let cutLine = cuts.map { SplitLint.CutLine($0, input, encoding: encoding, counting: findsRecordsByLine,
                                                   knownLine: options.knownCut?.line) }
        // A split input's later part digests its own bytes (`SplitLint.Later`).
        options.readDigest?.restart(cut: cuts?.balanced)
        options.recordMaps?.restart()
        let whole = try options.readDigest.map { DigestingSource(try input.openRaw(), into: $0) } ?? input.openRaw()
        let earlierPart = cuts.map { LimitedSource(whole, limit: $0.balanced) }
        let raw = CountingSource(earlierPart ?? whole)
        let size = progress == nil ? nil : input.byteCount
        let reader = CSVReader(source: try input.decoding(raw, encoding))
        // A cut file's reader ends at the cut: the delimiter is told from the head of the whole file.
        let delimiter = try options.delimiter ?? (cuts == nil ? DelimiterSniffer.sniff(reader.head(), path: input.displayPath)
            : DelimiterSniffer.sniff({ try input.openDecoded(encoding) }, path: input.displayPath))
        reader.setDelimiter(delimiter)
        var report = FileReport(path: input.displayPath, profile: explicitProfile?.name, encoding: encoding.name,
                                delimiter: DelimiterSniffer.name(delimiter), records: 0, diagnostics: [], clusters: nil)
        var lintCut: LintCut?
        func endOfFile(records: Int, headerLine: Int?) -> LintResult {
            for rule in fileRules { rule.endOfFile(records: records, headerLine: headerLine, sink: sink) }
            report.records = records
            report.diagnostics = sink.takeSorted(threads: options.threadsPerFile)
            GuessedReading.demoteCellFixes(&report.diagnostics, guess: GuessedReading.guess(encoding, earlier: options.guessedReading))
            CutCharacter.demoteCellFixes(&report.diagnostics)
            report.omitted = sink.omitted
            var result = LintResult(report: report, source: options.captureSourceLines ? .input(input, encoding: encoding, stamp: stamp) : nil,
                                    encoding: encoding)
            result.sqlTextExport = sink.sqlTextExport
            result.cut = lintCut
            return result
        }

        func settle(_ profile: Profile?) {
            for rule in fileRules { rule.profileSettled(profile, sink: sink) }
        }

        guard try reader.next() else {
            if cuts != nil { throw SplitLint.Abandoned() }
            settle(explicitProfile)
            return endOfFile(records: 0, headerLine: nil)
        }
        if undecided { undecided = try settleEncoding(reader) }
        while reader.isPreambleLine {
            for rule in fileRules { rule.preambleLine(reader, sink: sink) }
            guard try reader.next() else {
                if cuts != nil { throw SplitLint.Abandoned() }
                settle(explicitProfile)
                return endOfFile(records: 0, headerLine: nil)
            }
            if undecided { undecided = try settleEncoding(reader) }
        }

        let header = (0..<reader.fieldCount).map(reader.string)
        let profile = explicitProfile ?? ProfileDetector.detect(header: header, among: builtInProfiles)
        settle(profile)
        let (bindings, matches) = HeaderAnalysis.bind(header: header, profile: profile)
        let context = FileContext(input: input, profile: profile, options: options, encoding: encoding,
                                  delimiter: delimiter, header: header, bindings: bindings, matches: matches, headerLine: reader.line)
        reader.columnNames = bindings.map { $0?.name }
        if let maps = options.recordMaps {
            maps.terminator = reader.terminator
            maps.headerWidth = reader.fieldCount
            maps.delimiter = delimiter
        }
        let baseline = try BaselineRule(context, selection: options.selection)
        // The later part's thread makes its rules meanwhile, and starts its pass once handed these (`begin`).
        let later = cutLine.map { SplitLint.Later(cut: $0, context: context) }
        later?.start()
        var rules = RuleFactory.rules(for: context)
        if let baseline { rules.append(baseline) }
        for rule in rules { rule.checkHeader(reader, sink: sink) }
        // Where the rules are known: a deferred rule's share of the later part falls to this thread.
        let cut = cutLine?.choose(deferring: rules.contains { $0.splitting == .deferred }, bytesRead: raw.count)
        if let cut {
            // A rule that merges reads the earlier part only: its tables are sized for that part.
            for rule in rules where rule.splitting != .deferred { rule.readsEarlierPart(endingAt: cut - encoding.bomLength) }
            earlierPart?.limit = cut
            options.readDigest?.cut = cut
        }

        let pass = RecordPass(rules: rules, fileRules: fileRules, repeatedHeader: RepeatedHeaderRule(context),
                              unchanged: context.unchangedRecords, map: options.recordMaps?.makeEarlier())
        later?.begin(earlierRules: rules)
        let reported: ((Int) -> Void)? = progress.map { progress in
            // Split, the earlier part's share of its bytes stands for the whole file's (the parts go at
            // about the same speed); the records are the earlier part's.
            let size = cut ?? size
            return { records in
                progress(LintProgress(path: input.displayPath, records: records,
                                      fraction: size.map { $0 > 0 ? min(1, Double(raw.count) / Double($0)) : 1 }))
            }
        }
        let earlierRecords: Int
        do {
            earlierRecords = try pass.run(reader, sink: sink, undecided: &undecided, settle: settleEncoding,
                                          progress: reported, progressInterval: progressInterval)
        } catch {
            later?.earlierPassEnded(nil)
            try? later?.wait()
            throw error
        }
        let earlierEnd = (records: earlierRecords, nextLine: reader.lineAfterLastRecord)
        later?.earlierPassEnded(earlierEnd)
        var records = earlierRecords
        if let later {
            records += try later.merge(into: sink, earlierRules: rules, reader: reader, bytesRead: raw.count,
                                       records: earlierRecords, settleEncoding: undecided ? settleEncodingNow : nil)
            lastLintWasSplit = true
            lintCut = LintCut(offset: later.cut - encoding.bomLength, records: earlierEnd.records, line: earlierEnd.nextLine)
        }
        withExtendedLifetime(rules) {
            for rule in rules {
                later?.beforeFinishing(rule)
                rule.recordsCounted(records)
                rule.finish(sink: sink)
            }
        }
        if let appended = rules.lazy.compactMap({ ($0 as? ByteLevelRule)?.appendedUTF16LE }).first { throw NotText.Found(kind: appended) }
        let clusters = rules.compactMap { $0.reportedClusters() }
        if !clusters.isEmpty { report.clusters = clusters.flatMap { $0 } }
        report.profile = profile?.name
        return endOfFile(records: records, headerLine: context.headerLine)
    }
}

/// Builds the per-file rule instances that apply to a file's columns.
enum RuleFactory {
    /// Rules about the file as a whole, made before anything is read.
    static func fileRules(_ input: InputFile) -> [RecordRule] {
        [FileEncodingRule(input), PreambleLineRule(), BlankLineRule(), EmptyFileRule()]
    }

    /// The record rules for the file, without those whose findings are all deselected.
    static func rules(for context: FileContext) -> [RecordRule] {
        let selection = context.options.selection
        return allRules(for: context).filter { rule in rule.reports.map { $0.contains(where: selection.isEnabled) } ?? true }
    }

    private static func allRules(for context: FileContext) -> [RecordRule] {
        var rules: [RecordRule] = [ByteLevelRule(context), RecordShapeRule(context),
                                   MalformedQuoteRule(delimiter: context.delimiter), SurroundingWhitespaceRule(context)]
        let values = ValueRulesRule(context)
        if values.isUseful { rules.append(values) }
        // What the value rules find of a record's cells, for missing-value, which sees the record after them.
        let filledCells = values.isUseful ? values.filledCells : nil
        let replayed = context.replayedDuplicates
        let duplicates = replayed == nil ? DuplicateIdentifierRule(context) : nil
        let duplicateCheck: RecordRule? = if let replayed { ReplayedDuplicatesRule(replayed) } else { duplicates }
        let clusterCheck: RecordRule? = if let replayed = context.replayedClusters { ReplayedClustersRule(replayed) } else { ClusterRule(context) }
        let optional: [RecordRule?] = [
            MissingValueRule(context, filledCells: filledCells), RowWithoutContentRule(context), UnmatchableRowRule(context), LocationSlugRequiredRule(context), AtLeastOneOfRule(context), duplicateCheck,
            UngroupedContactRowsRule(context), UnknownPersonReferenceRule(context), clusterCheck,
            UnsupportedDelimiterRule(context), InactiveDirectoryAccountRule(context),
            DroppedLeadingZeroRule(context), DroppedPostalZeroRule(context), IntegerAsFloatRule(context), ExcelDateRule(context), LineBreakInValueRule(context),
            EmptyCellRule(context),
            HeaderColumnsRule(context), UnknownFormatRule(context), BackslashEscapeRule(context), CRLineEndingsRule(context),
        ]
        rules += optional.compactMap { $0 }
        return rules
    }
}
