import Foundation
import Testing
@testable import ImportLintCore

/// A record as the reader sees it, for comparisons across chunk sizes.
struct ParsedRecord: Equatable, CustomStringConvertible {
    var line: Int
    var endLine: Int
    var cells: [String]
    var positions: [Int]
    var terminator: LineTerminator
    var badLines: [Int]
    var controls: [UInt32]
    var unterminatedAt: Int?

    var description: String { "L\(line)-\(endLine) \(cells) cols=\(positions) \(terminator)" }
}

func parse(_ bytes: [UInt8], delimiter: UInt8 = 0x2C, chunkSize: Int = 1 << 20) throws -> [ParsedRecord] {
    let reader = CSVReader(source: MemorySource(bytes), delimiter: delimiter, chunkSize: chunkSize)
    var out: [ParsedRecord] = []
    while try reader.next() {
        out.append(ParsedRecord(
            line: reader.line, endLine: reader.endLine,
            cells: (0..<reader.fieldCount).map(reader.string),
            positions: (0..<reader.fieldCount).map { reader.position(ofField: $0).column },
            terminator: reader.terminator,
            badLines: reader.invalidUTF8.map(\.line),
            controls: reader.controlCharacters.map(\.scalar),
            unterminatedAt: reader.unterminatedQuote.map(\.line)))
    }
    return out
}

func parse(_ text: String, delimiter: UInt8 = 0x2C, chunkSize: Int = 1 << 20) throws -> [ParsedRecord] {
    try parse(Array(text.utf8), delimiter: delimiter, chunkSize: chunkSize)
}

@Suite struct ReaderTests {
    @Test func quotedDelimitersDoubledQuotesAndLineBreaks() throws {
        let records = try parse("a,b,c\n\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,row,here")
        #expect(records.count == 3)
        #expect(records[1].cells == ["x,y", "say \"hi\"", "two\nlines"])
        #expect(records[1].line == 2 && records[1].endLine == 3)
        #expect(records[2].line == 4)
        #expect(records[2].terminator == .none)
    }

    @Test func lineEndingsLFCRLFAndCR() throws {
        let records = try parse("a\r\nb\rc\nd")
        #expect(records.map(\.cells) == [["a"], ["b"], ["c"], ["d"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
        #expect(records.map(\.terminator) == [.crlf, .cr, .lf, .none])
    }

    @Test func crlfInsideQuotesCountsOneLine() throws {
        let records = try parse("h1,h2\r\n\"a\r\nb\",c\r\nd,e\r\n")
        #expect(records[1].cells == ["a\r\nb", "c"])
        #expect(records[2].line == 4)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let records = try parse("Zoë,Łódź,日本語,x\n")
        #expect(records[0].positions == [1, 5, 10, 14])
    }

    @Test func columnOnSecondLineOfMultilineRecord() throws {
        let reader = CSVReader(source: MemorySource(Array("a,\"é\nxy\",z\n".utf8)))
        #expect(try reader.next())
        let position = reader.position(ofField: 2)
        #expect(position.line == 2)
        #expect(position.column == 5)
    }

    @Test func invalidBytesReportedPerLine() throws {
        var bytes = Array("ok,fine\n".utf8)
        bytes += [0x4C, 0x65, 0x66, 0xE8, 0x76, 0x72, 0x65, 0x2C, 0xE9, 0x0A]
        let records = try parse(bytes)
        #expect(records[1].badLines == [2])
        let reader = CSVReader(source: MemorySource(bytes))
        _ = try reader.next(); _ = try reader.next()
        #expect(reader.invalidUTF8.count == 1)
        #expect(reader.invalidUTF8[0].badBytes == [0xE8, 0xE9])
        #expect(reader.position(of: reader.invalidUTF8[0]).column == 4)
    }

    @Test func controlCharactersIncludeC1AndLineSeparator() throws {
        let records = try parse("a\u{0B}b,c\u{85}d,e\u{2028}f,\"g\nh\"\n")
        #expect(records[0].controls == [0x0B, 0x85, 0x2028])
    }

    @Test func unterminatedQuotePointsAtOpeningLine() throws {
        let records = try parse("h\nok\n\"never closed\nmore\nlines\n")
        #expect(records.count == 3)
        #expect(records[2].unterminatedAt == 3)
    }

