import Foundation

/// Which rules run and at what severity: `--select`/`--ignore` by code, name or code prefix (ruff-style),
/// plus per-rule severity overrides from configuration.
public struct RuleSelection: Sendable {
    public var select: [String]
    public var ignore: [String]
    public var severityOverrides: [String: Severity]

    public init(select: [String] = [], ignore: [String] = [], severityOverrides: [String: Severity] = [:]) {
        self.select = select
        self.ignore = ignore
        self.severityOverrides = severityOverrides
    }

    /// A selector matches a rule by exact name, exact code, code prefix ("ENC", "VAL00"), or "ALL".
    static func matches(_ selector: String, _ rule: RuleDescriptor) -> Bool {
        let s = selector.trimmingWhitespace()
        if s.uppercased() == "ALL" { return true }
        if s == rule.name { return true }
        return !s.isEmpty && rule.code.hasPrefix(s.uppercased())
    }

    /// Selectors that match no rule at all: a typo in `--select` must not silently select nothing.
    public func unknownSelectors(in catalog: [RuleDescriptor]) -> [String] {
        (select + ignore + Array(severityOverrides.keys)).filter { s in !catalog.contains { Self.matches(s, $0) } }
    }

    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        guard rule.available else { return false }
        if !select.isEmpty && !select.contains(where: { Self.matches($0, rule) }) { return false }
        return !ignore.contains { Self.matches($0, rule) }
    }

    /// The configured severity for the rule, if the configuration overrides it.
    public func overriddenSeverity(of rule: RuleDescriptor) -> Severity? {
        severityOverrides[rule.name] ?? severityOverrides[rule.code]
    }
}
