import CFieldScan

/// A 128-bit digest of a normalized key. Seen-key tables store this instead of the key text, so memory
/// grows with the number of distinct keys but not their length; at 128 bits an accidental collision among
/// millions of keys is about 1 in 10^26, far below any other source of error.
public struct Key128: Hashable, Sendable {
    var a: UInt64
    var b: UInt64
}

/// Hashing of key bytes eight at a time; what each word does to the state is the hasher's own (`word`).
protocol WordHasher {
    /// Bytes hashed so far, each part counting one more (its separator).
    var length: UInt64 { get set }
    mutating func word(_ w: UInt64)
}

/// Two independent multiply-xorshift lanes over 8-byte words.
struct KeyHasher: WordHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    var length: UInt64 = 0

    @inline(__always)
    mutating func word(_ w: UInt64) {
        a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b &+ w ^ 0xA076_1D64_78BD_642F) &* 0xC2B2_AE3D_27D4_EB4F
        b = (b << 31) | (b >> 33)
    }

    func finalize() -> Key128 {
        var x = a ^ length, y = b ^ (length &* 0x9E37_79B9)
        x ^= x >> 33; x &*= 0xFF51_AFD7_ED55_8CCD; x ^= x >> 33
        y ^= y >> 31; y &*= 0xC4CE_B9FE_1A85_EC53; y ^= y >> 29
        return Key128(a: x, b: y)
    }
}

/// The 64-bit fingerprint of a key that the seen-key tables keep (`FingerprintTable`): a function of the
/// normalized key as `DuplicateKeyVerifier.canonicalKey` makes it, part by part (`cfs_key_mix`: sixteen
/// bytes a multiply, ASCII lowercased on the way, in C), so that equal keys always meet. A collision costs
/// no more than a look at the real bytes (`DuplicateKeyVerifier`).
struct KeyFingerprint {
    /// The value before the first part (`cfs_key_fingerprints` starts from it too).
    static var seed: UInt64 { 0x243F_6A88_85A3_08D3 }
    private(set) var value = seed

    /// Bytes, case-folded when asked: ASCII in the mixing itself, anything else through `foldedNonASCII`.
    @inline(__always)
    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) {
        if cfs_key_mix(&value, bytes.baseAddress, Int64(bytes.count), caseInsensitive ? 1 : 0) == 0 { combineLowercased(bytes) }
    }

    /// Bytes that are not all ASCII, as `foldedNonASCII` folds them: rare, and out of line.
    @inline(never)
    private mutating func combineLowercased(_ bytes: UnsafeBufferPointer<UInt8>) {
        Self.foldedNonASCII(bytes).withUnsafeBufferPointer { _ = cfs_key_mix(&value, $0.baseAddress, Int64($0.count), 0) }
    }

    /// Text that is not all ASCII as a case-insensitive key compares it: lowercased and in NFC, so that
    /// 'José@…' and the decomposed 'jose\u{301}@…' macOS writes are one address.
    static func foldedNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var lowercased = String(decoding: bytes, as: UTF8.self).lowercased()
        return lowercased.withUTF8 { ICUBridge.nfc($0) ?? Array($0) }
    }

    /// Bytes without the characters that only format a phone number (`Dialled.isFormatting`), as one part.
    mutating func combineDialled(_ bytes: UnsafeBufferPointer<UInt8>) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { kept in
            var count = 0
            for b in bytes where !Dialled.isFormatting(b) {
                kept[count] = b
                count &+= 1
            }
            _ = cfs_key_mix(&value, UnsafePointer(kept.baseAddress), Int64(count), 0)
        }
    }
}

