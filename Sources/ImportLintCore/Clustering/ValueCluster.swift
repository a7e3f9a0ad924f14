/// Where a cluster's canonical spelling came from, in order of precedence.
public enum CanonicalSource: String, Sendable, Codable, Equatable {
    /// A name from the `--known-organizations` list.
    case known
    /// The target of a reviewed value → canonical mapping.
    case mapping
    /// The single most frequent member.
    case frequency
    /// No single most frequent member: the best-formed spelling (proper case, single spaces,
    /// conventional legal suffix).
    case wellFormed
    /// No single most frequent member and none better formed: the first in code-point order, a choice
    /// the file cannot make (which spelling the target knows is not in it).
    case tie
}

/// Spellings of one value and the spelling they should all use.
public struct ValueCluster: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var value: String
        public var count: Int
        /// Replacing this member by the canonical spelling needs no review: it differs only in
        /// case, spacing, punctuation, diacritics or look-alike letters, it was mapped by a
        /// reviewed mapping, or it is a spelling variant of exactly one known name.
        public var safeFix: Bool
    }

    public var canonical: String
    public var source: CanonicalSource
    /// Canonical spelling first when it occurs in the data, then by count (highest first).
    public var members: [Member]

    /// The members that should be rewritten to `canonical`.
    public var variants: [Member] { members.filter { $0.value != canonical } }

    /// The report's shape, with occurrence lines supplied by the caller.
    public func reportCluster(field: String, lines: (String) -> [Int]) -> Cluster {
        Cluster(field: field, canonical: canonical,
                members: members.map { ClusterMember(value: $0.value, count: $0.count, lines: lines($0.value)) },
                tie: source == .tie ? true : nil)
    }
}

/// What the known-organizations list says about one value (for `unknown-organization`).
public struct KnownNameMatch: Sendable, Equatable {
    /// The value is in the list exactly as written.
    public var isKnown: Bool
    /// The value is a spelling variant of exactly this one known name: a safe fix.
    public var variantOf: String?
    /// Closest known names, best first (includes `variantOf` when set).
    public var suggestions: [String]
}
