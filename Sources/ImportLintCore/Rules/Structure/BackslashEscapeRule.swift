#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension RuleDescriptor {
    public static let backslashEscape = RuleDescriptor(
        code: "STR014", name: "backslash-escape", severity: .warning, fix: .unsafe,
        summary: "Backslash escapes of a MySQL or PostgreSQL text export ('Sales\\tEMEA', 'Room 2\\\\3') in a file with that export's '\\N' cells",
        explanation: """
            MySQL's SELECT ... INTO OUTFILE and PostgreSQL's COPY in text format write a missing value as '\\N' \
            and escape a value's special characters with a backslash: a tab as '\\t', a line break as '\\n', a \
            carriage return as '\\r', a backslash as '\\\\'. The import reads CSV or TSV, where a backslash is \
            text: it stores 'Sales\\tEMEA' with a backslash and a 't', and 'Room 2\\\\3' with two backslashes. \
            Reported only in a file that also holds a '\\N' cell, the export's mark, and only in cells whose \
            every backslash starts one of those four escapes: elsewhere a backslash is someone's text \
            ('CONTOSO\\jdoe'). A warning: no vendor rejects the text. The unsafe fix undoes the escaping \
            exactly; it is unsafe because the tab or line break it restores changes how the target reads the \
            cell (4me reads a line break as several values). Better: export again without escaping (MySQL \
            FIELDS ESCAPED BY '', PostgreSQL FORMAT csv).
            """,
        triggeringExample: "Primary Email\tName\tJob Title\tLocation\nann@example.com\tAnn Lee\tSales\\tEMEA\t\\N\n",
        cleanExample: "Primary Email\tName\tJob Title\tLocation\nann@example.com\tAnn Lee\tSales EMEA\t\n")
}

/// Cells escaped as MySQL's and PostgreSQL's text exports escape them, reported when the file ends if it
/// holds a '\N' cell too. A record is looked at only when its line holds a backslash (one memchr).
final class BackslashEscapeRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.backslashEscape] }
    private struct Escaped { let line: Int, column: Int, record: Int, field: Int, value: String }

    private let columnNames: [String]
    /// A cell of the file is exactly '\N', as these exports write a missing value.
    private var sawNullMark = false
    private var escaped: [Escaped] = []

    init?(_ context: FileContext) {
        guard context.options.selection.isEnabled(.backslashEscape) else { return nil }
        columnNames = context.header.indices.map { context.bindings[$0]?.name ?? context.header[$0] }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let line = reader.rawLine
        guard let base = line.baseAddress, memchr(base, 0x5C, line.count) != nil else { return }
        inspect(reader, record: record)
    }

    @inline(never)
    private func inspect(_ reader: CSVReader, record: Int) {
        for field in 0..<reader.fieldCount {
            let cell = reader.bytes(field)
            guard cell.contains(0x5C) else { continue }
            // '\N' is the export's missing value; a cell of '\n' alone is placeholder-value's (as '\N').
            if cell.count == 2 && cell[1] | 0x20 == 0x6E && cell[0] == 0x5C {
                if cell[1] == 0x4E { sawNullMark = true }
                continue
            }
            let value = reader.string(field)
            guard Self.unescaped(value) != nil else { continue }
            let position = reader.position(ofField: field)
            escaped.append(Escaped(line: position.line, column: position.column, record: record, field: field, value: value))
        }
    }

    /// `value` with the escapes undone, or nil when it has none or a backslash these exports do not write
    /// (they escape every backslash of the value: a lone one is the value's own text).
    static func unescaped(_ value: String) -> String? {
        var out = String.UnicodeScalarView()
        var escaping = false
        var escapes = 0
        for s in value.unicodeScalars {
            if escaping {
                switch s {
                case "\\": out.append("\\")
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: return nil
                }
                escaping = false
                escapes += 1
            } else if s == "\\" {
                escaping = true
            } else {
                out.append(s)
            }
        }
        return escaping || escapes == 0 ? nil : String(out)
    }

    override var splitting: Splitting { .merges }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? BackslashEscapeRule else { return }
        sawNullMark = sawNullMark || later.sawNullMark
        escaped += later.escaped.map {
            Escaped(line: $0.line, column: $0.column, record: $0.record + part.recordsBefore, field: $0.field, value: $0.value)
        }
    }

    override func finish(sink: DiagnosticSink) {
        guard sawNullMark else { return }
        for cell in escaped {
            guard let plain = Self.unescaped(cell.value) else { continue }
            sink.emit(Diagnostic(
                rule: .backslashEscape, line: cell.line, column: cell.column, record: cell.record, field: columnNames[cell.field],
                message: "'\(cell.value)' holds the backslash escapes of a MySQL or PostgreSQL text export ('\\t' a tab, '\\n' a line break, '\\\\' a backslash; the file's '\\N' cells are that export's mark): the import reads a backslash as text and stores the value as written",
                fix: Fix(.unsafe, "Undo the export's escaping", replacement: plain), fieldIndex: cell.field, values: [cell.value, plain]))
        }
    }
}
