import Testing
@testable import ImportLintCore

@Suite struct ValuesEmailFastPathTests {
    static let samples = [
        "ann@widget.com", "ann.lee+hr@widget.co.uk", "o'neil@widget.com", "a@b.co", "x@y.c", "ann@widget",
        ".ann@widget.com", "ann.@widget.com", "an..n@widget.com", "ann@-widget.com", "ann@widget-.com", "ann@widget..com",
        "ann@widget.c0m", "ann@widget.123", "ann@@widget.com", "ann widget@x.com", "mailto:ann@widget.com",
        "<ann@widget.com>", "ann@[1.2.3.4]", "ann@widget.com.", "\"ann\"@widget.com", "ann@wid_get.com",
        String(repeating: "a", count: 65) + "@widget.com", "ann@" + String(repeating: "b", count: 64) + ".com",
        "zoë@widget.com", "ann@müller.de", "lucas.velasco@adventureworks.com", "a@b.cd", "ann@widget.com ",
    ]

    /// The fast path may only accept what the full check accepts; everything else takes the full check.
    @Test(arguments: samples)
    func fastPathNeverAcceptsWhatFullCheckRejects(_ address: String) {
        if EmailRule.isPlainValidASCII(address) {
            #expect(EmailRule.problem(in: address) == nil, "\(address)")
        }
    }

    @Test func fastPathTakesTheCommonCase() {
        #expect(EmailRule.isPlainValidASCII("lucas.velasco@adventureworks.com"))
        #expect(EmailRule.isPlainValidASCII("ann.lee+hr@widget.co.uk"))
        #expect(!EmailRule.isPlainValidASCII("ann@widget"))
    }
}

/// The accept loop is written for speed (the common byte tested first); it must accept exactly what
/// this plain byte-by-byte statement of the same grammar accepts.
@Suite struct EmailFastPathReferenceTests {
    private func reference(_ bytes: [UInt8]) -> Bool {
        func atext(_ c: UInt8) -> Bool {
            (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x30 && c <= 0x39 || Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(c)
        }
        func letter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard bytes.count >= 5, bytes.count <= 254, let at = bytes.firstIndex(of: 0x40) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, local.first != 0x2E, local.last != 0x2E,
              !zip(local, local.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }),
              local.allSatisfy({ $0 == 0x2E || atext($0) }) else { return false }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(letter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != 0x2D && label.last != 0x2D
                && label.allSatisfy { letter($0) || $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2D }
        }
    }

    @Test func acceptsExactlyWhatTheReferenceAccepts() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab.-@_+1Z ".utf8) + [0xC3, 0x00]
        for _ in 0..<50_000 {
            let bytes = (0..<Int.random(in: 0...16, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            let fast = bytes.withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) }
            #expect(fast == reference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
        for address in ["ann@widget.com", "a.b@c-d.example.org", "ann@widget", "ann@-widget.com", "ann@widget.c0m"] {
            #expect(Array(address.utf8).withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) } == reference(Array(address.utf8)))
        }
    }

    /// Address-shaped values, long enough for the word-at-a-time paths (eight letters, digits or dots).
    @Test func acceptsExactlyWhatTheReferenceAcceptsOnAddressShapedValues() {
        var rng = SystemRandomNumberGenerator()
        let local = Array("abcxyzABZ0129._-#".utf8), domain = Array("abyzAZ09.-".utf8)
        for _ in 0..<50_000 {
            var bytes = (0..<Int.random(in: 0...70, using: &rng)).map { _ in local.randomElement(using: &rng)! }
            bytes.append(0x40)
            bytes += (0..<Int.random(in: 0...40, using: &rng)).map { _ in domain.randomElement(using: &rng)! }
            if Bool.random(using: &rng) { bytes += Array(".com".utf8) }
            let fast = bytes.withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) }
            #expect(fast == reference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Local parts ending within and around the 32 bytes judged 16 at a time (`cfs_local_part_end32`), with
    /// dots in every place, a second '@' and bytes that are not ASCII among them.
    @Test func acceptsExactlyWhatTheReferenceAcceptsWithinThirtyTwoBytes() {
        var rng = SystemRandomNumberGenerator()
        let local = Array("aZ09....@+".utf8) + [0xC3, 0xA9]
        for _ in 0..<100_000 {
            let plain = Int.random(in: 0...34, using: &rng)
            var bytes = (0..<plain).map { _ in Array("aZ09.".utf8).randomElement(using: &rng)! }
            bytes += (0..<Int.random(in: 0...3, using: &rng)).map { _ in local.randomElement(using: &rng)! }
            bytes.append(0x40)
            bytes += Array("widget.com".utf8.prefix(Int.random(in: 0...10, using: &rng)))
            let fast = bytes.withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) }
            #expect(fast == reference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
