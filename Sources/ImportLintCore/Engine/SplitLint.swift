import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lints one large file on two cores. The file is cut at a line feed near its middle; the later part is
/// linted on a second thread, by rules of its own, while the linter reads the earlier part; then the later
/// part's findings and rule state join the earlier part's (`LaterPart`, `RecordRule.absorb`) so that the
/// report is byte for byte the one a single pass gives.
///
/// The later part numbers its lines from its own start (the line it starts on is known only once the earlier
/// part is read); they are moved on as it is merged (`LaterPart.linesBefore`).
///
/// The cut is a guess: the line feed can be inside a quoted cell. The earlier part's reader tells: it must
/// end on a record boundary at the cut. When it does not, or a rule cannot merge, the file is linted again
/// in one piece (`Abandoned`): the split is only a speed-up.
enum SplitLint {
    /// The file is not linted in parts after all: lint it in one piece.
    struct Abandoned: Error {}

    /// How far past the middle a line feed is looked for.
    private static let searchBytes = 1 << 20

    /// Where to cut the file, or nil when it is read in one piece (one thread for it, too small or too
    /// large, not UTF-8, no line feed near the target): raw byte offsets just after a line feed, `deferring`
    /// for when one of the file's rules is deferred and `balanced` for when none is (`CutLine.choose`, once
    /// the rules are made). A forced cut (`splitOffset`) or a known one (`knownCut`) is both.
    static func cuts(_ input: InputFile, encoding: InputEncoding, options: LintOptions) throws -> (deferring: Int, balanced: Int)? {
        guard case .utf8 = encoding else { return nil }
        let size = input.byteCount
        // `fix`'s output: cut where its parts were written, whose line is known (`CutLine`), if at all.
        if let known = options.knownCut {
            let raw = known.offset + encoding.bomLength
            guard let size, options.splitOffset != nil || options.splits(size: size), raw > encoding.bomLength, raw < size else { return nil }
            return (raw, raw)
        }
        if let forced = options.splitOffset { return try lineFeed(after: forced, input, encoding: encoding).map { ($0, $0) } }
        guard let size, options.splits(size: size) else { return nil }
        // After the middle: the later part's thread lints a byte 6-20% slower (it notes every key's first
        // row for the merge). With the cut at 52.5% and the later part starting at once (no count of the
        // earlier part's lines first, `CutLine`), its pass took 0.99-1.11 times the earlier pass's CPU in
        // five perf task-clock runs of people 1M on a loaded machine.
        //
        // A deferred rule's share of the later part is linted by the first thread after both parts
        // (`replayDeferred`, which needs the later part's turns), so the first thread should end its part
        // when the later thread ends the rest: at f with f = l (1 - f), l the later thread's cost of a byte
        // relative to the first's. Receptionist 1M (duplicate-identifier deferred, its keys scoped), perf
        // task-clock with the cut at 52.5%: the earlier pass 49.7% of the samples, the later thread's 25.5%,
        // the replay 17.9%; so l = (25.5 / 47.5) / (49.7 / 52.5) = 0.57 (the deferred rules are 43% of a
        // byte's cost) and f = l / (1 + l) = 0.36 (three more runs, under load: l = 0.58-0.65, f = 0.37-0.39).
        guard let balanced = try lineFeed(after: size / 2 + size / 40, input, encoding: encoding),
              let deferring = try lineFeed(after: size / 8 * 3, input, encoding: encoding) else { return nil }
        return (deferring, balanced)
    }

    /// The raw offset just after the first line feed at or after `target`, if one is near.
    private static func lineFeed(after target: Int, _ input: InputFile, encoding: InputEncoding) throws -> Int? {
        let bom = encoding.bomLength
        guard target > bom, let source = try input.openDecoded(encoding, at: target - 1 - bom) else { return nil }
        // In small reads: the first line feed is usually a line's length away, and this runs before either
        // part starts (a megabyte zeroed and read took a millisecond).
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var searched = 0
        while searched < searchBytes {
            let n = try chunk.withUnsafeMutableBufferPointer { try EncodingSniffer.readFully(source, $0.baseAddress!, $0.count) }
            if let lineFeed = chunk[..<n].firstIndex(of: CSVReader.lf) {
                let offset = target + searched + lineFeed
                return offset < (input.byteCount ?? .max) ? offset : nil
            }
            guard n == chunk.count else { return nil }
            searched += n
        }
        return nil
    }

