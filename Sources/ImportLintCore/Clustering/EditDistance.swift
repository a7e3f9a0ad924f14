/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance on Unicode scalars with an
/// upper bound: returns `bound + 1` as soon as the distance is known to exceed it, so comparing
/// obviously different tokens costs little. Tokens are short, so three rows on the stack-ish
/// arrays are enough; no allocation happens for tokens up to 64 scalars.
public enum EditDistance {
    public static func bounded(_ a: [UInt32], _ b: [UInt32], bound: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        var previous2 = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = i
            let ai = a[i - 1]
            for j in 1...m {
                let cost = ai == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return min(previous[m], bound + 1)
    }

    /// Plain Levenshtein similarity in 0...1 (1 = equal), for ranking suggestions.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longest = max(a.count, b.count)
        if longest == 0 { return 1 }
        return 1 - Double(bounded(a, b, bound: longest)) / Double(longest)
    }
}
