/// Counts the occurrences of distinct byte strings, keeping each distinct string once.
///
/// Made for columns whose few hundred distinct values repeat over millions of rows (Organization,
/// Department): a row must cost little more than reading its bytes. So: a word-at-a-time hash with one
/// multiply per word, open addressing over entry numbers, and one byte comparison with the entry that
/// almost always matches. Unlike `KeyTable` it keeps the bytes, which the clusterer needs anyway.
///
/// A struct of raw buffers, so that the per-row path touches no reference count; the owner calls
/// `deallocate()` once.
struct ByteStringCounter {
    private struct Entry {
        var start: Int
        var length: Int
        var hash: UInt64
        var occurrences: Int
    }

    private var bytes = RawList<UInt8>(capacity: 4096)
    private var entries = RawList<Entry>(capacity: 256)
    /// Distinct strings so far; entries are numbered from 0 in order of first appearance.
    var count: Int { entries.count }
    /// Entry number + 1 per slot, 0 when empty; a power of two in size, at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotMask: Int

    init() {
        slotMask = 511
        slots = .allocate(capacity: slotMask + 1)
        slots.initialize(repeating: 0, count: slotMask + 1)
    }

    func deallocate() {
        bytes.deallocate()
        entries.deallocate()
        slots.deallocate()
    }

    /// Counts one occurrence of `value`; returns its entry number and how often it has now been seen.
    @inline(__always)
    mutating func add(_ value: UnsafeBufferPointer<UInt8>) -> (entry: Int, occurrences: Int) {
        let hash = Self.hash(value)
        let (slot, found) = probe(value, hash: hash)
        if let entry = found {
            entries[entry].occurrences &+= 1
            return (entry, entries[entry].occurrences)
        }
        let entry = append(value, hash: hash)
        slots[slot] = Int32(entry + 1)
        if count * 2 > slotMask { growSlots() }
        return (entry, 1)
    }

    /// Counts one more occurrence of `entry`, whose bytes the caller matched; returns how often it has now
    /// been seen.
    @inline(__always)
    mutating func addOccurrence(of entry: Int) -> Int {
        entries[entry].occurrences &+= 1
        return entries[entry].occurrences
    }

    /// Counts `times` occurrences of `value` at once (another counter's, merged); returns its entry number
    /// and how often it was seen before.
    mutating func add(_ value: UnsafeBufferPointer<UInt8>, times: Int) -> (entry: Int, before: Int) {
        let (entry, seen) = add(value)
        entries[entry].occurrences &+= times - 1
        return (entry, seen - 1)
    }

    /// The bytes of an entry.
    func bytes(of entry: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes.base + entries[entry].start, count: entries[entry].length)
    }

    /// The entry number of `value`, if it was counted.
    func find(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        probe(value, hash: Self.hash(value)).entry
    }

    /// The slot holding `value`'s entry, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ value: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, entry: Int?) {
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (slot, nil) }
            if entries[stored &- 1].hash == hash && equals(stored &- 1, value) { return (slot, stored &- 1) }
            slot = (slot &+ 1) & slotMask
        }
    }

    func string(_ entry: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: bytes.base + entries[entry].start, count: entries[entry].length), as: UTF8.self)
    }

    func occurrences(_ entry: Int) -> Int { entries[entry].occurrences }

    /// Word-at-a-time, inline: a call to memcmp costs more than comparing a short name.
    @inline(__always)
    private func equals(_ entry: Int, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = entries[entry].length
        guard n == value.count else { return false }
        guard n > 0, let q = value.baseAddress else { return true }
        let p = UnsafePointer(bytes.base + entries[entry].start)
        if n >= 8 {
            var i = 0
            while i &+ 8 <= n {
                if Self.word(p + i) != Self.word(q + i) { return false }
                i &+= 8
            }
            return i == n || Self.word(p + n - 8) == Self.word(q + n - 8)
        }
        if n >= 4 {
            return Self.halfWord(p) == Self.halfWord(q) && Self.halfWord(p + n - 4) == Self.halfWord(q + n - 4)
        }
        return p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]
    }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 { UnsafeRawPointer(p).loadUnaligned(as: UInt64.self) }

    @inline(__always)
    private static func halfWord(_ p: UnsafePointer<UInt8>) -> UInt32 { UnsafeRawPointer(p).loadUnaligned(as: UInt32.self) }

    private mutating func append(_ value: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        entries.append(Entry(start: bytes.count, length: value.count, hash: hash, occurrences: 1))
        if let base = value.baseAddress { bytes.append(base, count: value.count) }
        return count - 1
    }

    private mutating func growSlots() {
        slots.deallocate()
        slotMask = slotMask * 2 + 1
        slots = .allocate(capacity: slotMask + 1)
        slots.initialize(repeating: 0, count: slotMask + 1)
        for entry in 0..<count {
            var slot = Int(truncatingIfNeeded: entries[entry].hash) & slotMask
            while slots[slot] != 0 { slot = (slot &+ 1) & slotMask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// Whole 8-byte words, then the tail read as two overlapping 4-byte words or three single bytes,
    /// so that no read leaves the value. One multiply per word (as FxHash does) and one final
    /// avalanche, because the slot is taken from the low bits.
    @inline(__always)
    static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = value.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if let p = value.baseAddress, n > 0 {
            var i = 0
            while i &+ 8 <= n {
                h = combine(h, word(p + i))
                i &+= 8
            }
            let rest = n &- i
            if rest >= 4 {
                h = combine(h, UInt64(halfWord(p + i)) << 32 | UInt64(halfWord(p + n - 4)))
            } else if rest > 0 {
                h = combine(h, UInt64(p[i]) << 16 | UInt64(p[i + rest / 2]) << 8 | UInt64(p[n - 1]))
            }
        }
        h = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 32)
    }

    @inline(__always)
    private static func combine(_ h: UInt64, _ w: UInt64) -> UInt64 {
        ((h << 5 | h >> 59) ^ w) &* 0x517C_C1B7_2722_0A95
    }
}
