import CICU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seen-key table of 64-bit fingerprints, each with a value (a line), in flat arrays of 7-byte slots with
/// linear probing: a fingerprint's high bits choose its home slot and the slot keeps its low 28 bits and
/// the value in 28 bits. A hit only says the key is probably the same (its home bits are only known to be
/// near and its low bits equal): callers verify hits against the real bytes (see `DuplicateKeyVerifier`),
/// so a fingerprint collision can never be reported as a duplicate. Seven eighths of the memory of 8-byte
/// slots holding 32 bits of each: a look-up compares its 28 bits with about five slots, so a file of ten
/// million keys meets a collision about once in five files (once in eighty with 32 bits).
///
/// Slots do not keep enough of the fingerprint to move them to a larger array. A full table instead gets
/// another layer, searched after it. The table is presized from the file's size (`reserve`), moving the
/// few thousand keys seen before into the new layer, so that a file normally has one layer; and memory
/// never holds an old and a new array of that size at once while growing.
final class FingerprintTable {
    private struct Layer {
        /// `capacity` slots, and one byte more so that the last one can be read as 8 bytes.
        let bytes: UnsafeMutableRawPointer
        /// Bytes mapped for them, or 0 when they came from malloc (see `LayerMemory`).
        let mapped: Int
        let capacity: Int
        var count = 0
        /// The value its stored values are relative to: the first one it got.
        var base = 0

        init(keys: Int, sparse: Bool = false) {
            capacity = Self.capacity(for: keys, sparse: sparse)
            limit = capacity / 10 * 9
            (bytes, mapped) = LayerMemory.allocate(capacity * Slot.bytes + 1)
        }

        func deallocate() { LayerMemory.deallocate(bytes, mapped: mapped) }

        /// At most 9/10 full: linear probing over 7-byte slots, nine to a cache line, takes about five
        /// probes per look-up on average while the table fills (about 50 near the end of a full one). A
        /// sparse layer has twice as many slots as keys: about 1.5 probes a new key while it fills to half.
        static func capacity(for keys: Int, sparse: Bool) -> Int { sparse ? 2 * keys + 64 : max(64, keys / 9 * 10 + 64) }

        /// Keys it takes: 9/10 of its slots.
        let limit: Int

        var keysLeft: Int { limit &- count }

        /// Whether `value` (0 to `largestValue`) can be stored here (relative to the layer's first value).
        func fits(_ value: Int) -> Bool { count == 0 || (value >= base && value &- base <= Slot.largestOffset) }

        /// Home slot: the fingerprint's high bits scaled to the capacity (any capacity works).
        @inline(__always)
        func home(_ fingerprint: UInt64) -> Int {
            Int(truncatingIfNeeded: fingerprint.multipliedFullWidth(by: UInt64(capacity)).high)
        }

        /// The slot whose first byte is at byte offset `at` (a multiple of `Slot.bytes`): slots are known by
        /// their offsets, which the probe walks, so that finding one needs no multiplication or division.
        @inline(__always)
        func slot(at: Int) -> UInt64 {
            UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) & Slot.mask
        }

        /// Writes the slot at offset `at`, leaving the next slot's first byte (read and written with it) as it was.
        @inline(__always)
        func store(at: Int, check: UInt64, value: Int) {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let slot = check << UInt64(Slot.valueBits) | UInt64(value &- base &+ 1)
            bytes.storeBytes(of: (word & ~Slot.mask | slot).littleEndian, toByteOffset: at, as: UInt64.self)
        }

        /// The offset of the slot on `fingerprint`'s probe path holding its check bits, or else of the empty
        /// slot ending the path. A slot's check bits are compared where they lie (under `checkField`): nine
        /// instructions a probe, where indexing and shifting took thirteen.
        @inline(__always)
        func probe(_ fingerprint: UInt64, _ check: UInt64) -> (at: Int, found: Bool) {
            let wanted = check << UInt64(Slot.valueBits)
            let end = capacity &* Slot.bytes
            var at = home(fingerprint) &* Slot.bytes
            while true {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                if word & Slot.valueMask == 0 { return (at, false) }
                if (word ^ wanted) & Slot.checkField == 0 { return (at, true) }
                at &+= Slot.bytes
                if at == end { at = 0 }
            }
        }

