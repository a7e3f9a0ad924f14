import Foundation

/// The clusterings made by the lints of one `fix` run, for its lint of its own output: the clustered
/// columns seldom change there, and clustering them again was 3% of fixing a 100,000-row people file.
/// A clustering depends on nothing but the values and counts given and on the clusterer, which every
/// lint of a run builds from the same options (known names, mapping).
final class ClusteringMemo: @unchecked Sendable {
    /// Beyond this many distinct values a column is clustered anew, so that the memo never holds much.
    static let maximumValues = 100_000
    private let lock = NSLock()
    private var made: [(values: [(value: String, count: Int)], clusters: [ValueCluster])] = []

    /// The clusters of `values`, made by `clusterer.cluster(_:names:)` unless a lint made them before (then
    /// `names` is left as it is).
    func clusters(of values: [(value: String, count: Int)], by clusterer: ValueClusterer,
                  names: inout [String: NormalizedName]) -> [ValueCluster] {
        guard values.count <= Self.maximumValues else { return clusterer.cluster(values, names: &names) }
        if let known = lock.withLock({ made.first { Self.same($0.values, values) }?.clusters }) { return known }
        let clusters = clusterer.cluster(values, names: &names)
        lock.withLock { made.append((values, clusters)) }
        return clusters
    }

    private static func same(_ a: [(value: String, count: Int)], _ b: [(value: String, count: Int)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.value == $1.value && $0.count == $1.count }
    }
}
