extension RuleDescriptor {
    public static let droppedLeadingZero = RuleDescriptor(
        code: "XLS002", name: "dropped-leading-zero", severity: .warning, fix: .unsafe,
        summary: "A PIN shorter than the column's other PINs: a spreadsheet dropped its leading zeros ('123' for '0123')",
        explanation: """
            Excel reads a PIN such as 0123 as the number 123 and saves it without the zero. When nearly every \
            other PIN of the column has the same number of digits (at least 5 PINs, 90%), an all-digit PIN one \
            or two digits shorter almost certainly lost its leading zeros. invalid-pin reports it as an invalid PIN; this rule \
            adds the evidence and an unsafe fix that pads it with zeros to the column's length. Unsafe: the \
            zeros are inferred from the other PINs, not read from the source. Format the column as Text \
            before saving.
            """,
        triggeringExample: "First Name,Last Name,PIN\nAnn,Lee,0412\nBob,Ray,1234\nCid,Park,5678\nDan,Ng,9012\nEve,Ho,3456\nFay,Wu,123\n",
        cleanExample: "First Name,Last Name,PIN\nAnn,Lee,0412\nBob,Ray,1234\nCid,Park,5678\nDan,Ng,9012\nEve,Ho,3456\nFay,Wu,0123\n")
}

/// PIN columns: counts all-digit PINs by length and, when the file ends, reports the shorter ones if
/// the column's PINs are nearly all of one length.
final class DroppedLeadingZeroRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.droppedLeadingZero] }
    private struct Short {
        let line: Int, column: Int, record: Int, field: Int
        let value: String
    }

    private let columns: [(index: Int, name: String)]
    private var lengths: [[Int: Int]]
    private var shorts: [[Short]]

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.droppedLeadingZero) else { return nil }
        columns = context.valueBindings.enumerated().compactMap { i, spec in spec.flatMap { $0.kind == .pin ? (i, $0.name) : nil } }
        if columns.isEmpty { return nil }
        lengths = columns.map { _ in [:] }
        shorts = columns.map { _ in [] }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for (k, column) in columns.enumerated() {
            let value = reader.bytes(column.index).trimmedASCII()
            guard !value.isEmpty, value.count <= 6, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            lengths[k][value.count, default: 0] += 1
            if value.count < 4 {
                let position = reader.position(ofField: column.index)
                shorts[k].append(Short(line: position.line, column: position.column, record: record, field: column.index,
                                       value: String(decoding: value, as: UTF8.self)))
            }
        }
    }

    override var splitting: Splitting { .merges }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? DroppedLeadingZeroRule else { return }
        for k in columns.indices {
            lengths[k].merge(later.lengths[k], uniquingKeysWith: +)
            shorts[k] += later.shorts[k].map {
                Short(line: $0.line + part.linesBefore, column: $0.column, record: $0.record + part.recordsBefore, field: $0.field, value: $0.value)
            }
        }
    }

    override func finish(sink: DiagnosticSink) {
        for (k, column) in columns.enumerated() where !shorts[k].isEmpty {
            let valid = lengths[k].filter { $0.key >= 4 }
            guard let (width, count) = valid.max(by: { $0.value < $1.value }), count >= 5,
                  count * 10 >= lengths[k].values.reduce(0, +) * 9 - shorts[k].count * 9 else { continue }
            // One or two lost zeros are a likely story; 'PIN 0007' is not.
            for short in shorts[k] where width - short.value.count <= 2 {
                let padded = String(repeating: "0", count: width - short.value.count) + short.value
                sink.emit(Diagnostic(
                    rule: .droppedLeadingZero, line: short.line, column: short.column, record: short.record, field: column.name,
                    message: "\(column.name) '\(short.value)' has \(short.value.count) digit\(short.value.count == 1 ? "" : "s") where \(count) other PINs have \(width): a spreadsheet probably dropped its leading zeros",
                    fix: Fix(.unsafe, "Replace with '\(padded)'", replacement: padded), fieldIndex: short.field,
                    values: [short.value, padded]))
            }
        }
    }
}
