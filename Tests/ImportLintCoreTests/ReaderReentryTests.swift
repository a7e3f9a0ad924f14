import Testing
@testable import ImportLintCore

/// A reader entered again at another record (`CSVReader.reenter`, how the duplicate-key verifier reads rows
/// again through one reader) reads on as a reader made there would, whatever the first reading left behind:
/// records split ahead in a batch, a grown buffer, the end of the input, a quote left open.
@Suite struct ReaderReentryTests {
    private static let text = Array((
        "id,name,note\n" + (1...200).map { "\($0),name \($0),plain\n" }.joined()
        + "201,\"quoted, \"\"twice\"\"\",\"two\nlines\"\n" + "202,bad \u{1}control,x\r\n" + "203,last,\"open\n"
    ).utf8)

    private static func records(_ reader: CSVReader, upTo limit: Int = .max) throws -> [String] {
        var out: [String] = []
        while out.count < limit, try reader.next() {
            let cells = (0..<reader.fieldCount).map(reader.string).joined(separator: "|")
            out.append("L\(reader.line)-\(reader.endLine)@\(reader.streamOffset) \(cells) \(reader.terminator) "
                       + "controls=\(reader.controlCharacters.count) open=\(reader.unterminatedQuote?.line ?? 0)")
        }
        return out
    }

    /// Offsets of the records' first bytes and their lines, as a fresh reader of the whole text finds them.
    private static func starts() throws -> [(offset: Int, line: Int)] {
        let reader = CSVReader(source: MemorySource(text))
        var starts: [(Int, Int)] = []
        while try reader.next() { starts.append((reader.streamOffset, reader.line)) }
        return starts
    }

    @Test(arguments: [(0, 1 << 20), (3, 64), (150, 300), (201, 16), (202, 1), (203, 4096)])
    func readsOnAsANewReaderWould(record: Int, chunkSize: Int) throws {
        let start = try #require(try Self.starts().dropFirst(record).first)
        let fresh = CSVReader(source: MemorySource(Self.text, from: start.offset), chunkSize: chunkSize)
        fresh.startNumbering(atLine: start.line, offset: start.offset)
        let expected = try Self.records(fresh)
        #expect(!expected.isEmpty)
        // Left mid-batch, at the end of the input (a quote open), and after a buffer that grew.
        for (firstChunk, firstRecords) in [(1 << 20, 5), (1 << 20, Int.max), (8, 3)] {
            let reader = CSVReader(source: MemorySource(Self.text), chunkSize: firstChunk)
            _ = try Self.records(reader, upTo: firstRecords)
            reader.reenter(MemorySource(Self.text, from: start.offset), chunkSize: chunkSize, atLine: start.line, offset: start.offset)
            #expect(try Self.records(reader) == expected, "first read \(firstRecords) records in chunks of \(firstChunk)")
        }
    }
}
