import Testing
@testable import ImportLintCore

@Suite struct ReaderLookaheadTests {
    /// The records split ahead have the cells and the lines the reader gives when each is current, and
    /// follow the current record's line one by one (chunks large enough for the splitter's 64-byte windows
    /// to take records).
    @Test(arguments: [1 << 20, 4096])
    func batchedRecordsAheadAreTheNextRecords(chunkSize: Int) throws {
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
        var ahead: [Int: [[UInt8]]] = [:]
        var compared = 0
        while try reader.next() {
            if let cells = ahead.removeValue(forKey: reader.line) {
                #expect((0..<cells.count).map { Array(reader.bytes($0)) } == cells)
                compared += 1
            }
            var line = reader.line
            for next in reader.batchedRecordsAhead {
                line += 1
                #expect(next.line == line)
                ahead[next.line] = (0..<7).map { Array(next.bytes($0)) }
            }
        }
        #expect(ahead.isEmpty)
        // Most records are plain: nearly all of them are split ahead.
        #expect(compared > 2000)
    }
}
