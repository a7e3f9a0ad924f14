/// A cell of the file being fixed: record 0 is the header, data records count from 1 as in reports.
struct CellRef: Hashable {
    var record: Int32
    var field: Int32
}

/// The fixes the lint diagnostics propose: cell replacements keyed by cell, and the file-level actions.
/// Generic over rules: what a fix does is the action its rule attached, never the rule's name.
struct FixPlan {
    /// Indices into `diagnostics` of the candidate fixes of each cell, in report order.
    private(set) var candidates: [CellRef: [Int32]] = [:]
    /// The records with a candidate fix: the others are checked once, not cell by cell.
    private(set) var recordsWithCandidates = NumberSet()
    private(set) var fileActions = FileActions()
    /// Records and lines the diagnostics are about, and the findings the output's lint can hand on
    /// (`ReplayedDuplicates.handsOn`), for the pass: noted in the same loop (a second one over a people
    /// file's 250,000 findings took 4 ms).
    private(set) var reportedRecords = NumberSet()
    private(set) var reportedLines = NumberSet()
    private(set) var replayable: [Diagnostic] = []

    let diagnostics: [Diagnostic]
    let allowUnsafe: Bool

    init(diagnostics: [Diagnostic], allowUnsafe: Bool) {
        self.diagnostics = diagnostics
        self.allowUnsafe = allowUnsafe
        for (i, d) in diagnostics.enumerated() {
            if let record = d.record { reportedRecords.insert(record) }
            reportedLines.insert(d.line)
            if ReplayedDuplicates.handsOn(d.code) { replayable.append(d) }
            guard let applicability = d.fixApplicability, Self.allowed(applicability, allowUnsafe: allowUnsafe), let fix = d.fix else { continue }
            if case .replaceCell = fix.action {
                guard let field = d.fieldIndex else { continue }
                let ref = CellRef(record: Int32(d.record ?? 0), field: Int32(field))
                candidates[ref, default: []].append(Int32(i))
                recordsWithCandidates.insert(Int(ref.record))
            } else {
                fileActions.add(fix.action, of: d)
            }
        }
    }

    static func allowed(_ applicability: Applicability, allowUnsafe: Bool) -> Bool {
        applicability == .safe || allowUnsafe
    }

    /// True when another fix round could change something: a cell fix, or a file-level fix it can carry out.
    /// Read in place, and contents found to carry no allowed fix are passed over by their identity (noted in
    /// a small table by address): a fixed file's remaining findings are mostly a few dozen shared contents
    /// with unsafe fixes, in no order (people 1M: 241k findings, whose check, a copy and an access check of
    /// each one's fix, took 1.9-2.5 ms on one core; 1.1-1.3 ms so).
    static func hasApplicableFix(_ diagnostics: [Diagnostic], allowUnsafe: Bool) -> Bool {
        var notAllowed = [ObjectIdentifier?](repeating: nil, count: 256)
        return diagnostics.withUnsafeBufferPointer { findings in
            findings.contains { d in
                let content = ObjectIdentifier(d.content)
                let slot = Int(truncatingIfNeeded: (UInt(bitPattern: content) &>> 4) & 255)
                if notAllowed[slot] == content { return false }
                guard let applicability = d.fixApplicability, allowed(applicability, allowUnsafe: allowUnsafe), let fix = d.fix else {
                    notAllowed[slot] = content
                    return false
                }
                if case .replaceCell = fix.action { return d.fieldIndex != nil }
                return FileActions.canApply(fix.action, of: d)
            }
        }
    }

    @inline(__always)
    var isEmpty: Bool { candidates.isEmpty }

    func candidates(record: Int, field: Int) -> [Int32]? {
        candidates.isEmpty ? nil : candidates[CellRef(record: Int32(truncatingIfNeeded: record), field: Int32(field))]
    }

    /// Chooses the new text of a cell among its candidate fixes. Fixes that only trim or compose are
    /// subsumed by the pass's own normalization; of the others, the first in report order wins when they
    /// disagree and the rest are left for the next round.
    func resolve(original: String, candidates: [Int32]) -> (replacement: String?, applied: [Int32], deferred: [Int32]) {
        let normalizedOriginal = CellText.normalize(original)
        var chosen: String?
        var chosenNormalized: String?
        var applied: [Int32] = []
        var deferred: [Int32] = []
        for c in candidates {
            guard case .replaceCell(let replacement) = diagnostics[Int(c)].fix?.action else { continue }
            let n = CellText.normalize(replacement)
            if n == normalizedOriginal {
                applied.append(c)
            } else if chosen == nil {
                chosen = replacement
                chosenNormalized = n
                applied.append(c)
            } else if n == chosenNormalized {
                applied.append(c)
            } else {
                deferred.append(c)
            }
        }
        return (chosen, applied, deferred)
    }
}
