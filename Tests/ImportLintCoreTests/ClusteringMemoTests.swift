import Testing
@testable import ImportLintCore

/// `fix` reuses a clustering only for exactly the values and counts it was made from.
@Suite struct ClusteringMemoTests {
    @Test func reusesOnlyTheSameValuesAndCounts() {
        let clusterer = ValueClusterer()
        let memo = ClusteringMemo()
        let widget: [(value: String, count: Int)] = [("Widget Inc", 5), ("Widget Inc.", 2), ("widget inc", 1), ("Acme", 4)]
        var recounted = widget
        recounted[1].count = 9
        let other: [(value: String, count: Int)] = [("Acme", 4), ("ACME", 3)]
        var names: [String: NormalizedName] = [:]
        let first = memo.clusters(of: widget, by: clusterer, names: &names)
        #expect(first == clusterer.cluster(widget))
        #expect(!first.isEmpty)
        // Made here: the names it normalized are left for the findings' wording.
        #expect(!names.isEmpty)
        for values in [other, recounted, Array(widget.dropLast()), widget] {
            var unused: [String: NormalizedName] = [:]
            #expect(memo.clusters(of: values, by: clusterer, names: &unused) == clusterer.cluster(values), "\(values)")
        }
        #expect(clusterer.cluster(recounted) != first)
        #expect(clusterer.cluster(other) != first)
    }
}
