import Foundation

/// Pairwise and B-cubed precision/recall/F1 of a clustering against gold labels, used by the
/// evaluation test and the benchmark to compare importlint with the fingerprint baseline.
public enum ClusteringEvaluation {
    public struct Scores: Sendable, Equatable, CustomStringConvertible {
        public var pairwisePrecision: Double, pairwiseRecall: Double, pairwiseF1: Double
        public var bcubedPrecision: Double, bcubedRecall: Double, bcubedF1: Double

        public var description: String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            return "pairwise P/R/F1 \(f(pairwisePrecision))/\(f(pairwiseRecall))/\(f(pairwiseF1))"
                + "  B-cubed P/R/F1 \(f(bcubedPrecision))/\(f(bcubedRecall))/\(f(bcubedF1))"
        }
    }

    /// `predicted[i]` and `gold[i]` are cluster ids of item i.
    public static func scores(predicted: [Int], gold: [Int]) -> Scores {
        precondition(predicted.count == gold.count)
        var predictedSize: [Int: Int] = [:], goldSize: [Int: Int] = [:], both: [[Int]: Int] = [:]
        for (p, g) in zip(predicted, gold) {
            predictedSize[p, default: 0] += 1
            goldSize[g, default: 0] += 1
            both[[p, g], default: 0] += 1
        }
        func pairs(_ n: Int) -> Double { Double(n * (n - 1) / 2) }
        let truePairs = both.values.reduce(0.0) { $0 + pairs($1) }
        let predictedPairs = predictedSize.values.reduce(0.0) { $0 + pairs($1) }
        let goldPairs = goldSize.values.reduce(0.0) { $0 + pairs($1) }
        let pp = predictedPairs == 0 ? 1 : truePairs / predictedPairs
        let pr = goldPairs == 0 ? 1 : truePairs / goldPairs
        var bp = 0.0, br = 0.0
        for (p, g) in zip(predicted, gold) {
            let overlap = Double(both[[p, g]]!)
            bp += overlap / Double(predictedSize[p]!)
            br += overlap / Double(goldSize[g]!)
        }
        let n = Double(max(predicted.count, 1))
        bp /= n; br /= n
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        return Scores(pairwisePrecision: pp, pairwiseRecall: pr, pairwiseF1: f1(pp, pr),
                      bcubedPrecision: bp, bcubedRecall: br, bcubedF1: f1(bp, br))
    }

    /// Cluster ids for `values` from `ValueClusterer` (values outside every cluster are singletons).
    public static func clusterIDs(_ values: [String], clusterer: ValueClusterer = ValueClusterer()) -> [Int] {
        let clusters = clusterer.cluster(values.map { (value: $0, count: 1) })
        var id: [String: Int] = [:]
        for (i, c) in clusters.enumerated() { for m in c.members { id[m.value] = i } }
        var next = clusters.count
        return values.map { v in
            if let i = id[v] { return i }
            next += 1
            return next
        }
    }

    /// Reads a `value<TAB>cluster` file with a header row.
    public static func loadLabelled(_ text: String) -> [(value: String, cluster: String)] {
        text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }
}

