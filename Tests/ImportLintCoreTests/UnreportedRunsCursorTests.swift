import Testing
@testable import ImportLintCore

/// The lint of `fix`'s output reads past runs of unreported records and splits records ahead only up to the
/// next run of several (`UnreportedRuns.Cursor.startOfNextRunOfSeveral`), which it reads ahead within a
/// chunk without copying the cursor.
@Suite struct UnreportedRunsCursorTests {
    /// At every run, within a chunk, at a chunk's end and past the last run of several, the answer is the
    /// first later run holding more than one record.
    @Test func nextRunOfSeveralIsTheFirstLaterOne() {
        var runs = UnreportedRuns()
        var expected: [UnreportedRuns.Run] = []
        var offset = 0
        var seed: UInt64 = 7
        // Enough runs for several 64 KB chunks; long stretches of runs of one, and none of several at the end.
        for i in 0..<40_000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let records = i > 39_000 || (seed >> 33) % 9 != 0 ? 1 : Int((seed >> 40) % 5) + 2
            let start = offset + Int((seed >> 20) % 300) + 1
            let end = start + records * 40
            runs.append(start: start, end: end, records: records)
            expected.append(UnreportedRuns.Run(start: start, end: end, records: records))
            offset = end
        }
        #expect(runs.runs == expected)
        let cursor = UnreportedRuns.Cursor(runs)
        var checked = 0
        for (i, run) in expected.enumerated() {
            #expect(cursor.current == run)
            let later = expected[(i + 1)...].first { $0.records > 1 }?.start ?? .max
            #expect(cursor.startOfNextRunOfSeveral() == later, "run \(i)")
            checked += 1
            cursor.advance()
        }
        #expect(cursor.current == nil && checked == expected.count)
    }
}
