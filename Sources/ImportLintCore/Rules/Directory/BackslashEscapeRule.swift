extension RuleDescriptor {
    public static let backslashEscape = RuleDescriptor(
        code: "DIR010", name: "backslash-escape", severity: .warning, fix: .unsafe,
        summary: "A backslash escape ('\\t', '\\n', '\\\\') in an unquoted cell of a MySQL or PostgreSQL text export or of mysql's batch output",
        explanation: """
            MySQL's SELECT … INTO OUTFILE and PostgreSQL's COPY … TO (text format) write NULL as '\\N' and \
            escape with a backslash instead of quoting: a backslash as '\\\\', and PostgreSQL a tab, line \
            break or carriage return as '\\t', '\\n', '\\r' ('\\b', '\\f', '\\v' for the rarer controls, MySQL \
            a NUL as '\\0'). Neither 4me nor The Receptionist documents any escape in an import file: expect \
            the import to store the backslash and the letter as text ('Ann\\tLee'). Reported only in a file \
            with '\\N' cells: they show it is such an export. They are known from the findings of \
            placeholder-value or missing-value; only the columns those do not screen (columns the profile does \
            not know, or all when placeholder-value is deselected) are looked at for a '\\N', so a file \
            without such columns costs nothing. mysql's batch mode (mysql -B, or its output redirected to a \
            file) writes NULL as 'NULL' and escapes only a backslash, a tab, a line break and a NUL ('\\\\', \
            '\\t', '\\n', '\\0'): a tab-separated file with 'NULL' cells (known from placeholder-value's or \
            missing-value's findings) is read again, and taken for such output when it has no quoted cell and \
            every backslash in it starts one of those four escapes; a sqlcmd or bcp file's 'DOMAIN\\user' or \
            '\\\\server\\share' soon has a backslash before another letter. (A file whose every backslash \
            happens to come before t, n, 0 or another backslash, 'CORP\\tom', is taken for it too.) One finding per \
            cell, naming what each escape stands for; quoted cells are CSV and left alone, and a cell that is \
            '\\N' (or '\\n') alone is placeholder-value's. A cell ending in a backslash that escapes the delimiter \
            or the line break after it (MySQL's escaped field and line terminators) is reported too: the record \
            is split there, so it is also a ragged row. Decisions: \
            in an export with '\\N' cells, a cell whose only escapes are '\\\\' has an unsafe fix writing one \
            backslash for each (unsafe: '\\\\' may have been typed, as in a '\\\\server\\share' path), offered once \
            (batch output, only read as such, gets none: its 'NULL' cells stay, and a second fix would halve again): in the lint of \
            fix's output the escapes are still reported, without it; a tab or line break is not written \
            into a cell (the import reads a line break in a reference cell as several values), and '\\N' is \
            not emptied here (placeholder-value's fix does, unsafe: an empty cell clears the field in 4me). \
            The cure is to export again as CSV: MySQL FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' \
            ESCAPED BY '' (NULL is then written as the text NULL); PostgreSQL COPY … TO … WITH (FORMAT csv, \
            HEADER).
            """,
        triggeringExample: "Primary Email,Name,Job Title,Manager\nann@widget.com,Ann Lee,Sales\\tMarketing,\\N\n",
        cleanExample: "Primary Email,Name,Job Title,Manager\nann@widget.com,Ann Lee,\"Sales, Marketing\",\n")
}

/// The NULL of MySQL's and PostgreSQL's text exports ('\N') and of mysql's batch output ('NULL'), as the
/// findings that quote a cell show it: the sink notes them (`DiagnosticSink.sawSQLNull`, `sawNullText`) so
/// that `BackslashEscapeRule` knows the file is, or may be, such an export.
enum SQLNull {
    /// The rules whose findings quote a whole cell that can be '\N': placeholder-value, and missing-value
    /// for a placeholder in a required column.
    static func mayBeQuoted(byCode code: String) -> Bool {
        code == RuleDescriptor.placeholderValue.code || code == RuleDescriptor.missingValue.code
    }

    /// Whether the finding quotes a cell that is '\N' (its first two values: the cell and, from the value
    /// rules, the cell trimmed).
    static func isQuoted(by diagnostic: Diagnostic) -> Bool { quotes(diagnostic, marker) }

    static let marker = Array("\\N".utf8)

    /// Whether the finding quotes a cell that is 'NULL', as mysql's batch output writes NULL.
    static func quotesText(_ diagnostic: Diagnostic) -> Bool { quotes(diagnostic, text) }

    static let text = Array("NULL".utf8)

    private static func quotes(_ diagnostic: Diagnostic, _ cell: [UInt8]) -> Bool {
        diagnostic.values.prefix(2).contains { value in
            var copy = value
            return copy.withUTF8 { $0.trimmedASCII().elementsEqual(cell) }
        }
    }
}

