extension RuleDescriptor {
    public static let duplicateIdentifier = RuleDescriptor(
        code: "ID001", name: "duplicate-identifier", severity: .error,
        summary: "Two records have the same matching key",
        explanation: "Imports match records by key (4me People: ID, then Source + Source ID, then Primary Email compared case-insensitively; The Receptionist: Identification, Email, SMS Phone). Two rows with the same key update one record twice, so the first row's values are lost. A Receptionist contact listed once per Location Slug is not a duplicate. Reported on every later occurrence, pointing at the first.",
        triggeringExample: "Primary Email,Name\nann@example.com,Ann\nANN@example.com,Ann Lee",
        cleanExample: "Primary Email,Name\nann@example.com,Ann\nbob@example.com,Bob")
}

/// One seen-key table per identifier key of the profile; keys are trimmed, optionally case-folded, and
/// qualified by the key's scope columns.
final class DuplicateIdentifierRule: RecordRule {
    private final class KeyState {
        let spec: IdentifierKey
        let indices: [Int]
        let scope: [Int]
        let caseInsensitive: Bool
        let firstLine = KeyTable()

        init(spec: IdentifierKey, indices: [Int], scope: [Int]) {
            self.spec = spec
            self.indices = indices
            self.scope = scope
            self.caseInsensitive = spec.caseInsensitive
        }
    }
    private let keys: [KeyState]

    init?(_ context: FileContext) {
        keys = (context.profile?.identifiers ?? []).compactMap { spec in
            guard let indices = context.indices(of: spec.columns) else { return nil }
            return KeyState(spec: spec, indices: indices, scope: spec.scope.compactMap(context.index(of:)))
        }
        if keys.isEmpty { return nil }
    }

    func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for key in keys {
            var hasher = KeyHasher()
            var complete = true
            for index in key.indices {
                let value = reader.bytes(index).trimmedASCII()
                if value.isEmpty { complete = false; break }
                Self.combine(value, caseInsensitive: key.caseInsensitive, into: &hasher)
            }
            // A key with an empty part does not identify anything (4me needs both Source and Source ID).
            guard complete else { continue }
            for index in key.scope { Self.combine(reader.bytes(index).trimmedASCII(), caseInsensitive: false, into: &hasher) }
            if let first = key.firstLine.valueOrInsert(hasher.finalize(), Int32(truncatingIfNeeded: reader.line)) {
                report(key, first: Int(first), reader: reader, record: record, sink: sink)
            }
        }
    }

    @inline(__always)
    private static func combine(_ value: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool, into hasher: inout KeyHasher) {
        if caseInsensitive && !value.isASCII {
            hasher.combine(String(decoding: value, as: UTF8.self).lowercased())
        } else {
            hasher.combine(value, lowercaseASCII: caseInsensitive)
        }
    }

    private func report(_ key: KeyState, first: Int, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let names = key.spec.columns.joined(separator: " + ")
        let values = key.indices.map { Whitespace.trim(reader.string($0)) }
        let shown = values.map { "'\($0)'" }.joined(separator: " + ")
        var how = key.spec.caseInsensitive ? " (compared case-insensitively)" : ""
        if !key.scope.isEmpty {
            how += " for the same \(key.spec.scope.joined(separator: " + "))"
        }
        sink.cell(.duplicateIdentifier, reader, field: key.indices[0], record: record,
                  message: "\(names) \(shown) already appears on line \(first)\(how)",
                  related: [RelatedLocation(line: first)], values: values)
    }
}
