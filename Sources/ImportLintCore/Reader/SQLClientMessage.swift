/// A message a SQL client prints above its result set, which lands in the file when the client writes its
/// messages and its rows to one place (`sqlcmd -o`, `> file 2>&1`). Only exact texts are recognized: a
/// line so read is skipped above the header and removed by the fix, so it must hold no data.
struct SQLClientMessage: Equatable {
    /// Who prints it, as the finding starts ("sqlcmd's").
    let source: String
    /// Why it is printed and how to leave it out.
    let cause: String

    private init(source: String, cause: String) {
        self.source = source
        self.cause = cause
    }

    private struct Pattern {
        let prefix: [UInt8]
        /// What ends the line after the prefix and a name: empty when the prefix is the whole message.
        let suffix: [UInt8]
        let message: SQLClientMessage
    }

    private static let patterns: [Pattern] = [
        // SQL Server's informational message 5701, for a USE statement.
        Pattern(prefix: Array("Changed database context to '".utf8), suffix: Array("'.".utf8),
                message: SQLClientMessage(source: "sqlcmd's", cause: "SQL Server's message for a USE statement; sqlcmd's -d option instead of USE, or -m 1, leaves it out")),
        // Message 5703, for SET LANGUAGE or a login's default language.
        Pattern(prefix: Array("Changed language setting to ".utf8), suffix: Array(".".utf8),
                message: SQLClientMessage(source: "sqlcmd's", cause: "SQL Server's message for SET LANGUAGE; sqlcmd's -m 1 leaves it out")),
        // The mysql client's warning on its error output, in the file when that was redirected with the rows.
        Pattern(prefix: Array("mysql: [Warning] Using a password on the command line interface can be insecure.".utf8), suffix: [],
                message: SQLClientMessage(source: "mysql's", cause: "a warning on its error output, redirected into the file with 2>&1; an option file or MYSQL_PWD avoids it")),
        Pattern(prefix: Array("Warning: Using a password on the command line interface can be insecure.".utf8), suffix: [],
                message: SQLClientMessage(source: "mysql's", cause: "a warning on its error output, redirected into the file with 2>&1; an option file or MYSQL_PWD avoids it")),
    ]

    /// The message `line` (without its line break) is, spaces at its end aside; nil when it is not one.
    init?(line: UnsafeBufferPointer<UInt8>) {
        var end = line.count
        while end > 0 && (line[end - 1] == 0x20 || line[end - 1] == 0x09) { end -= 1 }
        let text = UnsafeBufferPointer(rebasing: line[..<end])
        // Every message starts with a capital or 'm': most first lines are headers, passed over at once.
        guard let first = text.first, first == 0x43 || first == 0x57 || first == 0x6D else { return nil }
        for pattern in Self.patterns where text.starts(with: pattern.prefix) {
            if pattern.suffix.isEmpty {
                guard text.count == pattern.prefix.count else { continue }
            } else {
                // A name between prefix and suffix, with no delimiter or quote in it.
                let name = text.dropFirst(pattern.prefix.count).dropLast(pattern.suffix.count)
                guard text.count > pattern.prefix.count + pattern.suffix.count, text.reversed().starts(with: pattern.suffix.reversed()),
                      !name.contains(where: { $0 == 0x2C || $0 == 0x09 || $0 == 0x3B || $0 == 0x7C || $0 == 0x22 }) else { continue }
            }
            self = pattern.message
            return
        }
        return nil
    }
}
