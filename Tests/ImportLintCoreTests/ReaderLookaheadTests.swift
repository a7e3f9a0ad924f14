import Testing
@testable import ImportLintCore

@Suite struct ReaderLookaheadTests {
    /// The record read ahead has the cells and the line the reader gives when that record is current
    /// (chunks large enough for the splitter's 64-byte windows to take records).
    @Test(arguments: [1 << 20, 4096])
    func nextBatchedRecordIsTheNextRecord(chunkSize: Int) throws {
        var text = "id,name,email\n"
        for i in 0..<3000 {
            switch i % 7 {
            case 0: text += "\(i),\"quoted, name\",q\(i)@example.com\n"
            case 1: text += "\(i),short\r\n"
            case 2: text += "\(i),,\n"
            case 3: text += "\(i), padded ,extra,cells,here\n"
            default: text += "\(i),Name \(i),user\(i)@example.com\n"
            }
        }
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), delimiter: 0x2C, chunkSize: chunkSize)
        var ahead: (line: Int, cells: [[UInt8]])?
        var compared = 0
        while try reader.next() {
            if let ahead {
                #expect(reader.line == ahead.line)
                #expect((0..<ahead.cells.count).map { Array(reader.bytes($0)) } == ahead.cells)
                compared += 1
            }
            ahead = reader.nextBatchedRecord.map { next in
                (next.line, (0..<7).map { Array(next.bytes($0)) })
            }
        }
        // Most records are plain: nearly all of them are read ahead.
        #expect(compared > 2000)
    }
}
