/// How well one profile explains a header: its weighted score and the profile columns the header names.
public struct ProfileCandidate: Sendable {
    public let profile: Profile
    public let score: Int
    /// Profile columns the header names (exactly, respelled, by alias or as a near miss), in header order.
    public let matchedColumns: [String]
}

/// Picks the built-in profile whose columns best explain a header: exact names weigh most, aliases least.
public enum ProfileDetector {
    /// Below this score a header is too far from every profile to lint as one (one exact column name).
    static let minimumScore = 4

    public static func detect(header: [String], among profiles: [Profile]) -> Profile? {
        guard let best = rank(header: header, among: profiles).first, best.score >= minimumScore else { return nil }
        return best.profile
    }

    /// Every profile that shares at least one column with the header, best first (ties in the given order).
    public static func rank(header: [String], among profiles: [Profile]) -> [ProfileCandidate] {
        profiles.map { candidate(header: header, profile: $0) }.filter { $0.score > 0 }
            .enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
    }

    static func candidate(header: [String], profile: Profile) -> ProfileCandidate {
        let matcher = HeaderMatcher.of(profile)
        var score = 0
        var matched: [String] = []
        var seen = Set<String>()
        for cell in header {
            let match = matcher.match(cell)
            guard let column = match.column, seen.insert(column).inserted else { continue }
            matched.append(column)
            switch match {
            case .exact: score += 4
            case .spelling, .punctuation: score += 3
            case .alias, .guessedAlias, .nearMiss: score += 1
            case .unknown: break
            }
        }
        return ProfileCandidate(profile: profile, score: score, matchedColumns: matched)
    }
}
