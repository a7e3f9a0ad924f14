/// Stands in for `ClusterRule` in the lint of a fixed file when `fix` hands on the input's cluster findings
/// with its duplicate findings (`ReplayedDuplicates.clusters`, when the fix changed no cell of a clustered
/// column beyond the spaces and tabs at its ends): those findings rest on the clustered columns' trimmed
/// cells and on the records' lines and numbers alone, so on the fixed file they are the input's, and
/// tallying every record's organization again and clustering the tallies (a thirtieth of a people fix)
/// would only find them again. Notes where each finding's cell is in the written record as the records are
/// read, and reports the findings at the cluster rule's turn when the file ends, so that they keep their
/// order among the other rules' findings on the same cell.
final class ReplayedClustersRule: RecordRule {
    /// The findings handed on: `ClusterRule`'s.
    static let replaces: [RuleDescriptor] = [.organizationVariants, .unknownOrganization]

    @exclusivity(unchecked) private var replay: ReplayCursor
    /// The findings placed in the written file, in the order their records were read.
    @exclusivity(unchecked) private var placed: [Diagnostic] = []

    init(_ replayed: ReplayedFindings) { replay = ReplayCursor(replayed) }

    override var reports: [RuleDescriptor]? { Self.replaces }
    /// Each part's rule places the findings of the records it reads; the earlier part's takes the later's.
    override var splitting: Splitting { .merges }

    /// A record nothing was reported on has no cluster finding to hand on.
    override var readsUnreportedRecords: Bool { false }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        replay.place(reader, record: record) { placed.append($0) }
    }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? ReplayedClustersRule else { return }
        for var finding in later.placed {
            finding.line += part.linesBefore
            if let record = finding.record { finding.record = record + part.recordsBefore }
            placed.append(finding)
        }
    }

    override func finish(sink: DiagnosticSink) {
        for finding in placed { sink.readmit(finding) }
        placed = []
    }
}
