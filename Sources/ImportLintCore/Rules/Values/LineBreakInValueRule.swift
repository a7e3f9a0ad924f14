extension RuleDescriptor {
    public static let lineBreakInValue = RuleDescriptor(
        code: "VAL016", name: "line-break-in-value", severity: .warning,
        summary: "A name or a one-record reference (Organization, Site) spans several lines in its cell",
        explanation: """
            A quoted cell may hold line breaks, and 4me's import reads them as several values of one field: \
            several references, one per line. A person has one Organization, one Site, one calendar of Work \
            Hours, so 'Widget Inc⏎Widget Labs' is an export that joined a multi-valued attribute, and no \
            target documents which of the names it takes, if any. A line break in a person's name is damage \
            of the same kind (joined values, or a wrapped cell). Reported in person-name columns and in the \
            columns a profile marks `reference: true`; text such as a job title may be wrapped on purpose and \
            is left alone, and columns with a format of their own (emails, phones, time zones, location slugs) \
            report joined values themselves. No fix: which value is meant is for a person to say.
            """,
        triggeringExample: "Primary Email,Name,Organization\nann@example.com,Ann Lee,\"Widget Inc\nWidget Labs\"\n",
        cleanExample: "Primary Email,Name,Organization\nann@example.com,Ann Lee,Widget Inc\n")
}

/// Line breaks in the cells of person-name and reference columns. Only records that span lines can have
/// one, and only those are handed to it (`readsOnlyRecordsSpanningLines`).
final class LineBreakInValueRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var readsOnlyRecordsSpanningLines: Bool { true }
    override var reports: [RuleDescriptor]? { [.lineBreakInValue] }

    private let columns: [(index: Int, name: String, reference: Bool)]
    private let targetName: String

    init?(_ context: FileContext) {
        columns = context.valueBindings.enumerated().compactMap { index, spec in
            guard let spec, spec.reference || spec.kind == .personName else { return nil }
            return (index, spec.name, spec.reference)
        }
        if columns.isEmpty { return nil }
        targetName = (context.profile?.target ?? .neutral).name
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for column in columns {
            let lines = Self.lineCount(reader.bytes(column.index))
            guard lines > 1 else { continue }
            let value = reader.string(column.index)
            let message = column.reference
                ? "\(column.name) '\(value)' spans \(lines) lines: several references in one cell, where a record takes one \(column.name); which of them \(targetName) would take is not documented"
                : "\(column.name) '\(value)' spans \(lines) lines: a name has no line break (an export joined several values, or wrapped one); what \(targetName) does with it is not documented"
            reader.report(.lineBreakInValue, to: sink, field: column.index, record: record, message: message, values: [value])
        }
    }

    /// Lines of a cell: line breaks (LF, CRLF, CR) plus one.
    static func lineCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var lines = 1
        for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            lines += 1
        }
        return lines
    }
}
