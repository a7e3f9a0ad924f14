/// The line a UTF-16 file's damage makes on its own after the last line break: a lone byte at the end (half
/// of a code unit), or it and an unpaired surrogate, which the transcode writes as bytes that are never UTF-8
/// (`UTF16Surrogates`). That line is no record: it is one damage, reported once as invalid-utf8, not also as
/// a ragged row missing every value. `RepeatedHeaderRule`, which keeps the records that are no records from
/// the other rules, asks this in a UTF-16 file.
enum UTF16DamageLine {
    /// The record is one unquoted cell of nothing but the transcode's damage bytes.
    static func matches(_ reader: CSVReader) -> Bool {
        guard reader.fieldCount == 1, !reader.isQuoted(0) else { return false }
        let cell = reader.bytes(0)
        return !cell.isEmpty && cell.allSatisfy { $0 == UTF16Surrogates.oddByteMark || $0 == UTF16Surrogates.surrogateMark }
    }

    /// The record is one unquoted cell holding U+0A0D: the bytes CR LF read as one UTF-16LE code unit, a
    /// character Unicode does not assign and a UTF-16 file's own line breaks never give. It is 8-bit text
    /// (UTF-8 or a code page) appended to UTF-16 text, as `cat` or `copy /b` of a UTF-16LE export (Out-File)
    /// and a UTF-8 one leaves it: its bytes pair into meaningless characters, and with no U+000A among them
    /// the rest of the file is this one cell.
    static func holdsAppendedEightBitText(_ reader: CSVReader) -> Bool {
        guard reader.fieldCount == 1, !reader.isQuoted(0) else { return false }
        let cell = reader.bytes(0)
        var i = 0
        while i + 2 < cell.count {
            if cell[i] == 0xE0 && cell[i + 1] == 0xA8 && cell[i + 2] == 0x8D { return true }
            i += 1
        }
        return false
    }

    /// Reports 8-bit text appended to a UTF-16LE file (`holdsAppendedEightBitText`), once, at its line.
    static func reportAppendedEightBitText(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        reader.report(.invalidUTF8, to: sink, line: reader.line, column: 1, field: nil, record: record,
                      message: "From this line on the file holds 8-bit text (UTF-8 or a code page: its CR LF line breaks read as U+0A0D, which UTF-16 text never has) after UTF-16LE text, as `cat` or `copy /b` of a UTF-16LE export (Out-File) and a UTF-8 one leaves it; read as UTF-16LE it is one cell of meaningless characters, and how the import reads it is not documented. No fix: convert both exports to one encoding (UTF-8) before joining them")
    }

    /// Reports the line's damage as invalid-utf8 does everywhere else in a UTF-16 file.
    static func report(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for bad in reader.invalidUTF8 {
            let position = reader.position(of: bad)
            reader.report(.invalidUTF8, to: sink, line: position.line, column: position.column, field: nil, record: record,
                          message: ByteLevelRule.utf16DamageMessage(bad.badBytes))
        }
    }
}
