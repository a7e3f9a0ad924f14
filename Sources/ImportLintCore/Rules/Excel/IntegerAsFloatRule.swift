extension RuleDescriptor {
    public static let integerAsFloat = RuleDescriptor(
        code: "XLS004", name: "integer-as-float", severity: .warning,
        summary: "An identifier column whose every value is a whole number written as a float ('100101.0'), as pandas writes an ID column with an empty cell",
        explanation: """
            pandas reads a column of whole numbers that has an empty cell as floats, and to_csv then writes \
            every value with '.0' ('100101.0'). The import stores the text as written, so an Employee ID, \
            Source ID or Identification '100101.0' no longer matches '100101' in the HR system or in the \
            previous upload (The Receptionist matches contacts by Identification first; 4me a person by \
            Source and Source ID). Reported once per column of identifiers another system holds (the profile's `external_id` \
            columns: Employee ID, Source ID, Support ID, Authentication ID, Identification), at its first value, when every value in it \
            (at least two) is digits and '.0': one such value may be real text. A warning: neither vendor \
            rejects the text. No fix: removing '.0' gives the number pandas kept, not necessarily the source's \
            text (a leading zero is already gone). Write the column as text (read_csv with dtype=str) or as \
            nullable integers (astype('Int64')). Typed columns report it themselves (invalid-number, \
            invalid-pin, invalid-boolean).
            """,
        triggeringExample: "First Name,Last Name,Email,Identification\nAnn,Lee,ann@example.com,100101.0\nBob,Ray,bob@example.com,100102.0\nCy,Wu,cy@example.com,\n",
        cleanExample: "First Name,Last Name,Email,Identification\nAnn,Lee,ann@example.com,100101\nBob,Ray,bob@example.com,100102\nCy,Wu,cy@example.com,\n")
}

/// Identifier columns (`external_id` in the profile): follows, per column, whether every value so far is digits and '.0', and reports the
/// columns that stayed so when the file ends. A column leaves the watch at its first other value, so a
/// file of ordinary values costs a call per record and nothing per cell once every column has one.
final class IntegerAsFloatRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.integerAsFloat] }
    private struct FirstValue { let line: Int, column: Int, record: Int, value: String }
    private struct Watch {
        let index: Int, name: String
        var count = 0
        var first: FirstValue?
    }

    /// The columns still watched: every value so far (maybe none) was a whole number written as a float.
    /// Unchecked: read at every record, where exclusivity checks cost more than the rest of the call.
    @exclusivity(unchecked) private var watched: [Watch]
    private let targetName: String

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.integerAsFloat) else { return nil }
        watched = context.valueBindings.enumerated().compactMap { i, spec in
            spec.flatMap { $0.externalID && $0.kind == .text && !$0.readOnly ? Watch(index: i, name: $0.name) : nil }
        }
        if watched.isEmpty { return nil }
        targetName = (context.profile?.target ?? .neutral).name
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        guard !watched.isEmpty else { return }
        var k = 0
        while k < watched.count {
            let value = reader.bytes(watched[k].index)
            if value.isEmpty { k += 1; continue }
            guard Self.isWholeFloat(value) else { watched.remove(at: k); continue }
            if watched[k].first == nil {
                let position = reader.position(ofField: watched[k].index)
                watched[k].first = FirstValue(line: position.line, column: position.column, record: record,
                                              value: String(decoding: value, as: UTF8.self))
            }
            watched[k].count += 1
            k += 1
        }
    }

    /// Digits, then '.0': how Python writes a float that holds a whole number.
    static func isWholeFloat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 3, b[n - 1] == 0x30, b[n - 2] == 0x2E else { return false }
        return b[0..<(n - 2)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    override var splitting: Splitting { .merges }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? IntegerAsFloatRule else { return }
        watched = watched.compactMap { earlier in
            guard let after = later.watched.first(where: { $0.index == earlier.index }) else { return nil }
            var merged = earlier
            merged.count += after.count
            merged.first = earlier.first ?? after.first.map {
                FirstValue(line: $0.line + part.linesBefore, column: $0.column, record: $0.record + part.recordsBefore, value: $0.value)
            }
            return merged
        }
    }

    override func finish(sink: DiagnosticSink) {
        for watch in watched where watch.count >= 2 {
            guard let first = watch.first else { continue }
            let digits = String(first.value.dropLast(2))
            sink.emit(Diagnostic(
                rule: .integerAsFloat, line: first.line, column: first.column, record: first.record, field: watch.name,
                message: "Every \(watch.name) value (\(watch.count)) is a whole number written as a float ('\(first.value)'), as pandas writes numbers it holds as floats (a column of numbers with an empty cell is read so): \(targetName) stores the text as written, so '\(first.value)' will not match '\(digits)' in the source or a previous upload; export the column as text or as integers",
                fieldIndex: watch.index, values: [first.value]))
        }
    }
}
