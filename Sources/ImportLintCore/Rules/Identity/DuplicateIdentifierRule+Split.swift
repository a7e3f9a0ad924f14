/// Merging the later part of a split file (`SplitLint`). The later part's rule reported repeats against
/// its own table; one pass would have found some of its keys in the earlier part already. Such a key's
/// first row in the later part becomes a repeat of the earlier row (reported where one pass reports it:
/// among the findings of that record, after those of the rules before this one), and the later part's
/// repeats of it point at the earlier row too. The later part numbered its lines from its own start
/// (`LaterPart.linesBefore`): its repeats are worded again with the file's lines.
///
/// Scoped keys (The Receptionist's Location Slug) do not merge yet: the rule reads the later part after
/// the earlier (`Splitting.deferred`).
extension DuplicateIdentifierRule {
    /// The first row of a key in the later part.
    struct FirstRow {
        let fingerprint: UInt64
        let line: Int32
        let record: Int32
        let key: Int32
        /// How many findings the later part had reported before this row's key was looked up.
        let reportedBefore: Int32
    }

    /// A later-part repeat to verify when the file ends, and where it sits in the later part's findings.
    struct LaterCandidate {
        var candidate: DuplicateKeyVerifier.Candidate
        /// Index of the finding among the later part's findings, or nil for one `amend` inserted.
        let reported: Int?
        /// For an inserted one: its index among `LaterPart`'s insertions.
        let inserted: Int?
        /// Reading order: the later-part finding it comes before (its own for a reported one), inserted
        /// ones first.
        var order: (Int, Int, Int) {
            if let reported { return (reported, 1, 0) }
            return (candidate.diagnostic, 0, inserted ?? 0)
        }
    }

    var splittingSupport: Splitting { keys.contains { !$0.scope.isEmpty } ? .deferred : .merges }

    func amendLaterPart(_ part: LaterPart, earlier: RecordRule) throws {
        guard let earlier = earlier as? DuplicateIdentifierRule, let firstRows else { return }
        let linesBefore = part.linesBefore
        verifier.moveLines(by: linesBefore)
        // Within the later part's numbering: its first rows' lines and its candidates' first lines.
        struct KeyLine: Hashable { let key: Int32; let line: Int32 }
        // A later-part key found in the earlier part's tables moves its first row there.
        let repeats = withExtendedLifetime(earlier) {
            Self.seenEarlier(firstRows, in: EarlierTables(earlier.keys.map { Unmanaged.passUnretained($0.firstLine) }))
        }
        var movedTo: [KeyLine: Int] = [:]
        for (row, first) in repeats { movedTo[KeyLine(key: row.key, line: row.line)] = first }
        firstRows.deallocate()
        self.firstRows = nil

        var candidates: [LaterCandidate] = []
        for var c in verifier.candidates {
            let moved = movedTo[KeyLine(key: Int32(c.key), line: Int32(c.firstLine))]
            if moved != nil || linesBefore != 0 {
                let first = moved ?? c.firstLine + linesBefore
                let key = keys[c.key], otherPerson = c.otherPerson
                part.revise(c.diagnostic) { d in
                    d.message = Self.message(key, shown: Self.shown(d.values), first: first, otherPerson: otherPerson)
                    d.related = [RelatedLocation(line: first)]
                }
                c.firstLine = first
                c.line += linesBefore
            }
            candidates.append(LaterCandidate(candidate: c, reported: c.diagnostic, inserted: nil))
        }

        // The moved first rows are read again (from the noted record offsets) and reported as repeats, in
        // runs of lines on two threads when they are worth it: the merge runs while the second core is idle.
        // By the file's lines, which the verifier's checkpoints now hold.
        let byLine = Dictionary(grouping: repeats, by: { Int($0.row.line) + linesBefore })
        let lines = byLine.keys.sorted()
        let shared = Rereading(rule: self, byLine: byLine, selection: part.selection, recordsBefore: part.recordsBefore)
        let rereading = verifier.runs(rereading: lines.count)
        let runs = ParallelMap.ranges(of: lines.count, pieces: rereading.pieces, workers: rereading.threads) { range in
            try shared.repeats(atLines: lines[range])
        }
        var found = 0
        for run in runs {
            let (repeats, linesFound) = try run.get()
            found += linesFound
            for (row, repeatFinding, c) in repeats {
                let before = Int(row.reportedBefore)
                let inserted = part.insert(repeatFinding, at: LaterPart.Place(before: before, record: Int(row.record), rule: part.rule))
                var moved = c
                moved.diagnostic = before
                candidates.append(LaterCandidate(candidate: moved, reported: nil, inserted: inserted))
            }
        }
        // A record that could not be found again: its finding would be missing, so the file is read in one piece.
        guard found == byLine.count else { throw SplitLint.Abandoned() }
        laterCandidates = candidates.sorted { $0.order < $1.order }
    }

