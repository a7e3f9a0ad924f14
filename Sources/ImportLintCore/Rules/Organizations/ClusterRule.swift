/// Collects the distinct values of every clustered column (4me Organization, Receptionist Department,
/// any column a profile marks `cluster: true`), clusters them when the file ends, and reports
/// `organization-variants` and `unknown-organization` on every row holding a reported value.
///
/// While reading it keeps, per distinct value, its count and the exact place of its first
/// `keptOccurrences` rows: memory grows with distinct values, not with the file. A reported value that
/// occurs more often than that (rare: variants are usually rare spellings) is placed by reading the file
/// once more.
final class ClusterRule: RecordRule {
    static let keptOccurrences = 100

    private struct Occurrence {
        var line: Int32
        var column: Int32
        var record: Int32
    }

    private struct Distinct {
        let value: String
        /// Digests of the byte spellings merged into this value (NFC and NFD forms are one value).
        var keys: [Key128]
        var count: Int
        var occurrences: [Occurrence]
    }

    /// What to report for one value when the file ends.
    private struct Finding {
        let rule: RuleDescriptor
        let message: String
        let fix: Fix?
        let values: [String]
    }

    /// Per distinct value, in parallel flat arrays; the counters, which every row touches, in a raw buffer
    /// (an Array stored in a class is retained and released at every access).
    private final class Column {
        let index: Int
        let name: String
        let slots = KeyTable()
        var values: [String] = []
        var keys: [Key128] = []
        var kept: [[Occurrence]] = []
        private(set) var counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        private var countCapacity = 256

        init(index: Int, name: String) {
            self.index = index
            self.name = name
        }

        deinit { counts.deallocate() }

        /// Adds a distinct value with a count of zero.
        func add(_ value: String, key: Key128) {
            if values.count == countCapacity {
                let grown = UnsafeMutablePointer<Int>.allocate(capacity: countCapacity * 2)
                grown.update(from: counts, count: countCapacity)
                counts.deallocate()
                counts = grown
                countCapacity *= 2
            }
            counts[values.count] = 0
            values.append(value)
            keys.append(key)
            kept.append([])
        }

        var distinct: [Distinct] {
            values.indices.map { Distinct(value: values[$0], keys: [keys[$0]], count: counts[$0], occurrences: kept[$0]) }
        }
    }

    private let columns: [Column]
    private let clusterer: ValueClusterer
    private let knownListGiven: Bool
    private let context: FileContext

    init?(_ context: FileContext) {
        let selection = context.options.selection
        guard selection.isEnabled(.organizationVariants) || selection.isEnabled(.unknownOrganization) else { return nil }
        columns = context.bindings.enumerated().compactMap { index, spec in
            spec.flatMap { $0.cluster ? Column(index: index, name: $0.name) : nil }
        }
        if columns.isEmpty { return nil }
        clusterer = ValueClusterer(knownNames: context.options.knownOrganizations ?? [], mapping: context.options.mapping)
        knownListGiven = context.options.knownOrganizations != nil
        self.context = context
    }

