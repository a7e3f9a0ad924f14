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

    /// Adds a report's findings.
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

    /// Rules are counted in a short list, searched from the rule found last, and put in `byRule` at the
    /// end: a report holds a few rules, whose findings alternate record by record (a dictionary entry
    /// per run of one rule cost about a hundred instructions a finding).
    private mutating func add(_ diagnostics: ArraySlice<Diagnostic>) {
        var codes: [String] = [], rules: [String] = [], counts: [Int] = []
        var last = -1
        // The content of the finding before: most findings share theirs with it, and then its rule.
        var lastContent: ObjectIdentifier?
        for d in diagnostics {
            let content = d.content
            countSeverityAndFix(content)
            if ObjectIdentifier(content) == lastContent {
                counts[last] += 1
                continue
            }
            lastContent = ObjectIdentifier(content)
            if last < 0 || codes[last] != content.code {
                if let known = codes.firstIndex(of: content.code) {
                    last = known
                } else {
                    last = codes.count
                    codes.append(content.code)
                    rules.append(content.rule)
                    counts.append(0)
                }
            }
            counts[last] += 1
        }
        for i in codes.indices { byRule[codes[i], default: RuleCount(code: codes[i], rule: rules[i], count: 0)].count += counts[i] }
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
