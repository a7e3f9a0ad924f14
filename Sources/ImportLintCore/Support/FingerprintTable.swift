import CICU

/// Seen-key table of 64-bit fingerprints, each with a value (a line), in flat arrays of 8-byte slots with
/// linear probing: a fingerprint's high bits choose its home slot and the slot keeps its low 32 bits and
/// the value. A hit only says the key is probably the same (its home bits are only known to be near and
/// its low bits equal): callers verify hits against the real bytes (see `DuplicateKeyVerifier`), so a
/// fingerprint collision can never be reported as a duplicate. Two thirds of the memory of 12-byte slots
/// holding the whole fingerprint.
///
/// Slots do not keep enough of the fingerprint to move them to a larger array. A full table instead gets
/// another layer, searched after it; the table is presized from the file's size (`reserve`) so that a
/// file normally has two layers (the first few thousand keys, then the rest), and memory never holds an
/// old and a new array at once while growing.
final class FingerprintTable {
    private struct Slot {
        /// The fingerprint's low half.
        var check: UInt32
        /// The value plus one; 0 marks an empty slot.
        var storedValue: UInt32
    }

    private struct Layer {
        let slots: UnsafeMutablePointer<Slot>
        let capacity: Int
        var count = 0

        init(keys: Int) {
            capacity = Self.capacity(for: keys)
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(check: 0, storedValue: 0), count: capacity)
        }

        /// At most 9/10 full: linear probing over 8-byte slots, eight to a cache line, takes about five
        /// probes per look-up on average while the table fills (about 50 near the end of a full one).
        static func capacity(for keys: Int) -> Int { max(64, keys / 9 * 10 + 64) }

        var keysLeft: Int { capacity / 10 * 9 - count }

        /// Home slot: the fingerprint's high bits scaled to the capacity (any capacity works).
        @inline(__always)
        func home(_ fingerprint: UInt64) -> Int {
            Int(truncatingIfNeeded: fingerprint.multipliedFullWidth(by: UInt64(capacity)).high)
        }

        /// The slot on `fingerprint`'s probe path holding its low half, or else the empty slot ending the path.
        @inline(__always)
        func probe(_ fingerprint: UInt64, _ check: UInt32) -> (index: Int, found: Bool) {
            var i = home(fingerprint)
            while true {
                let slot = slots[i]
                if slot.storedValue == 0 { return (i, false) }
                if slot.check == check { return (i, true) }
                i += 1
                if i == capacity { i = 0 }
            }
        }
    }

    // No dynamic exclusivity checks: the table never hands out access to these (they cost two runtime
    // calls per look-up).
    @exclusivity(unchecked) private var layers: [Layer]
    @exclusivity(unchecked) private(set) var count = 0

    /// A first layer for the keys seen before the table is presized (see `reserve`).
    init(expectedKeys: Int = 4096) {
        layers = [Layer(keys: expectedKeys)]
    }

    deinit { for layer in layers { layer.slots.deallocate() } }

    /// Asks the memory system for the key's home slots now, so that a later look-up does not wait for them.
    @inline(__always)
    func prefetch(_ fingerprint: UInt64) {
        for layer in layers { cicu_prefetch(UnsafeRawPointer(layer.slots + layer.home(fingerprint))) }
    }

    /// The value stored for `fingerprint`, or nil after storing `value` for it. Values are kept in 32 bits:
    /// one of 4,294,967,294 or more comes back as 4,294,967,294, a negative one as 0.
    @inline(__always)
    func valueOrInsert(_ fingerprint: UInt64, _ value: Int) -> Int? {
        let check = UInt32(truncatingIfNeeded: fingerprint)
        var free = 0
        for layer in layers {
            let (i, found) = layer.probe(fingerprint, check)
            if found { return Int(layer.slots[i].storedValue) - 1 }
            free = i
        }
        if layers[layers.count - 1].keysLeft <= 0 {
            // Half as much room again, in a new layer.
            layers.append(Layer(keys: count / 2))
            free = layers[layers.count - 1].probe(fingerprint, check).index
        }
        let last = layers.count - 1
        layers[last].slots[free] = Slot(check: check, storedValue: UInt32(min(max(0, value), Self.largestValue)) + 1)
        layers[last].count += 1
        count += 1
        return nil
    }

    private static let largestValue = Int(UInt32.max) - 1

    /// Makes room for `keys` keys in all (from an estimate of the file's records) in one new layer, unless
    /// there is room already.
    func reserve(_ keys: Int) {
        let room = layers[layers.count - 1].keysLeft
        if count + room < keys { layers.append(Layer(keys: keys - count)) }
    }

    /// Forgets every key and gives the memory back (the file's keys have all been seen: the table is
    /// otherwise held while the findings are sorted and written).
    func removeAll() {
        for layer in layers { layer.slots.deallocate() }
        layers = [Layer(keys: 0)]
        count = 0
    }

    /// Bytes held, for tests of the memory bound.
    var byteCount: Int { layers.reduce(0) { $0 + $1.capacity * MemoryLayout<Slot>.stride } }
}
