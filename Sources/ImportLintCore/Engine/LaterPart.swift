/// The later part of a file linted in two parts (`SplitLint`) while its findings join the earlier part's
/// sink. The later part's findings are in the order they were reported, which is their place in the
/// file's order of reporting: after every finding of the earlier part's records, before anything `finish`
/// reports. Findings that only the merge can tell (`RecordRule.amend`, and those of rules that read the
/// later part again, `Splitting.deferred`) go in between, each at the place one pass would report it.
final class LaterPart {
    /// Records of the earlier part: a later-part record number plus this is the file's.
    let recordsBefore: Int
    /// Lines before the later part's first as its reader numbered them (0 when it numbered them as the
    /// file's, `SplitLint.CutLine`): a later-part line plus this is the file's. The later part's findings
    /// are moved on by it as they are replayed; a rule that keeps lines, or quotes them in a message or a
    /// related location, moves them itself (`RecordRule.amend`, `absorb`).
    let linesBefore: Int
    let selection: RuleSelection
    /// The later part's findings in the order they were reported, records and lines numbered within the part
    /// (selected ones only; no suppression or `--max-findings` applied yet). This and the replay's other
    /// state are not checked for exclusive access (a quarter of the replay's time, a check per property per
    /// finding): the part is one thread's. The replay moves them into the file's sink (those before
    /// `nextDiagnostic`, which `Owned` is told when it is let go); nil after it.
    @exclusivity(unchecked) private var findings: FindingList.Owned?
    /// `findings`' memory, read without its reference: a deferred rule's turn replays up to it on every
    /// record, and binding `findings` there retained and released it (2% of a Receptionist lint's CPU).
    private let all: UnsafeMutableBufferPointer<Diagnostic>
    /// Index, in the file's list of record rules, of the rule being merged (`amend` places with it).
    var rule = 0

    /// Where a finding goes that the later part did not report: just before `findings[before]`, after
    /// those placed there for earlier records (numbered within the later part) and earlier rules.
    struct Place: Comparable {
        let before: Int, record: Int, rule: Int
        static func < (a: Place, b: Place) -> Bool { (a.before, a.record, a.rule) < (b.before, b.record, b.rule) }
    }

    @exclusivity(unchecked) private var insertions: [(place: Place, diagnostic: Diagnostic)] = []
    /// After the replay: the sink's sequence number (`DiagnosticSink.accepted`) of each finding, nil for
    /// one it did not keep (suppressed).
    @exclusivity(unchecked) private(set) var sequence: [Int?] = []
    @exclusivity(unchecked) private(set) var insertedSequence: [Int?] = []
    @exclusivity(unchecked) private var sink: DiagnosticSink?
    @exclusivity(unchecked) private var order: [Int] = []
    @exclusivity(unchecked) private var nextInsertion = 0
    @exclusivity(unchecked) private var nextDiagnostic = 0

    init(findings: FindingList.Owned, recordsBefore: Int, linesBefore: Int, selection: RuleSelection) {
        self.recordsBefore = recordsBefore
        self.linesBefore = linesBefore
        self.selection = selection
        self.findings = findings
        all = findings.findings
    }

    deinit { findings?.consumed = nextDiagnostic }

    /// Rewrites the later part's finding at `index`. A reworded finding quotes its long values anew, as the
    /// sink does when it keeps one (`LongValueQuote`): a one-piece run quotes them shortened.
    func revise(_ index: Int, _ change: (inout Diagnostic) -> Void) {
        change(&all[index])
        all[index] = LongValueQuote.quoted(all[index])
    }

    /// Adds a finding at `place`, reported to a sink with this part's selection already (see
    /// `DiagnosticSink.readmit`) and placed in the file's records and lines; returns its index among the
    /// insertions. Insertions at one place keep the order they were added in.
    @discardableResult
    func insert(_ diagnostic: Diagnostic, at place: Place) -> Int {
        insertions.append((place, diagnostic))
        return insertions.count - 1
    }

    /// Starts reporting the findings to `sink`, in order; no more insertions after this.
    func beginReplay(into sink: DiagnosticSink) {
        self.sink = sink
        order = insertions.indices.sorted { (insertions[$0].place, $0) < (insertions[$1].place, $1) }
        sequence = Array(repeating: nil, count: all.count)
        insertedSequence = Array(repeating: nil, count: insertions.count)
    }

    /// Reports every finding that goes before `place` (a deferred rule's turn on a later-part record).
    func replay(upTo place: Place) {
        guard let sink else { return }
        func report(_ d: Diagnostic) -> Int? {
            let before = sink.accepted
            sink.readmit(d)
            return sink.accepted > before ? before : nil
        }
        while true {
            if nextInsertion < order.count {
                let i = order[nextInsertion]
                if insertions[i].place.before <= nextDiagnostic && insertions[i].place < place {
                    insertedSequence[i] = report(insertions[i].diagnostic)
                    nextInsertion += 1
                    continue
                }
            }
            // The later part's findings up to `place` or to the next insertion due before it, in one run.
            var end = min(all.count, place.before)
            if nextInsertion < order.count, insertions[order[nextInsertion]].place < place {
                end = min(end, insertions[order[nextInsertion]].place.before)
            }
            guard nextDiagnostic < end else { return }
            let run = nextDiagnostic..<end
            sequence.withUnsafeMutableBufferPointer { numbers in
                sink.readmit(consuming: UnsafeMutableBufferPointer(rebasing: all[run]), recordsBefore: recordsBefore,
                             linesBefore: linesBefore, sequence: UnsafeMutableBufferPointer(rebasing: numbers[run]))
            }
            nextDiagnostic = end
        }
    }

    /// Reports what is left and lets the findings go.
    func finishReplay() {
        replay(upTo: Place(before: .max, record: .max, rule: .max))
        findings?.consumed = nextDiagnostic
        findings = nil
        insertions = []
        sink = nil
    }
}
