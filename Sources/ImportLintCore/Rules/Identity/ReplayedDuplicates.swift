/// What `DuplicateIdentifierRule` reported on `fix`'s input, for the lint of the fixed file when the fix
/// wrote every record on the line and with the number it was read with, and changed no cell in a column the
/// rule reads: the rule's findings rest on those cells, lines and numbers alone, so on the fixed file they
/// are the input's, and fingerprinting every key again (a tenth of a people fix) would only find them again.
/// The same holds for `ClusterRule`'s findings and the columns it clusters (`clusters`).
struct ReplayedDuplicates: Sendable {
    /// The input's duplicate-identifier findings, and those of the cluster rule.
    private(set) var duplicates = ReplayedFindings()
    private(set) var clusters = ReplayedFindings()
    /// Columns in which the fix changed a cell by more than the spaces and tabs at its ends (which the
    /// duplicate check trims: a people export's emails are trimmed, and their duplicates stay the same).
    var changedColumns = NumberSet()
    /// The profile column each header cell was bound to (as `UnchangedRecords.columns`).
    let columns: [String?]

    init(columns: [String?]) { self.columns = columns }

    /// Codes of the findings handed on: the duplicate check's and the cluster rule's.
    static let codes = ([RuleDescriptor.duplicateIdentifier] + ReplayedClustersRule.replaces).map(\.code)

    private static let firstBytes = codes.compactMap(\.utf8.first)

    /// Whether a finding with code `code` is handed on; its first byte rules out nearly every other code
    /// without comparing strings (a people fix asks it of 240,000 findings).
    @inline(__always)
    static func handsOn(_ code: String) -> Bool {
        guard let first = code.utf8.first, firstBytes.contains(first) else { return false }
        return codes.contains(code)
    }

    /// Notes a finding with one of `codes`, whose record starts on `recordLine`.
    mutating func append(_ finding: Diagnostic, recordLine: Int) {
        if finding.code == RuleDescriptor.duplicateIdentifier.code {
            duplicates.append(finding, recordLine: recordLine)
        } else {
            clusters.append(finding, recordLine: recordLine)
        }
    }

    /// Adds what the pass over the later part of an input written in two parts noted, its records on the
    /// lines they were read from as these are.
    mutating func append(_ later: ReplayedDuplicates) {
        duplicates.append(later.duplicates)
        clusters.append(later.clusters)
        changedColumns.formUnion(later.changedColumns, movedBy: 0)
    }

    /// Rules that can keep a record from the other rules (`RepeatedHeaderRule`), and so from the duplicate
    /// check: a fixed cell could make or unmake such a record, so the findings are replayed only when
    /// neither the input nor the fixed file has one.
    static let recordSkipping = (RuleDescriptor.notRecords + [.raggedRow]).map(\.code)

    static func skipsRecords(_ findings: [Diagnostic]) -> Bool {
        let codes = recordSkipping
        return findings.contains { finding in
            // All are structural ('STR...'): the first byte rules out nearly every finding without comparing
            // strings (a people fix looks at 240,000 twice).
            let code = finding.code
            return code.utf8.first == UInt8(ascii: "S") && codes.contains(code)
        }
    }
}

/// Findings `fix` hands on to the lint of its output, in report order, with the line each one's record
/// starts on.
struct ReplayedFindings: Sendable {
    private(set) var findings: [Diagnostic] = []
    private(set) var recordLines: [Int] = []

    mutating func append(_ finding: Diagnostic, recordLine: Int) {
        findings.append(finding)
        recordLines.append(recordLine)
    }

    mutating func append(_ later: ReplayedFindings) {
        findings += later.findings
        recordLines += later.recordLines
    }
}

/// Finds, for a rule standing in for another in the lint of a fixed file, the handed-on findings of each
/// record it reads (in increasing lines).
struct ReplayCursor {
    private let replayed: ReplayedFindings
    private var cursor = 0
    /// The line of the next record with findings (asked at every record).
    private var nextLine: Int

    init(_ replayed: ReplayedFindings) {
        self.replayed = replayed
        nextLine = replayed.recordLines.first ?? .max
    }

    /// Calls `body` with each finding of the reader's record, number `record`, placed where its cell is in the
    /// written record: a fix of a cell before it moved it along the line.
    @inline(__always)
    mutating func place(_ reader: CSVReader, record: Int, _ body: (Diagnostic) -> Void) {
        guard reader.line >= nextLine else { return }
        let lines = replayed.recordLines
        // A later part's rule starts past the earlier part's records.
        while cursor < lines.count && lines[cursor] < reader.line { cursor += 1 }
        while cursor < lines.count && lines[cursor] == reader.line {
            var finding = replayed.findings[cursor]
            if let field = finding.fieldIndex {
                let at = reader.position(ofField: field)
                (finding.line, finding.column) = (at.line, at.column)
            }
            finding.record = record
            body(finding)
            cursor += 1
        }
        nextLine = cursor < lines.count ? lines[cursor] : .max
    }
}

/// Stands in for `DuplicateIdentifierRule` in the lint of a fixed file (`ReplayedDuplicates`): hands on the
/// input's findings at that rule's turn in their record, so that they keep their order among the other
/// rules' findings on the same cell.
final class ReplayedDuplicatesRule: RecordRule {
    @exclusivity(unchecked) private var replay: ReplayCursor

    init(_ replayed: ReplayedDuplicates) { replay = ReplayCursor(replayed.duplicates) }

    override var reports: [RuleDescriptor]? { [.duplicateIdentifier] }
    /// Each part's rule hands on the findings of the records it reads, by their lines.
    override var splitting: Splitting { .stateless }

    /// A record nothing was reported on has no duplicate finding to hand on.
    override var readsUnreportedRecords: Bool { false }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        replay.place(reader, record: record) { sink.readmit($0) }
    }
}
