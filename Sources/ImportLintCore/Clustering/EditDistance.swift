/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance on Unicode scalars with an
/// upper bound, computed in the diagonal band |i − j| ≤ bound only: O(length × bound) time whatever
/// the lengths, and `bound + 1` as soon as the distance is known to exceed the bound.
public enum EditDistance {
    public static func bounded(_ a: [UInt32], _ b: [UInt32], bound: Int) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > bound { return bound + 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        let outside = bound + 1
        // Cells outside the band hold `outside`; each row writes its band and the cell left of it, and
        // rows only ever move right, so a cell right of the band was never written.
        var previous2 = [Int](repeating: outside, count: m + 1)
        var previous = [Int](repeating: outside, count: m + 1)
        var current = [Int](repeating: outside, count: m + 1)
        for j in 0...min(m, bound) { previous[j] = j }
        for i in 1...n {
            let low = max(1, i - bound), high = min(m, i + bound)
            current[low - 1] = low == 1 ? i : outside
            var rowMinimum = current[low - 1]
            let ai = a[i - 1]
            for j in low...high {
                let cost = ai == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, ai == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                value = min(value, outside)
                current[j] = value
                if value < rowMinimum { rowMinimum = value }
            }
            if rowMinimum > bound { return outside }
            swap(&previous2, &previous)
            swap(&previous, &current)
        }
        return min(previous[m], outside)
    }

    /// Texts longer than this are not ranked by similarity (a name is never this long; an adversarial
    /// cell must not cost length² to compare).
    static let similarityLengthLimit = 256

    /// Plain Levenshtein similarity in 0...1 (1 = equal), for ranking suggestions; 0 for texts longer
    /// than `similarityLengthLimit`.
    static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let longest = max(a.count, b.count)
        if longest == 0 { return 1 }
        if longest > similarityLengthLimit { return 0 }
        return 1 - Double(bounded(a, b, bound: longest)) / Double(longest)
    }
}
