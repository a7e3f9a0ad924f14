import CFieldScan
import Testing
@testable import ImportLintCore

/// The word-at-a-time paths added for speed must agree with the byte-at-a-time definitions.
@Suite struct WordAtATimeTests {
    /// The byte-at-a-time digest the word-at-a-time hasher replaced.
    private func referenceDigest(_ bytes: [UInt8], lowercase: Bool) -> Key128 {
        var h = KeyHasher()
        var i = 0
        // Feed through the tail path only: one byte at a time in slices shorter than a word.
        var words: [UInt64] = []
        while i < bytes.count {
            var w: UInt64 = 0
            var k = 0
            while k < 8 && i < bytes.count {
                var c = bytes[i]
                if lowercase && c >= 0x41 && c <= 0x5A { c |= 0x20 }
                w |= UInt64(c) << (8 * UInt64(k))
                k += 1
                i += 1
            }
            words.append(w)
        }
        h.referenceCombine(words: words, length: bytes.count)
        return h.finalize()
    }

    private func digest(_ bytes: [UInt8], lowercase: Bool) -> Key128 {
        var h = KeyHasher()
        bytes.withUnsafeBufferPointer { h.combine($0, lowercaseASCII: lowercase) }
        return h.finalize()
    }

    @Test func hasherMatchesByteAtATime() {
        var rng = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<50 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
                let ascii = (0..<length).map { _ in UInt8.random(in: 0x20...0x7E, using: &rng) }
                for b in [bytes, ascii] {
                    #expect(digest(b, lowercase: false) == referenceDigest(b, lowercase: false))
                    #expect(digest(b, lowercase: true) == referenceDigest(b, lowercase: true))
                }
            }
        }
        #expect(digest(Array("Ann@Example.COM".utf8), lowercase: true) == digest(Array("ann@example.com".utf8), lowercase: true))
    }

    /// The table's fingerprint is a function of the normalized key, as the verifier compares it: equal
    /// keys in any ASCII or Unicode case give one fingerprint; parts keep their boundaries.
    @Test func fingerprintsFollowTheNormalizedKey() {
        func fingerprint(_ parts: [String], caseInsensitive: Bool) -> UInt64 {
            var h = KeyFingerprint()
            for part in parts { Array(part.utf8).withUnsafeBufferPointer { h.combine($0, caseInsensitive: caseInsensitive) } }
            return h.value
        }
        #expect(fingerprint(["Ann@Example.COM"], caseInsensitive: true) == fingerprint(["ann@example.com"], caseInsensitive: true))
        #expect(fingerprint(["ÅSA.Öberg@example.se"], caseInsensitive: true) == fingerprint(["åsa.öberg@example.se"], caseInsensitive: true))
        // Keys differing only in ASCII case meet at every length the mixing reads differently (0-3, 4-7,
        // 8-16 bytes, longer); one non-ASCII letter apart, or one byte apart, they do not.
        for length in 1...40 {
            let lower = String((0..<length).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) })
            #expect(fingerprint([lower.uppercased()], caseInsensitive: true) == fingerprint([lower], caseInsensitive: true), "length \(length)")
            #expect(fingerprint([lower + "é"], caseInsensitive: true) != fingerprint([lower + "è"], caseInsensitive: true), "length \(length)")
            #expect(fingerprint(["é" + lower], caseInsensitive: true) == fingerprint(["É" + lower.uppercased()], caseInsensitive: true), "length \(length)")
            var other = Array(lower.utf8)
            other[length / 2] = UInt8(ascii: "0")
            #expect(fingerprint([String(decoding: other, as: UTF8.self)], caseInsensitive: true) != fingerprint([lower], caseInsensitive: true), "length \(length)")
        }
        #expect(fingerprint([""], caseInsensitive: false) != fingerprint(["\0"], caseInsensitive: false))
        #expect(fingerprint(["Ann@Example.COM"], caseInsensitive: false) != fingerprint(["ann@example.com"], caseInsensitive: false))
        #expect(fingerprint(["ab", "c"], caseInsensitive: false) != fingerprint(["a", "bc"], caseInsensitive: false))
        #expect(fingerprint(["", ""], caseInsensitive: false) != fingerprint([""], caseInsensitive: false))
        var seen = Set<UInt64>()
        for i in 0..<100_000 { seen.insert(fingerprint(["person\(i)@example.com"], caseInsensitive: true)) }
        #expect(seen.count == 100_000)
        // Keys of different lengths do not meet: numeric IDs ("12" and "123" met when the bare length was
        // XORed into the last byte's word), and keys of 4-16 bytes one byte apart in length.
        var ids = Set<UInt64>()
        for i in 0..<100_000 { ids.insert(fingerprint([String(i)], caseInsensitive: true)) }
        #expect(ids.count == 100_000)
        #expect(fingerprint(["abcde0000wxyz"], caseInsensitive: false) != fingerprint(["abcdf00000wxyz"], caseInsensitive: false))
    }

    @Test func lowercaseEveryByteInEveryLane() {
        for lane in 0..<8 {
            for b in 0...255 {
                let w = UInt64(0x61) * 0x0101_0101_0101_0101 & ~(UInt64(0xFF) << (8 * UInt64(lane))) | UInt64(b) << (8 * UInt64(lane))
                let expected = (b >= 0x41 && b <= 0x5A) ? UInt64(b | 0x20) : UInt64(b)
                let got = (KeyHasher.lowercasedASCII(w) >> (8 * UInt64(lane))) & 0xFF
                #expect(got == expected, "byte \(b) lane \(lane)")
            }
        }
    }

    @Test func isASCII() {
        for length in 0..<20 {
            for pos in 0..<max(length, 1) {
                var bytes = [UInt8](repeating: 0x41, count: length)
                #expect(bytes.withUnsafeBufferPointer { $0.isASCII })
                if length > 0 {
                    bytes[pos] = 0x80
                    #expect(bytes.withUnsafeBufferPointer { $0.isASCII } == false)
                }
            }
        }
    }

    @Test func keyTable() {
        let table = KeyTable(capacity: 8)
        var reference: [Key128: Int32] = [:]
        var rng = SystemRandomNumberGenerator()
        for i in 0..<20_000 {
            // Small key space so that repeats happen; the all-zero digest included.
            let key = Key128(a: UInt64.random(in: 0..<3000, using: &rng), b: UInt64.random(in: 0..<2, using: &rng))
            let value = Int32(i)
            if i % 3 == 0 {
                table[key] = value
                reference[key] = value
            } else {
                let old = table.valueOrInsert(key, value)
                #expect(old == reference[key])
                if reference[key] == nil { reference[key] = value }
            }
        }
        #expect(table.count == reference.count - (reference[Key128(a: 0, b: 0)] == nil ? 0 : 1))
        for (k, v) in reference { #expect(table[k] == v) }
        #expect(table[Key128(a: 99_999, b: 7)] == nil)
    }
}

