/// Per-run settings of the directory-export checks, from the configuration. Every value check receives
/// them in its `ValueContext`, so they live here rather than beside the directory rules that read them.
/// A class: the per-cell fast paths take it, and passing a reference retains nothing it holds (a struct
/// was copied, its tables retained and released, once per record).
public final class DirectorySettings: Sendable {
    let serviceAccounts: ServiceAccounts
    /// Lowercase TLDs accepted beyond IANA's list (and over the reserved names).
    let allowedTLDs: Set<String>

    public static let standard = DirectorySettings(serviceAccounts: .standard, allowedTLDs: [])

    init(serviceAccounts: ServiceAccounts, allowedTLDs: Set<String>) {
        self.serviceAccounts = serviceAccounts
        self.allowedTLDs = allowedTLDs
    }

    public convenience init(options: LintOptions) {
        let accounts = options.serviceAccountsAdded.isEmpty && options.serviceAccountsRemoved.isEmpty
            ? ServiceAccounts.standard
            : ServiceAccounts(adding: options.serviceAccountsAdded, removing: options.serviceAccountsRemoved)
        self.init(serviceAccounts: accounts, allowedTLDs: Set(options.allowedTLDs))
    }
}

/// One pattern of the service-account list: `prefix*suffix`, or an exact name without '*'.
struct ServiceAccountPattern: Sendable, Equatable {
    let text: String
    let prefix: [UInt8]
    let suffix: [UInt8]
    let wildcard: Bool
    let matchesNames: Bool
    let matchesAddresses: Bool

    /// nil for a pattern that would match everything or has more than one '*'.
    init?(_ text: String, names: Bool = true, addresses: Bool = true) {
        let lowered = Array(text.lowercased().utf8)
        let stars = lowered.indices.filter { lowered[$0] == 0x2A }
        guard stars.count <= 1, lowered.count > stars.count else { return nil }
        self.text = text
        wildcard = stars.count == 1
        prefix = wildcard ? Array(lowered[..<stars[0]]) : lowered
        suffix = wildcard ? Array(lowered[(stars[0] + 1)...]) : []
        matchesNames = names
        matchesAddresses = addresses
    }

    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !wildcard { return bytes.count == prefix.count && Self.equal(bytes, from: 0, prefix) }
        return bytes.count >= prefix.count + suffix.count && Self.equal(bytes, from: 0, prefix)
            && Self.equal(bytes, from: bytes.count - suffix.count, suffix)
    }

    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ lowered: [UInt8]) -> Bool {
        for (k, b) in lowered.enumerated() {
            let c = bytes[start + k]
            if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != b { return false }
        }
        return true
    }
}

/// The service-account patterns of a run: the shipped table, plus and minus the configuration's.
/// `match` first tests the value's first and last byte against the patterns' (the common clean value
/// costs two table reads), then the few candidate patterns.
struct ServiceAccounts: Sendable {
    let patterns: [ServiceAccountPattern]
    /// Bit per pair of first two bytes of the patterns' prefixes (a one-byte prefix sets every pair it
    /// starts), and per last byte of the patterns without a prefix ('*$'), compared lowercased but indexed
    /// by the bytes as written: a look-up lowercases nothing.
    private let firstPairs: [UInt64]
    /// The same per pair of first and third byte (a prefix of one or two bytes sets every pair it starts):
    /// names and addresses that start like a pattern ('Sylvie', 'Denise', 'helen.') seldom go on like one.
    private let firstAndThird: [UInt64]
    private let lastBytes: [Bool]
    /// Per pattern: the first byte of its prefix, or of its suffix's last byte when it has no prefix
    /// (`byPrefix` false). A value can match a pattern only with that byte, lowercased, in that place.
    private let anchors: [(byte: UInt8, byPrefix: Bool)]

    static let shipped: [ServiceAccountPattern] = ((try? ProfileLoader.tableLines("service-accounts")) ?? []).compactMap { line in
        let parts = line.split(separator: "\t").map { $0.trimmingWhitespace() }
        guard let text = parts.first else { return nil }
        let scope = parts.count > 1 ? parts[1] : "both"
        return ServiceAccountPattern(text, names: scope != "email", addresses: scope != "name")
    }

    static let standard = ServiceAccounts(patterns: shipped)

