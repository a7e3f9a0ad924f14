/// How a record's last line ended; the fixer keeps the input's style.
public enum LineTerminator: UInt8, Sendable {
    case none, lf, crlf, cr

    public var bytes: [UInt8] {
        switch self {
        case .none: []
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}

/// Where one cell of a record the reader read by itself sits (none is made for a record split with others,
/// `CSVReader.splitWithOthers`): its value bytes, and the physical line and line start of its first byte.
public struct FieldSlot: Sendable, BitwiseCopyable {
    /// Value bytes, in the reader's buffer or, for cells with doubled quotes, in its scratch buffer.
    var start: Int
    var end: Int
    /// Offset of the cell's first byte (its opening quote when quoted) in the reader's buffer.
    var rawStart: Int
    var line: Int
    var lineStart: Int
    public var quoted: Bool
    var inScratch: Bool
}

/// A physical line holding bytes that are not UTF-8, with every bad byte of that line.
public struct InvalidUTF8Line: Sendable {
    public var line: Int
    var lineStart: Int
    var firstBadOffset: Int
    public var badBytes: [UInt8]
    /// The bad bytes begin a UTF-16LE byte-order mark with a NUL after it (`UTF8Scanner.isUTF16LEMark`): in a
    /// UTF-8 file, a UTF-16LE export appended to it.
    var startsUTF16LEText = false
}

/// The first control character of a cell.
public struct ControlCharacterHit: Sendable {
    public var field: Int
    var offset: Int
    public var scalar: UInt32
}

/// A quote that opened a cell and never closed; the rest of the file was swallowed into that cell.
public struct UnterminatedQuote: Sendable {
    public var field: Int
    public var line: Int
    var offset: Int
    var lineStart: Int
}

/// A quote where RFC 4180 allows none; the cell is read as spreadsheets read it (quotes of an unquoted cell
/// kept, text after a closing quote appended), which may not be what the writer meant.
public struct MalformedQuote: Sendable {
    public enum Kind: Sendable {
        /// `Ann "Bee" Lee`: a quote in a cell that does not start with one.
        case quoteInUnquotedCell
        /// `"Ann" Marie`: text between a quoted cell's closing quote and the delimiter.
        case textAfterClosingQuote
        /// `"Dave "The Rock""`: a quote inside a quoted cell that is not doubled, so it closes the cell early.
        case strayQuoteInQuotedCell
    }

    public var kind: Kind
    public var field: Int
    /// Offset of the offending quote (of the first byte after the closing quote for text after it).
    var offset: Int
    var line: Int
    var lineStart: Int
}