    /// What the threads reading the moved first rows again share; only read while they run.
    private struct Rereading: @unchecked Sendable {
        let rule: DuplicateIdentifierRule
        let byLine: [Int: [(row: FirstRow, first: Int)]]
        let selection: RuleSelection
        let recordsBefore: Int

        /// The repeat findings of the moved first rows on `lines` (sorted), in reading order, with what
        /// verifies each; and how many of the lines were found.
        func repeats(atLines lines: ArraySlice<Int>) throws -> (repeats: [(FirstRow, Diagnostic, DuplicateKeyVerifier.Candidate)], found: Int) {
            let scratch = DiagnosticSink(selection: selection)
            var repeats: [(FirstRow, Diagnostic, DuplicateKeyVerifier.Candidate)] = []
            var found = 0
            try rule.verifier.readRecords(atLines: lines) { reader in
                for (row, first) in byLine[reader.line] ?? [] {
                    let record = Int(row.record) + recordsBefore
                    guard let c = rule.reportRepeat(Int(row.key), first: first, otherPerson: false, alone: false, reader: reader,
                                                    record: record, sink: scratch) else { continue }
                    // The scratch sink holds this one finding: those before it were taken.
                    guard let repeatFinding = scratch.takeSorted().last else { continue }
                    repeats.append((row, repeatFinding, c))
                }
                found += 1
            }
            return (repeats, found)
        }
    }

    /// The earlier part's key tables, unretained (retaining them per look-up was a third of the merge), for
    /// the threads that look up in them.
    struct EarlierTables: @unchecked Sendable {
        let tables: [Unmanaged<FingerprintTable>]
        init(_ tables: [Unmanaged<FingerprintTable>]) { self.tables = tables }
    }

    /// The rows whose key the earlier part had, with the earlier part's first line, in `rows`' order. The later
    /// part ends the file, so its keys are only looked up, not added: the tables stay unchanged, and two
    /// threads look up half of the rows each (this runs after both parts, while the second core is idle).
    static func seenEarlier(_ rows: HugePageList<FirstRow>, in earlier: EarlierTables) -> [(row: FirstRow, first: Int)] {
        let found = ParallelMap.ranges(of: rows.count, pieces: rows.count >= 1 << 16 ? 2 : 1) { range -> [(row: FirstRow, first: Int)] in
            var found: [(row: FirstRow, first: Int)] = []
            let lookAhead = 8
            for i in range {
                if i + lookAhead < range.upperBound {
                    let ahead = rows[i + lookAhead]
                    earlier.tables[Int(ahead.key)]._withUnsafeGuaranteedRef { $0.prefetch(ahead.fingerprint) }
                }
                let row = rows[i]
                if let first = earlier.tables[Int(row.key)]._withUnsafeGuaranteedRef({ $0.value(of: row.fingerprint) }) {
                    found.append((row, first))
                }
            }
            return found
        }
        return found.flatMap { (try? $0.get()) ?? [] }
    }

    func absorbLaterPart(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? DuplicateIdentifierRule else { return }
        verifier.absorbCheckpoints(later.verifier)
        for var c in later.laterCandidates {
            let sequence = c.reported.flatMap { part.sequence[$0] } ?? c.inserted.flatMap { part.insertedSequence[$0] }
            guard let sequence else { continue }
            c.candidate.diagnostic = sequence
            verifier.candidate(c.candidate)
        }
        later.laterCandidates = []
    }
}
