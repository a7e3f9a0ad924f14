/// Where each record of an input starts, in about 2 bytes a record instead of an `Int`'s 8 (people 10M:
/// 80 MB held through `fix`'s pass and the lint of its output): the start of every 32nd record, and each
/// record's distance from its block's first record in 16 bits. A record farther away than that (records of
/// 2 KB on average) is kept apart, by its index.
struct RecordStarts: Sendable {
    private static let blockShift = 5
    private static let blockMask = (1 << blockShift) - 1
    /// Marks an offset kept apart in `distant`.
    private static let apart = UInt16.max

    private var blockStarts: [Int] = []
    private var offsets: [UInt16] = []
    private var distant: [Int: Int] = [:]

    var count: Int { offsets.count }

    /// The bytes the starts take, not counting their arrays' spare room (tests).
    var bytesHeld: Int {
        blockStarts.count * MemoryLayout<Int>.stride + offsets.count * MemoryLayout<UInt16>.stride
            + distant.count * (2 * MemoryLayout<Int>.stride)
    }

    /// Notes the next record's start, at or after the last one's.
    @inline(__always)
    mutating func append(_ start: Int) {
        let index = offsets.count
        if index & Self.blockMask == 0 {
            blockStarts.append(start)
            offsets.append(0)
            return
        }
        let distance = start &- blockStarts[index &>> Self.blockShift]
        if distance < Int(Self.apart) {
            offsets.append(UInt16(truncatingIfNeeded: distance))
        } else {
            offsets.append(Self.apart)
            distant[index] = start
        }
    }

    @inline(__always)
    subscript(index: Int) -> Int {
        let offset = offsets[index]
        return offset == Self.apart ? distant[index]! : blockStarts[index &>> Self.blockShift] &+ Int(offset)
    }
}
