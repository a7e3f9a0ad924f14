import Testing
@testable import ImportLintCore

@Suite struct ReaderSmoke {
    @Test func readsTwoRecords() throws {
        let reader = CSVReader(source: MemorySource(Array("a,b\n1,2\n".utf8)))
        #expect(try reader.next())
        #expect(reader.string(1) == "b")
        #expect(try reader.next())
        #expect(reader.line == 2)
        #expect(try reader.next() == false)
    }
}
