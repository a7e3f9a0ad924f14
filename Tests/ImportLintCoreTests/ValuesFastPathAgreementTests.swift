import Testing
@testable import ImportLintCore

/// The per-cell shortcuts of the value loop must answer exactly as the plain statement of the same test.
@Suite struct ValuesFastPathAgreementTests {
    private func randomBytes(_ alphabet: [UInt8], lengths: ClosedRange<Int>, _ rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: lengths, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
    }

    @Test func shortValueKeysAreEqualExactlyForEqualValues() {
        var rng = SystemRandomNumberGenerator()
        // Few distinct bytes and every length from 0 to 20, so that equal words and lengths meet often.
        let alphabet: [UInt8] = [0x41, 0x61, 0x20, 0x00, 0xC3]
        for _ in 0..<20_000 {
            let a = randomBytes(alphabet, lengths: 0...20, &rng), b = randomBytes(alphabet, lengths: 0...20, &rng)
            let keyA = a.withUnsafeBufferPointer { ShortValueMemo.Key($0) }
            let keyB = b.withUnsafeBufferPointer { ShortValueMemo.Key($0) }
            #expect((keyA == nil) == (a.isEmpty || a.count > 16))
            if let keyA, let keyB { #expect((keyA == keyB) == (a == b), "\(a) \(b)") }
        }
    }

    @Test func verdictCacheRecallsWhatWasRemembered() {
        var cache = VerdictCache()
        defer { cache.deallocate() }
        var rng = SystemRandomNumberGenerator()
        var expected: [[UInt8]: Bool] = [:]
        let finding = ValueFinding(.invalidBoolean, "bad")
        // Hundreds of distinct short values, more than the memo's slots, and some longer than 16 bytes.
        for _ in 0..<3000 {
            let value = randomBytes([0x31, 0x32, 0x33, 0x61], lengths: 1...20, &rng)
            let recalled = value.withUnsafeBufferPointer { cache.recall($0, qualifier: nil) }
            switch recalled {
            case .known(let findings):
                #expect(expected[value] == (findings != nil), "\(value)")
            case .unknown(let entry):
                #expect(expected[value] == nil, "\(value)")
                let bad = Bool.random(using: &rng)
                _ = cache.remember(bad ? [finding] : [], entry: entry)
                expected[value] = bad
            }
        }
    }

    @Test func emailQuickAcceptFindsTheAtSignOfPlainAddressesWithoutHash() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab.-@_#1Z".utf8)
        for _ in 0..<50_000 {
            let bytes = randomBytes(alphabet, lengths: 0...14, &rng)
            let at = bytes.withUnsafeBufferPointer { EmailRule.plainAtSignWithoutHash($0) }
            let plain = bytes.withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) }
            let want = plain && !bytes.contains(0x23) ? bytes.firstIndex(of: 0x40)! : -1
            #expect(at == want, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func topLevelDomainTableAgreesWithIANAList() {
        func accepts(_ tld: String) -> Bool {
            Array("ann@widget.\(tld)".utf8).withUnsafeBufferPointer { EmailDomains.acceptsTLD($0, allowed: []) }
        }
        let letters = EmailDomains.iana.filter { $0.count <= 13 && $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        #expect(letters.count > 1000)
        for tld in letters { #expect(accepts(tld) == (tld != "arpa"), "\(tld)") }
        #expect(accepts("COM"))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let tld = String(decoding: randomBytes(Array("abcdeimnorstuz".utf8), lengths: 2...5, &rng), as: UTF8.self)
            #expect(accepts(tld) == (EmailDomains.iana.contains(tld) && tld != "arpa"), "\(tld)")
        }
    }

    @Test func plainASCIIWordTestAgreesWithBytewiseTest() {
        var rng = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x3E, 0x3F, 0x40, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : 0x61 }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let want = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x3F }
            #expect(TextHygiene.isPlainASCIIWord(word) == want, "\(bytes)")
        }
    }

    /// The byte-at-a-time statement of `isPlainLatinText`.
    private func plainLatinReference(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, ![0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return false }
        var sequences = MojibakeSequenceTracker()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F || b == 0x3F || sequences.add(UInt32(b)) { return false }
                i += 1
                continue
            }
            guard i + 1 < bytes.count, b >= 0xC3, b <= 0xC5 else { return false }
            let c = bytes[i + 1]
            guard c >= 0x80 && c <= 0xBF, !(b == 0xC3 && (c == 0x97 || c == 0xB7)) else { return false }
            if sequences.add(UInt32(b & 0x1F) << 6 | UInt32(c & 0x3F)) { return false }
            i += 2
        }
        return true
    }

    @Test func plainLatinShortcutAgreesWithBytewiseStatement() {
        var rng = SystemRandomNumberGenerator()
        // Long ASCII runs between Latin letters, spaces after them (the no-break-space reading of 'Ã '), and
        // the bytes the shortcut refuses.
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), Array(" ".utf8), Array("é".utf8), Array("Ã".utf8), Array("©".utf8),
                                 Array("ł".utf8), Array("Ä".utf8), [0x3F], [0x7F], [0x0B], Array("€".utf8), Array("ab".utf8)]
        for _ in 0..<30_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let fast = bytes.withUnsafeBufferPointer { TextHygiene.isPlainLatinText($0) }
            #expect(fast == plainLatinReference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }
}
