#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Domains an email column accepted (a plain domain with a known top-level domain), in a small
/// direct-mapped table: an address at a domain seen recently, most addresses of a directory export,
/// compares its domain instead of checking it again. A later domain in the same slot replaces an earlier
/// one. Raw memory, freed by the owner's `deallocate()`.
struct AcceptedDomainMemo {
    private static let slotCount = 64
    /// Longer domains are checked every time.
    private static let maximumLength = 64
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Per slot, the length of its domain; 0 for an empty slot.
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

    /// The slot of a domain of 4 or more bytes: from its length and its first and last four bytes.
    @inline(__always)
    private static func slot(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let raw = UnsafeRawPointer(p)
        let ends = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) << 32
        return Int(truncatingIfNeeded: ((ends &+ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
    }

    @inline(__always)
    func contains(_ domain: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = domain.count
        guard n >= 4, n <= Self.maximumLength, let p = domain.baseAddress else { return false }
        let s = Self.slot(p, n)
        return lengths[s] == n && memcmp(bytes + s * Self.maximumLength, p, n) == 0
    }

    func remember(_ domain: UnsafeBufferPointer<UInt8>) {
        let n = domain.count
        guard n >= 4, n <= Self.maximumLength, let p = domain.baseAddress else { return }
        let s = Self.slot(p, n)
        (bytes + s * Self.maximumLength).update(from: p, count: n)
        lengths[s] = n
    }
}
