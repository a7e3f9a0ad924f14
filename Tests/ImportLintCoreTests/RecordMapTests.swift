import Foundation
import Testing
@testable import ImportLintCore

/// `fix`'s lint notes where every record of its input starts (`RecordMap`) in about 2 bytes a record
/// (`RecordStarts`), written to a temporary file chunk by chunk, and reads back each start as noted,
/// wherever the records are.
@Suite struct RecordMapTests {
    @Test func startsReadBackAsNotedWhateverTheGapsBetweenThem() {
        var rng = SeededRNG(seed: 31)
        let starts = RecordStarts()
        var noted: [Int] = []
        var offset = 0
        // Three full chunks and part of a fourth.
        for _ in 0..<110_000 {
            noted.append(offset)
            starts.append(offset)
            // Mostly short records; now and then an empty one, or one too long for 16 bits.
            offset += rng.chance(0.02) ? Int.random(in: 65_000...200_000, using: &rng) : Int.random(in: 0...3000, using: &rng)
        }
        #expect(starts.count == noted.count)
        // Read in order, and back across a chunk's border now and then, as the pass's look-ahead does.
        let cursor = RecordStarts.Cursor(starts)
        var order: [Int] = []
        for i in noted.indices {
            order.append(i)
            if i > 20 && i % 32_768 == 20 { order += (i - 220)..<(i - 20) }
        }
        let wrong = order.filter { cursor.start(of: $0) != noted[$0] }
        #expect(wrong.isEmpty, "\(wrong.count) starts read back wrong, the first at record \(wrong.first ?? -1)")
    }

    /// A file of plain records: the memory the map holds does not grow with the records (2 bytes each did,
    /// people 10M's 21 MB through the lint of the input and the pass), each start is where the record's
    /// line starts, and the records are plain.
    @Test func aMapOfPlainRecordsHoldsNoMoreMemoryForMoreRecords() throws {
        func map(records count: Int) throws -> (map: RecordMap, maps: RecordMaps, lineStarts: [Int]) {
            var text = "Primary Email,Name,Job Title\n"
            var lineStarts: [Int] = []
            for i in 0..<count {
                lineStarts.append(text.utf8.count)
                text += "user\(i)@example.com,Person \(i),Clerk\n"
            }
            var options = LintOptions()
            let maps = RecordMaps()
            options.recordMaps = maps
            _ = try Linter(options: options).lint(InputFile.bytes(Array(text.utf8), displayPath: "plain.csv"))
            return (try #require(maps.result()), maps, lineStarts)
        }
        let count = 70_000
        let (few, _, _) = try map(records: 5_000)
        let (map, maps, lineStarts) = try map(records: count)
        #expect(map.count == count)
        #expect(map.bytesHeld == few.bytesHeld, "\(few.bytesHeld) bytes for 5,000 records, \(map.bytesHeld) for \(count)")
        let reader = RecordMap.Reader(map)
        let misplaced = try (0..<count).filter { try reader.start(of: $0) != lineStarts[$0] }
        #expect(misplaced.isEmpty, "\(misplaced.count) records misplaced, the first \(misplaced.first.map { "\($0): \((try? reader.start(of: $0)) ?? -1) for \(lineStarts[$0])" } ?? "")")
        // The last record, read at the input's end, is read again by the pass, and so are those where the
        // reader's 1 MiB reads end (the 70,000 records' 26,115th and 51,690th): 5,000 records are read at once.
        let notPlain = (0..<few.count - 1).filter { !few.isPlain(index: $0) }
        #expect(notPlain.isEmpty, "\(notPlain.count) records not plain, the first \(notPlain.first ?? -1)")
        #expect(maps.result() == nil, "the lint's maps let go of the map they handed on")
    }
}
