/// Recognizes the last record of one export and the header of the next on one line: the first export ended
/// without a line break (`Set-Content -NoNewline`, a script's `-join`, a file saved by hand) and joining the
/// files (`cat`, `type`, `copy /b`) ran the header on after the record's last cell. Read so, the line has
/// the header's cells twice less one: the record's last cell ends with the header's first cell, and the
/// header's other cells follow. `RecordShapeRule` names this cause in its ragged-row finding, and `fix`
/// in its refusal.
enum FusedHeaderRow {
    /// The record's own part of the cell the header copy starts in ('1003' of '1003"First Name'), when the
    /// record is such a line; `header` holds the header's cells folded (`RepeatedHeaderRule.folded`).
    static func recordEnd(of reader: CSVReader, header: [String]) -> String? {
        let width = header.count
        guard width >= 2, reader.fieldCount == 2 * width - 1, let first = header.first, !first.isEmpty else { return nil }
        for i in 1..<width where RepeatedHeaderRule.folded(reader.string(width - 1 + i)) != header[i] { return nil }
        // The quotes of a quoted header cell run on after a quoted record cell ('"1003""First Name"' reads as
        // '1003"First Name'); a byte-order mark of the appended file may stand between them.
        let fused = Array(reader.string(width - 1).unicodeScalars.reversed().drop { $0 == "\"" }.reversed())
        let copy = Array(first.unicodeScalars)
        guard fused.count >= copy.count,
              String(String.UnicodeScalarView(fused.suffix(copy.count))).lowercased() == first else { return nil }
        let own = fused.dropLast(copy.count).reversed().drop { $0 == "\"" || $0 == "\u{FEFF}" }.reversed()
        return String(String.UnicodeScalarView(own.first == "\"" ? Array(own.dropFirst()) : Array(own)))
    }

    static func message(_ reader: CSVReader, headerCount: Int, recordEnd: String) -> String {
        "Record has \(RecordShapeRule.cells(reader.fieldCount)) but the header has \(headerCount): \(cause(headerCount, recordEnd)). The import reads '\(recordEnd)' and the header's first cell run together as this record's last value, with \(headerCount - 1) cells more, and how it treats those is not documented. No fix: break the line before the header copy and remove the copy (or end the first export with a line break before joining them)"
    }

    /// Why the record is ragged, for `fix`'s refusal as for the finding.
    static func cause(_ headerCount: Int, _ recordEnd: String) -> String {
        "the header again starts inside cell \(headerCount), after '\(recordEnd)', as when an export that ends without a line break has another appended to it (cat, type, copy /b)"
    }
}
