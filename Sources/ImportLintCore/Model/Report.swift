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

    public init(field: String, canonical: String, members: [ClusterMember]) {
        self.field = field
        self.canonical = canonical
        self.members = members
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

    public init(files: [FileReport]) {
        schemaVersion = 1
        tool = ToolInfo(name: "importlint", version: ImportLint.version)
        self.files = files
        var summary = ReportSummary(files: files.count, records: 0, errors: 0, warnings: 0, infos: 0, fixable: 0, fixableSafe: 0, fixableUnsafe: 0)
        for file in files {
            summary.records += file.records
            for d in file.diagnostics {
                switch d.severity {
                case .error: summary.errors += 1
                case .warning: summary.warnings += 1
                case .info: summary.infos += 1
                }
                if let fix = d.fix {
                    summary.fixable += 1
                    if fix.applicability == .safe { summary.fixableSafe += 1 } else { summary.fixableUnsafe += 1 }
                }
            }
        }
        self.summary = summary
    }

    /// The highest severity present, for the exit status.
    public var worstSeverity: Severity? {
        files.flatMap(\.diagnostics).map(\.severity).max()
    }
}

public enum ImportLint {
    public static let version = "0.1.0"
}
