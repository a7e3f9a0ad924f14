/// How serious a finding is. Ordered so that `--fail-on warning` can compare with `>=`.
public enum Severity: String, Codable, Sendable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Whether a fix can be applied without a person checking it (ruff's safe/unsafe split).
public enum Applicability: String, Codable, Sendable {
    case safe, unsafe
}

/// What a rule can offer as a fix, shown by `importlint rules`.
public enum FixAvailability: String, Codable, Sendable {
    case none, safe, unsafe, sometimes
}
