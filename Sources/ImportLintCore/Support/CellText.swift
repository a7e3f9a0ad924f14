/// What the fixer does to every cell's text: trims surrounding spaces, tabs and no-break spaces (as
/// `surrounding-whitespace` does), composes to NFC, and (only as an unsafe fix) decodes bytes that are
/// not UTF-8 in the single-byte code page the file's invalid lines read as (`InvalidByteReading`).
enum CellText {
    struct Changes: OptionSet {
        let rawValue: UInt8
        static let trimmed = Changes(rawValue: 1)
        static let composed = Changes(rawValue: 2)
        static let repaired = Changes(rawValue: 4)
    }

    /// Writes the normalized form of `bytes` into `out` (replacing its content) and says what changed.
    /// Without `repair`, invalid UTF-8 is kept byte for byte and the cell is not composed.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, repair: InvalidByteReading?, into out: inout [UInt8]) -> Changes {
        out.removeAll(keepingCapacity: true)
        var changes: Changes = []
        guard let base = bytes.baseAddress, bytes.count > 0 else { return changes }
        var s = 0, e = bytes.count
        while s < e {
            if base[s] == 0x20 || base[s] == 0x09 { s += 1 } else if base[s] == 0xC2 && s + 1 < e && base[s + 1] == 0xA0 { s += 2 } else { break }
        }
        while e > s {
            if base[e - 1] == 0x20 || base[e - 1] == 0x09 { e -= 1 } else if base[e - 1] == 0xA0 && e - 2 >= s && base[e - 2] == 0xC2 { e -= 2 } else { break }
        }
        if e < bytes.count && endsInHalfLetter(base, bytes.count) {
            // As surrounding-whitespace offers no trim there, the pass makes none: the cell stays whole.
            (s, e) = (0, bytes.count)
        }
        if s != 0 || e != bytes.count { changes.insert(.trimmed) }
        var needsNFCCheck = false
        var valid = true
        var i = s
        while i < e {
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            // U+0000..U+02FF are all NFC_QC=Yes: lead bytes below 0xCC need no normalizer.
            if b >= 0xCC { needsNFCCheck = true }
            let length = UTF8Validation.sequenceLength(base, i, e)
            if length <= 0 { valid = false; break }
            i += length
        }
        if !valid {
            guard let repair else {
                out.append(contentsOf: UnsafeBufferPointer(start: base + s, count: e - s))
                return changes
            }
            let repaired = repair.decodeInvalid(UnsafeBufferPointer(start: base + s, count: e - s))
            changes.insert(.repaired)
            var again: [UInt8] = []
            let more = repaired.withUnsafeBufferPointer { normalize($0, repair: nil, into: &again) }
            out = again
            return changes.union(more)
        }
        let slice = UnsafeBufferPointer(start: base + s, count: e - s)
        if needsNFCCheck, let composed = ICUBridge.nfc(slice) {
            out = composed
            changes.insert(.composed)
            return changes
        }
        out.append(contentsOf: slice)
        return changes
    }

    /// Whether the cell's first `count` bytes end (before spaces and tabs) in a no-break space that is the
    /// last byte of a UTF-8 letter read as Windows-1252 (`MisreadUTF8.endsInHalfLetter`); only a cell whose
    /// no-break space follows a non-ASCII byte is decoded to look.
    private static func endsInHalfLetter(_ base: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var t = count
        while t > 0 && (base[t - 1] == 0x20 || base[t - 1] == 0x09) { t -= 1 }
        guard t >= 3, base[t - 1] == 0xA0, base[t - 2] == 0xC2, base[t - 3] >= 0x80 else { return false }
        return MisreadUTF8.endsInHalfLetter(String(decoding: UnsafeBufferPointer(start: base, count: t), as: UTF8.self))
    }

    static func normalize(_ text: String) -> String {
        var copy = text
        var out: [UInt8] = []
        _ = copy.withUTF8 { normalize($0, repair: nil, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// True when `normalize` leaves the bytes of a cell the reader found valid UTF-8 alone as far as its
    /// ends go: no space, tab or no-break space to trim. Errs towards false.
    @inline(__always)
    static func hasPlainEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        let first = base[0], last = base[bytes.count - 1]
        return !(first == 0x20 || first == 0x09 || first == 0xC2 || last == 0x20 || last == 0x09 || last == 0xA0)
    }

    /// True when the raw bytes of a record, valid UTF-8, hold no quote, no line break and no character
    /// from U+0300 on (the bound below which `normalize` needs no normalizer): each unquoted cell is then
    /// written back as it is, unless its ends are trimmed. Eight bytes at a time; errs towards false.
    static func isPlainRecord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            if Self.mayNeedCare(w) != 0 {
                for k in i..<(i &+ 8) where needsCare(base[k]) { return false }
            }
            i &+= 8
        }
        while i < n {
            if needsCare(base[i]) { return false }
            i &+= 1
        }
        return true
    }

    /// True when `bytes`, valid UTF-8, hold no character from U+0300 on: no byte from 0xCC on, the lead
    /// bytes of those characters (continuation bytes stay below). Exact, eight bytes at a time: for a
    /// record the reader found without quotes and line breaks `isPlainRecord` asks only this, and its
    /// test of a word flagged every word with an accented letter for a byte-by-byte look.
    static func hasNoCharacterFromU0300(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        var hits: UInt64 = 0
        while i &+ 8 <= n {
            let w = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
            // A byte's low seven bits plus 0x34 reach 0x80 when they are 0x4C or more; no carry leaves a byte.
            hits |= ((w & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & w
            i &+= 8
        }
        while i < n {
            hits |= base[i] >= 0xCC ? 0x80 : 0
            i &+= 1
        }
        return hits & 0x8080_8080_8080_8080 == 0
    }

    @inline(__always)
    private static func needsCare(_ b: UInt8) -> Bool { b >= 0xCC || b == 0x22 || b == 0x0A || b == 0x0D }

    /// High bits where a byte of `w` is non-ASCII, a quote, LF or CR (and possibly false hits above one).
    @inline(__always)
    private static func mayNeedCare(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ 0x2222_2222_2222_2222
        let lf = w ^ 0x0A0A_0A0A_0A0A_0A0A
        let cr = w ^ 0x0D0D_0D0D_0D0D_0D0D
        let hits = w | ((quote &- ones) & ~quote) | ((lf &- ones) & ~lf) | ((cr &- ones) & ~cr)
        return hits & 0x8080_8080_8080_8080
    }

    /// True when the cell must be quoted: it holds the delimiter, a quote, CR or LF.
    @inline(__always)
    static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        for b in bytes where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D { return true }
        return false
    }

    /// Appends the cell with minimal quoting (`forceQuotes` for a lone empty cell, which would otherwise
    /// be a blank line).
    @inline(__always)
    static func appendCell(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, forceQuotes: Bool, to row: inout [UInt8]) {
        if !forceQuotes && !needsQuotes(bytes, delimiter: delimiter) {
            row.append(contentsOf: bytes)
            return
        }
        row.append(0x22)
        for b in bytes {
            row.append(b)
            if b == 0x22 { row.append(0x22) }
        }
        row.append(0x22)
    }
}