    /// Where the later part starts: the cut, and the line it is on when the later part must number its
    /// lines as the file's from the start (`counting`). Otherwise the later part numbers them from 1 and
    /// its lines are moved on when it is merged (`LaterPart.linesBefore`), so that it starts at once: the
    /// count read the whole earlier part first (22-30 ms of CPU on people 1M, 80% of it the kernel copying
    /// the file) and the later part waited 55-75 ms for it.
    ///
    /// Counted, the line is counted (`lines(at:)`) on a thread of its own from the moment the cuts are
    /// found, overlapping the first thread's reading of the header and making of the rules. Both cuts'
    /// lines are counted, the deferring (earlier) one's first, so that neither waits for the choice.
    final class CutLine: @unchecked Sendable {
        private let cuts: (deferring: Int, balanced: Int)
        /// The chosen cut (`choose`), read by the later part's thread, which starts after the choice.
        private(set) var cut: Int
        /// The deferring cut's count and the balanced cut's, each set once, by the counting thread; nil
        /// when the lines are not counted.
        private let counts: [Count]?

        private final class Count: @unchecked Sendable {
            var line: Result<Int, any Error>?
            let done = DispatchSemaphore(value: 0)
        }

        /// `counting`: the later part needs the file's line numbers while it reads (`fix`'s lint of its
        /// own output finds records by their line: `UnchangedRecords`, `ReplayedDuplicatesRule`).
        /// `knownLine`: the line both cuts are on, when the caller knows it (`LintOptions.knownCut`): not counted.
        init(_ cuts: (deferring: Int, balanced: Int), _ input: InputFile, encoding: InputEncoding, counting: Bool, knownLine: Int? = nil) {
            self.cuts = cuts
            cut = cuts.balanced
            guard counting else {
                counts = nil
                return
            }
            let counts = [Count(), Count()]
            self.counts = counts
            if let knownLine {
                for count in counts {
                    count.line = .success(knownLine)
                    count.done.signal()
                }
                return
            }
            DispatchQueue.global().async {
                do {
                    try SplitLint.lines(at: [cuts.deferring, cuts.balanced], input, encoding: encoding) { i, line in
                        counts[i].line = .success(line)
                        counts[i].done.signal()
                    }
                } catch {
                    for count in counts where count.line == nil {
                        count.line = .failure(error)
                        count.done.signal()
                    }
                }
            }
        }

        /// Chooses the cut once the rules are made: the deferring one when a rule is deferred, unless the
        /// earlier part's reader already read past it (`bytesRead`, reading the header). Returns it.
        func choose(deferring: Bool, bytesRead: Int) -> Int {
            cut = deferring && bytesRead <= cuts.deferring ? cuts.deferring : cuts.balanced
            return cut
        }

        /// Waits for the chosen cut's count; call once. nil when the lines are not counted.
        func value() throws -> Int? {
            guard let count = counts?[cut == cuts.deferring ? 0 : 1] else { return nil }
            count.done.wait()
            return try count.line!.get()
        }
    }

