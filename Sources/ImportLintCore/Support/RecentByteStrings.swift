/// A set of recent byte strings of 1 to 63 bytes in a direct-mapped table: a later string in the
/// same slot replaces an earlier one, so `contains` may forget but never invents. For verdicts that are a
/// function of the bytes alone: the domains an email column accepted, the cells a column judged lately.
/// Raw memory, freed by the owner's `deallocate()`.
struct RecentByteStrings {
    /// Four times the distinct values a column of domains or time zones typically holds, so that two of
    /// them seldom share a slot (at 64, a people file's 25 domains missed one look-up in seven).
    static let slotCount = 256
    /// A slot is one cache line: the string (its `ends` word when it has at most 8 bytes), then its length
    /// in the last byte (0 for an empty slot), so that a look-up reads one line where the length and the
    /// bytes apart took two.
    private static let slotSize = 64
    /// Longer strings are never remembered.
    static let maximumLength = slotSize - 1
    private let slots: UnsafeMutableRawPointer

    init() {
        slots = .allocate(byteCount: Self.slotCount * Self.slotSize, alignment: Self.slotSize)
        slots.initializeMemory(as: UInt8.self, repeating: 0, count: Self.slotCount * Self.slotSize)
    }

    func deallocate() {
        slots.deallocate()
    }

    /// A word made of a string of `n` bytes (1 to 63): its first and last four bytes (bytes 0, n/2 and n-1
    /// when shorter), so every byte of a string of up to 8.
    @inline(__always)
    private static func ends(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        if n >= 4 {
            let raw = UnsafeRawPointer(p)
            return UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) << 32
        }
        return UInt64(p[0]) | UInt64(p[n / 2]) << 8 | UInt64(p[n &- 1]) << 16
    }

    /// The number of the slot of a string of `n` bytes, from its `ends` and length.
    @inline(__always)
    private static func slot(_ ends: UInt64, _ n: Int) -> Int {
        Int(truncatingIfNeeded: ((ends &+ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    @inline(__always)
    func contains(_ string: UnsafeBufferPointer<UInt8>) -> Bool {
        find(string) >= 0
    }

    /// The number (0 to `slotCount - 1`) of the slot holding `string`, -1 when it is not held: the owner
    /// can keep something per slot (`insert` returns the number), valid until another string takes it.
    @inline(__always)
    func find(_ string: UnsafeBufferPointer<UInt8>) -> Int {
        let n = string.count
        guard n >= 1, n <= Self.maximumLength, let p = string.baseAddress else { return -1 }
        let ends = Self.ends(p, n)
        let k = Self.slot(ends, n)
        return holds(k, p, n, ends) ? k : -1
    }

    /// The length of the string slot `k` holds, 0 when it is empty.
    @inline(__always)
    private func length(at k: Int) -> Int {
        Int(slots.load(fromByteOffset: k &* Self.slotSize &+ Self.maximumLength, as: UInt8.self))
    }

    /// Whether slot `k` holds the string of `n` (1 to 63) bytes at `p`, whose `ends` word is `ends`.
    @inline(__always)
    private func holds(_ k: Int, _ p: UnsafePointer<UInt8>, _ n: Int, _ ends: UInt64) -> Bool {
        guard length(at: k) == n else { return false }
        let s = slots + k &* Self.slotSize
        // A string of up to 8 bytes is held as its `ends`, which has all its bytes: one comparison.
        if n <= 8 { return s.load(as: UInt64.self) == ends }
        return Self.equal(UnsafeRawPointer(s), UnsafeRawPointer(p), n)
    }

    /// Puts the string of `n` (1 to 63) bytes at `p`, whose `ends` word is `ends`, in slot `k`.
    @inline(__always)
    private func store(_ p: UnsafePointer<UInt8>, _ n: Int, _ ends: UInt64, at k: Int) {
        let s = slots + k &* Self.slotSize
        if n <= 8 { s.storeBytes(of: ends, as: UInt64.self) } else { s.copyMemory(from: p, byteCount: n) }
        s.storeBytes(of: UInt8(n), toByteOffset: Self.maximumLength, as: UInt8.self)
    }

    /// `find`, looking also in the other slot of the home slot's pair (`k ^ 1`), where `insertInPair` puts
    /// a string whose home slot is taken: for a handful of frequent strings of which two may share a home
    /// (two of a people file's 25 email domains did: one address in 28 missed the memo).
    @inline(__always)
    func findInPair(_ string: UnsafeBufferPointer<UInt8>) -> Int {
        let k = find(string)
        guard k < 0, let p = string.baseAddress, (1...Self.maximumLength).contains(string.count) else { return k }
        return findInOtherSlot(p, string.count)
    }

    @inline(never)
    private func findInOtherSlot(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let ends = Self.ends(p, n)
        let k = Self.slot(ends, n) ^ 1
        return holds(k, p, n, ends) ? k : -1
    }

    /// `insert`, into the other slot of the pair when the home slot is taken and that one is free.
    func insertInPair(_ string: UnsafeBufferPointer<UInt8>) {
        let n = string.count
        guard n >= 1, n <= Self.maximumLength, let p = string.baseAddress else { return }
        let ends = Self.ends(p, n)
        let home = Self.slot(ends, n)
        store(p, n, ends, at: length(at: home) != 0 && length(at: home ^ 1) == 0 ? home ^ 1 : home)
    }

    /// Byte equality of two strings of `n` (9 to 63) bytes, in words: most strings here are short, where
    /// a call to memcmp costs more than the comparison. Reads no byte outside either string.
    @inline(__always)
    private static func equal(_ x: UnsafeRawPointer, _ y: UnsafeRawPointer, _ n: Int) -> Bool {
        // Up to 32 bytes (nearly every cell, domain and organization held here): the first two and the last
        // two words, overlapping, with no loop to enter and leave (5 to 10 instructions a look-up).
        @inline(__always) func word(_ offset: Int) -> Bool {
            x.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == y.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        }
        if n <= 16 { return word(0) && word(n &- 8) }
        if n <= 32 { return word(0) && word(8) && word(n &- 16) && word(n &- 8) }
        var i = 0
        while i &+ 8 < n {
            if !word(i) { return false }
            i &+= 8
        }
        // The last word, overlapping bytes already compared.
        return word(n &- 8)
    }

    /// Stores `string` in its slot, replacing the one there; returns the slot's number, -1 for a string
    /// too short or too long to be held.
    @discardableResult
    func insert(_ string: UnsafeBufferPointer<UInt8>) -> Int {
        let n = string.count
        guard n >= 1, n <= Self.maximumLength, let p = string.baseAddress else { return -1 }
        let ends = Self.ends(p, n)
        let k = Self.slot(ends, n)
        store(p, n, ends, at: k)
        return k
    }

    /// Forgets every string.
    func removeAll() {
        slots.initializeMemory(as: UInt8.self, repeating: 0, count: Self.slotCount * Self.slotSize)
    }
}
