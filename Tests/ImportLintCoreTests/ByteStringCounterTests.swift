import Testing
@testable import ImportLintCore

/// The counter must agree with a Dictionary of strings whatever the lengths, growth and hash clashes.
@Suite struct ByteStringCounterTests {
    private func add(_ counter: inout ByteStringCounter, _ value: [UInt8]) -> (entry: Int, occurrences: Int) {
        value.withUnsafeBufferPointer { counter.add($0) }
    }

    @Test func countsLikeADictionary() {
        var counter = ByteStringCounter()
        defer { counter.deallocate() }
        var expected: [[UInt8]: (entry: Int, count: Int)] = [:]
        var rng = SystemRandomNumberGenerator()
        // Lengths 0...20 cover every tail path; few bytes per value force many repeats and clashes
        // of the first and last words; 20,000 values force the tables to grow several times.
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...20, using: &rng)
            let value = (0..<length).map { _ in [0x41, 0x42, 0x20, 0xC3, 0xA9][Int.random(in: 0..<5, using: &rng)] as UInt8 }
            let (entry, seen) = add(&counter, value)
            let before = expected[value] ?? (entry: expected.count, count: 0)
            expected[value] = (before.entry, before.count + 1)
            #expect(entry == before.entry)
            #expect(seen == before.count + 1)
        }
        #expect(counter.count == expected.count)
        for (value, want) in expected {
            #expect(counter.string(want.entry) == String(decoding: value, as: UTF8.self))
            #expect(counter.occurrences(want.entry) == want.count)
            #expect(value.withUnsafeBufferPointer { counter.find($0) } == want.entry)
        }
    }

    /// Counting a known entry again (the clusterer's memo of recent spellings) agrees with counting its bytes.
    @Test func addingAnOccurrenceOfAnEntryCountsLikeAddingItsBytes() {
        var counter = ByteStringCounter()
        defer { counter.deallocate() }
        let values = ["Widget USA", "WIDGET USA", "Widget"].map { Array($0.utf8) }
        var expected = [0, 0, 0]
        for i in 0..<300 {
            let v = i % 7 == 0 ? 1 : i % 3 == 0 ? 2 : 0
            expected[v] += 1
            let seen = expected[v] == 1 || i % 2 == 0 ? add(&counter, values[v]).occurrences
                : counter.addOccurrence(of: values[v].withUnsafeBufferPointer { counter.find($0) }!)
            #expect(seen == expected[v])
        }
        for v in values.indices {
            #expect(counter.occurrences(values[v].withUnsafeBufferPointer { counter.find($0) }!) == expected[v])
        }
    }

    @Test func findsNothingThatWasNotCounted() {
        var counter = ByteStringCounter()
        defer { counter.deallocate() }
        _ = add(&counter, Array("Widget USA".utf8))
        #expect(Array("Widget US".utf8).withUnsafeBufferPointer { counter.find($0) } == nil)
        #expect(Array("Widget USA ".utf8).withUnsafeBufferPointer { counter.find($0) } == nil)
        #expect([UInt8]().withUnsafeBufferPointer { counter.find($0) } == nil)
    }
}
