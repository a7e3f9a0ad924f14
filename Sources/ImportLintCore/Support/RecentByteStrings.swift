/// A set of recent byte strings of 1 to 64 bytes in a direct-mapped table: a later string in the
/// same slot replaces an earlier one, so `contains` may forget but never invents. For verdicts that are a
/// function of the bytes alone: the domains an email column accepted, the cells a column found clean.
/// Raw memory, freed by the owner's `deallocate()`.
struct RecentByteStrings {
    /// Four times the distinct values a column of domains or time zones typically holds, so that two of
    /// them seldom share a slot (at 64, a people file's 25 domains missed one look-up in seven).
    private static let slotCount = 256
    /// Longer strings are never remembered.
    static let maximumLength = 64
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Per slot, the length of its string; 0 for an empty slot.
    private let lengths: UnsafeMutablePointer<Int>

    init() {
        bytes = .allocate(capacity: Self.slotCount * Self.maximumLength)
        lengths = .allocate(capacity: Self.slotCount)
        lengths.initialize(repeating: 0, count: Self.slotCount)
    }

    func deallocate() {
        bytes.deallocate()
        lengths.deallocate()
    }

    /// The slot of a string of `n` bytes (1 to 64): from its length and its first and last four bytes.
    @inline(__always)
    private static func slot(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let ends: UInt64
        if n >= 4 {
            let raw = UnsafeRawPointer(p)
            ends = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
        } else {
            ends = UInt64(p[0]) | UInt64(p[n / 2]) << 8 | UInt64(p[n - 1]) << 16
        }
        return Int(truncatingIfNeeded: ((ends &+ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    @inline(__always)
    func contains(_ string: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = string.count
        guard n >= 1, n <= Self.maximumLength, let p = string.baseAddress else { return false }
        let s = Self.slot(p, n)
        return lengths[s] == n && Self.equal(bytes + s * Self.maximumLength, p, n)
    }

    /// Byte equality of two strings of `n` (1 to 64) bytes, in words: most strings here are short, where
    /// a call to memcmp costs more than the comparison. Reads no byte outside either string.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i += 8
            }
            // The last word, overlapping bytes already compared.
            return x.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
                && x.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        // Bytes 0, n/2 and n-1 are every byte of a string of 1 to 3.
        return a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]
    }

    func insert(_ string: UnsafeBufferPointer<UInt8>) {
        let n = string.count
        guard n >= 1, n <= Self.maximumLength, let p = string.baseAddress else { return }
        let s = Self.slot(p, n)
        (bytes + s * Self.maximumLength).update(from: p, count: n)
        lengths[s] = n
    }
}
