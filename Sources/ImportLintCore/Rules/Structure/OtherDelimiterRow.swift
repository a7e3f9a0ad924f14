/// Recognizes a row of an export with another delimiter appended to the file (`cat a.csv b.csv` of a comma
/// and a semicolon export, `Get-Content` of a CSV and a TSV): read with the file's delimiter it is ragged,
/// read with its own it has the header's cells. `RepeatedHeaderRule`, which keeps such rows away from the
/// record rules, asks it for every ragged record: their cells are not the columns' values, so one finding
/// names the cause instead of a ragged row, a missing value and a missing email each.
enum OtherDelimiterRow {
    /// The delimiters exports are written with: comma, semicolon (Excel and `-UseCulture` in much of
    /// Europe), tab, pipe.
    private static let delimiters: [UInt8] = [0x2C, 0x3B, 0x09, 0x7C]

    /// The other delimiter that splits the record into `headerCount` cells, when the file's does not.
    static func delimiter(of reader: CSVReader, headerCount: Int) -> UInt8? {
        guard headerCount >= 2, reader.fieldCount != headerCount else { return nil }
        let line = reader.rawLine
        return delimiters.first { $0 != reader.delimiter && cellCount(line, splitBy: $0) == headerCount }
    }

    static func message(_ reader: CSVReader, headerCount: Int, delimiter: UInt8) -> String {
        let effect = isEvident(headerCount)
            ? "so the import reads its rows into the wrong columns. No fix: export both files with the same delimiter, or convert the appended one before joining them"
            : "so the import reads it into the wrong columns. No fix: restore the row's delimiter at its source, or export both files with the same delimiter"
        return "Record has \(RecordShapeRule.cells(reader.fieldCount)) but the header has \(headerCount); \(cause(headerCount, delimiter)), \(effect)"
    }

    /// Why the record is ragged, for `fix`'s refusal as for the finding.
    static func cause(_ headerCount: Int, _ delimiter: UInt8) -> String {
        let split = "split by \(name(delimiter)) instead it has the header's \(headerCount)"
        return isEvident(headerCount) ? "\(split): an export written with \(name(delimiter)) was appended to this one (cat, Get-Content)"
            : "\(split), as one such character in a value would give too: either the row lost a delimiter or an export written with \(name(delimiter)) was appended to this one (cat, Get-Content)"
    }

    /// Whether a row split into the header's cells by another delimiter shows an appended export by itself:
    /// it takes two of them or more. In a two-column file one ';' (or tab, or '|') in a value of a row that
    /// lost its delimiter splits it as well, and the finding names both causes.
    private static func isEvident(_ headerCount: Int) -> Bool { headerCount >= 3 }

    private static func name(_ delimiter: UInt8) -> String {
        switch delimiter {
        case 0x09: return "tabs"
        case 0x3B: return "';'"
        case 0x7C: return "'|'"
        default: return "','"
        }
    }

    /// The cells `line` holds split by `delimiter`, a delimiter inside double quotes not counted.
    private static func cellCount(_ line: UnsafeBufferPointer<UInt8>, splitBy delimiter: UInt8) -> Int {
        var count = 1
        var quoted = false
        for byte in line {
            if byte == 0x22 { quoted.toggle() } else if byte == delimiter && !quoted { count += 1 }
        }
        return count
    }
}
