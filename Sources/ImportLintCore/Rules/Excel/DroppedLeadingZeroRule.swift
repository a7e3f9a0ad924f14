extension RuleDescriptor {
    public static let droppedLeadingZero = RuleDescriptor(
        code: "XLS002", name: "dropped-leading-zero", severity: .warning, fix: .unsafe,
        summary: "A PIN shorter than the column's other PINs, or a postal code shorter than its country's: a spreadsheet dropped its leading zeros ('123' for '0123')",
        explanation: """
            Excel reads a PIN such as 0123 as the number 123 and saves it without the zero. When nearly every \
            other PIN of the column has the same number of digits (at least 5 PINs, 90%), an all-digit PIN one \
            or two digits shorter almost certainly lost its leading zeros. invalid-pin reports it as an invalid PIN; this rule \
            adds the evidence and an unsafe fix that pads it with zeros to the column's length. Unsafe: the \
            zeros are inferred from the other PINs, not read from the source. Format the column as Text \
            before saving. A postal code (4me contact details' Address Zip) of all digits, one or two digits \
            shorter than the codes of the row's country (rules/tables/postal-code-digits.tsv: countries whose \
            codes are a fixed number of digits and may start with 0, such as US 02134, FR 01000, NO 0150), \
            lost its zeros the same way: the import stores it as written, a wrong address. The unsafe fix pads \
            it with zeros to the country's length.
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

/// Postal-code columns, read in the country of the row's country column: an all-digit code one or two digits
/// shorter than that country's fixed length (rules/tables/postal-code-digits.tsv) lost its leading zeros.
final class DroppedPostalZeroRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.droppedLeadingZero] }
    private let codeColumns: [Int]
    private let codeNames: [String]
    private let countryColumn: Int
    private let countryName: String

    /// Digits of each listed country's postal codes (0: not listed), at `slot` of its ISO 3166-1 alpha-2
    /// code: a row's country is looked up without hashing or making a String of it. Written once, then read.
    nonisolated(unsafe) static let digits: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 26 * 26)
        table.initialize(repeating: 0, count: 26 * 26)
        for line in (try? ProfileLoader.tableLines("postal-code-digits")) ?? [] {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let count = UInt8(parts[1]) else { continue }
            if let slot = Array(parts[0].utf8).withUnsafeBufferPointer(slot) { table[slot] = count }
        }
        return UnsafePointer(table)
    }()

    /// Two ASCII letters, either case, as an index into `digits`; nil for anything else.
    @inline(__always)
    static func slot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count == 2 else { return nil }
        let first = bytes[0] & 0xDF, second = bytes[1] & 0xDF
        guard first >= 0x41 && first <= 0x5A && second >= 0x41 && second <= 0x5A else { return nil }
        return Int(first - 0x41) * 26 + Int(second - 0x41)
    }

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.droppedLeadingZero) else { return nil }
        let bindings = Array(context.valueBindings.enumerated())
        let codes = bindings.compactMap { i, spec in spec.flatMap { $0.kind == .postalCode ? (i, $0.name) : nil } }
        guard !codes.isEmpty, let country = bindings.lazy.compactMap({ i, spec in spec.flatMap { $0.kind == .country ? (i, $0.name) : nil } }).first
        else { return nil }
        codeColumns = codes.map(\.0)
        codeNames = codes.map(\.1)
        (countryColumn, countryName) = country
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for c in 0..<codeColumns.count {
            // Most cells: empty (a contact row), or longer than a code that lost a zero can be. A code with
            // spaces around it is surrounding-whitespace's until trimmed.
            let code = reader.bytes(codeColumns[c])
            // A code that lost its leading zeros no longer starts with one.
            guard code.count >= 2 && code.count <= 7 && code[0] != 0x30 else { continue }
            var digits = true
            for byte in code where byte &- 0x30 > 9 { digits = false; break }
            guard digits, let slot = Self.slot(reader.bytes(countryColumn)) else { continue }
            let width = Int(Self.digits[slot])
            if code.count < width && width - code.count <= 2 { report(c, code, width: width, reader, record: record, sink: sink) }
        }
    }

    @inline(never)
    private func report(_ c: Int, _ code: UnsafeBufferPointer<UInt8>, width: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = String(decoding: code, as: UTF8.self)
        let region = String(decoding: reader.bytes(countryColumn), as: UTF8.self).uppercased()
        let padded = String(repeating: "0", count: width - value.count) + value
        reader.report(.droppedLeadingZero, to: sink, field: codeColumns[c], record: record,
                      message: "\(codeNames[c]) '\(value)' has \(value.count) digits; postal codes of \(region) (the row's \(countryName)) have \(width): a spreadsheet probably dropped its leading zero\(width - value.count == 1 ? "" : "s"), and the import stores the code as written",
                      fix: Fix(.unsafe, "Replace with '\(padded)'", replacement: padded), values: [value, padded])
    }
}