extension KeyHasher {
    /// Test helper: what combine(_:lowercaseASCII:) did before it read whole words.
    mutating func referenceCombine(words: [UInt64], length n: Int) {
        for w in words { word(w) }
        word(0xFF00_FF00_FF00_FF00 ^ UInt64(n))
        length &+= UInt64(n) &+ 1
    }
}

/// The digest `fix` compares before and after a run changes with any byte, in a block or in the tail.
@Suite struct ContentDigestTests {
    static func digest(_ bytes: [UInt8]) -> Key128 {
        var d = ContentDigest()
        bytes.withUnsafeBufferPointer { d.combine($0) }
        return d.finalize()
    }

    @Test func everyChangedByteChangesTheDigest() {
        var rng = SeededRNG(seed: 7)
        let bytes = (0..<1000).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let original = Self.digest(bytes)
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 1 << UInt8(position % 8)
            #expect(Self.digest(changed) != original, "byte \(position)")
        }
        #expect(Self.digest(bytes + [0]) != original)
        #expect(Self.digest(Array(bytes.dropLast())) != original)
        #expect(Self.digest(bytes) == original)
    }

    /// The same bytes in another order (two 64-byte stripes swapped, one of them moved by a 1 KiB block)
    /// give another digest.
    @Test func movedStripesChangeTheDigest() {
        var rng = SeededRNG(seed: 11)
        let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) }
        let original = Self.digest(bytes)
        for (a, b) in [(0, 64), (0, 1024), (128, 2048 + 128), (64, 3008)] {
            var swapped = bytes
            for i in 0..<64 { swapped.swapAt(a + i, b + i) }
            #expect(Self.digest(swapped) != original, "stripes at \(a) and \(b)")
        }
    }

    /// Every level the processor has (2 AVX2; below it a word at a time) mixes the stripes into the same
    /// lanes, also when they come in several calls.
    @Test func everyLevelGivesTheSameLanes() {
        var rng = SeededRNG(seed: 13)
        let bytes = (0..<(64 * 70)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        func lanes(level: Int32) -> [UInt64] {
            var digest = cfs_digest()
            cfs_digest_init(&digest)
            bytes.withUnsafeBufferPointer { all in
                cfs_digest_stripes_at_level(level, &digest, all.baseAddress, 64 * 17)
                cfs_digest_stripes_at_level(level, &digest, all.baseAddress! + 64 * 17, Int64(all.count - 64 * 17))
            }
            #expect(digest.stripes == 70)
            return withUnsafeBytes(of: digest.lanes) { Array($0.bindMemory(to: UInt64.self)) }
        }
        let plain = lanes(level: 0)
        for level in 1...max(1, cfs_best_level()) { #expect(lanes(level: level) == plain, "level \(level)") }
    }
}
