extension RuleDescriptor {
    public static let sqlClientOutput = RuleDescriptor(
        code: "STR012", name: "sql-client-output", severity: .error, fix: .safe,
        summary: "A SQL client's underline row, row count or message line in the file",
        explanation: "A file saved from a SQL client's output (sqlcmd without -h -1 and SET NOCOUNT ON, psql) has a line of dashes under the header ('----,-----', or psql's '----+-----') and a row count at the end ('(2 rows affected)', '(2 rows)'). The import reads every line after the first as a record, so it would try to import a person whose cells are dashes or a count. A record counts as an underline when every cell is only dashes, one of them at least three ('-' alone is a placeholder); as a row count when it is one cell of a digit count in parentheses in a file of two or more columns. Its cells are not checked as values. A client's message printed into the file above the header (sqlcmd's 'Changed database context to 'HR'.' for a USE statement with -o, mysql's password warning redirected with 2>&1) would be read as the header, so no column would be found: importlint recognizes these exact texts, skips the line and lints the rest; 4me reads the first line as the header (an error), The Receptionist's documents do not say (a warning). The fix removes the line, which is safe: it holds no data.",
        triggeringExample: "Name,Primary Email\n----,-------------\nAnn,ann@example.com\n(1 row affected)",
        cleanExample: "Name,Primary Email\nAnn,ann@example.com")
}

/// Recognizes the lines a SQL client prints around a result set. `RepeatedHeaderRule`, which keeps the
/// records that are not records away from the other rules, asks it first.
enum SQLClientOutput {
    static let removal = RemovedLineWording(one: "Removed 1 SQL client line", many: "Removed %d SQL client lines")

    /// What the record is, as the finding says it, or nil for an ordinary record.
    static func describe(_ reader: CSVReader, headerCount: Int) -> String? {
        guard headerCount >= 2, let first = reader.bytes(0).first(where: { $0 != 0x20 }) else { return nil }
        if first == 0x2D, reader.fieldCount == headerCount, isUnderline(reader) {
            return "Line of dashes under the header, as sqlcmd and other SQL clients print it; the import would read it as a record"
        }
        if first == 0x2D, reader.fieldCount == 1, isJoinedUnderline(reader.bytes(0)) {
            return "Line of dashes under the header, as psql prints it ('----+----'); the import would read it as a record"
        }
        if first == 0x28, reader.fieldCount == 1, isRowCount(reader.bytes(0)) {
            let text = String(decoding: reader.bytes(0).trimmedASCII(), as: UTF8.self)
            return "SQL client's row count '\(text)' (sqlcmd without SET NOCOUNT ON, psql); the import would read it as a record"
        }
        return nil
    }

    /// Every cell is dashes, trimmed of spaces, and one at least three: a row of '-' placeholders is not one.
    private static func isUnderline(_ reader: CSVReader) -> Bool {
        var longest = 0
        for i in 0..<reader.fieldCount {
            let cell = reader.bytes(i).trimmedASCII()
            guard !cell.isEmpty, cell.allSatisfy({ $0 == 0x2D }) else { return false }
            longest = max(longest, cell.count)
        }
        return longest >= 3
    }

    /// psql's underline in its aligned format, one cell since its columns are joined by '+' where the
    /// header's are by '|': only dashes and '+', with a '+' and three dashes at least.
    private static func isJoinedUnderline(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let cell = raw.trimmedASCII()
        guard cell.allSatisfy({ $0 == 0x2D || $0 == 0x2B }), cell.contains(0x2B) else { return false }
        return cell.lazy.filter { $0 == 0x2D }.count >= 3
    }

    /// '(' digits, a space, then anything but parentheses, ')': '(2 rows affected)', '(1 Zeile betroffen)'.
    private static func isRowCount(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let cell = raw.trimmedASCII()
        guard cell.count >= 4, cell.first == 0x28, cell.last == 0x29 else { return false }
        var i = 1
        while i < cell.count && (0x30...0x39).contains(cell[i]) { i += 1 }
        guard i > 1, i < cell.count - 1, cell[i] == 0x20 else { return false }
        return !cell[(i + 1)..<(cell.count - 1)].contains { $0 == 0x28 || $0 == 0x29 }
    }
}
