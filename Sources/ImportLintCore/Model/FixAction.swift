/// What applying a fix does. A rule attaches one to its diagnostic; the fixer carries it out without
/// knowing which rule asked. A cell replacement acts on the diagnostic's cell, the others on the file.
public enum FixAction: Sendable, Equatable {
    /// New text for the diagnostic's cell.
    case replaceCell(String)
    /// Write the output without the UTF-8 byte-order mark.
    case removeByteOrderMark
    /// Write the output in UTF-8; `from` names the input's encoding for the fix report.
    case transcodeToUTF8(from: String)
    /// Leave out the line the diagnostic sits on: a line that is not a record (blank, a preamble), or
    /// the record that starts on it.
    case removeLine(RemovedLineWording)
    /// Move the diagnostic's row up to the first group of rows with the same value in the diagnostic's cell.
    case moveRowToGroup
    /// Write the output with another delimiter.
    case changeDelimiter(to: UInt8)
    /// Write the output with other line endings.
    case changeLineEnding(to: LineTerminator)
    /// Write each record that has one cell more than the header, that cell empty (a delimiter ending the
    /// row), without that cell.
    case dropTrailingEmptyCell
    /// A file-level fix read back from a JSON report, which records only its description.
    case unrecorded
}

/// How the fix report words a number of removed lines of one kind ("Removed 2 blank lines").
public struct RemovedLineWording: Sendable, Equatable {
    public var one: String
    /// `%d` stands for the count.
    public var many: String

    public init(one: String, many: String) {
        self.one = one
        self.many = many
    }

    func text(count: Int) -> String {
        count == 1 ? one : many.replacingOccurrences(of: "%d", with: String(count))
    }
}