    /// The shipped patterns without those named in `removed` (case-insensitively), with `added` ones.
    init(adding added: [String], removing removed: [String]) {
        let gone = Set(removed.map { $0.lowercased() })
        self.init(patterns: Self.shipped.filter { !gone.contains($0.text.lowercased()) } + added.compactMap { ServiceAccountPattern($0) })
    }

    init(patterns: [ServiceAccountPattern]) {
        self.patterns = patterns
        var last = [Bool](repeating: false, count: 256)
        for p in patterns where p.prefix.isEmpty {
            if let b = p.suffix.last { last[Int(b)] = true }
        }
        firstPairs = Self.pairTable(patterns.map(\.prefix), second: 1)
        firstAndThird = Self.pairTable(patterns.map(\.prefix), second: 2)
        lastBytes = (0...255).map { last[Int(Self.lower(UInt8($0)))] }
        // A pattern has a prefix or a suffix (`ServiceAccountPattern` refuses one that matches everything).
        anchors = patterns.map { p in p.prefix.first.map { ($0, true) } ?? (p.suffix.last ?? 0, false) }
    }

    /// Bit per pair of a prefix's first byte and its byte at `second`, both lowercased, set for every
    /// byte there when the prefix is shorter; indexed by the pair as written.
    private static func pairTable(_ prefixes: [[UInt8]], second: Int) -> [UInt64] {
        var pairs = [UInt64](repeating: 0, count: 1024)
        for prefix in prefixes {
            guard let first = prefix.first else { continue }
            let seconds: [UInt8] = prefix.count > second ? [prefix[second]] : (0...255).map(UInt8.init)
            for s in seconds {
                let pair = Int(first) << 8 | Int(lower(s))
                pairs[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        var written = [UInt64](repeating: 0, count: 1024)
        for first in 0...255 {
            let row = Int(lower(UInt8(first))) << 8
            // Most rows of lowercased pairs are empty (a handful of first letters): skip them whole.
            guard pairs[row >> 6 ..< (row >> 6) + 4].contains(where: { $0 != 0 }) else { continue }
            for s in 0...255 {
                let lowered = row | Int(lower(UInt8(s)))
                guard pairs[lowered >> 6] & (1 << UInt64(lowered & 63)) != 0 else { continue }
                let pair = first << 8 | s
                written[pair >> 6] |= 1 << UInt64(pair & 63)
            }
        }
        return written
    }

    @inline(__always)
    private static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    func match(_ bytes: UnsafeBufferPointer<UInt8>, inAddress: Bool) -> ServiceAccountPattern? {
        guard mayMatch(bytes) else { return nil }
        let first = Self.lower(bytes[0]), last = Self.lower(bytes[bytes.count - 1])
        // The first pattern that matches, as `patterns.first` would find it, looking closer only at those
        // whose anchor byte is in place.
        for k in anchors.indices where anchors[k].byte == (anchors[k].byPrefix ? first : last) {
            let pattern = patterns[k]
            if (inAddress ? pattern.matchesAddresses : pattern.matchesNames) && pattern.matches(bytes) { return pattern }
        }
        return nil
    }

    /// False when no pattern can match (the first-bytes and last-byte tests of `match`), inline in the per-cell
    /// accepts: most values stop here, without a call or a returned pattern.
    @inline(__always)
    func mayMatch(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        // The tables' indexes are in range by their making (pairs of bytes, bytes): read unchecked.
        let pair = Int(bytes[0]) << 8 | Int(bytes[1])
        if firstPairs.withUnsafeBufferPointer({ $0[pair >> 6] }) & (1 << UInt64(pair & 63)) != 0 {
            guard bytes.count >= 3 else { return true }
            let third = Int(bytes[0]) << 8 | Int(bytes[2])
            if firstAndThird.withUnsafeBufferPointer({ $0[third >> 6] }) & (1 << UInt64(third & 63)) != 0 { return true }
        }
        return lastBytes.withUnsafeBufferPointer { $0[Int(bytes[bytes.count &- 1])] }
    }

    func match(_ text: Substring, inAddress: Bool) -> ServiceAccountPattern? {
        var copy = String(text)
        return copy.withUTF8 { match($0, inAddress: inAddress) }
    }
}
