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

    /// The severity and fix counts of `findings` findings with this content (its rule's entry is the caller's).
    @inline(__always)
    private mutating func countSeverityAndFix(_ content: Diagnostic.Content, _ findings: Int = 1) {
        switch content.severity {
        case .error: errors += findings
        case .warning: warnings += findings
        case .info: infos += findings
        }
        switch content.fix?.applicability {
        case .safe?: fixableSafe += findings
        case .unsafe?: fixableUnsafe += findings
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

    /// Rules are counted in a short list and put in `byRule` at the end: a report holds a few rules, whose
    /// findings alternate record by record (a dictionary entry per run of one rule cost about a hundred
    /// instructions a finding). Findings are read in place with their contents unretained (a retain and
    /// a release each, which the two threads counting contended for on a shared content: half of the
    /// count's time) and counted by runs of one content; the two contents met last keep their rule's
    /// place in the list, as a column's repeated findings alternate between a few contents.
    private mutating func add(_ diagnostics: ArraySlice<Diagnostic>) {
        var codes: [String] = [], rules: [String] = [], counts: [Int] = []
        var recent = (content: UnsafeMutableRawPointer?.none, rule: 0), older = (content: UnsafeMutableRawPointer?.none, rule: 0)
        diagnostics.withUnsafeBufferPointer { findings in
            guard let base = findings.baseAddress else { return }
            var i = 0
            while i < findings.count {
                let content = Diagnostic.unretainedContent(base + i)
                let id = content.toOpaque()
                var end = i &+ 1
                while end < findings.count && Diagnostic.unretainedContent(base + end).toOpaque() == id { end &+= 1 }
                let run = end &- i
                i = end
                content._withUnsafeGuaranteedRef { content in
                    countSeverityAndFix(content, run)
                    if id == older.content { swap(&recent, &older) }
                    if id != recent.content {
                        let rule: Int
                        if let known = codes.firstIndex(of: content.code) {
                            rule = known
                        } else {
                            rule = codes.count
                            codes.append(content.code)
                            rules.append(content.rule)
                            counts.append(0)
                        }
                        older = recent
                        recent = (id, rule)
                    }
                }
                counts[recent.rule] &+= run
            }
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