extension WordHasher {
    /// Bytes, optionally ASCII-lowercased (the caller handles non-ASCII case folding). Reads eight bytes at
    /// a time; the words are the same as assembling them byte by byte (little-endian), so are the digests.
    @inline(__always)
    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>, lowercaseASCII: Bool = false) {
        _ = combine(bytes, lowercaseASCII: lowercaseASCII, onlyASCII: false)
    }

    /// `combine(bytes, lowercaseASCII: true)` when every byte is ASCII, and then true; false, with the hasher
    /// unchanged, at the first word holding another byte. One pass where testing first took two.
    @inline(__always)
    mutating func combineLowercasedIfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var staged = self
        guard staged.combine(bytes, lowercaseASCII: true, onlyASCII: true) else { return false }
        self = staged
        return true
    }

    /// With `onlyASCII`, stops and returns false at the first word with a byte that is not ASCII.
    @inline(__always)
    private mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>, lowercaseASCII: Bool, onlyASCII: Bool) -> Bool {
        let n = bytes.count
        length &+= UInt64(n) &+ 1
        if let base = bytes.baseAddress, n > 0 {
            var i = 0
            while i &+ 8 <= n {
                var w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                if onlyASCII && w & 0x8080_8080_8080_8080 != 0 { return false }
                if lowercaseASCII { w = Self.lowercasedASCII(w) }
                word(w)
                i &+= 8
            }
            if i < n {
                // The last bytes, zero-padded: the same word as assembling them one by one. With eight
                // bytes or more, read as the value's last word shifted past the bytes already hashed
                // (no copy, which cost a call to memcpy).
                var w: UInt64
                if n >= 8 {
                    w = UInt64(littleEndian: UnsafeRawPointer(base + n - 8).loadUnaligned(as: UInt64.self)) >> UInt64((8 &- (n &- i)) &* 8)
                } else {
                    // Assembled byte by byte: copying into the word took its address, which made every caller
                    // set up a stack guard.
                    w = 0
                    var shift: UInt64 = 0
                    for k in i..<n {
                        w |= UInt64(base[k]) &<< shift
                        shift &+= 8
                    }
                }
                // Only the bytes not yet tested are nonzero here.
                if onlyASCII && w & 0x8080_8080_8080_8080 != 0 { return false }
                if lowercaseASCII { w = Self.lowercasedASCII(w) }
                word(w)
            }
        }
        // A separator so that ("ab", "c") and ("a", "bc") differ.
        word(0xFF00_FF00_FF00_FF00 ^ UInt64(n))
        return true
    }

    /// ASCII 'A'...'Z' to 'a'...'z' in each byte of a word; other bytes (non-ASCII included) unchanged.
    @inline(__always)
    static func lowercasedASCII(_ w: UInt64) -> UInt64 {
        let low7 = w & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F  // high bit where the byte's low 7 bits >= 0x41
        let aboveZ = low7 &+ 0x2525_2525_2525_2525    // high bit where they are >= 0x5B
        let upper = atLeastA & ~aboveZ & ~w & 0x8080_8080_8080_8080
        return w | (upper >> 2)
    }

    mutating func combine(_ string: String) {
        var s = string
        s.withUTF8 { combine($0) }
    }

    /// Bytes, case-folded when asked: ASCII in place, anything else through Unicode lowercasing.
    @inline(__always)
    mutating func combine(_ value: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool) {
        if !caseInsensitive {
            combine(value, lowercaseASCII: false)
        } else if !combineLowercasedIfASCII(value) {
            combineLowercased(value)
        }
    }

    /// Bytes that are not all ASCII, lowercased as Unicode: rare, and kept out of line so that the ASCII path
    /// is inlined into the hashing at every record.
    @inline(never)
    mutating func combineLowercased(_ value: UnsafeBufferPointer<UInt8>) {
        combine(String(decoding: value, as: UTF8.self).lowercased())
    }
}

/// How a key compared as dialled (`compare: dialled`) is read: '+1 (415) 555-0100' is '+14155550100'.
enum Dialled {
    /// Space, '(', ')', '-', '.', '/': what people and spreadsheets put between a number's digits. One bit
    /// each in a mask of the bytes 0x20...0x2F.
    @inline(__always)
    static func isFormatting(_ b: UInt8) -> Bool {
        let offset = b &- 0x20
        return offset < 16 && (0xE301 as UInt16) >> UInt16(offset) & 1 != 0
    }
}

extension Key128 {
    /// The key of a value compared trimmed and case-insensitively (emails, person references).
    static func caseInsensitive(_ raw: UnsafeBufferPointer<UInt8>) -> Key128 {
        var hasher = KeyHasher()
        hasher.combine(raw.trimmedASCII(), caseInsensitive: true)
        return hasher.finalize()
    }

    /// `caseInsensitive`, and whether the value is all ASCII, which the hashing finds out on the way (a
    /// second look at the bytes cost a contacts lint 0.3% of its instructions).
    static func caseInsensitiveNotingASCII(_ raw: UnsafeBufferPointer<UInt8>) -> (key: Key128, isASCII: Bool) {
        var hasher = KeyHasher()
        let value = raw.trimmedASCII()
        if hasher.combineLowercasedIfASCII(value) { return (hasher.finalize(), true) }
        hasher.combineLowercased(value)
        return (hasher.finalize(), false)
    }

    /// The key of a value that is not all ASCII compared as `caseInsensitive` does, but in NFC: equal for
    /// 'josé' and the decomposed 'jose\u{301}' macOS writes, and to `caseInsensitive` for text already in NFC.
    /// Whether a target compares text in NFC is not documented, so a match only here is worded as such.
    static func caseInsensitiveInNFC(_ raw: UnsafeBufferPointer<UInt8>) -> Key128 {
        var hasher = KeyHasher()
        KeyFingerprint.foldedNonASCII(raw.trimmedASCII()).withUnsafeBufferPointer { hasher.combine($0) }
        return hasher.finalize()
    }
}