    func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for column in columns {
            let value = reader.bytes(column.index).trimmedASCII()
            if value.isEmpty { continue }
            var hasher = KeyHasher()
            hasher.combine(value)
            let key = hasher.finalize()
            let next = Int32(column.values.count)
            let slot = Int(column.slots.valueOrInsert(key, next) ?? next)
            if slot == Int(next) { column.add(String(decoding: value, as: UTF8.self), key: key) }
            let counts = column.counts
            counts[slot] += 1
            if counts[slot] <= Self.keptOccurrences {
                let position = reader.position(ofField: column.index)
                column.kept[slot].append(
                    Occurrence(line: Int32(truncatingIfNeeded: position.line), column: Int32(truncatingIfNeeded: position.column),
                               record: Int32(truncatingIfNeeded: record)))
            }
        }
    }

    func finish(sink: DiagnosticSink) {
        var reported: [Cluster] = []
        /// Findings whose value has rows beyond the kept ones, by column and spelling digest.
        var rescan: [(column: Column, findings: [Key128: Finding])] = []
        for column in columns {
            let distinct = Self.mergingEquivalentSpellings(column.distinct)
            let byValue = Dictionary(uniqueKeysWithValues: distinct.map { ($0.value, $0) })
            let clusters = clusterer.cluster(distinct.map { ($0.value, $0.count) })
            var canonicalOf: [String: (canonical: String, safe: Bool)] = [:]
            for cluster in clusters {
                reported.append(cluster.reportCluster(field: column.name) { value in
                    (byValue[value]?.occurrences.prefix(Self.keptOccurrences).map { Int($0.line) }) ?? []
                })
                // The rule: a canonical chosen by frequency is a guess; only the known list or a
                // reviewed mapping makes the rewrite safe.
                let safe = cluster.source == .known || cluster.source == .mapping
                for member in cluster.variants { canonicalOf[member.value] = (cluster.canonical, safe) }
            }
            var later: [Key128: Finding] = [:]
            for value in distinct {
                guard let finding = knownListGiven ? unknownFinding(value, column: column, canonical: canonicalOf[value.value])
                                                   : variantFinding(value, column: column, target: canonicalOf[value.value])
                else { continue }
                if value.count > value.occurrences.count {
                    for key in value.keys { later[key] = finding }
                } else {
                    for o in value.occurrences {
                        emit(finding, line: Int(o.line), column: Int(o.column), record: Int(o.record), field: column, sink: sink)
                    }
                }
            }
            if !later.isEmpty { rescan.append((column, later)) }
        }
        if !rescan.isEmpty { placeByReadingAgain(rescan, sink: sink) }
        sink.clusters = (sink.clusters ?? []) + reported
    }

    private func placeByReadingAgain(_ rescan: [(column: Column, findings: [Key128: Finding])], sink: DiagnosticSink) {
        do {
            try context.forEachRecord { reader, record in
                for (column, findings) in rescan {
                    let value = reader.bytes(column.index).trimmedASCII()
                    if value.isEmpty { continue }
                    var hasher = KeyHasher()
                    hasher.combine(value)
                    guard let finding = findings[hasher.finalize()] else { continue }
                    let position = reader.position(ofField: column.index)
                    emit(finding, line: position.line, column: position.column, record: record, field: column, sink: sink)
                }
            }
        } catch {
            // The file was read a moment ago; if it vanished since, its first rows were still reported.
        }
    }

    private func variantFinding(_ value: Distinct, column: Column, target: (canonical: String, safe: Bool)?) -> Finding? {
        guard let target else { return nil }
        let rows = value.count == 1 ? "1 row spells" : "\(value.count) rows spell"
        return Finding(rule: .organizationVariants,
                       message: "\(column.name) '\(value.value)' is a variant of '\(target.canonical)' (\(rows) it this way)",
                       fix: Fix(target.safe ? .safe : .unsafe, "Replace with '\(target.canonical)'", replacement: target.canonical),
                       values: [value.value, target.canonical])
    }

    /// With a known-organizations list, every value outside it is reported; its cluster's known canonical,
    /// or the single known name it is a variant of, is a safe fix.
    private func unknownFinding(_ value: Distinct, column: Column, canonical: (canonical: String, safe: Bool)?) -> Finding? {
        let match = clusterer.matchKnown(value.value)
        if match.isKnown { return nil }
        let target = canonical.flatMap { $0.safe ? $0.canonical : nil } ?? match.variantOf
        let hint = target.map { "; it is a spelling of '\($0)'" }
            ?? (match.suggestions.isEmpty ? "" : "; closest known: " + match.suggestions.map { "'\($0)'" }.joined(separator: ", "))
        return Finding(rule: .unknownOrganization,
                       message: "\(column.name) '\(value.value)' is not a known organization\(hint)",
                       fix: target.map { Fix(.safe, "Replace with '\($0)'", replacement: $0) },
                       values: [value.value] + match.suggestions)
    }

    private func emit(_ finding: Finding, line: Int, column: Int, record: Int, field: Column, sink: DiagnosticSink) {
        sink.emit(Diagnostic(rule: finding.rule, line: line, column: column, record: record, field: field.name,
                             message: finding.message, fix: finding.fix, fieldIndex: field.index, values: finding.values))
    }

    /// Distinct byte sequences that are canonically equivalent (NFC and NFD 'Zoë') are one String to
    /// Swift and to the clusterer: merge them, keeping the first spelling seen (not-nfc reports the other).
    private static func mergingEquivalentSpellings(_ distinct: [Distinct]) -> [Distinct] {
        var slot: [String: Int] = [:]
        var merged: [Distinct] = []
        for d in distinct {
            if let i = slot[d.value] {
                merged[i].keys += d.keys
                merged[i].count += d.count
                merged[i].occurrences += d.occurrences
            } else {
                slot[d.value] = merged.count
                merged.append(d)
            }
        }
        return merged
    }
}
