import Testing
@testable import ImportLintCore

/// The memo of recent byte strings may forget but never invents: the clusterer counts a spelling by the
/// entry it keeps per slot, so a wrong match would count a row under another spelling.
@Suite struct RecentByteStringsTests {
    @Test func neverFindsAStringItWasNotGiven() {
        let memo = RecentByteStrings()
        defer { memo.deallocate() }
        let strings = (0..<1200).map { Array("Organization \($0 * 7919)".utf8) }
        var kept = 0
        for s in strings.prefix(600) { _ = s.withUnsafeBufferPointer { memo.insert($0) } }
        for s in strings.suffix(600) {
            #expect(s.withUnsafeBufferPointer { memo.find($0) } == -1)
        }
        for s in strings.prefix(600) {
            let slot = s.withUnsafeBufferPointer { memo.find($0) }
            #expect(slot == -1 || (0..<RecentByteStrings.slotCount).contains(slot))
            if slot >= 0 { kept += 1 }
        }
        // 600 strings in 256 slots: some kept, none beyond the slots.
        #expect(kept > 0 && kept <= RecentByteStrings.slotCount)
    }
}