/// The reading the unsafe repair gives bytes that are not UTF-8: the single-byte code page the file's
/// invalid lines read as, the same one the invalid-utf8 findings name. There is none when no code page
/// reads them or when the best is multi-byte (a line's bad bytes alone are not its characters).
struct InvalidByteReading {
    let charset: String
    /// Code points of the bytes 0x80...0xFF (U+FFFD where the code page leaves one undefined).
    private let high: [UInt32]

    init?(charset: String) {
        guard !CharsetJudge.multiByteCharsets.contains(charset) else { return nil }
        let high = CharsetJudge.decode((0x80...0xFF).map { UInt8($0) }, charset: charset)
        guard high.count == 0x80 else { return nil }
        self.charset = charset
        self.high = high
    }

    /// The reading of the file's invalid lines (judged as `ByteLevelRule` judges them), if single-byte.
    init?(_ guess: CharsetGuess?) {
        guard let guess else { return nil }
        self.init(charset: guess.best.name)
    }

    /// Valid UTF-8 sequences are kept; every byte of an invalid one is read in the code page.
    func decodeInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = 0
        let n = bytes.count
        let base = bytes.baseAddress!
        while i < n {
            let b = base[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            var length = UTF8Validation.sequenceLength(base, i, n)
            if length == 0 { length = -(n - i) }
            if length > 0 {
                out.append(contentsOf: UnsafeBufferPointer(start: base + i, count: length))
                i += length
                continue
            }
            for k in 0..<(-length) {
                let byte = base[i + k]
                let scalar = byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(high[Int(byte) - 0x80]) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            i += -length
        }
        return out
    }
}
