/// The later part of a file linted in two parts (`SplitLint`) while its findings join the earlier part's
/// sink. Its findings are kept in the order they were reported, which is where they go in the file's
/// order of reporting: after every finding of the earlier part's records, before anything `finish` reports.
final class LaterPart {
    /// Records of the earlier part: a later-part record number plus this is the file's.
    let recordsBefore: Int
    let selection: RuleSelection
    /// The later part's findings in the order they were reported, records numbered for the whole file
    /// (selected ones only; no suppression or `--max-findings` applied yet).
    private(set) var diagnostics: [Diagnostic]
    /// Findings `amend` adds, each reported just before `diagnostics[before]` (at the end when `before` is
    /// the count).
    private var insertions: [(before: Int, diagnostic: Diagnostic)] = []
    /// After `replay`: the sink's sequence number (`DiagnosticSink.accepted`) of each finding, nil for
    /// one it did not keep (suppressed).
    private(set) var sequence: [Int?] = []
    private(set) var insertedSequence: [Int?] = []

    init(diagnostics: [Diagnostic], recordsBefore: Int, selection: RuleSelection) {
        self.recordsBefore = recordsBefore
        self.selection = selection
        self.diagnostics = diagnostics
        for i in self.diagnostics.indices {
            if let record = self.diagnostics[i].record { self.diagnostics[i].record = record + recordsBefore }
        }
    }

    /// Rewrites the finding at `index` (of `diagnostics`).
    func revise(_ index: Int, _ change: (inout Diagnostic) -> Void) {
        change(&diagnostics[index])
    }

    /// Adds a finding reported just before `diagnostics[before]`; returns its index among the insertions.
    /// Insertions at one place keep the order they were added in.
    @discardableResult
    func insert(_ diagnostic: Diagnostic, before: Int) -> Int {
        insertions.append((before, diagnostic))
        return insertions.count - 1
    }

    /// Reports every finding to `sink` in order, noting the sequence number each got.
    func replay(into sink: DiagnosticSink) {
        let order = insertions.indices.sorted { (insertions[$0].before, $0) < (insertions[$1].before, $1) }
        sequence = Array(repeating: nil, count: diagnostics.count)
        insertedSequence = Array(repeating: nil, count: insertions.count)
        func report(_ d: Diagnostic) -> Int? {
            let before = sink.accepted
            sink.emit(d)
            return sink.accepted > before ? before : nil
        }
        var next = 0
        for i in 0...diagnostics.count {
            while next < order.count && insertions[order[next]].before == i {
                insertedSequence[order[next]] = report(insertions[order[next]].diagnostic)
                next += 1
            }
            if i < diagnostics.count { sequence[i] = report(diagnostics[i]) }
        }
        diagnostics = []
        insertions = []
    }
}