/// The words of a finding about text that matches only in NFC (`Key128.caseInsensitiveInNFC`,
/// `KeyFingerprint.foldedNonASCII`): the same in every rule that finds one.
enum UnicodeFormWording {
    static let otherForm = "in another Unicode form (accents stored as separate characters in one of them, as macOS writes them)"

    static func nfcUndocumented(_ target: String) -> String {
        "whether \(target) compares text in Unicode NFC is not documented"
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes without surrounding spaces and tabs (no copy).
    @inline(__always)
    func trimmedASCII() -> UnsafeBufferPointer<UInt8> {
        guard let base = baseAddress else { return self }
        var s = 0, e = count
        while s < e && (base[s] == 0x20 || base[s] == 0x09) { s += 1 }
        while e > s && (base[e - 1] == 0x20 || base[e - 1] == 0x09) { e -= 1 }
        return UnsafeBufferPointer(start: base + s, count: e - s)
    }

    @inline(__always)
    var isASCII: Bool {
        guard let base = baseAddress else { return true }
        var i = 0
        var high: UInt64 = 0
        while i &+ 8 <= count {
            high |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            i &+= 8
        }
        // The tail as the last word, overlapping bytes already seen (ASCII, so they change nothing).
        if i < count && count >= 8 {
            high |= UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
            i = count
        }
        if high & 0x8080_8080_8080_8080 != 0 { return false }
        while i < count {
            if base[i] >= 0x80 { return false }
            i &+= 1
        }
        return true
    }
}

/// Seen-key table: open addressing with linear probing over digests that are already uniformly mixed, so
/// no further hashing (Swift's Dictionary would run SipHash over every Key128). Memory: 20 bytes a slot,
/// at most 75% full, the same as a Dictionary<Key128, Int32>.
final class KeyTable {
    private var keys: UnsafeMutablePointer<Key128>
    private var values: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var count = 0
    /// Key128(0, 0) marks an empty slot; a real all-zero digest is kept aside.
    private var zeroValue: Int32?

    init(capacity: Int = 1024) {
        self.capacity = capacity
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Key128(a: 0, b: 0), count: capacity)
        values = .allocate(capacity: capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private static func isEmpty(_ k: Key128) -> Bool { k.a == 0 && k.b == 0 }

    @inline(__always)
    private func slot(of key: Key128) -> Int {
        var i = Int(truncatingIfNeeded: key.a ^ (key.b >> 17)) & (capacity - 1)
        while true {
            let k = keys[i]
            if Self.isEmpty(k) || k == key { return i }
            i = (i + 1) & (capacity - 1)
        }
    }

    subscript(key: Key128) -> Int32? {
        get {
            if Self.isEmpty(key) { return zeroValue }
            let i = slot(of: key)
            return Self.isEmpty(keys[i]) ? nil : values[i]
        }
        set {
            guard let newValue else { preconditionFailure("KeyTable does not remove keys") }
            _ = insert(key, newValue, overwrite: true)
        }
    }

    /// The value stored for `key`, or nil after storing `value` for it.
    @inline(__always)
    func valueOrInsert(_ key: Key128, _ value: Int32) -> Int32? {
        insert(key, value, overwrite: false)
    }

    /// The value stored for `key` before, or nil; `value` is stored for it now.
    @inline(__always)
    func exchange(_ key: Key128, _ value: Int32) -> Int32? {
        insert(key, value, overwrite: true)
    }

    private func insert(_ key: Key128, _ value: Int32, overwrite: Bool) -> Int32? {
        if Self.isEmpty(key) {
            let old = zeroValue
            if old == nil || overwrite { zeroValue = value }
            return old
        }
        var i = slot(of: key)
        if !Self.isEmpty(keys[i]) {
            let old = values[i]
            if overwrite { values[i] = value }
            return old
        }
        if (count + 1) * 4 > capacity * 3 {
            grow()
            i = slot(of: key)
        }
        keys[i] = key
        values[i] = value
        count += 1
        return nil
    }

    private func grow() {
        let oldKeys = keys, oldValues = values, oldCapacity = capacity
        capacity *= 2
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: Key128(a: 0, b: 0), count: capacity)
        values = .allocate(capacity: capacity)
        for j in 0..<oldCapacity where !Self.isEmpty(oldKeys[j]) {
            let i = slot(of: oldKeys[j])
            keys[i] = oldKeys[j]
            values[i] = oldValues[j]
        }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
