extension RuleDescriptor {
    public static let malformedQuote = RuleDescriptor(
        code: "STR009", name: "malformed-quote", severity: .error, fix: .sometimes,
        summary: "A quote where RFC 4180 allows none: inside an unquoted cell, after a closing quote, or not doubled inside a quoted cell",
        explanation: "RFC 4180 allows a quote only around a whole cell and, doubled, inside one. `Ann \"Bee\" Lee`, `\"Ann\" Marie` and `\"Dave \"The Rock\"\"` break that rule: spreadsheets guess (the last two lose their quotes or keep stray ones: `Ann Marie`, `Dave The Rock\"\"`), strict CSV readers reject the line. The message shows how the cell reads. `fix` refuses such a file (it cannot know what was meant) unless --force, which writes each cell as read, properly quoted, and reports it. In a TSV a quote inside an unquoted cell is only a warning: plain TSV (a SQL or console export) has no quoting and the quote is text; the safe fix quotes the cell and doubles the quote, which keeps that text for an import that reads quoted cells, as 4me does in TSV. A byte-order mark right before a whole quoted value (`\\uFEFF\"Ann\"`) is what `cat` or `copy /b` leaves where an export written with a BOM (Export-Csv -Encoding UTF8, Excel's \"CSV UTF-8\") was appended: the mark keeps the quote from opening the cell. The safe fix removes the mark, and the cell reads as the exporter quoted it.",
        triggeringExample: "Name,Job Title\n\"Dave \"The Rock\"\",Actor", cleanExample: "Name,Job Title\n\"Dave \"\"The Rock\"\"\",Actor")
}

/// Reports each quote the reader found out of place, at the quote (or the text after a closing quote).
final class MalformedQuoteRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var reports: [RuleDescriptor]? { [.malformedQuote] }
    let isTSV: Bool

    init(delimiter: UInt8) { isTSV = delimiter == 0x09 }

    /// A quote inside an unquoted TSV cell is plain text: quoting the cell keeps it exactly, so `fix`
    /// goes ahead; every other misplaced quote leaves the cell's text a guess.
    static func isPlainText(_ quote: MalformedQuote, delimiter: UInt8) -> Bool {
        quote.kind == .quoteInUnquotedCell && delimiter == 0x09
    }

    /// Whether the cell's text is certain: plain TSV text, or a whole quoted value behind a byte-order mark.
    static func isExact(_ quote: MalformedQuote, in reader: CSVReader, delimiter: UInt8) -> Bool {
        isPlainText(quote, delimiter: delimiter)
            || quote.kind == .quoteInUnquotedCell && quotedBehindByteOrderMark(reader.string(quote.field)) != nil
    }

    /// The value of a cell written quoted behind a byte-order mark ('\u{FEFF}"Ann ""Bee"" Lee"' reads as
    /// 'Ann "Bee" Lee'): the first cell of an export with a BOM appended to another file. The mark keeps the
    /// quote from opening the cell, so the reader keeps mark and quotes. Nil unless the rest is one whole
    /// quoted value, every quote inside it doubled.
    static func quotedBehindByteOrderMark(_ cell: String) -> String? {
        let scalars = Array(cell.unicodeScalars)
        guard scalars.count >= 3, scalars[0] == "\u{FEFF}", scalars[1] == "\"", scalars[scalars.count - 1] == "\"" else { return nil }
        var value = String.UnicodeScalarView()
        var i = 2
        while i < scalars.count - 1 {
            if scalars[i] == "\"" {
                guard i + 1 < scalars.count - 1, scalars[i + 1] == "\"" else { return nil }
                i += 1
            }
            value.append(scalars[i])
            i += 1
        }
        return String(value)
    }

    override var checksSwallowedRecords: Bool { true }
    override var ignoresOrdinaryRecords: Bool { true }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) { scan(reader, record: nil, sink: sink) }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        if !reader.malformedQuotes.isEmpty { scan(reader, record: record, sink: sink) }
    }

    private func scan(_ reader: CSVReader, record: Int?, sink: DiagnosticSink) {
        for quote in reader.malformedQuotes {
            let position = reader.position(of: quote)
            let value = reader.string(quote.field)
            let message: String
            var severity: Severity?
            var fix: Fix?
            switch quote.kind {
            case .quoteInUnquotedCell where Self.quotedBehindByteOrderMark(value) != nil:
                let meant = Self.quotedBehindByteOrderMark(value)!
                message = "Byte-order mark before the quote that opens the cell, where an export written with a BOM (Export-Csv -Encoding UTF8, Excel's \"CSV UTF-8\") was appended to this file (cat, copy /b): the mark keeps the quote from opening the cell, so strict CSV readers reject the line and others keep the mark and the quotes in the value; without the mark the cell reads as '\(meant)'"
                fix = Fix(.safe, "Remove the byte-order mark: the cell reads as '\(meant)'", replacement: meant)
            case .quoteInUnquotedCell where isTSV:
                message = "Quote inside a cell that is not quoted: plain TSV keeps it as text, but an import that reads quoted cells in TSV (4me does, for line breaks) may not, and the vendors do not document it; quote the cell and double the quote to be sure"
                severity = .warning
                fix = Fix(.safe, "Quote the cell and double its quotes (its text stays the same)", replacement: value)
            case .quoteInUnquotedCell:
                message = "Quote inside a cell that is not quoted: spreadsheets keep it as text, strict CSV readers reject the line; quote the cell and double the quote (\"...\"\"...\")"
            case .textAfterClosingQuote:
                message = "Text after the closing quote of a quoted cell: the cell reads as '\(value)' and strict CSV readers reject the line; quote the whole value"
            case .strayQuoteInQuotedCell:
                message = "Quote inside a quoted cell that is not doubled: it closes the cell early, so the cell reads as '\(value)'; write a quote inside a quoted cell as \"\""
            }
            let escaped = quote.kind != .quoteInUnquotedCell && reader.followsBackslash(quote)
                ? "; the quote follows a backslash (\\\"), as MySQL's SELECT … INTO OUTFILE and programs escape a quote, which CSV does not read: export it again with quotes doubled" : ""
            reader.report(.malformedQuote, to: sink, line: position.line, column: position.column, field: quote.field,
                          record: record, message: message + escaped, fix: fix, values: [value], severity: severity)
        }
    }
}