    @Test func textAfterClosingQuoteIsKept() throws {
        let records = try parse("\"ab\"cd,e\n")
        #expect(records[0].cells == ["abcd", "e"])
    }

    /// A misplaced quote written after a backslash (MySQL's OUTFILE escaping) is told from a plain one, for a
    /// stray quote and for text after a closing quote, whatever the chunk size.
    @Test func backslashBeforeAMisplacedQuoteIsNoted() throws {
        let text = "h1,h2,h3\n\"Dave \\\"Rock\\\" J\",\"ab\\\"cd,\"Dave \"Rock\"\"\n"
        for chunk in [1, 3, 1 << 20] {
            let reader = CSVReader(source: MemorySource(Array(text.utf8)), delimiter: 0x2C, chunkSize: chunk)
            #expect(try reader.next() && reader.next())
            let found = reader.malformedQuotes.map { "\($0.kind) f\($0.field) \(reader.followsBackslash($0))" }
            #expect(found == ["strayQuoteInQuotedCell f0 true", "textAfterClosingQuote f1 true", "strayQuoteInQuotedCell f2 false"],
                    "chunk \(chunk)")
        }
    }

    /// Each kind of misplaced quote is noted once per cell, at the quote (or the text after a closing
    /// quote), whatever the chunk size; the cells read as spreadsheets read them.
    @Test func malformedQuotesAreNotedWithTheirColumns() throws {
        let text = "h1,h2,h3\nAnn \"Bee\" Lee,\"Ann\" Marie,\"Dave \"The Rock\"\"\n\"ok \"\"x\"\"\",plain,\"\"\n"
        for chunk in [1, 2, 5, 1 << 20] {
            let reader = CSVReader(source: MemorySource(Array(text.utf8)), delimiter: 0x2C, chunkSize: chunk)
            var found: [[String]] = []
            var cells: [[String]] = []
            while try reader.next() {
                cells.append((0..<reader.fieldCount).map(reader.string))
                found.append(reader.malformedQuotes.map { q in
                    let at = reader.position(of: q)
                    return "\(q.kind) f\(q.field) \(at.line):\(at.column)"
                })
            }
            #expect(found == [[], ["quoteInUnquotedCell f0 2:5", "textAfterClosingQuote f1 2:20", "strayQuoteInQuotedCell f2 2:33"], []], "chunk \(chunk)")
            #expect(cells[1] == ["Ann \"Bee\" Lee", "Ann Marie", "Dave The Rock\"\""])
            #expect(cells[2] == ["ok \"x\"", "plain", ""])
        }
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try parse("").isEmpty)
    }

    @Test func tabDelimited() throws {
        let records = try parse("a\tb,c\n1\t2\n", delimiter: 0x09)
        #expect(records[0].cells == ["a", "b,c"])
    }

    /// The buffer boundary must never change what is read: every chunk size gives the same records.
    @Test(arguments: [1, 2, 3, 5, 7, 16, 64])
    func chunkBoundariesDoNotChangeResults(_ chunkSize: Int) throws {
        var bytes = Array("Name,Note,City\r\n\"Zoë \"\"Z\"\" Ång\",\"multi\r\nline, with comma\",Łódź\r\n".utf8)
        bytes += [0x41, 0xE9, 0x42, 0x2C, 0x78, 0x0B, 0x2C, 0x22, 0x0D, 0x0A, 0x22, 0x0D]
        bytes += Array("\nplain,\"\",日本\r".utf8)
        let reference = try parse(bytes)
        let chunked = try parse(bytes, chunkSize: chunkSize)
        #expect(chunked == reference)
        #expect(reference.count == 4)
    }

    @Test func recordLargerThanChunkGrowsBuffer() throws {
        let big = String(repeating: "x", count: 100_000)
        let records = try parse("h\n\"\(big)\",y\nlast\n", chunkSize: 1024)
        #expect(records[1].cells[0].count == 100_000)
        #expect(records[2].line == 3)
    }

    /// Sources entering one open input at several offsets read on from their own offsets, past the
    /// byte-order mark, however their reads interleave.
    @Test func inputEntriesReadEachFromItsOwnOffset() throws {
        let text = Array("\u{FEFF}".utf8) + (0..<5000).flatMap { Array("row \($0)\n".utf8) }
        let content = Array(text.dropFirst(3))
        let folder = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bom.csv")
        try Data(text).write(to: path)
        for input in [InputFile.path(path.path), InputFile.bytes(text, displayPath: "bom.csv")] {
            let entries = try #require(try input.entries(.utf8(bom: true)))
            let offsets = [0, 17, 30_000, content.count - 3, content.count]
            let sources = offsets.map(entries.source(at:))
            var read = [[UInt8]](repeating: [], count: sources.count)
            var piece = [UInt8](repeating: 0, count: 4096)
            var ended = [Bool](repeating: false, count: sources.count)
            while ended.contains(false) {
                for (i, source) in sources.enumerated() where !ended[i] {
                    let n = try piece.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
                    if n == 0 { ended[i] = true } else { read[i] += piece[..<n] }
                }
            }
            for (i, offset) in offsets.enumerated() { #expect(read[i] == Array(content[offset...])) }
        }
        #expect(try InputFile.bytes(text, displayPath: "x").entries(.utf16(littleEndian: true, bom: false)) == nil)
    }
}