        func value(at: Int) -> Int { base + Int(truncatingIfNeeded: slot(at: at) & Slot.valueMask) - 1 }
    }

    // No dynamic exclusivity checks: the table never hands out access to these (they cost two runtime
    // calls per look-up). The layers in raw memory: counting a key in an array's element checked that
    // the array was not shared, a runtime call per new key.
    @exclusivity(unchecked) private var layers: UnsafeMutableBufferPointer<Layer>
    @exclusivity(unchecked) private(set) var count = 0
    /// The whole fingerprints of the first layer's keys while it is the only layer, so that `reserve` can
    /// move them into the layer it makes: a look-up then searches one layer instead of two. Nil once
    /// another layer was needed first.
    @exclusivity(unchecked) private var firstLayerFingerprints: [UInt64]? = []

    /// A first layer for the keys seen before the table is presized (see `reserve`).
    init(expectedKeys: Int = 4096) {
        layers = Self.buffer([Layer(keys: expectedKeys)])
    }

    deinit {
        for layer in layers { layer.deallocate() }
        layers.deallocate()
    }

    private static func buffer(_ layers: [Layer]) -> UnsafeMutableBufferPointer<Layer> {
        let buffer = UnsafeMutableBufferPointer<Layer>.allocate(capacity: layers.count)
        _ = buffer.initialize(from: layers)
        return buffer
    }

    /// Replaces the list of layers (their memory stays with them).
    private func setLayers(_ new: [Layer]) {
        layers.deallocate()
        layers = Self.buffer(new)
    }

    /// Asks the memory system for the key's home slots now, so that a later look-up does not wait for them:
    /// the home slot's cache line and the next, since a look-up takes about five probes (35 bytes) on
    /// average and more as the table fills, and so often goes on into the next line.
    @inline(__always)
    func prefetch(_ fingerprint: UInt64) {
        for layer in layers {
            let home = UnsafeRawPointer(layer.bytes + layer.home(fingerprint) &* Slot.bytes)
            cicu_prefetch(home)
            cicu_prefetch(home + 64)
        }
    }

    /// The value stored for `fingerprint`, or nil; a look-up only, so that threads may share a table no one
    /// changes.
    @inline(__always)
    func value(of fingerprint: UInt64) -> Int? {
        let check = fingerprint & Slot.checkMask
        for l in layers.indices {
            let (i, found) = layers[l].probe(fingerprint, check)
            if found { return layers[l].value(at: i) }
        }
        return nil
    }

    /// The value stored for `fingerprint`, or nil after storing `value` for it. Values are kept in 32 bits:
    /// one of 4,294,967,294 or more comes back as 4,294,967,294, a negative one as 0.
    @inline(__always)
    func valueOrInsert(_ fingerprint: UInt64, _ value: Int) -> Int? {
        let check = fingerprint & Slot.checkMask
        let value = min(max(0, value), Self.largestValue)
        if layers.count == 1 {
            // A presized table has one layer: looking through the list of layers cost a new key 45 instructions more.
            let (i, found) = layers[0].probe(fingerprint, check)
            if found { return layers[0].value(at: i) }
            if layers[0].keysLeft > 0 && layers[0].fits(value) {
                insert(at: i, in: 0, check: check, value: value)
                firstLayerFingerprints?.append(fingerprint)
                return nil
            }
        }
        // A new key goes to the first layer with room for it, at the end of its probe path there.
        var target = -1, free = 0
        for l in layers.indices {
            let (i, found) = layers[l].probe(fingerprint, check)
            if found { return layers[l].value(at: i) }
            if target < 0 && layers[l].keysLeft > 0 && layers[l].fits(value) { (target, free) = (l, i) }
        }
        if target < 0 {
            // Half as much room again, in a new layer (also for a value too far from those of the layers,
            // in a file of more than 268 million lines).
            setLayers(Array(layers) + [Layer(keys: count / 2)])
            firstLayerFingerprints = nil
            target = layers.count - 1
            free = layers[target].probe(fingerprint, check).at
        }
        insert(at: free, in: target, check: check, value: value)
        firstLayerFingerprints?.append(fingerprint)
        return nil
    }

    @inline(__always)
    private func insert(at offset: Int, in l: Int, check: UInt64, value: Int) {
        if layers[l].count == 0 { layers[l].base = value }
        layers[l].store(at: offset, check: check, value: value)
        // Counts of keys in memory: they cannot overflow.
        layers[l].count &+= 1
        count &+= 1
    }

    private static let largestValue = Int(UInt32.max) - 1

    /// Makes room for `keys` keys in all (from an estimate of the file's records) in one new layer, unless
    /// there is room already: for the first keys and all the rest while the first layer is the only one,
    /// else for the keys missing (new keys fill the room the earlier layers have left first). A `sparse`
    /// layer is half full once they came (14 bytes a key instead of 7.8), for a caller whose memory allows.
    func reserve(_ keys: Int, sparse: Bool = false) {
        let room = layers.reduce(0) { $0 + $1.keysLeft }
        guard count + room < keys else { return }
        if let moving = firstLayerFingerprints {
            firstLayerFingerprints = nil
            let empty = Layer(keys: keys, sparse: sparse)
            if let layer = moved(moving, into: empty) {
                layers[0].deallocate()
                setLayers([layer])
                return
            }
            empty.deallocate()
        }
        setLayers(Array(layers) + [Layer(keys: keys - count - room, sparse: sparse)])
    }

    /// `layer` with the first layer's keys and their values stored in it (to be the table's only layer);
    /// nil when two of them meet there as one (equal in the bits a slot keeps, so that a look-up would
    /// find only the first): the first layer then stays.
    private func moved(_ fingerprints: [UInt64], into layer: Layer) -> Layer? {
        var layer = layer
        for fingerprint in fingerprints {
            let check = fingerprint & Slot.checkMask
            let (to, taken) = layer.probe(fingerprint, check)
            guard !taken else { return nil }
            // In the order they came, so that the values stay at or above the first and fit as they did.
            let value = layers[0].value(at: layers[0].probe(fingerprint, check).at)
            if layer.count == 0 { layer.base = value }
            layer.store(at: to, check: check, value: value)
            layer.count += 1
        }
        return layer
    }

    /// Forgets every key and gives the memory back (the file's keys have all been seen: the table is
    /// otherwise held while the findings are sorted and written).
    func removeAll() {
        for layer in layers { layer.deallocate() }
        setLayers([Layer(keys: 0)])
        firstLayerFingerprints = []
        count = 0
    }

    /// Bytes held, for tests of the memory bound.
    var byteCount: Int { layers.reduce(0) { $0 + $1.capacity * Slot.bytes + 1 } }

    /// Layers searched per look-up, for tests.
    var layerCount: Int { layers.count }
}