    /// The line the byte at each raw offset of `cuts` (ascending) is on, counted as the reader counts (LF,
    /// CRLF and a lone CR end a line), handed to `counted` with the offset's index as soon as it is reached.
    static func lines(at cuts: [Int], _ input: InputFile, encoding: InputEncoding, _ counted: (Int, Int) -> Void) throws {
        let source = try input.openDecoded(encoding)
        var position = 0
        var breaks = 0
        var previousCR = false
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for (i, cut) in cuts.enumerated() {
            var remaining = cut - encoding.bomLength - position
            position += remaining
            while remaining > 0 {
                let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: min($0.count, remaining)) }
                guard n > 0 else { break }
                // A CR ends a line; an LF does unless it follows a CR (a CRLF counts once). memchr finds each
                // CR (a byte loop testing for CRLF took ten times the instructions on a Windows export); LFs
                // are counted by a loop the compiler vectorizes (memchr made a call per line, which kept the
                // later part's thread from starting its lint for longer).
                chunk.withUnsafeBufferPointer { bytes in
                    let p = bytes.baseAddress!, end = p + n
                    var crlfs = previousCR && p[0] == CSVReader.lf ? 1 : 0
                    breaks += Self.forEach(CSVReader.cr, from: p, to: end) { cr in
                        if cr + 1 < end && cr[1] == CSVReader.lf { crlfs += 1 }
                    }
                    breaks += Self.count(CSVReader.lf, in: p, n)
                    breaks -= crlfs
                    previousCR = p[n - 1] == CSVReader.cr
                }
                remaining -= n
            }
            counted(i, breaks + 1)
        }
    }

    /// How many of the `n` bytes at `start` are `byte`: counted in a byte-wide sum per 255 bytes, which the
    /// compiler turns into vector compares.
    private static func count(_ byte: UInt8, in start: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var total = 0
        var i = 0
        while i < n {
            let end = min(n, i &+ 255)
            var block: UInt8 = 0
            while i < end {
                block &+= start[i] == byte ? 1 : 0
                i &+= 1
            }
            total &+= Int(block)
        }
        return total
    }

    /// Calls `body` with every `byte` in `start..<end`, found with memchr; returns how many there are.
    @inline(__always)
    private static func forEach(_ byte: UInt8, from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>,
                                _ body: (UnsafePointer<UInt8>) -> Void) -> Int {
        var count = 0
        var p = start
        while p < end, let found = memchr(p, Int32(byte), end - p) {
            let at = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            body(at)
            count += 1
            p = at + 1
        }
        return count
    }

    /// The later part, linted on a thread of its own.
    final class Later: @unchecked Sendable {
        /// The later part's rules and findings, made by the thread and let go once merged (the report is
        /// written after).
        private(set) var rules: [RecordRule] = []
        private var sink: DiagnosticSink?
        /// Where the later part starts: the cut chosen once the earlier part's rules were made (`begin`).
        private(set) var cut = 0
        private let cutLine: CutLine
        private let context: FileContext
        /// Set by the thread; read after `wait`.
        private(set) var records = 0
        /// The later part's findings in the order they were reported, taken out of `sink` by the thread
        /// itself so that the merge, which runs on one core, does not copy them.
        private var findings: FindingList.Owned?
        /// The line the later part's reader numbered its first line: the file's (counted, `CutLine`) or 1.
        private var firstLine = 1
        /// Whether `firstLine` was counted: then the earlier part must end just before that line.
        private var counted = false
        /// Whether a record held a byte that is not ASCII (the earlier part may not have settled the encoding).
        private(set) var sawNonASCII = false
        /// Whether a finding of the later part quotes a '\N' cell (`DiagnosticSink.sawSQLNull`) or a 'NULL'
        /// one (`sawNullText`): the replay does not look at each finding again for them.
        private var sawSQLNull = false, sawNullText = false
        private var failure: (any Error)?
        private let done = DispatchSemaphore(value: 0)
        /// The file's cluster rule, the earlier part's and the later part's: this thread merges them and
        /// works out what the clusters report while the first thread merges the other rules.
        private var clusters: (earlier: ClusterRule, later: ClusterRule)?
        /// The earlier part's rules, handed over by `begin`.
        private var earlierRules: [RecordRule] = []
        private let begun = DispatchSemaphore(value: 0)
        /// The earlier part's records and the line after its last, once its pass ended (nil: it failed).
        private var earlierEnd: (records: Int, nextLine: Int)?
        private let earlierEnded = DispatchSemaphore(value: 0)
        private let clustersSettled = DispatchSemaphore(value: 0)
        /// Signalled by `merge` once every rule's `amend` ran, or failed.
        private let rulesAmended = DispatchSemaphore(value: 0)

        init(cut: CutLine, context: FileContext) {
            cutLine = cut
            self.context = context
        }

        /// Starts the thread. It makes the later part's rules while the first thread makes the earlier
        /// part's (each set took 0.6-0.8 ms on people 1M, before either pass could start), then waits for
        /// `begin`.
        func start() {
            DispatchQueue.global().async { [self] in
                let fresh = RuleFactory.rules(for: context)
                begun.wait()
                do {
                    try adopt(fresh)
                    try run()
                } catch {
                    failure = error
                }
                done.signal()
                // While the first thread merges the parts, this one would be idle: it builds the tables
                // the clusterer reads and clusters, which would otherwise be done when the file ends, on
                // one core. It clusters once the rules are amended: the identifier rule's amend looks up
                // and reads rows again on two threads, and the clusters are wanted only after its
                // verification (people 1M, five runs each: the merge up to the cluster rule's finish took
                // 19.5-22.6 ms instead of 21.0-26.1 ms).
                if let clusters, failure == nil {
                    ClusterRule.prepareTables()
                    earlierEnded.wait()
                    // A failed earlier pass is never merged, so nothing would signal the amends.
                    if let earlierEnd {
                        rulesAmended.wait()
                        clusters.earlier.absorbAndSettle(clusters.later, recordsBefore: earlierEnd.records,
                                                         linesBefore: linesBefore(earlierNextLine: earlierEnd.nextLine))
                    }
                }
                clustersSettled.signal()
            }
        }

        /// Hands the thread the earlier part's rules, once the cut is chosen (`CutLine.choose`): the later
        /// part's pass starts. Must be called once after `start`.
        func begin(earlierRules: [RecordRule]) {
            self.earlierRules = earlierRules
            cut = cutLine.cut
            begun.signal()
        }

        /// Takes `fresh`, the later part's own rules, one for each of the earlier part's; a deferred rule gets
        /// a stand-in that notes its turns (`DeferredTurns`), as does one made only for the earlier part
        /// (`BaselineRule`, after the others).
        private func adopt(_ fresh: [RecordRule]) throws {
            rules = try earlierRules.enumerated().map { i, rule in
                if rule.splitting == .deferred { return DeferredTurns(rule) }
                guard i < fresh.count, ObjectIdentifier(type(of: fresh[i])) == ObjectIdentifier(type(of: rule)) else { throw Abandoned() }
                return fresh[i]
            }
            clusters = earlierRules.indices.lazy.compactMap { i in
                (self.earlierRules[i] as? ClusterRule).flatMap { earlier in (self.rules[i] as? ClusterRule).map { (earlier, $0) } }
            }.first
            earlierRules = []
            // Unbounded and without suppressions: the findings are reported to the file's sink later.
            sink = DiagnosticSink(selection: context.options.selection)
        }

        /// How far this part's lines, numbered from `firstLine`, are moved on to be the file's, once the earlier
        /// part's pass ended before line `earlierNextLine`: 0 when this part counted the earlier part's lines.
        private func linesBefore(earlierNextLine: Int) -> Int { earlierNextLine - firstLine }

        /// The earlier part's pass has ended, having read `records` records up to `nextLine`, the line after
        /// its last (`CSVReader.lineAfterLastRecord`), or failed (nil). Must be called once after `start`,
        /// before `wait` or `merge`; when it ended, `merge` must follow (the clusters wait for its amends).
        func earlierPassEnded(_ end: (records: Int, nextLine: Int)?) {
            earlierEnd = end
            earlierEnded.signal()
        }

        /// Waits for the thread; its error, if any, is thrown here.
        func wait() throws {
            done.wait()
            if let failure { throw failure }
        }

        /// A reader of the later part, numbering its first line `line`; its bytes go into `digest` (`fix`'s
        /// lint of its input, `ReadDigest`).
        private func reader(numberingFrom line: Int, digestingInto digest: ReadDigest? = nil) throws -> CSVReader {
            let encoding = context.encoding
            guard let entered = try context.input.openDecoded(encoding, at: cut - encoding.bomLength) else { throw Abandoned() }
            let source = digest.map { DigestingSource(entered, into: $0) } ?? entered
            let reader = CSVReader(source: source, delimiter: context.delimiter)
            reader.startNumbering(atLine: line, offset: cut - encoding.bomLength)
            reader.columnNames = context.bindings.map { $0?.name }
            return reader
        }

        private func run() throws {
            if let line = try cutLine.value() {
                firstLine = line
                counted = true
            }
            let reader = try reader(numberingFrom: firstLine, digestingInto: context.options.readDigest?.later)
            for rule in rules { rule.readsLaterPart(from: cut - context.encoding.bomLength) }
            // Blank lines are the only thing file rules see past the header, and only this one reports them.
            let pass = RecordPass(rules: rules, fileRules: [BlankLineRule()], repeatedHeader: RepeatedHeaderRule(context),
                                  unchanged: context.unchangedRecords, map: context.options.recordMaps?.makeLater())
            var undecided = true
            var sawNonASCII = false
            records = try pass.run(reader, sink: sink!, undecided: &undecided, settle: { reader in
                guard reader.firstNonASCIIOffset != .max else { return true }
                sawNonASCII = true
                return false
            }, progress: nil, progressInterval: .max)
            self.sawNonASCII = sawNonASCII
            sawSQLNull = sink!.sawSQLNull
            sawNullText = sink!.sawNullText
            findings = sink!.takeInOrder()
        }

        /// Waits for the later part and merges it into the earlier part's: its findings into `sink`, each at
        /// its place, its rules' state into `earlierRules` (the cluster rule's on this thread, see
        /// `beforeFinishing`). `reader` has read the earlier part (`bytesRead` raw bytes, `records` records);
        /// `settleEncoding` decides the encoding when the earlier part left it undecided, called if the later
        /// part saw a byte that is not ASCII. Returns the later part's records.
        func merge(into sink: DiagnosticSink, earlierRules: [RecordRule], reader: CSVReader, bytesRead: Int, records earlierRecords: Int,
                   settleEncoding: (() throws -> Void)?) throws -> Int {
            var amended = false
            defer { if !amended { rulesAmended.signal() } }
            do { try wait() } catch { throw Abandoned() }
            // The earlier part must end where the later began: on a record boundary (no quoted cell open
            // across the cut), and at the line the later part counted from if it counted.
            let linesBefore = linesBefore(earlierNextLine: reader.lineAfterLastRecord)
            guard reader.unterminatedQuote == nil, bytesRead == cut, !counted || linesBefore == 0 else { throw Abandoned() }
            if sawNonASCII, let settleEncoding { try settleEncoding() }
            let part = LaterPart(findings: findings!, recordsBefore: earlierRecords, linesBefore: linesBefore,
                                 selection: context.options.selection)
            findings = nil
            self.sink = nil
            for (i, (mine, theirs)) in zip(earlierRules, rules).enumerated() {
                part.rule = i
                try theirs.amend(part, earlier: mine)
            }
            amended = true
            rulesAmended.signal()
            if sawSQLNull { sink.noteSQLNull() }
            if sawNullText { sink.noteNullText() }
            part.beginReplay(into: sink)
            try replayDeferred(earlierRules: earlierRules, part: part, sink: sink)
            part.finishReplay()
            for (mine, theirs) in zip(earlierRules, rules) where mine !== clusters?.earlier { mine.absorb(theirs, part) }
            rules = []
            return records
        }

        /// Call before each earlier-part rule's `finish`, after `merge`: waits, before the cluster rule's, for
        /// this thread to have settled it (`absorbAndSettle`). The rules before it (the identifier rule's
        /// verification among them) finish on the first thread meanwhile.
        func beforeFinishing(_ rule: RecordRule) {
            if rule === clusters?.earlier { clustersSettled.wait() }
        }

        /// Reads the later part again for the deferred rules (the earlier part's instances, which have
        /// read that part), handing each record to them at their turn among the later part's findings.
        private func replayDeferred(earlierRules: [RecordRule], part: LaterPart, sink: DiagnosticSink) throws {
            let deferred = rules.indices.compactMap { i in (rules[i] as? DeferredTurns).map { (index: i, turns: $0, rule: earlierRules[i]) } }
            guard !deferred.isEmpty else { return }
            let reader = try reader(numberingFrom: firstLine + part.linesBefore)
            let repeatedHeader = RepeatedHeaderRule(context)
            // Repeated headers were reported by the later part already; this pass only needs to skip them.
            let muted = DiagnosticSink(selection: context.options.selection)
            var taken = [Int](repeating: 0, count: deferred.count)
            var record = 0
            while try reader.next() {
                if reader.isBlankLine { continue }
                record += 1
                let swallowed = reader.unterminatedQuote != nil
                if !swallowed && repeatedHeader.check(reader, record: record, sink: muted) { continue }
                for (k, d) in deferred.enumerated() where !swallowed || d.rule.checksSwallowedRecords {
                    guard taken[k] < d.turns.positions.count else { throw Abandoned() }
                    part.replay(upTo: LaterPart.Place(before: Int(d.turns.positions[taken[k]]), record: record, rule: d.index))
                    taken[k] += 1
                    d.rule.check(reader, record: record + part.recordsBefore, sink: sink)
                }
            }
            guard record == records, zip(taken, deferred).allSatisfy({ $0 == $1.turns.positions.count }) else { throw Abandoned() }
        }
    }

    /// Stands in the later part for a deferred rule: notes how many findings had been reported when the
    /// rule's turn came on each record, which is where its findings on that record go.
    final class DeferredTurns: RecordRule {
        private let swallowed: Bool
        @exclusivity(unchecked) private(set) var positions: [Int32] = []

        init(_ rule: RecordRule) { swallowed = rule.checksSwallowedRecords }

        override var checksSwallowedRecords: Bool { swallowed }
        override var splitting: Splitting { .stateless }

        override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
            positions.append(Int32(truncatingIfNeeded: sink.accepted))
        }
    }
}

/// A source that ends after `limit` bytes of another: the earlier part of a split file.
final class LimitedSource: ByteSource {
    private let inner: ByteSource
    /// Lowered once the cut is chosen (`SplitLint.CutLine.choose`), never below `read`.
    var limit: Int
    private var read = 0

    init(_ inner: ByteSource, limit: Int) {
        self.inner = inner
        self.limit = limit
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard read < limit else { return 0 }
        let n = try inner.read(into: buffer, count: min(count, limit - read))
        read += n
        return n
    }
}
