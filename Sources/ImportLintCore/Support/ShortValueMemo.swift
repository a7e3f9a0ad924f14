/// Verdicts (`VerdictCache`'s) of values of at most 16 bytes, in a small direct-mapped table keyed by all
/// their bytes: a later value in the same slot replaces an earlier one. Raw memory, freed by the owner's
/// `deallocate()`.
struct ShortValueMemo {
    /// A value of 1 to 16 bytes: its length and bytes packed into two words, equal only for equal values.
    struct Key: Equatable {
        var head: UInt64
        var tail: UInt64
        var length: Int

        @inline(__always)
        init?(_ value: UnsafeBufferPointer<UInt8>) {
            let n = value.count
            guard n <= 16, n > 0, let p = value.baseAddress else { return nil }
            length = n
            let raw = UnsafeRawPointer(p)
            if n >= 8 {
                // Two overlapping words cover every byte.
                head = raw.loadUnaligned(as: UInt64.self)
                tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if n >= 4 {
                head = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
                tail = 0
            } else {
                // Bytes 0, n/2 and n-1 are every byte of a value of 1 to 3.
                head = UInt64(p[0]) | UInt64(p[n / 2]) << 8 | UInt64(p[n - 1]) << 16
                tail = 0
            }
        }

        @inline(__always)
        var slot: Int {
            Int(truncatingIfNeeded: (((head ^ tail &* 0x9E37_79B9_7F4A_7C15) &+ UInt64(length)) &* 0xBF58_476D_1CE4_E5B9) >> 58)
        }
    }

    private struct Entry {
        var key: Key
        var verdict: Int32
    }

    private static let slotCount = 64
    /// Length 0 marks an empty slot.
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: Self.slotCount)
        entries.initialize(repeating: Entry(key: Key(head: 0, tail: 0, length: 0), verdict: 0), count: Self.slotCount)
    }

    func deallocate() { entries.deallocate() }

    @inline(__always)
    func verdict(_ key: Key) -> Int32? {
        let entry = entries[key.slot]
        return entry.key == key ? entry.verdict : nil
    }

    @inline(__always)
    func remember(_ key: Key, _ verdict: Int32) {
        entries[key.slot] = Entry(key: key, verdict: verdict)
    }
}

extension ShortValueMemo.Key {
    fileprivate init(head: UInt64, tail: UInt64, length: Int) {
        self.head = head
        self.tail = tail
        self.length = length
    }
}
