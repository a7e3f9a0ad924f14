/// The findings the sink kept for the last few cells that had any, so that a value repeated down a column
/// (a million rows with locale 'en-GB', each an unsupported-locale finding) hands the sink the content it
/// kept the first time instead of building, quoting and sharing an equal one again.
///
/// A cell's findings are known to be the same as an earlier cell's when they are the same array (the
/// verdict cache hands out one array per distinct value; the entry holds it, so that its storage is not
/// reused for another), in the same column, with the same bytes (the findings quote the cell as it is).
/// Then the contents are too: the rest of a finding's content is the column's name and what the sink does
/// to it (severity overrides, long values shortened), fixed for the sink. A handful of entries searched in
/// order, the oldest replaced: no hashing, and nothing grows when few cells repeat.
struct RecentFindings {
    private struct Entry {
        let column: Int
        let storage: UnsafeRawPointer
        let findings: [ValueFinding]
        let cell: [UInt8]
        let contents: [Diagnostic.Content]
    }

    private static let capacity = 16
    private var entries: [Entry] = []
    private var next = 0
    /// The sink the contents were kept by; another sink's findings start afresh.
    private var sink: ObjectIdentifier?

    /// The contents kept for `findings` in `column` when the cell held `cell`, if they are remembered.
    func contents(_ findings: [ValueFinding], column: Int, cell: UnsafeBufferPointer<UInt8>,
                  sink: DiagnosticSink) -> [Diagnostic.Content]? {
        guard self.sink == ObjectIdentifier(sink), let storage = Self.storage(findings) else { return nil }
        for i in entries.indices where entries[i].storage == storage && entries[i].column == column
            && entries[i].cell.withUnsafeBufferPointer({ cell.elementsEqual($0) }) {
            return entries[i].contents
        }
        return nil
    }

    /// Remembers the contents `sink` kept for `findings`, one per finding.
    mutating func remember(_ contents: [Diagnostic.Content], for findings: [ValueFinding], column: Int,
                           cell: UnsafeBufferPointer<UInt8>, sink: DiagnosticSink) {
        guard let storage = Self.storage(findings) else { return }
        if self.sink != ObjectIdentifier(sink) {
            entries = []
            next = 0
            self.sink = ObjectIdentifier(sink)
        }
        let entry = Entry(column: column, storage: storage, findings: findings, cell: Array(cell), contents: contents)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % Self.capacity
        }
    }

    private static func storage(_ findings: [ValueFinding]) -> UnsafeRawPointer? {
        findings.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
    }
}
