/// The characters of a legacy file the judge's verdict does not vouch for, and the one read that finds the
/// first of them with its line. A single-byte page's character is a byte value; a multi-byte page's is a
/// lead byte and its trail (four bytes in GB18030), cut as the best code page cuts them.
struct UnreadCharacters {
    /// Per byte value: it starts a character of two bytes or more.
    private var lead = [Bool](repeating: false, count: 256)
    /// Per byte value that is a character alone.
    private var wantedByte = [Bool](repeating: false, count: 256)
    /// Per lead and trail byte (`lead << 8 | trail`); empty for a single-byte page.
    private var wantedPair: [Bool] = []
    /// The best page and the others of its group, for GB18030's four-byte characters (lead, digit, lead,
    /// digit), decided as they come: there are 1.6 million of them.
    private var charsets: [String] = []
    private var fourByte = false
    private var wantedFour: [UInt32: Bool] = [:]

    /// For a single-byte best page: the byte values the judge did not read that another page of the group
    /// reads as other text. Nil when there are none, so that the file is not read again.
    init?(singleByte charsets: [String], judged: [UInt8]) {
        var judgedValues = [Bool](repeating: false, count: 256)
        for byte in judged { judgedValues[Int(byte)] = true }
        let unread = (0x80...0xFF).map(UInt8.init).filter { !judgedValues[Int($0)] }
        guard !unread.isEmpty else { return nil }
        let bestReadings = CharsetJudge.decode(unread, charset: charsets[0])
        guard bestReadings.count == unread.count else { return nil }
        for charset in charsets.dropFirst() {
            let readings = CharsetJudge.decode(unread, charset: charset)
            guard readings.count == unread.count else { continue }
            for (i, byte) in unread.enumerated() where readings[i] != bestReadings[i] && UnjudgedCharacter.isText([readings[i]]) {
                wantedByte[Int(byte)] = true
            }
        }
        guard wantedByte.contains(true) else { return nil }
    }

    /// For a multi-byte best page: every character it cannot decode or decodes as a user-defined one (the
    /// judge calls either no clear reading in its sample), and every one another page of the group reads as
    /// other text (Big5's user-defined area, which Big5-HKSCS fills with Cantonese and name characters).
    init(multiByte charsets: [String]) {
        self.charsets = charsets
        fourByte = charsets.contains("GB18030")
        let best = Self.pairReadings(charsets[0])
        let others = charsets.dropFirst().map(Self.pairReadings)
        let trails = Self.trails.count
        for first in 0..<128 {
            lead[0x80 + first] = (0..<trails).contains { best[first * trails + $0].count == 1 && best[first * trails + $0] != [0xFFFD] }
        }
        wantedPair = [Bool](repeating: true, count: 1 << 16)
        for first in 0..<128 where lead[0x80 + first] {
            for (t, trail) in Self.trails.enumerated() {
                let k = first * trails + t
                wantedPair[(0x80 + first) << 8 | Int(trail)] = Self.isWanted(best[k], others: others.map { $0[k] })
            }
        }
        let singles = (0x80...0xFF).map(UInt8.init).filter { !lead[Int($0)] }
        let bestSingles = singles.map { CharsetJudge.decode([$0], charset: charsets[0]) }
        let otherSingles = charsets.dropFirst().map { charset in singles.map { CharsetJudge.decode([$0], charset: charset) } }
        for (i, byte) in singles.enumerated() {
            wantedByte[Int(byte)] = Self.isWanted(bestSingles[i], others: otherSingles.map { $0[i] })
        }
    }

    /// The trail bytes a pair is decoded with; any other byte after a lead is no character in these pages
    /// (but a GB18030 digit, which starts the second half of a four-byte character).
    private static let trails = Array(UInt8(0x40)...UInt8(0xFE))

    private static func isWanted(_ best: [UInt32], others: [[UInt32]]) -> Bool {
        !UnjudgedCharacter.isText(best) || best.contains(where: CharsetJudge.isPrivateUse)
            || others.contains { $0 != best && UnjudgedCharacter.isText($0) }
    }

