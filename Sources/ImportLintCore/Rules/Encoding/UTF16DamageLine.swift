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

    /// Reports the line's damage as invalid-utf8 does everywhere else in a UTF-16 file.
    static func report(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for bad in reader.invalidUTF8 {
            let position = reader.position(of: bad)
            reader.report(.invalidUTF8, to: sink, line: position.line, column: position.column, field: nil, record: record,
                          message: ByteLevelRule.utf16DamageMessage(bad.badBytes))
        }
    }
}
