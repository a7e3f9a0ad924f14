import Foundation
import Testing
@testable import ImportLintCore

/// `fix`'s lint notes where every record of its input starts (`RecordMap`) in about 2 bytes a record
/// (`RecordStarts`), and reads back each start as noted, wherever the records are.
@Suite struct RecordMapTests {
    @Test func startsReadBackAsNotedWhateverTheGapsBetweenThem() {
        var rng = SeededRNG(seed: 31)
        var starts = RecordStarts()
        var noted: [Int] = []
        var offset = 0
        for _ in 0..<5000 {
            noted.append(offset)
            starts.append(offset)
            // Mostly short records; now and then an empty one, or one too long for 16 bits.
            offset += rng.chance(0.02) ? Int.random(in: 65_000...200_000, using: &rng) : Int.random(in: 0...3000, using: &rng)
        }
        #expect(starts.count == noted.count)
        let wrong = noted.indices.filter { starts[$0] != noted[$0] }
        #expect(wrong.isEmpty, "\(wrong.count) starts read back wrong, the first at record \(wrong.first ?? -1)")
    }

    /// A file of plain records: the map keeps under 3 bytes a record (an `Int` each took 8), each start is
    /// where the record's line starts, and the records are plain.
    @Test func aMapOfPlainRecordsTakesUnderThreeBytesARecord() throws {
        let count = 20_000
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
        let map = try #require(maps.result())
        #expect(map.count == count)
        #expect(map.bytesHeld < 3 * count, "\(map.bytesHeld) bytes for \(count) records")
        let misplaced = (0..<count).filter { map.start(of: $0) != lineStarts[$0] }
        #expect(misplaced.isEmpty, "\(misplaced.count) records misplaced, the first \(misplaced.first.map { "\($0): \(map.start(of: $0)) for \(lineStarts[$0])" } ?? "")")
        // The last record, read at the input's end, is read again by the pass.
        let notPlain = (0..<count - 1).filter { !map.isPlain(index: $0) }
        #expect(notPlain.isEmpty, "\(notPlain.count) records not plain, the first \(notPlain.first ?? -1)")
        #expect(maps.result() == nil, "the lint's maps let go of the map they handed on")
    }
}
