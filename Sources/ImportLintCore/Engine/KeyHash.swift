/// A 128-bit digest of a normalized key. Seen-key tables store this instead of the key text, so memory
/// grows with the number of distinct keys but not their length; at 128 bits an accidental collision among
/// millions of keys is about 1 in 10^26, far below any other source of error.
public struct Key128: Hashable, Sendable {
    var a: UInt64
    var b: UInt64
}

/// Two independent multiply-xorshift lanes over 8-byte words.
struct KeyHasher {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    @inline(__always)
    mutating func word(_ w: UInt64) {
        a = (a ^ w) &* 0x9E37_79B9_7F4A_7C15
        a ^= a >> 29
        b = (b &+ w ^ 0xA076_1D64_78BD_642F) &* 0xC2B2_AE3D_27D4_EB4F
        b = (b << 31) | (b >> 33)
    }

    /// Bytes, optionally ASCII-lowercased (the caller handles non-ASCII case folding).
    @inline(__always)
    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>, lowercaseASCII: Bool = false) {
        var i = 0
        let n = bytes.count
        length &+= UInt64(n) &+ 1
        while i < n {
            var w: UInt64 = 0
            var k = 0
            while k < 8 && i < n {
                var c = bytes[i]
                if lowercaseASCII && c >= 0x41 && c <= 0x5A { c |= 0x20 }
                w |= UInt64(c) << (8 * UInt64(k))
                k += 1
                i += 1
            }
            word(w)
        }
        // A separator so that ("ab", "c") and ("a", "bc") differ.
        word(0xFF00_FF00_FF00_FF00 ^ UInt64(n))
    }

    mutating func combine(_ string: String) {
        var s = string
        s.withUTF8 { combine($0) }
    }

    func finalize() -> Key128 {
        var x = a ^ length, y = b ^ (length &* 0x9E37_79B9)
        x ^= x >> 33; x &*= 0xFF51_AFD7_ED55_8CCD; x ^= x >> 33
        y ^= y >> 31; y &*= 0xC4CE_B9FE_1A85_EC53; y ^= y >> 29
        return Key128(a: x, b: y)
    }
}

extension Key128 {
    /// The key of a value compared trimmed and case-insensitively (emails, person references).
    static func caseInsensitive(_ raw: UnsafeBufferPointer<UInt8>) -> Key128 {
        let value = raw.trimmedASCII()
        var hasher = KeyHasher()
        if value.isASCII {
            hasher.combine(value, lowercaseASCII: true)
        } else {
            hasher.combine(String(decoding: value, as: UTF8.self).lowercased())
        }
        return hasher.finalize()
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
        for b in self where b >= 0x80 { return false }
        return true
    }
}
