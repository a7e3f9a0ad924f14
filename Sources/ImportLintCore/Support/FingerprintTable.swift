import CICU

/// Seen-key table of 64-bit fingerprints, each with a 32-bit value (a line), in one flat array of 12-byte
/// slots with linear probing. A hit only says the key is probably the same: callers verify hits against
/// the real bytes (see `DuplicateKeyVerifier`), so a fingerprint collision can never be reported as a
/// duplicate. Half the memory of a 128-bit digest table, and presizable from the file's size so that it
/// never holds an old and a new array at once while growing.
final class FingerprintTable {
    /// The fingerprint as two halves keeps the slot at 12 bytes (a UInt64 would align it to 16).
    private struct Slot {
        var low: UInt32
        var high: UInt32
        var value: Int32

        init(fingerprint: UInt64, value: Int32) {
            low = UInt32(truncatingIfNeeded: fingerprint)
            high = UInt32(truncatingIfNeeded: fingerprint >> 32)
            self.value = value
        }

        @inline(__always)
        var fingerprint: UInt64 { UInt64(high) << 32 | UInt64(low) }
    }

    // No dynamic exclusivity checks: the table never hands out access to these (they cost two runtime
    // calls per look-up).
    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    /// Fingerprint 0 marks an empty slot; a real 0 is kept aside.
    @exclusivity(unchecked) private var zeroValue: Int32?

    /// At most 3/4 full: linear probing stays at a few probes per look-up.
    private static func capacity(for keys: Int) -> Int { max(64, keys / 3 * 4 + 64) }

    init(expectedKeys: Int = 1024) {
        capacity = Self.capacity(for: expectedKeys)
        slots = Self.emptySlots(capacity)
    }

    deinit { slots.deallocate() }

    private static func emptySlots(_ n: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: n)
        slots.initialize(repeating: Slot(fingerprint: 0, value: 0), count: n)
        return slots
    }

    /// Home slot: the fingerprint scaled to the capacity (any capacity works, not only powers of two).
    @inline(__always)
    private func home(_ fingerprint: UInt64) -> Int {
        Int(truncatingIfNeeded: fingerprint.multipliedFullWidth(by: UInt64(capacity)).high)
    }

    /// Asks the memory system for the key's home slot now, so that a later look-up does not wait for it.
    @inline(__always)
    func prefetch(_ fingerprint: UInt64) {
        cicu_prefetch(UnsafeRawPointer(slots + home(fingerprint)))
    }

    /// The value stored for `fingerprint`, or nil after storing `value` for it.
    @inline(__always)
    func valueOrInsert(_ fingerprint: UInt64, _ value: Int32) -> Int32? {
        if fingerprint == 0 {
            defer { if zeroValue == nil { zeroValue = value } }
            return zeroValue
        }
        var i = home(fingerprint)
        while true {
            let f = slots[i].fingerprint
            if f == fingerprint { return slots[i].value }
            if f == 0 { break }
            i += 1
            if i == capacity { i = 0 }
        }
        if (count + 1) * 4 > capacity * 3 {
            resize(to: capacity * 2)
            return valueOrInsert(fingerprint, value)
        }
        slots[i] = Slot(fingerprint: fingerprint, value: value)
        count += 1
        return nil
    }

    /// Makes room for `keys` keys in one step (from an estimate of the file's records); never shrinks.
    func reserve(_ keys: Int) {
        let wanted = Self.capacity(for: keys)
        if wanted > capacity { resize(to: wanted) }
    }

    private func resize(to newCapacity: Int) {
        let old = slots, oldCapacity = capacity
        capacity = newCapacity
        slots = Self.emptySlots(newCapacity)
        for j in 0..<oldCapacity where old[j].fingerprint != 0 {
            var i = home(old[j].fingerprint)
            while slots[i].fingerprint != 0 {
                i += 1
                if i == capacity { i = 0 }
            }
            slots[i] = old[j]
        }
        old.deallocate()
    }

    /// Bytes held, for tests of the memory bound.
    var byteCount: Int { capacity * MemoryLayout<Slot>.stride }
}
