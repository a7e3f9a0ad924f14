import CFieldScan

/// A 128-bit digest of a whole file's bytes (`InputFingerprint`). Whole 64-byte stripes go to
/// `cfs_digest_stripes` (eight lanes, a 32 x 32-bit product per word: four words an instruction with AVX2,
/// where the 64-bit multiply-xorshift lanes this replaced took about an instruction a byte, 285 M
/// instructions of a million-record people `fix`); the last stripe's bytes are mixed here when it ends.
/// The digest does not depend on how the bytes are split into calls: a stripe cut by a call's end is
/// finished by the next call, so that the bytes of any stream of reads can be digested as they arrive.
struct ContentDigest {
    private var stripes: cfs_digest = {
        var digest = cfs_digest()
        cfs_digest_init(&digest)
        return digest
    }()
    private(set) var length: UInt64 = 0
    /// The start of a stripe the last call ended in, `pendingCount` bytes of it.
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private static let stripe = 64

    @inline(__always)
    private static func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let m = (lane ^ word) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }

    mutating func combine(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var base = bytes.baseAddress else { return }
        var n = bytes.count
        length &+= UInt64(n)
        if pendingCount > 0 {
            let taken = min(Self.stripe - pendingCount, n)
            let at = pendingCount
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: at).copyMemory(from: base, byteCount: taken) }
            pendingCount += taken
            base += taken
            n -= taken
            guard pendingCount == Self.stripe else { return }
            let block = pending
            withUnsafeBytes(of: block) { cfs_digest_stripes(&stripes, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int64(Self.stripe)) }
            pendingCount = 0
        }
        let whole = n & ~(Self.stripe - 1)
        if whole > 0 { cfs_digest_stripes(&stripes, base, Int64(whole)) }
        if whole < n {
            let rest = n - whole
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base + whole, byteCount: rest) }
            pendingCount = rest
        }
    }

    func finalize() -> Key128 {
        var a: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var b = length
        withUnsafeBytes(of: stripes.lanes) { lanes in
            for i in 0..<8 {
                let lane = lanes.load(fromByteOffset: i * 8, as: UInt64.self)
                a = Self.mix(a, lane)
                b = Self.mix(b ^ lane, a)
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        withUnsafeBytes(of: pending) { block in
            for i in 0..<pendingCount {
                tail |= UInt64(block[i]) << shift
                shift &+= 8
                if shift == 64 {
                    a = Self.mix(a, tail)
                    tail = 0
                    shift = 0
                }
            }
        }
        b = Self.mix(b, tail ^ (UInt64(pendingCount) << 1 | 1))
        a = Self.mix(a, length)
        return Key128(a: Self.mix(a, b), b: Self.mix(b, a))
    }
}