/// What showed a file to be the text output of a SQL client that escapes with a backslash.
enum SQLTextExport: Sendable {
    /// '\N' cells: MySQL's SELECT … INTO OUTFILE or PostgreSQL's COPY … TO (text format).
    case escapedNulls
    /// mysql's batch mode (`mysql -B`, or its output redirected to a file): tab-separated without quoting,
    /// NULL written 'NULL', and every backslash starting one of its escapes.
    case batchOutput
}

/// Reads a file whose '\N' cells showed it to be a MySQL or PostgreSQL text export, or whose 'NULL' cells and
/// backslashes show it to be mysql's batch output, again when it ends, and reports each unquoted cell holding
/// the backslash escapes those exports write, and each cell ending in the backslash that escapes a delimiter
/// or line break (the record is split there).
final class BackslashEscapeRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.backslashEscape] }
    /// It reads the file itself in `finish`, and only when the findings showed a '\N' cell (or, in `fix`'s
    /// lint of its output, the input's did). The records are checked only for a '\N' in the columns whose
    /// findings would not show it (`unscreened`), which most files do not have.
    override var checksRecords: Bool { !unscreened.isEmpty }
    override var splitting: Splitting { unscreened.isEmpty ? .stateless : .merges }

    private let context: FileContext
    private let targetName: String
    /// Columns whose '\N' cells no placeholder-value or missing-value finding quotes: columns the profile
    /// does not know, and every column when both rules are deselected (required ones when only
    /// placeholder-value is).
    private let unscreened: [Int]
    /// A '\N' cell was met in an unscreened column.
    @exclusivity(unchecked) private var sawNullUnscreened = false

    init?(_ context: FileContext) {
        let selection = context.options.selection
        guard selection.isEnabled(.backslashEscape) else { return nil }
        self.context = context
        targetName = (context.profile?.target ?? .neutral).name
        let placeholders = selection.isEnabled(.placeholderValue), missing = selection.isEnabled(.missingValue)
        unscreened = context.bindings.indices.filter { i in
            guard let spec = context.bindings[i] else { return true }
            return !(placeholders || (missing && spec.valueRequired))
        }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // One memchr settles a record without a backslash, as most are: no cell of it can be '\N'.
        guard !sawNullUnscreened, reader.rawRecordContains(Self.backslash) else { return }
        for i in unscreened where i < reader.fieldCount {
            // Most cells are judged by their first byte: a '\N' cell starts with the backslash or a blank before it.
            let cell = reader.bytes(i)
            guard cell.count >= 2, cell[0] == 0x5C || cell[0] == 0x20 || cell[0] == 0x09,
                  cell.trimmedASCII().elementsEqual(SQLNull.marker) else { continue }
            sawNullUnscreened = true
            return
        }
    }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? BackslashEscapeRule else { return }
        sawNullUnscreened = sawNullUnscreened || later.sawNullUnscreened
    }

    override func finish(sink: DiagnosticSink) {
        if sawNullUnscreened { sink.noteSQLNull() }
        let shown: SQLTextExport? = sink.sawSQLNull ? .escapedNulls
            : sink.sawNullText && context.delimiter == 0x09 && readsAsBatchOutput() ? .batchOutput : nil
        sink.sqlTextExport = shown
        // In `fix`'s lints of its output the input's verdict holds, and no fix is offered again: a cell may
        // have been rewritten already ('\\\\fs01' to '\\fs01', which is no escape any more).
        let handedOn = context.options.sqlTextExport
        guard let export = shown ?? handedOn else { return }
        let evidence = Self.evidence(export, ownCells: shown != nil)
        do {
            try context.forEachRecord { reader, record in
                // One memchr over the record settles most records of the export: no cell of theirs has a backslash.
                guard reader.unterminatedQuote == nil, reader.rawRecordContains(Self.backslash) else { return }
                for i in 0..<reader.fieldCount where !reader.isQuoted(i) {
                    let cell = reader.bytes(i)
                    guard cell.contains(Self.backslash) else { continue }
                    if let escapes = Self.escapes(in: cell, export) {
                        report(escapes, export, evidence, offersFix: handedOn == nil && export == .escapedNulls, cell: i, reader: reader, record: record, sink: sink)
                    }
                    // mysql's batch mode escapes no delimiter or line break.
                    if export == .escapedNulls && Self.endsWithEscape(cell) {
                        reportSplit(evidence, cell: i, reader: reader, record: record, sink: sink)
                    }
                }
            }
        } catch {
            // The file was read a moment ago; if it vanished since, the cells read before were still reported.
        }
    }

    /// Whether the file, tab-separated with 'NULL' cells, reads as mysql's batch output: no quoted cell,
    /// every backslash starting one of the escapes it writes, and at least one such escape. Read again,
    /// stopping at the first record that says no: a sqlcmd or bcp file's 'DOMAIN\user' or UNC path
    /// ('\\\\fs01\\home') soon has a backslash before another letter.
    private func readsAsBatchOutput() -> Bool {
        struct NotBatchOutput: Error {}
        var escapes = 0
        do {
            try context.forEachRecord { reader, _ in
                guard reader.unterminatedQuote == nil else { throw NotBatchOutput() }
                let holdsBackslash = reader.rawRecordContains(Self.backslash)
                guard holdsBackslash || !reader.isOrdinary else { return }
                for i in 0..<reader.fieldCount {
                    guard !reader.isQuoted(i) else { throw NotBatchOutput() }
                    guard holdsBackslash else { continue }
                    let cell = reader.bytes(i)
                    var k = 0
                    while k < cell.count {
                        if cell[k] == Self.backslash {
                            guard k + 1 < cell.count, Self.batchEscapes.contains(cell[k + 1]) else { throw NotBatchOutput() }
                            escapes += 1
                            k += 2
                        } else {
                            k += 1
                        }
                    }
                }
            }
        } catch {
            return false
        }
        return escapes > 0
    }

    private static let backslash: UInt8 = 0x5C
    /// What follows the backslash of each escape mysql's batch mode writes: '\\\\', '\\t', '\\n', '\\0'.
    private static let batchEscapes: [UInt8] = [0x5C, 0x74, 0x6E, 0x30]

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
    private static func escapes(in cell: UnsafeBufferPointer<UInt8>, _ export: SQLTextExport) -> [UInt8]? {
        let trimmed = cell.trimmedASCII()
        if trimmed.count == 2 && trimmed[0] == backslash && trimmed[1] | 0x20 == 0x6E { return nil }
        var found: [UInt8] = []
        var i = 0
        while i + 1 < cell.count {
            if cell[i] == backslash {
                let next = cell[i + 1]
                let written = export == .escapedNulls ? meaning(next) != nil : batchEscapes.contains(next)
                if written && !found.contains(next) { found.append(next) }
                i += 2
            } else {
                i += 1
            }
        }
        return found.isEmpty ? nil : found
    }

    /// The cell ends in an odd run of backslashes: its last one escapes the delimiter or line break after it.
    private static func endsWithEscape(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var run = 0
        while run < cell.count && cell[cell.count - 1 - run] == backslash { run += 1 }
        return run % 2 == 1
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

    /// A cell ending in an escaping backslash: the export meant the delimiter (or line break) after it as
    /// part of the value, so the value goes on in the next cell (or line) and the record is ragged.
    private func reportSplit(_ evidence: String, cell index: Int, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.string(index)
        let last = index == reader.fieldCount - 1
        let escaped = last ? "the line break after it" : "the \(DelimiterSniffer.word(context.delimiter)) after it"
        let effect = last ? "the value goes on in the next line, which is read as another record"
            : "the value goes on in the next cell, so this record has a cell more than it should and its later cells are shifted"
        let position = reader.position(ofField: index)
        sink.emit(Diagnostic(
            rule: .backslashEscape, line: position.line, column: position.column, record: record,
            field: index < context.bindings.count ? context.bindings[index]?.name : nil,
            message: "'\(value)' ends with a backslash that escapes \(escaped), as MySQL's SELECT … INTO OUTFILE writes a delimiter or line break inside a value, and this file is such an export (\(evidence)): \(effect). \(targetName) documents no escapes in an import file; export again as CSV (quoted cells)",
            fieldIndex: index, values: [value]))
    }

    /// Why the file is taken for such an export: its own cells, or those of the file `fix` wrote it from.
    private static func evidence(_ export: SQLTextExport, ownCells: Bool) -> String {
        switch export {
        case .escapedNulls: ownCells ? "it has '\\N' cells, their NULL" : "the file fixed into it had '\\N' cells, their NULL"
        case .batchOutput:
            (ownCells ? "it is" : "the file fixed into it was")
                + " tab-separated without quoting, with 'NULL' cells, and every backslash starts one of those escapes"
        }
    }

    private func report(_ escapes: [UInt8], _ export: SQLTextExport, _ evidence: String, offersFix: Bool, cell index: Int,
                        reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.string(index)
        let listed = escapes.map { "'\\\(Character(UnicodeScalar($0)))' for \(Self.meaning($0)!)" }.joined(separator: ", ")
        let writer = export == .escapedNulls ? "MySQL's SELECT … INTO OUTFILE and PostgreSQL's COPY … TO write them"
            : "mysql's batch mode (mysql -B, or its output redirected to a file) writes them"
        let verdict = export == .escapedNulls ? "this file is such an export" : "this file reads as such output"
        var message = "'\(value)' holds backslash escapes as \(writer) (\(listed)); \(verdict) (\(evidence)). \(targetName) documents no escapes in an import file: expect it to store them as written"
        var fix: Fix?
        if escapes == [Self.backslash] && offersFix {
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
