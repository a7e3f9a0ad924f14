/// One member of an organization-name cluster: a spelling and where it occurs.
public struct ClusterMember: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
    public var lines: [Int]

    public init(value: String, count: Int, lines: [Int]) {
        self.value = value
        self.count = count
        self.lines = lines
    }
}

/// Spellings of one organization (or other clustered value) and the one they should all use.
public struct Cluster: Codable, Sendable, Equatable {
    public var field: String
    public var canonical: String
    public var members: [ClusterMember]
    /// True when no spelling was more common or better formed than another (`CanonicalSource.tie`):
    /// `canonical` is then only the first in code-point order, for a reviewer to choose. Absent otherwise.
    public var tie: Bool?
    /// What a tie asks of a reviewer, wherever a cluster is shown for review (`clusters`, a mapping file).
    public static let tieNote = "a tie: no spelling is more common or better formed; choose the canonical"

    public init(field: String, canonical: String, members: [ClusterMember], tie: Bool? = nil) {
        self.field = field
        self.canonical = canonical
        self.members = members
        self.tie = tie
    }
}

/// The findings for one input file.
public struct FileReport: Codable, Sendable {
    public var path: String
    public var profile: String?
    public var encoding: String
    public var delimiter: String
    public var records: Int
    public var diagnostics: [Diagnostic]
    public var clusters: [Cluster]?
    /// The `.importlint.yml` that applied, when one did.
    public var config: String?
    /// Findings counted but not kept (`--max-findings`); not part of `diagnostics`.
    public var omitted = FindingTally()

    public init(path: String, profile: String?, encoding: String, delimiter: String, records: Int,
                diagnostics: [Diagnostic], clusters: [Cluster]?) {
        self.path = path
        self.profile = profile
        self.encoding = encoding
        self.delimiter = delimiter
        self.records = records
        self.diagnostics = diagnostics
        self.clusters = clusters
    }

    enum CodingKeys: String, CodingKey { case path, profile, encoding, delimiter, records, diagnostics, clusters, config }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(profile, forKey: .profile)
        try c.encode(encoding, forKey: .encoding)
        try c.encode(delimiter, forKey: .delimiter)
        try c.encode(records, forKey: .records)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encodeIfPresent(clusters, forKey: .clusters)
        try c.encodeIfPresent(config, forKey: .config)
    }
}

public struct ReportSummary: Codable, Sendable, Equatable {
    public var files: Int
    public var records: Int
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    /// Diagnostics that carry a fix, safe or unsafe (`fixableSafe + fixableUnsafe`).
    public var fixable: Int
    /// Of those, the ones `importlint fix` applies.
    public var fixableSafe: Int
    /// The ones it applies only with `--unsafe-fixes`.
    public var fixableUnsafe: Int
    /// Findings per rule, most frequent first, then by code.
    public var rules: [RuleCount] = []
    /// Findings counted above but not listed in the report (`--max-findings`).
    public var omittedFindings = 0
    /// Files `importlint fix` would refuse to write, by why (not in the JSON report).
    public var fixRefusals: [FixRefusal] = []

    enum CodingKeys: String, CodingKey {
        case files, records, errors, warnings, infos, fixable, fixableSafe, fixableUnsafe, rules, omittedFindings
    }

    init(files: Int, records: Int, tally: FindingTally, omitted: Int) {
        self.files = files
        self.records = records
        errors = tally.errors
        warnings = tally.warnings
        infos = tally.infos
        fixableSafe = tally.fixableSafe
        fixableUnsafe = tally.fixableUnsafe
        fixable = fixableSafe + fixableUnsafe
        rules = tally.rules
        omittedFindings = omitted
    }

    /// Reports written before `rules` and `omittedFindings` existed decode with none.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        files = try c.decode(Int.self, forKey: .files)
        records = try c.decode(Int.self, forKey: .records)
        errors = try c.decode(Int.self, forKey: .errors)
        warnings = try c.decode(Int.self, forKey: .warnings)
        infos = try c.decode(Int.self, forKey: .infos)
        fixable = try c.decode(Int.self, forKey: .fixable)
        fixableSafe = try c.decodeIfPresent(Int.self, forKey: .fixableSafe) ?? 0
        fixableUnsafe = try c.decodeIfPresent(Int.self, forKey: .fixableUnsafe) ?? 0
        rules = try c.decodeIfPresent([RuleCount].self, forKey: .rules) ?? []
        omittedFindings = try c.decodeIfPresent(Int.self, forKey: .omittedFindings) ?? 0
    }
}

public struct ToolInfo: Codable, Sendable {
    public var name: String
    public var version: String
}

/// The whole JSON report, schemaVersion 1 (`reference/report-format.md`).
public struct Report: Codable, Sendable {
    public var schemaVersion: Int
    public var tool: ToolInfo
    public var files: [FileReport]
    public var summary: ReportSummary

    /// `threads`: how many threads may count the findings for the summary.
    public init(files: [FileReport], threads: Int = 1) {
        schemaVersion = 1
        tool = ToolInfo(name: "importlint", version: ImportLint.version)
        self.files = files
        var tally = FindingTally()
        var omitted = 0
        var refusals: [FixRefusal] = []
        for file in files {
            let signs = FixRefusal.signs(in: tally)
            tally.add(file.diagnostics, threads: threads)
            // Only a file with a finding of a refusing rule is read again for the refusal.
            if FixRefusal.signs(in: tally) > signs, let refusal = FixRefusal.of(file.diagnostics, encoding: file.encoding) { refusals.append(refusal) }
            tally.add(file.omitted)
            omitted += file.omitted.count
        }
        var summary = ReportSummary(files: files.count, records: files.reduce(0) { $0 + $1.records }, tally: tally, omitted: omitted)
        summary.fixRefusals = refusals
        self.summary = summary
    }

    /// The highest severity present, for the exit status.
    public var worstSeverity: Severity? {
        files.flatMap { $0.diagnostics.map(\.severity) + [$0.omitted.worst].compactMap { $0 } }.max()
    }
}

public enum ImportLint {
    public static let version = "0.1.0"
}
