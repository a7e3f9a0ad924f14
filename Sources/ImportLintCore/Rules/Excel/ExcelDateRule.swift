extension RuleDescriptor {
    public static let excelDate = RuleDescriptor(
        code: "XLS005", name: "excel-date",
        severity: .warning,
        summary: "An identifier that a spreadsheet turned into a date ('12-Apr' for '4-12')",
        explanation: """
            Excel reads a value such as 4-12, 4/12 or 12-4 as a date when a CSV file is opened, shows it as \
            '12-Apr' (a date of the current year) or, when the second number cannot be a day, as 'Apr-45' (April \
            1945), and saves that text back into the file. An Employee ID, Support ID, Source ID, \
            Authentication ID or Identification (the identifier columns another system holds) that has the \
            form Excel gives a date was rarely written so: 4me and The Receptionist store the text as written, \
            and the identifier then matches nothing. Reported per cell, as a warning. PIN and phone columns \
            are not checked: invalid-pin and invalid-phone report such a cell already (invalid-phone names \
            the date form). Decisions: only the two shapes Excel writes with English month names (d-mmm, \
            mmm-yy) are reported; other locales' date displays and full dates ('4/12/2026') are not, since an \
            identifier may be a date on purpose. No fix: '12-Apr' was typed as '4-12', '4/12', '12-4' or \
            '12/4' depending on the computer's regional settings, so the original text cannot be known. Take \
            the values from the source again, and format such columns as Text before opening the file, or \
            import it with Data > From Text/CSV.
            """,
        triggeringExample: "Primary Email,Name,Employee ID\nann@widget.com,Ann Lee,12-Apr\n",
        cleanExample: "Primary Email,Name,Employee ID\nann@widget.com,Ann Lee,4-12\n")
}

/// Cells of identifier columns that hold a date as Excel displays it. A file without such
/// columns does not get this rule; in one with them each cell costs its length and at most two bytes.
final class ExcelDateRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.excelDate] }
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }

    /// The watched cells' indices, and at the same place their columns' names (kept apart: the loop over
    /// every record reads only the indices, from memory of its own rather than an array it would retain).
    private let indices: UnsafeMutableBufferPointer<Int>
    private let names: [String]
    private let targetName: String

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.excelDate) else { return nil }
        let columns = context.valueBindings.enumerated().compactMap { i, spec -> (Int, String)? in
            guard let spec, !spec.readOnly,
                  spec.externalID && spec.kind == .text else { return nil }
            return (i, spec.name)
        }
        if columns.isEmpty { return nil }
        indices = .allocate(capacity: columns.count)
        _ = indices.initialize(from: columns.map(\.0))
        names = columns.map(\.1)
        targetName = (context.profile?.target ?? .neutral).name
    }

    deinit { indices.deallocate() }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for k in 0..<indices.count {
            let cell = reader.bytes(indices[k])
            // Both shapes are 5 or 6 bytes with a '-' at byte 1, 2 or 3: most cells fail on these reads.
            guard cell.count == 5 || cell.count == 6, cell[cell.count - 4] == 0x2D || cell[3] == 0x2D,
                  let display = Self.dateDisplay(cell) else { continue }
            report(cell, display: display, column: k, reader: reader, record: record, sink: sink)
        }
    }

    private func report(_ cell: UnsafeBufferPointer<UInt8>, display: String, column k: Int, reader: CSVReader, record: Int,
                        sink: DiagnosticSink) {
        let value = String(decoding: cell, as: UTF8.self)
        let position = reader.position(ofField: indices[k])
        sink.emit(Diagnostic(
            rule: .excelDate, line: position.line, column: position.column, record: record, field: names[k],
            message: "'\(value)' has the form Excel gives a date (\(display)), which an identifier rarely has: a spreadsheet likely read the \(names[k]) as a date and saved the date; \(targetName) takes it as written, so it no longer matches the source. The original ('\(Self.example(cell))' or similar) cannot be told from the date: take the value from the source again",
            fieldIndex: indices[k], values: [value]))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) }

    /// The month (1–12) of the three bytes at `start`, in Excel's English abbreviation.
    private static func month(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        months.firstIndex { $0.elementsEqual(b[start..<(start + 3)]) }.map { $0 + 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// 'd-mmm' (1–31, then a month: '12-Apr') or 'mmm-yy' ('Apr-45'), the shapes Excel saves for what it
    /// read as a date of this year and as a month of a year; the shape's name, or nil.
    static func dateDisplay(_ b: UnsafeBufferPointer<UInt8>) -> String? {
        let n = b.count
        if n == 6, b[3] == 0x2D, isDigit(b[4]), isDigit(b[5]), month(b, at: 0) != nil { return "month-year, mmm-yy" }
        let dash = n - 4
        guard dash == 1 || dash == 2, b[dash] == 0x2D, month(b, at: dash + 1) != nil,
              b[0..<dash].allSatisfy(isDigit) else { return nil }
        let day = b[0..<dash].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (1...31).contains(day) ? "day-month, d-mmm" : nil
    }

    /// What was likely typed: month-first, as Excel in the United States reads it ('12-Apr' ← '4-12',
    /// 'Apr-45' ← '4-45'). A year that could be a day was typed with four digits ('Dec-20' ← '12-2020'):
    /// Excel reads '12-20' as 20-Dec. Two digits are 20yy below 30, 19yy from 30, as Excel reads them.
    private static func example(_ b: UnsafeBufferPointer<UInt8>) -> String {
        if b.count == 6, b[3] == 0x2D, let m = month(b, at: 0) {
            let yy = Int(b[4] - 0x30) * 10 + Int(b[5] - 0x30)
            return (1...31).contains(yy) ? "\(m)-\(yy < 30 ? 2000 + yy : 1900 + yy)" : "\(m)-\(String(decoding: b[4...], as: UTF8.self))"
        }
        let dash = b.count - 4
        let day = String(decoding: b[0..<dash], as: UTF8.self)
        return "\(month(b, at: dash + 1)!)-\(day)"
    }
}
