import Foundation

/// OpenRefine's "fingerprint" key collision, implemented faithfully as the evaluation baseline:
/// trim, lower-case, fold to ASCII, remove punctuation (deleted, not replaced by a space), split
/// on whitespace, deduplicate and sort the words, join with single spaces.
public enum OpenRefineFingerprint {
    public static func key(_ value: String) -> String {
        let lowered = value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        // asciify: strip diacritics (OpenRefine's table maps accented Latin letters to ASCII).
        let folded = lowered.applyingTransform(.stripDiacritics, reverse: false) ?? lowered
        var kept = String.UnicodeScalarView()
        for s in folded.unicodeScalars {
            let p = s.properties.generalCategory
            // OpenRefine removes \p{Punct}|\p{Cntrl} (ASCII punctuation and controls).
            if s.isASCII && (p == .otherPunctuation || p == .dashPunctuation || p == .openPunctuation
                || p == .closePunctuation || p == .connectorPunctuation || p == .mathSymbol
                || p == .currencySymbol || p == .modifierSymbol || p == .control) && !(s == " " || s == "\t" || s == "\n") {
                continue
            }
            kept.append(s)
        }
        let words = String(kept).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        return Set(words).sorted().joined(separator: " ")
    }

    /// Groups values by fingerprint key (one cluster index per input value).
    public static func clusterIDs(_ values: [String]) -> [Int] {
        var ids: [String: Int] = [:]
        return values.map { v in
            let k = key(v)
            if let id = ids[k] { return id }
            ids[k] = ids.count
            return ids.count - 1
        }
    }
}
