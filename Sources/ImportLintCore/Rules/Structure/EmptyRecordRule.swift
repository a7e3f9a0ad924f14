extension RuleDescriptor {
    public static let emptyRecord = RuleDescriptor(
        code: "STR013", name: "empty-record", severity: .error, fix: .safe,
        summary: "A record whose every cell is empty (',,,,' from Excel, '\"\",\"\"' from Export-Csv)",
        explanation: "Excel saves rows whose cells were once formatted or cleared as a line of delimiters (',,,,'), and PowerShell's Export-Csv writes an object with no values as '\"\",\"\",\"\"'. The import reads such a line as a record with every field empty: it names no record to update and cannot create one without the required values (4me: Name and Primary Email; The Receptionist: First Name and Last Name), so it fails. A line holding only the end-of-file mark Ctrl-Z (0x1A), which `copy a.csv+b.csv all.csv` appends (text mode, its default when joining files), is such a record too. Reported once for the record instead of once per empty cell; a warning when the profile requires no column (what the import does then is not documented). The fix removes the line, which is safe: it holds no value.",
        triggeringExample: "Primary Email,Name\nann@example.com,Ann Lee\n,",
        cleanExample: "Primary Email,Name\nann@example.com,Ann Lee")
}

/// Recognizes records with no value in any cell. `RepeatedHeaderRule`, which keeps the records that are
/// not records away from the other rules, asks it: each empty cell would otherwise be a finding of its own.
struct EmptyRecord {
    static let removal = RemovedLineWording(one: "Removed 1 empty record", many: "Removed %d empty records")

    /// The profile's required columns, present in the file or not, which the message names.
    private let required: [String]
    private let hasProfile: Bool

    init(_ context: FileContext) {
        required = context.profile?.columns.filter(\.valueRequired).map(\.name) ?? []
        hasProfile = context.profile != nil
    }

    /// Ctrl-Z, which DOS tools and `copy` in text mode write at the end of a file.
    static let endOfFileMark: UInt8 = 0x1A

    /// The record is the end-of-file mark alone (spaces and tabs aside): no value, not a control character in one.
    static func isEndOfFileMark(_ reader: CSVReader) -> Bool {
        reader.fieldCount == 1 && !reader.isQuoted(0) && reader.bytes(0).trimmedASCII().elementsEqual([endOfFileMark])
    }

    /// Every cell is empty or only spaces and tabs, quoted or not.
    static func isEmpty(_ reader: CSVReader) -> Bool {
        for i in 0..<reader.fieldCount where !reader.bytes(i).trimmedASCII().isEmpty { return false }
        return true
    }

    func report(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let cells = Self.isEndOfFileMark(reader)
            ? "it holds only the end-of-file mark Ctrl-Z (0x1A) that `copy a.csv+b.csv all.csv` appends when joining files (text mode)"
            : reader.fieldCount == 1 ? "its one cell is empty" : "all \(reader.fieldCount) cells are empty"
        let message = required.isEmpty
            ? "Record has no values: \(cells); \(hasProfile ? "the profile requires no column" : "with no profile, no column is known to be required"), and what the import does with an empty record is not documented"
            : "Record has no values: \(cells), so it names no record to update and lacks the required \(required.listed()); the import fails it"
        reader.report(.emptyRecord, to: sink, line: reader.line, column: 1, field: nil, record: record, message: message,
                      fix: Fix(.safe, "Remove the line", .removeLine(Self.removal)), severity: required.isEmpty ? .warning : nil)
    }
}
