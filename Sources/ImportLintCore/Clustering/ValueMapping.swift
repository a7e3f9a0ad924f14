import Foundation

/// A reviewed value → canonical mapping kept next to the exports: a TSV with the header
/// `value<TAB>canonical`, one pair per line. `importlint clusters --write-mapping` writes one for review;
/// `--mapping FILE` makes its rewrites safe fixes.
public enum ValueMapping {
    public static func load(path: String) throws -> [String: String] {
        guard let data = StreamedFile.contents(atPath: path) else {
            throw InputError("\(path): cannot read mapping file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String) throws -> [String: String] {
        var mapping: [String: String] = [:]
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || (number == 0 && line == "value\tcanonical") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw InputError("\(path):\(number + 1): expected 'value<TAB>canonical'")
            }
            mapping[String(parts[0])] = String(parts[1])
        }
        return mapping
    }

    public static func render(_ clusters: [Cluster]) -> String {
        var out = "value\tcanonical\n"
        for cluster in clusters {
            // A tie's canonical is a coin toss: its rows are written commented out, so that a mapping saved
            // unedited does not turn the guess into a reviewed (safe) rewrite.
            let tied = cluster.tie == true
            if tied { out += "# '\(cluster.canonical)': \(Cluster.tieNote), then remove the '#' of its rows\n" }
            for member in cluster.members where member.value != cluster.canonical {
                out += "\(tied ? "#" : "")\(member.value)\t\(cluster.canonical)\n"
            }
        }
        return out
    }
}
