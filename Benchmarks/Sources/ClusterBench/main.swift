import Foundation
import ImportLintCore

// Clustering speed on synthetic directory data, and the evaluation numbers on the labelled set.
// Names: random pronounceable brand words + optional second word + country suffix variant,
// with ~10% injected variants (case, double space, typo, suffix synonym), so blocks look like
// real exports rather than random strings.

struct SplitMix { var state: UInt64
    mutating func next() -> UInt64 { state &+= 0x9e3779b97f4a7c15; var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9; z = (z ^ (z >> 27)) &* 0x94d049bb133111eb; return z ^ (z >> 31) }
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

func syntheticNames(_ count: Int) -> [(value: String, count: Int)] {
    var rng = SplitMix(state: 42)
    let syllables = ["ka", "lo", "mi", "tor", "ven", "dra", "sil", "qua", "ber", "nex", "ori", "pal", "zen", "tri", "mon", "gal", "ros", "fin", "lux", "cor"]
    let words = ["Systems", "Logistics", "Consulting", "Holdings", "Partners", "Industries", "Foods", "Energy", "Health", "Media", "Capital", "Labs", "Software", "Retail", "Bank", "Insurance", "Travel", "Pharma", "Group", "Services"]
    let suffixes = ["USA", "U.S.A.", "UK", "United Kingdom", "Germany", "Deutschland", "France", "Netherlands", "Nederland", "Spain", "España", "Brazil", "Poland", "Inc.", "GmbH", "B.V.", "Ltd", "S.A.", "", "", "", "North", "South", "2", "3"]
    var seen = Set<String>()
    var out: [(value: String, count: Int)] = []
    while out.count < count {
        var brand = ""
        for _ in 0..<(2 + rng.int(3)) { brand += syllables[rng.int(syllables.count)] }
        brand = brand.prefix(1).uppercased() + brand.dropFirst()
        var name = brand
        if rng.int(2) == 0 { name += " " + words[rng.int(words.count)] }
        let s = suffixes[rng.int(suffixes.count)]
        if !s.isEmpty { name += " " + s }
        switch rng.int(10) {
        case 0: name = name.uppercased()
        case 1: name = name.replacingOccurrences(of: " ", with: "  ")
        case 2: if name.count > 8 { var c = Array(name); c.swapAt(3, 4); name = String(c) }
        default: break
        }
        if seen.insert(name).inserted { out.append((name, 1 + rng.int(20))) }
    }
    return out
}

let n = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000
let clock = ContinuousClock()
let clusterer = ValueClusterer()
_ = clusterer.cluster([("Warm Up Germany", 1), ("Warm Up Deutschland", 1)])  // builds the country table

let small = syntheticNames(200)
var best = Duration.seconds(1000)
for _ in 0..<20 { best = min(best, clock.measure { _ = clusterer.cluster(small) }) }
print("200 distinct names: \(best) (best of 20)")

let big = syntheticNames(n)
let normalizer = NameNormalizer()
let normalizeElapsed = clock.measure { for v in big { _ = normalizer.normalize(v.value).key } }
print("  of which normalizing \(n) names: \(normalizeElapsed)")
var clusters: [ValueCluster] = []
let elapsed = clock.measure { clusters = clusterer.cluster(big) }
print("\(n) distinct names: \(elapsed), \(clusters.count) clusters, \(clusters.reduce(0) { $0 + $1.members.count }) values in clusters")

let known = Array(big.prefix(5_000).map(\.value))
let withKnown = ValueClusterer(knownNames: known)
let knownElapsed = clock.measure { _ = withKnown.cluster(big) }
print("\(n) distinct names with 5,000 known names: \(knownElapsed)")
let lookups = clock.measure { for v in big.suffix(1_000) { _ = withKnown.matchKnown(v.value) } }
print("1,000 unknown-organization lookups against 5,000 known names: \(lookups)")

let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures/organization-variants/evaluation.tsv")
if let text = try? String(contentsOf: fixture, encoding: .utf8) {
    let rows = ClusteringEvaluation.loadLabelled(text)
    var ids: [String: Int] = [:]
    let gold = rows.map { r in ids[r.cluster] ?? { ids[r.cluster] = ids.count; return ids.count - 1 }() }
    let values = rows.map(\.value)
    print("evaluation set: \(rows.count) values, \(ids.count) organizations")
    print("  importlint  \(ClusteringEvaluation.scores(predicted: ClusteringEvaluation.clusterIDs(values), gold: gold))")
    print("  fingerprint \(ClusteringEvaluation.scores(predicted: OpenRefineFingerprint.clusterIDs(values), gold: gold))")
}