/// A slot: the fingerprint's low `checkBits` above a value of `valueBits`, in `bytes` bytes.
private enum Slot {
    // Computed, so that each folds to a constant where it is used (a stored one may be read lazily).
    static var bytes: Int { 7 }
    static var valueBits: Int { 28 }
    static var checkBits: Int { 28 }
    static var valueMask: UInt64 { 1 << valueBits - 1 }
    static var checkMask: UInt64 { 1 << checkBits - 1 }
    static var mask: UInt64 { 1 << (bytes * 8) - 1 }
    /// Where a slot's check bits lie in the 8 bytes read at it.
    static var checkField: UInt64 { checkMask << valueBits }
    /// A layer's values are kept as the difference from its first value, plus one (0 marks an empty slot).
    static var largestOffset: Int { Int(valueMask) - 1 }
}

/// Zeroed memory for a layer (and for `HugePageList`, `ValueRulesRule`'s short-cell bits). A large one is
/// mapped on a 2 MiB boundary and asks for huge pages: a look-up lands on a random page of the table, and
/// with 4 KiB pages it missed the TLB as well as the cache (the wait for the slot was half of this rule's
/// time, in spite of the prefetch).
enum LayerMemory {
    static let hugePage = 2 << 20
    /// From this size the memory is mapped, not zeroed: the kernel hands out zero pages as they are first
    /// written. Zeroing faulted in every page while the rules were made, before either part's pass could
    /// start, and on this VM a fresh page costs up to tens of microseconds; many are never written (a scoped
    /// table's, the bits of short cells a column never holds).
    static let mappedFrom = 16 << 10

    static func allocate(_ byteCount: Int) -> (UnsafeMutableRawPointer, mapped: Int) {
        guard byteCount >= mappedFrom else {
            let bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 8)
            bytes.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
            return (bytes, 0)
        }
        guard byteCount >= hugePage else {
            let length = (byteCount + Int(getpagesize()) - 1) / Int(getpagesize()) * Int(getpagesize())
            let raw = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let raw, raw != MAP_FAILED else { fatalError("out of memory for the key table") }
            return (raw, length)
        }
        let length = (byteCount + hugePage - 1) / hugePage * hugePage
        // A huge page more than needed, so that the layer can start on a boundary; the rest goes back.
        let raw = mmap(nil, length + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let raw, raw != MAP_FAILED else { fatalError("out of memory for the key table") }
        let start = Int(bitPattern: raw)
        let aligned = (start + hugePage - 1) / hugePage * hugePage
        if aligned > start { munmap(raw, aligned - start) }
        let tail = start + length + hugePage - (aligned + length)
        if tail > 0 { munmap(UnsafeMutableRawPointer(bitPattern: aligned + length), tail) }
        let bytes = UnsafeMutableRawPointer(bitPattern: aligned)!
        #if os(Linux)
        madvise(bytes, length, MADV_HUGEPAGE)
        #endif
        return (bytes, length)
    }

    static func deallocate(_ bytes: UnsafeMutableRawPointer, mapped: Int) {
        if mapped > 0 { munmap(bytes, mapped) } else { bytes.deallocate() }
    }
}
