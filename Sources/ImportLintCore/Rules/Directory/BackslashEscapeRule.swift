extension RuleDescriptor {
    public static let backslashEscape = RuleDescriptor(
        code: "DIR010", name: "backslash-escape", severity: .warning, fix: .unsafe,
        summary: "A backslash escape ('\\t', '\\n', '\\\\') in an unquoted cell of a MySQL or PostgreSQL text export",
        explanation: """
            MySQL's SELECT … INTO OUTFILE and PostgreSQL's COPY … TO (text format) write NULL as '\\N' and \
            escape with a backslash instead of quoting: a backslash as '\\\\', and PostgreSQL a tab, line \
            break or carriage return as '\\t', '\\n', '\\r' ('\\b', '\\f', '\\v' for the rarer controls, MySQL \
            a NUL as '\\0'). Neither 4me nor The Receptionist documents any escape in an import file: expect \
            the import to store the backslash and the letter as text ('Ann\\tLee'). Reported only in a file \
            with '\\N' cells (which placeholder-value or missing-value report): they show it is such an \
            export, and nothing else is screened, so a file without them costs nothing. One finding per \
            cell, naming what each escape stands for; quoted cells are CSV and left alone, and a cell that is \
            '\\N' (or '\\n') alone is placeholder-value's. A backslash before a delimiter or at the end of a line (MySQL's \
            escaped delimiter and line break) splits the record and is reported as a ragged row. Decisions: \
            a cell whose only escapes are '\\\\' has an unsafe fix writing one backslash for each (unsafe: \
            '\\\\' may have been typed, as in a '\\\\server\\share' path); a tab or line break is not written \
            into a cell (the import reads a line break in a reference cell as several values), and '\\N' is \
            not emptied here (placeholder-value's fix does, unsafe: an empty cell clears the field in 4me). \
            The cure is to export again as CSV: MySQL FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' \
            ESCAPED BY '' (NULL is then written as the text NULL); PostgreSQL COPY … TO … WITH (FORMAT csv, \
            HEADER).
            """,
        triggeringExample: "Primary Email,Name,Job Title,Manager\nann@widget.com,Ann Lee,Sales\\tMarketing,\\N\n",
        cleanExample: "Primary Email,Name,Job Title,Manager\nann@widget.com,Ann Lee,\"Sales, Marketing\",\n")
}

/// The NULL of MySQL's and PostgreSQL's text exports, as the findings that quote a cell show it: the sink
/// notes it (`DiagnosticSink.sawSQLNull`) so that `BackslashEscapeRule` knows the file is such an export.
enum SQLNull {
    /// The rules whose findings quote a whole cell that can be '\N': placeholder-value, and missing-value
    /// for a placeholder in a required column.
    static func mayBeQuoted(byCode code: String) -> Bool {
        code == RuleDescriptor.placeholderValue.code || code == RuleDescriptor.missingValue.code
    }

    /// Whether the finding quotes a cell that is '\N' (its first two values: the cell and, from the value
    /// rules, the cell trimmed).
    static func isQuoted(by diagnostic: Diagnostic) -> Bool {
        diagnostic.values.prefix(2).contains { value in
            var copy = value
            return copy.withUTF8 { $0.trimmedASCII().elementsEqual(marker) }
        }
    }

    private static let marker = Array("\\N".utf8)
}

/// Reads a file whose '\N' cells showed it to be a MySQL or PostgreSQL text export again when it ends,
/// and reports each unquoted cell holding the backslash escapes those exports write.
final class BackslashEscapeRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.backslashEscape] }
    /// It reads the file itself in `finish`, and only when the findings showed a '\N' cell (or, in `fix`'s
    /// lint of its output, the input's did).
    override var checksRecords: Bool { false }
    override var splitting: Splitting { .stateless }

    private let context: FileContext
    private let targetName: String

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.backslashEscape) else { return nil }
        self.context = context
        targetName = (context.profile?.target ?? .neutral).name
    }

    override func finish(sink: DiagnosticSink) {
        guard sink.sawSQLNull || context.options.sqlTextExport else { return }
        do {
            try context.forEachRecord { reader, record in
                // One memchr over the record settles most records of the export: no cell of theirs has a backslash.
                guard reader.unterminatedQuote == nil, reader.rawRecordContains(Self.backslash) else { return }
                for i in 0..<reader.fieldCount where !reader.isQuoted(i) {
                    let cell = reader.bytes(i)
                    guard cell.contains(Self.backslash), let escapes = Self.escapes(in: cell) else { continue }
                    report(escapes, cell: i, reader: reader, record: record, sink: sink)
                }
            }
        } catch {
            // The file was read a moment ago; if it vanished since, the cells read before were still reported.
        }
    }

    private static let backslash: UInt8 = 0x5C

    /// What the escapes these exports write stand for, by the byte after the backslash.
    private static func meaning(_ byte: UInt8) -> String? {
        switch byte {
        case 0x5C: "one backslash"
        case 0x74: "a tab"
        case 0x6E: "a line break"
        case 0x72: "a carriage return"
        case 0x30: "a NUL byte"
        case 0x62: "a backspace"
        case 0x66: "a form feed"
        case 0x76: "a vertical tab"
        default: nil
        }
    }

    /// The escapes of a cell in the order met ('\\n' is one backslash, then 'n'), each once; nil when it
    /// has none, or is '\N' or '\n' alone: placeholder-value reports those (it matches case aside).
    private static func escapes(in cell: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let trimmed = cell.trimmedASCII()
        if trimmed.count == 2 && trimmed[0] == backslash && trimmed[1] | 0x20 == 0x6E { return nil }
        var found: [UInt8] = []
        var i = 0
        while i + 1 < cell.count {
            if cell[i] == backslash {
                let next = cell[i + 1]
                if meaning(next) != nil && !found.contains(next) { found.append(next) }
                i += 2
            } else {
                i += 1
            }
        }
        return found.isEmpty ? nil : found
    }

    /// The cell with each '\\\\' written as one backslash (its only escapes).
    private static func halvingBackslashes(_ cell: UnsafeBufferPointer<UInt8>) -> String {
        var bytes: [UInt8] = []
        var i = 0
        while i < cell.count {
            bytes.append(cell[i])
            i += cell[i] == backslash && i + 1 < cell.count && cell[i + 1] == backslash ? 2 : 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func report(_ escapes: [UInt8], cell index: Int, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.string(index)
        let evidence = sink.sawSQLNull ? "it has '\\N' cells, their NULL" : "the file fixed into it had '\\N' cells, their NULL"
        let listed = escapes.map { "'\\\(Character(UnicodeScalar($0)))' for \(Self.meaning($0)!)" }.joined(separator: ", ")
        var message = "'\(value)' holds backslash escapes as MySQL's SELECT … INTO OUTFILE and PostgreSQL's COPY … TO write them (\(listed)); this file is such an export (\(evidence)). \(targetName) documents no escapes in an import file: expect it to store them as written"
        var fix: Fix?
        if escapes == [Self.backslash] {
            fix = Fix(.unsafe, "Write each '\\\\' as one backslash, as the export meant (unsafe: '\\\\' may have been typed)",
                      replacement: Self.halvingBackslashes(reader.bytes(index)))
        } else {
            message += "; export again as CSV (quoted cells) rather than decode them into the cell"
        }
        let position = reader.position(ofField: index)
        sink.emit(Diagnostic(rule: .backslashEscape, line: position.line, column: position.column, record: record,
                             field: index < context.bindings.count ? context.bindings[index]?.name : nil, message: message,
                             fix: fix, fieldIndex: index, values: [value]))
    }
}