    /// How `charset` reads each lead byte (0x80 to 0xFF) with each of `trails`, first lead first: one decoding
    /// of all the pairs, each ended by a line feed, which every one of these pages reads alone.
    private static func pairReadings(_ charset: String) -> [[UInt32]] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(128 * trails.count * 3)
        for first in UInt8(0x80)...UInt8(0xFF) {
            for trail in trails { bytes += [first, trail, 0x0A] }
        }
        let readings = CharsetJudge.decode(bytes, charset: charset).split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        // A page that swallowed a line feed would shift every reading after it: then none is trusted.
        return readings.count == 128 * trails.count + 1 ? readings : Array(repeating: [0xFFFD], count: 128 * trails.count)
    }

    private mutating func isWantedFour(_ p: UnsafePointer<UInt8>) -> Bool {
        let code = UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
        if let known = wantedFour[code] { return known }
        let bytes = Array(UnsafeBufferPointer(start: p, count: 4))
        let wanted = Self.isWanted(CharsetJudge.decode(bytes, charset: charsets[0]),
                                   others: charsets.dropFirst().map { CharsetJudge.decode(bytes, charset: $0) })
        wantedFour[code] = wanted
        return wanted
    }

    /// Where in `p[0..<n]` the first wanted character starts and how long it is, or where the bytes stop
    /// holding whole characters (`length` 0) when more may follow.
    private mutating func firstWanted(in p: UnsafePointer<UInt8>, _ n: Int, atEnd: Bool) -> (offset: Int, length: Int)? {
        var i = 0
        while i < n {
            while i + 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { break }
            let byte = p[i]
            if byte < 0x80 { i += 1; continue }
            guard lead[Int(byte)] else {
                if wantedByte[Int(byte)] { return (i, 1) }
                i += 1
                continue
            }
            // A lead cut off by the end of the file is no character.
            guard i + 1 < n else { return atEnd ? (i, 1) : (i, 0) }
            if fourByte && (0x30...0x39).contains(p[i + 1]) {
                guard i + 3 < n else { return atEnd ? (i, n - i) : (i, 0) }
                guard lead[Int(p[i + 2])] && (0x30...0x39).contains(p[i + 3]) else { return (i, 2) }
                if isWantedFour(p + i) { return (i, 4) }
                i += 4
                continue
            }
            if wantedPair[Int(byte) << 8 | Int(p[i + 1])] { return (i, 2) }
            i += 2
        }
        return nil
    }

    /// The file's first wanted character and its 1-based line (CRLF ends one line), in one read.
    mutating func first(in open: () throws -> ByteSource) throws -> (bytes: [UInt8], line: Int)? {
        let source = try open()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var kept = 0, line = 1, lastWasCR = false
        while true {
            let read = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress! + kept, count: $0.count - kept) }
            let n = kept + read
            if n == 0 { return nil }
            let found = chunk.withUnsafeBufferPointer { firstWanted(in: $0.baseAddress!, n, atEnd: read == 0) }
            let whole = found.map { $0.offset } ?? n
            line += chunk.withUnsafeBufferPointer { Self.lineBreaks(UnsafeBufferPointer(rebasing: $0[0..<whole]), lastWasCR: &lastWasCR) }
            if let found, found.length > 0 { return (Array(chunk[found.offset..<found.offset + found.length]), line) }
            kept = n - whole
            chunk.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: $0.baseAddress! + whole, count: kept) }
        }
    }

    /// The line ends in `bytes`: CR, LF, and CRLF once (`lastWasCR` carries a CR across chunks).
    private static func lineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, lastWasCR: inout Bool) -> Int {
        var count = 0
        var afterCR = lastWasCR
        for byte in bytes {
            if byte == 0x0D || (byte == 0x0A && !afterCR) { count += 1 }
            afterCR = byte == 0x0D
        }
        if !bytes.isEmpty { lastWasCR = afterCR }
        return count
    }
}
