extension RuleDescriptor {
    public static let surroundingWhitespace = RuleDescriptor(
        code: "TXT006", name: "surrounding-whitespace", severity: .warning, fix: .safe,
        summary: "A cell or header starts or ends with spaces",
        explanation: "Imports compare values exactly: 'frank@widget.com ' does not match the existing person, 'Widget USA ' is not the organization 'Widget USA', and a header ' Name' is an unknown column (where the profile says to assume exact header matching, 4me, unknown-column reports such a header as an error, the field being dropped, and this rule leaves it). The fix trims the spaces (including no-break spaces), except a no-break space that ends UTF-8 text misread as Windows-1252 ('Voilà' read so is 'VoilÃ' and a no-break space, Korean '신' is 'ì‹' and one): it is the last byte of a letter, which the mojibake repair can restore only while it is there, so the finding offers no trim. An ideographic space (U+3000, typed by a Japanese, Chinese or Korean input method in full-width mode) at either end is reported too, with an unsafe fix: whether an import trims it is not documented, and spaces inside the value stay.",
        triggeringExample: "Name\n\"Ann \"", cleanExample: "Name\nAnn")
}

/// Leading or trailing spaces, tabs or no-break spaces in any cell, header cells included.
final class SurroundingWhitespaceRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    override var reports: [RuleDescriptor]? { [.surroundingWhitespace] }
    override var ignoresOrdinaryRecords: Bool { true }
    /// Header cells that differ from their column only by the spaces around it where header-columns reports
    /// them as a column the import drops (4me: assume exact header matching), so that the cell gets one
    /// finding and one fix.
    private let headerCellsLeft: Set<Int>

    init(_ context: FileContext) {
        guard context.options.selection.isEnabled(.unknownColumn) else { headerCellsLeft = []; return }
        headerCellsLeft = Set(context.matches.indices.filter { i in
            context.matches[i].column == context.header[i].trimmingWhitespace() && HeaderColumnsRule.renames(i, context: context)
        })
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) { scan(reader, record: nil, sink: sink) }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // The reader saw every cell's ends while splitting the record: most records need no look at all.
        guard reader.mayHaveWhitespaceAtEdges else { return }
        scan(reader, record: record, sink: sink)
    }

    /// Out of line: `check` then saves no registers for the records the reader's flag settles.
    @inline(never)
    private func scan(_ reader: CSVReader, record: Int?, sink: DiagnosticSink) {
        for i in 0..<reader.fieldCount where record != nil || !headerCellsLeft.contains(i) {
            let b = reader.bytes(i)
            guard let first = b.first, let last = b.last else { continue }
            if Self.isSpaceStart(first, b) || Self.isSpaceEnd(last, b) {
                let value = reader.string(i)
                let trimmed = Whitespace.trim(value)
                let which = trimmed.isEmpty ? "only whitespace" : (Self.isSpaceStart(first, b) ? (Self.isSpaceEnd(last, b) ? "leading and trailing whitespace" : "leading whitespace") : "trailing whitespace")
                let halfLetter = MisreadUTF8.endsInHalfLetter(value)
                reader.report(.surroundingWhitespace, to: sink, field: i, record: record,
                              message: "'\(value)' has \(which)" + (halfLetter ? Self.halfLetterNote : ""),
                              fix: halfLetter ? nil : Fix(.safe, trimmed.isEmpty ? "Empty the cell" : "Trim to '\(trimmed)'", replacement: trimmed),
                              values: [value, trimmed])
            }
        }
    }

    static let halfLetterNote = "; not trimmed automatically: the no-break space at its end is likely the last byte of a UTF-8 letter read as Windows-1252 ('à' so read is 'Ã' and a no-break space), which only the mojibake repair can restore"

    @inline(__always)
    static func isSpaceStart(_ b: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        b == 0x20 || b == 0x09 || (b == 0xC2 && bytes.count > 1 && bytes[1] == 0xA0)
    }

    @inline(__always)
    static func isSpaceEnd(_ b: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        b == 0x20 || b == 0x09 || (b == 0xA0 && bytes.count > 1 && bytes[bytes.count - 2] == 0xC2)
    }
}

/// The whitespace importlint trims: ASCII space and tab, and the no-break space that Excel and HTML add.
public enum Whitespace {
    public static func trim(_ s: String) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isTrimmable(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isTrimmable(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    static func isTrimmable(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{A0}" }

    /// Whether the bytes start or end with a no-break space (U+00A0, C2 A0), which `trim` removes too.
    static func mayEndInNoBreakSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xC2 && bytes[1] == 0xA0) || (bytes[bytes.count - 2] == 0xC2 && bytes[bytes.count - 1] == 0xA0))
    }
}
