/// Picks the built-in profile whose columns best explain a header: exact names weigh most, aliases least.
public enum ProfileDetector {
    public static func detect(header: [String], among profiles: [Profile]) -> Profile? {
        var best: (profile: Profile, score: Int)?
        for profile in profiles {
            let matcher = HeaderMatcher(profile: profile)
            var score = 0
            var matchedColumns = Set<String>()
            for cell in header {
                let match = matcher.match(cell)
                guard let column = match.column, matchedColumns.insert(column).inserted else { continue }
                switch match {
                case .exact: score += 4
                case .spelling: score += 3
                case .alias: score += 1
                case .nearMiss: score += 1
                case .unknown: break
                }
            }
            if score >= 4, score > (best?.score ?? 0) { best = (profile, score) }
        }
        return best?.profile
    }
}
