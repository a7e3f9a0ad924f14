/// Collects the distinct values of every clustered column (4me Organization, Receptionist Department,
/// any column a profile marks `cluster: true`) with their occurrences, clusters them when the file ends,
/// and reports `organization-variants` and `unknown-organization` on every row holding a reported value.
///
/// Occurrences are kept as three 32-bit numbers per cell so that each finding can be placed exactly
/// without a second pass over the file.
final class ClusterRule: RecordRule {
    private struct Occurrence {
        var line: Int32
        var column: Int32
        var record: Int32
    }

    private struct Distinct {
        let value: String
        var occurrences: [Occurrence]
    }

    /// Occurrences are appended to one flat array per column while reading (cheap) and grouped by value
    /// when the file ends.
    private struct Column {
        let index: Int
        let name: String
        let slots = KeyTable()
        var values: [String] = []
        var occurrences: [Occurrence] = []
        var slotOfOccurrence: [Int32] = []

        func grouped() -> [Distinct] {
            var distinct = values.map { Distinct(value: $0, occurrences: []) }
            for (o, slot) in zip(occurrences, slotOfOccurrence) { distinct[Int(slot)].occurrences.append(o) }
            return distinct
        }
    }

    private var columns: [Column]
    private let clusterer: ValueClusterer
    private let knownListGiven: Bool

    init?(_ context: FileContext) {
        let selection = context.options.selection
        guard selection.isEnabled(.organizationVariants) || selection.isEnabled(.unknownOrganization) else { return nil }
        columns = context.bindings.enumerated().compactMap { index, spec in
            spec.flatMap { $0.cluster ? Column(index: index, name: $0.name) : nil }
        }
        if columns.isEmpty { return nil }
        clusterer = ValueClusterer(knownNames: context.options.knownOrganizations ?? [], mapping: context.options.mapping)
        knownListGiven = context.options.knownOrganizations != nil
    }

    func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for c in columns.indices {
            let index = columns[c].index
            let value = reader.bytes(index).trimmedASCII()
            if value.isEmpty { continue }
            var hasher = KeyHasher()
            hasher.combine(value)
            let key = hasher.finalize()
            let next = Int32(columns[c].values.count)
            let slot = columns[c].slots.valueOrInsert(key, next) ?? next
            if slot == next { columns[c].values.append(String(decoding: value, as: UTF8.self)) }
            let position = reader.position(ofField: index)
            columns[c].occurrences.append(
                Occurrence(line: Int32(truncatingIfNeeded: position.line), column: Int32(truncatingIfNeeded: position.column),
                           record: Int32(truncatingIfNeeded: record)))
            columns[c].slotOfOccurrence.append(slot)
        }
    }

    func finish(sink: DiagnosticSink) {
        var reported: [Cluster] = []
        for column in columns {
            let distinct = Self.mergingEquivalentSpellings(column.grouped())
            let byValue = Dictionary(uniqueKeysWithValues: distinct.map { ($0.value, $0) })
            let clusters = clusterer.cluster(distinct.map { ($0.value, $0.occurrences.count) })
            var canonicalOf: [String: (canonical: String, safe: Bool)] = [:]
            for cluster in clusters {
                reported.append(cluster.reportCluster(field: column.name) { value in
                    (byValue[value]?.occurrences.prefix(100).map { Int($0.line) }) ?? []
                })
                // The issue's rule: a canonical chosen by frequency is a guess; only the known list or a
                // reviewed mapping makes the rewrite safe.
                let safe = cluster.source == .known || cluster.source == .mapping
                for member in cluster.variants { canonicalOf[member.value] = (cluster.canonical, safe) }
            }
            for distinct in distinct {
                if knownListGiven {
                    reportUnknown(distinct, column: column, canonical: canonicalOf[distinct.value], sink: sink)
                } else if let target = canonicalOf[distinct.value] {
                    let fix = Fix(target.safe ? .safe : .unsafe, "Replace with '\(target.canonical)'", replacement: target.canonical)
                    for o in distinct.occurrences {
                        emit(.organizationVariants, o, column: column, sink: sink, fix: fix, values: [distinct.value, target.canonical],
                             message: "\(column.name) '\(distinct.value)' is a variant of '\(target.canonical)' (\(distinct.occurrences.count == 1 ? "1 row spells" : "\(distinct.occurrences.count) rows spell") it this way)")
                    }
                }
            }
        }
        sink.clusters = (sink.clusters ?? []) + reported
    }

    /// Distinct byte sequences that are canonically equivalent (NFC and NFD 'Zoë') are one String to
    /// Swift and to the clusterer: merge them, keeping the first spelling seen (not-nfc reports the other).
    private static func mergingEquivalentSpellings(_ distinct: [Distinct]) -> [Distinct] {
        var slot: [String: Int] = [:]
        var merged: [Distinct] = []
        for d in distinct {
            if let i = slot[d.value] {
                merged[i].occurrences += d.occurrences
            } else {
                slot[d.value] = merged.count
                merged.append(d)
            }
        }
        return merged
    }

    /// With a known-organizations list, every value outside it is reported once per row; its cluster's
    /// known canonical, or the single known name it is a variant of, is a safe fix.
    private func reportUnknown(_ distinct: Distinct, column: Column, canonical: (canonical: String, safe: Bool)?, sink: DiagnosticSink) {
        let match = clusterer.matchKnown(distinct.value)
        if match.isKnown { return }
        let target = canonical.flatMap { $0.safe ? $0.canonical : nil } ?? match.variantOf
        let fix = target.map { Fix(.safe, "Replace with '\($0)'", replacement: $0) }
        let hint = target.map { "; it is a spelling of '\($0)'" }
            ?? (match.suggestions.isEmpty ? "" : "; closest known: " + match.suggestions.map { "'\($0)'" }.joined(separator: ", "))
        for o in distinct.occurrences {
            emit(.unknownOrganization, o, column: column, sink: sink, fix: fix, values: [distinct.value] + match.suggestions,
                 message: "\(column.name) '\(distinct.value)' is not a known organization\(hint)")
        }
    }

    private func emit(_ rule: RuleDescriptor, _ o: Occurrence, column: Column, sink: DiagnosticSink, fix: Fix?, values: [String], message: String) {
        sink.emit(Diagnostic(rule: rule, line: Int(o.line), column: Int(o.column), record: Int(o.record), field: column.name,
                             message: message, fix: fix, fieldIndex: column.index, values: values))
    }
}
