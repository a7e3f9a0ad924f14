extension RuleDescriptor {
    public static let duplicateIdentifier = RuleDescriptor(
        code: "ID001", name: "duplicate-identifier", severity: .error,
        summary: "Two records have the same matching key",
        explanation: "Imports match records by key (4me People: ID, then Source + Source ID, then Primary Email compared case-insensitively; The Receptionist: Identification, Email, SMS Phone). Two rows with the same key update one record twice, so the first row's values are lost. A Receptionist contact listed once per Location Slug is not a duplicate. Reported on every later occurrence, pointing at the first.",
        triggeringExample: "Primary Email,Name\nann@example.com,Ann\nANN@example.com,Ann Lee",
        cleanExample: "Primary Email,Name\nann@example.com,Ann\nbob@example.com,Bob")
}

/// One seen-key table per identifier key of the profile; keys are trimmed and optionally case-folded.
/// A key with a scope (The Receptionist's Location Slug) has a second table keyed without the scope that
/// remembers who first used it: a repeat under another scope value is excused only for the same person.
final class DuplicateIdentifierRule: RecordRule {
    private final class KeyState {
        let spec: IdentifierKey
        let indices: [Int]
        /// The kinds of the key's columns, which say what a placeholder ('NULL', 'N/A') looks like in each.
        let kinds: [ValueKind]
        let scope: [Int]
        let caseInsensitive: Bool
        /// Key (with its scope values) → line of its first row.
        let firstLine = KeyTable()
        /// Key alone → index into `crossScopeLine` / `crossScopePerson`, for scoped keys.
        let crossScope = KeyTable()
        var crossScopeLine: [Int32] = []
        var crossScopePerson: [Key128?] = []

        init(spec: IdentifierKey, indices: [Int], kinds: [ValueKind], scope: [Int]) {
            self.spec = spec
            self.indices = indices
            self.kinds = kinds
            self.scope = scope
            self.caseInsensitive = spec.caseInsensitive
        }
    }
    private let keys: [KeyState]
    /// Column groups that identify a person, in order of preference (`same_person` of the profile).
    private let personColumns: [[Int]]

    init?(_ context: FileContext) {
        keys = (context.profile?.identifiers ?? []).compactMap { spec in
            guard let indices = context.indices(of: spec.columns) else { return nil }
            return KeyState(spec: spec, indices: indices, kinds: indices.map { context.bindings[$0]?.kind ?? .text },
                            scope: spec.scope.compactMap(context.index(of:)))
        }
        personColumns = (context.profile?.samePerson ?? []).compactMap(context.indices(of:))
        if keys.isEmpty { return nil }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for key in keys {
            var hasher = KeyHasher()
            var complete = true
            for (index, kind) in zip(key.indices, key.kinds) {
                let value = reader.bytes(index).trimmedASCII()
                // A placeholder ('NULL' from an SQL feed) is no key: placeholder-value reports it once.
                if value.isEmpty || ValueValidation.isScreened(value, kind: kind, scientific: false) { complete = false; break }
                hasher.combine(value, caseInsensitive: key.caseInsensitive)
            }
            // A key with an empty (or placeholder) part does not identify anything (4me needs both Source and Source ID).
            guard complete else { continue }
            let line = Int32(truncatingIfNeeded: reader.line)
            if key.scope.isEmpty {
                if let first = key.firstLine.valueOrInsert(hasher.finalize(), line) {
                    report(key, first: Int(first), otherPerson: false, reader: reader, record: record, sink: sink)
                }
                continue
            }
            let keyAlone = hasher.finalize()
            for index in key.scope { hasher.combine(reader.bytes(index).trimmedASCII(), caseInsensitive: false) }
            if let first = key.firstLine.valueOrInsert(hasher.finalize(), line) {
                report(key, first: Int(first), otherPerson: false, reader: reader, record: record, sink: sink)
                continue
            }
            let person = personDigest(reader)
            let slot = Int32(key.crossScopeLine.count)
            if let earlier = key.crossScope.valueOrInsert(keyAlone, slot) {
                let earlierPerson = key.crossScopePerson[Int(earlier)]
                if person == nil || earlierPerson == nil || person != earlierPerson {
                    report(key, first: Int(key.crossScopeLine[Int(earlier)]), otherPerson: true, reader: reader, record: record, sink: sink)
                }
            } else {
                key.crossScopeLine.append(line)
                key.crossScopePerson.append(person)
            }
        }
    }

    /// The first `same_person` column group that is filled in this row, as a digest; nil when none is.
    private func personDigest(_ reader: CSVReader) -> Key128? {
        for (group, columns) in personColumns.enumerated() {
            let values = columns.map { reader.bytes($0).trimmedASCII() }
            guard values.allSatisfy({ !$0.isEmpty }) else { continue }
            var hasher = KeyHasher()
            hasher.word(UInt64(group))
            for value in values { hasher.combine(value, caseInsensitive: true) }
            return hasher.finalize()
        }
        return nil
    }

    private func report(_ key: KeyState, first: Int, otherPerson: Bool, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let names = key.spec.columns.joined(separator: " + ")
        let values = key.indices.map { Whitespace.trim(reader.string($0)) }
        let shown = values.map { "'\($0)'" }.joined(separator: " + ")
        var how = key.spec.caseInsensitive ? " (compared case-insensitively)" : ""
        if !key.scope.isEmpty {
            how += otherPerson
                ? " for another person (a person listed once per \(key.spec.scope.joined(separator: " + ")) is fine; two people are not)"
                : " for the same \(key.spec.scope.joined(separator: " + "))"
        }
        reader.report(.duplicateIdentifier, to: sink, field: key.indices[0], record: record,
                      message: "\(names) \(shown) already appears on line \(first)\(how)",
                      related: [RelatedLocation(line: first)], values: values)
    }
}