@Suite struct EncodingSnifferTests {
    func sniff(_ bytes: [UInt8]) throws -> InputEncoding {
        try EncodingSniffer.sniff { MemorySource(bytes) }
    }

    @Test func utf8WithAFewBadLinesStaysUTF8() throws {
        let bytes = Array("Name\nZoë\n".utf8) + [0x4C, 0xE9, 0x0A]
        #expect(try sniff(bytes) == .utf8(bom: false))
    }

    @Test func wholeFileLatinIsLegacy() throws {
        let bytes: [UInt8] = Array("Name\nPierre Lef".utf8) + [0xE8] + Array("vre\nRen".utf8) + [0xE9, 0x0A]
        guard case .legacy(let legacy) = try sniff(bytes) else {
            Issue.record("expected legacy")
            return
        }
        #expect(legacy.firstNonASCIILine == 2)
    }

    @Test func utf16ByBOMAndByNULs() throws {
        #expect(try sniff([0xFF, 0xFE, 0x41, 0x00]) == .utf16(littleEndian: true, bom: true))
        let le = Array("Name,Email\r\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try sniff(le) == .utf16(littleEndian: true, bom: false))
        let be = Array("Name,Email\r\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try sniff(be) == .utf16(littleEndian: false, bom: false))
    }

    @Test func binaryFilesAreRefused() {
        #expect(throws: InputError.self) { try sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
        #expect(throws: InputError.self) { try sniff([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]) }
    }

    @Test func transcodesUTF16ToUTF8() throws {
        let le: [UInt8] = [0xFF, 0xFE] + Array("Zoë,日本\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let input = InputFile.bytes(le, displayPath: "x.csv")
        let encoding = try input.encoding(override: nil)
        let reader = CSVReader(source: try input.openDecoded(encoding))
        #expect(try reader.next())
        #expect(reader.string(0) == "Zoë" && reader.string(1) == "日本")
    }

    /// An unpaired surrogate (half of an emoji) is no character: the transcode writes the byte 0xFF, never
    /// UTF-8, instead of U+FFFD, so the reader reports it at its line and column; a whole pair is kept.
    @Test func unpairedUTF16SurrogateStaysInvalid() throws {
        func utf16(_ units: [UInt16], littleEndian: Bool) -> [UInt8] {
            units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
        let name = Array("Name\nAnn\nZo".utf16), rest = Array("ë\n".utf16)
        for littleEndian in [true, false] {
            for lone: [UInt16] in [[0xD83D], [0xDE00]] {
                let bom: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
                let input = InputFile.bytes(bom + utf16(name + lone + rest, littleEndian: littleEndian), displayPath: "x.csv")
                let reader = CSVReader(source: try input.openDecoded(try input.encoding(override: nil)))
                #expect(try reader.next() && reader.next() && reader.next())
                #expect(Array(reader.bytes(0)) == Array("Zo".utf8) + [0xFF] + Array("ë".utf8))
                let bad = try #require(reader.invalidUTF8.first)
                let position = reader.position(of: bad)
                #expect(position.line == 3 && position.column == 3)
                #expect(try UTF16Surrogates.firstDamage(input.openRaw(), littleEndian: littleEndian, skipping: 2) == .unpairedSurrogate(line: 3))
            }
            let paired = InputFile.bytes(utf16(name + [0xD83D, 0xDE00] + rest, littleEndian: littleEndian), displayPath: "x.csv")
            let reader = CSVReader(source: try paired.openDecoded(.utf16(littleEndian: littleEndian, bom: false)))
            #expect(try reader.next() && reader.next() && reader.next())
            #expect(reader.string(0) == "Zo😀ë" && reader.invalidUTF8.isEmpty)
            #expect(try UTF16Surrogates.firstDamage(paired.openRaw(), littleEndian: littleEndian, skipping: 0) == nil)
        }
    }

    /// The lint reports the surrogate as an encoding error at its place, blames no code page, and the
    /// transcode is not a safe fix of that file.
    @Test func unpairedUTF16SurrogateIsAnErrorAndMakesTheTranscodeUnsafe() throws {
        let text = "Primary Email\tName\r\nann@widget.com\tAnn \u{1F600}\r\nbob@widget.com\tBob X\r\n"
        var units = Array(text.utf16)
        units.remove(at: units.lastIndex(of: 0x58)!)  // 'X' becomes a lone low surrogate
        units.insert(0xDE00, at: units.lastIndex(of: 0x20)! + 1)
        try expectUTF16Damage(in: units, at: (3, 20), message: "An unpaired UTF-16 surrogate", fix: "line 3")
    }

    /// Lints UTF-16LE `units` (a BOM first, `tail` after): the one invalid-utf8 finding is at `position` and
    /// starts with `message`, no U+FFFD is blamed on a program, and the transcode is unsafe, naming `fix`.
    func expectUTF16Damage(in units: [UInt16], tail: [UInt8] = [], at position: (line: Int, column: Int), message: String,
                           fix: String) throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + tail
        let report = try Linter(options: LintOptions()).lint(.bytes(bytes, displayPath: "people.tsv")).report
        let damage = try #require(report.diagnostics.first { $0.rule == "invalid-utf8" })
        #expect(damage.line == position.line && damage.column == position.column)
        #expect(damage.message.hasPrefix(message))
        #expect(!report.diagnostics.contains { $0.rule == "lossy-replacement" })
        let transcode = try #require(report.diagnostics.first { $0.rule == "utf16-encoding" })
        #expect(transcode.fix?.applicability == .unsafe)
        #expect(transcode.fix?.description.contains(fix) == true)
    }

    /// A lone byte after the last whole code unit (a file cut short, or a byte appended by an 8-bit tool) is
    /// no character either: it is read as 0xFE, never UTF-8, not as U+FFFD, after a whole text or after an
    /// unpaired lead surrogate, in either byte order.
    @Test func oddByteAtTheEndOfUTF16StaysInvalid() throws {
        let units = Array("Name\nAnn\nZoë".utf16)
        for littleEndian in [true, false] {
            let bom: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            func utf16(_ units: [UInt16]) -> [UInt8] {
                bom + units.flatMap { littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            }
            for (tail, expected): ([UInt16], [UInt8]) in [([], [0xFE]), ([0xD83D], [0xFF, 0xFE])] {
                let input = InputFile.bytes(utf16(units + tail) + [0x0A], displayPath: "x.csv")
                let reader = CSVReader(source: try input.openDecoded(try input.encoding(override: nil)))
                #expect(try reader.next() && reader.next() && reader.next())
                #expect(Array(reader.bytes(0)) == Array("Zoë".utf8) + expected)
                let bad = try #require(reader.invalidUTF8.first)
                #expect(bad.badBytes == expected && reader.position(of: bad).line == 3 && reader.position(of: bad).column == 4)
                let damage: UTF16Surrogates.Damage = tail.isEmpty ? .oddByteAtEnd(line: 3) : .unpairedSurrogate(line: 3)
                #expect(try UTF16Surrogates.firstDamage(input.openRaw(), littleEndian: littleEndian, skipping: 2) == damage)
            }
        }
    }

    /// The lint reports the odd byte at its place as what it is, and the transcode is not a safe fix.
    @Test func oddByteAtTheEndOfUTF16IsAnErrorAndMakesTheTranscodeUnsafe() throws {
        let text = "Primary Email\tName\r\nann@widget.com\tAnn Lee\r\nbob@widget.com\tBob Ray"
        try expectUTF16Damage(in: Array(text.utf16), tail: [0x0A], at: (3, 23), message: "A lone byte at the end of the file",
                              fix: "line 3 holds a lone byte")
    }

    /// A lone byte after the file's last line break is a line of its own once decoded: one damage, so one
    /// finding (invalid-utf8), not also a ragged record missing every value; and `fix` refuses the file for
    /// that damage, not for the record's shape.
    @Test func oddByteAfterTheLastLineBreakIsOneFinding() throws {
        let text = "First Name,Last Name,Email\r\nAnn,Berg,anna@example.com\r\nJo,Lee,jo@example.com\r\n"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x58]
        let report = try FixHarness.lint(bytes, name: "contacts.csv")
        #expect(report.diagnostics.map(\.rule) == ["utf16-encoding", "invalid-utf8"])
        let damage = try #require(report.diagnostics.last)
        #expect(damage.line == 4 && damage.column == 1 && damage.message.hasPrefix("A lone byte at the end of the file"))
        let (outcome, fixed) = try FixHarness.fix(bytes, name: "contacts.csv", options: FixOptions())
        #expect(fixed == nil)
        let refused = try #require(outcome.report.refused)
        #expect(refused.contains("lone byte") && refused.contains("invalid-utf8") && !refused.contains("ragged-row"))
    }

    /// Windows-1258 stores a toned letter as the letter and a combining tone mark; the decoded stream
    /// joins them (NFC), also when the mark comes in another read than its letter.
    @Test func windows1258ReadsComposed() throws {
        let input = InputFile.bytes(Array("Name\nNguy".utf8) + [0xEA, 0xDE, 0x6E, 0x0A], displayPath: "x.csv")
        let encoding = InputEncoding.legacy(LegacyEncoding(charset: "cp1258", firstNonASCIILine: 2, guess: nil))
        let reader = CSVReader(source: try input.openDecoded(encoding))
        #expect(try reader.next() && reader.next())
        #expect(reader.string(0) == "Nguy\u{1EC5}n")
        #expect(ComposingSource.writesTonesApart("windows-1258") && !ComposingSource.writesTonesApart("windows-1252"))
        let decomposed = Array("Nguy\u{EA}\u{303}n\nTr\u{1B0}\u{309}\u{1A1}ng\n".utf8)
        let composed = try ComposingSource(OneByteSource(decomposed)).readAll()
        #expect(String(decoding: composed, as: UTF8.self) == "Nguy\u{1EC5}n\nTr\u{1EED}\u{1A1}ng\n")
    }

    /// Excel's delimiter hint is exactly 'sep=' and one character that can separate cells.
    @Test func separatorHintLine() {
        func hint(_ line: String) -> UInt8? {
            Array(line.utf8).withUnsafeBufferPointer { CSVReader.separatorHint(in: $0) }
        }
        #expect(hint("sep=;") == 0x3B)
        #expect(hint("SEP=|") == 0x7C)
        #expect(hint("sep=\t") == 0x09)
        #expect(hint("sep=,") == 0x2C)
        for line in ["sep=a", "sep=1", "sep= ", "sep=\"", "sep=;;", "sep=", "step=;", "se=;x"] { #expect(hint(line) == nil, "\(line)") }
        let head = Array("sep=;\r\nName\r\nAnn\r\n".utf8)
        #expect(head.withUnsafeBufferPointer { DelimiterSniffer.sniff($0, path: "x.csv") } == 0x3B)
        let typed = Array("#TYPE X\nsep=|\nA,B|C|D\n".utf8)
        #expect(typed.withUnsafeBufferPointer { DelimiterSniffer.sniff($0, path: "x.csv") } == 0x7C)
    }
}

/// Hands out one byte per read: a stream cut at every place.
final class OneByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard offset < bytes.count, count > 0 else { return 0 }
        buffer.pointee = bytes[offset]
        offset += 1
        return 1
    }
}

extension ByteSource {
    /// Everything the source holds, read in small pieces.
    func readAll() throws -> [UInt8] {
        var out: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 7)
        while true {
            let n = try piece.withUnsafeMutableBufferPointer { try read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { return out }
            out += piece[0..<n]
        }
    }
}
