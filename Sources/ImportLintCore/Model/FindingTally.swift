/// How many findings of one rule a report holds (`summary.rules`, `--statistics`).
public struct RuleCount: Codable, Sendable, Equatable {
    public var code: String
    public var rule: String
    public var count: Int

    public init(code: String, rule: String, count: Int) {
        self.code = code
        self.rule = rule
        self.count = count
    }
}

/// Counts of findings by severity, fix and rule. A report's summary is made of these, so that findings
/// left out of the report (`--max-findings`) still count and still decide the exit status.
public struct FindingTally: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    public var fixableSafe = 0
    public var fixableUnsafe = 0
    /// By rule code: the rule's name and count.
    public var byRule: [String: RuleCount] = [:]

    public init() {}

    public var count: Int { errors + warnings + infos }

    /// The highest severity counted.
    public var worst: Severity? {
        errors > 0 ? .error : warnings > 0 ? .warning : infos > 0 ? .info : nil
    }

    public mutating func add(_ d: Diagnostic) {
        countSeverityAndFix(d.content)
        byRule[d.code, default: RuleCount(code: d.code, rule: d.rule, count: 0)].count += 1
    }

    /// The severity and fix counts of one finding (its rule's entry is the caller's).
    @inline(__always)
    private mutating func countSeverityAndFix(_ content: Diagnostic.Content) {
        switch content.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
        switch content.fix?.applicability {
        case .safe?: fixableSafe += 1
        case .unsafe?: fixableUnsafe += 1
        case nil: break
        }
    }

    /// Adds a report's findings. Findings of one rule mostly come in runs (a value repeated down a column
    /// makes nearly all of a large report): a run's rule entry is looked up once, not per finding.
    public mutating func add(_ diagnostics: [Diagnostic]) { add(diagnostics[...]) }

    /// `add(_:)` on `threads` threads when there are many findings, each counting its share.
    mutating func add(_ diagnostics: [Diagnostic], threads: Int) {
        guard threads > 1, diagnostics.count >= 1 << 16 else { return add(diagnostics) }
        let shares = ParallelMap.ranges(of: diagnostics.count, pieces: 2) { range in
            var share = FindingTally()
            share.add(diagnostics[range])
            return share
        }
        for share in shares { if case .success(let share) = share { add(share) } }
    }

    private mutating func add(_ diagnostics: ArraySlice<Diagnostic>) {
        var start = diagnostics.startIndex
        while start < diagnostics.endIndex {
            let code = diagnostics[start].code
            var end = start
            repeat {
                countSeverityAndFix(diagnostics[end].content)
                end += 1
            } while end < diagnostics.endIndex && diagnostics[end].code == code
            byRule[code, default: RuleCount(code: code, rule: diagnostics[start].rule, count: 0)].count += end - start
            start = end
        }
    }

    public mutating func add(_ other: FindingTally) {
        errors += other.errors
        warnings += other.warnings
        infos += other.infos
        fixableSafe += other.fixableSafe
        fixableUnsafe += other.fixableUnsafe
        for (code, entry) in other.byRule { byRule[code, default: RuleCount(code: code, rule: entry.rule, count: 0)].count += entry.count }
    }

    /// Per-rule counts, most frequent first, then by code.
    public var rules: [RuleCount] {
        byRule.values.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }
}
