extension RuleDescriptor {
    public static let backslashEscape = RuleDescriptor(
        code: "DIR010", name: "backslash-escape", severity: .warning,
        summary: "A backslash escape (\\t, \\n, \\\\) of a MySQL or PostgreSQL text export in a cell",
        explanation: """
            MySQL's SELECT ... INTO OUTFILE and PostgreSQL's COPY in text format write NULL as '\\N' and escape \
            the characters they use themselves: a tab in a value as '\\t', a line break as '\\n', a backslash \
            as '\\\\' (MySQL also '\\0', '\\b', '\\r', '\\Z'; PostgreSQL '\\b', '\\f', '\\r', '\\v'). A CSV \
            import does not decode them: it stores the backslash and the letter, so 'Sales\\tNorth' becomes the \
            job title as written and 'CORP\\\\ann' keeps both backslashes. Reported only in a file that has \
            '\\N' cells (placeholder-value reports those), which is what shows the file is such an export: \
            elsewhere a backslash is text ('DOMAIN\\nancy'). The file is read a second time for them, at its \
            end, so files without '\\N' cost nothing. No fix: decoding the escapes is the exporter's job \
            (MySQL: FIELDS ESCAPED BY ''; PostgreSQL: COPY ... WITH (FORMAT csv), which quotes instead), and \
            a decoded tab or line break may not be what the target should hold either.
            """,
        triggeringExample: "Primary Email,Name,Job Title\nann@widget.com,Ann Lee,\\N\nbob@widget.com,Bob Ray,Sales\\tNorth\n",
        cleanExample: "Primary Email,Name,Job Title\nann@widget.com,Ann Lee,\nbob@widget.com,Bob Ray,Sales North\n")
}

/// Reports the backslash escapes of a MySQL or PostgreSQL text export. The value rules' placeholder screen
/// notes a '\N' cell, MySQL's and PostgreSQL's NULL in such an export; only then, when the file ends, is it
/// read again for escapes.
enum BackslashEscape {
    /// True for the trimmed cell '\N'.
    @inline(__always)
    static func isSQLNull(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.count == 2 && cell[0] == 0x5C && cell[1] == 0x4E
    }

    static func report(_ context: FileContext, sink: DiagnosticSink) {
        guard sink.isEnabled(.backslashEscape) else { return }
        let columnNames = context.bindings.map { $0?.name }
        try? context.forEachRecord { reader, record in
            reader.columnNames = columnNames
            for field in 0..<reader.fieldCount {
                let cell = reader.bytes(field)
                guard cell.contains(0x5C), !isPlaceholder(cell.trimmedASCII()), let escape = firstEscape(cell) else { continue }
                let text = String(decoding: cell, as: UTF8.self)
                reader.report(.backslashEscape, to: sink, field: field, record: record,
                              message: "'\(text)' holds '\\\(escape.letter)', the escape MySQL's and PostgreSQL's text exports write for \(escape.meaning) (this file's '\\N' cells are their NULL): the import does not decode it and stores the backslash and the letter; export with FIELDS ESCAPED BY '' (MySQL) or COPY ... WITH (FORMAT csv) (PostgreSQL)")
            }
        }
    }

    /// '\N' or '\n' alone: placeholder-value's finding (one damage, one finding).
    private static func isPlaceholder(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.count == 2 && cell[0] == 0x5C && (cell[1] == 0x4E || cell[1] == 0x6E)
    }

    /// What the escapes stand for, by the byte after the backslash.
    private static let meanings: [UInt8: String] = [
        0x5C: "a backslash", 0x74: "a tab", 0x6E: "a line break", 0x72: "a carriage return", 0x30: "a NUL byte",
        0x62: "a backspace", 0x66: "a form feed", 0x76: "a vertical tab", 0x5A: "Ctrl-Z",
    ]

    /// The cell's first escape, read from the left ('\\n' is an escaped backslash, then 'n').
    private static func firstEscape(_ cell: UnsafeBufferPointer<UInt8>) -> (letter: Character, meaning: String)? {
        var i = 0
        while i + 1 < cell.count {
            if cell[i] == 0x5C {
                if let meaning = meanings[cell[i + 1]] { return (Character(Unicode.Scalar(cell[i + 1])), meaning) }
                i += 2
            } else {
                i += 1
            }
        }
        return nil
    }
}
