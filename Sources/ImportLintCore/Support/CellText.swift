/// What the fixer does to every cell's text: trims surrounding spaces, tabs and no-break spaces (as
/// `surrounding-whitespace` does), composes to NFC, and (only as an unsafe fix) decodes bytes that are
/// not UTF-8 as Windows-1252.
enum CellText {
    struct Changes: OptionSet {
        let rawValue: UInt8
        static let trimmed = Changes(rawValue: 1)
        static let composed = Changes(rawValue: 2)
        static let repaired = Changes(rawValue: 4)
    }

    /// Writes the normalized form of `bytes` into `out` (replacing its content) and says what changed.
    /// With `repairInvalid` false, invalid UTF-8 is kept byte for byte and the cell is not composed.
    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, repairInvalid: Bool, into out: inout [UInt8]) -> Changes {
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
            if !repairInvalid {
                out.append(contentsOf: UnsafeBufferPointer(start: base + s, count: e - s))
                return changes
            }
            let repaired = windows1252Repair(UnsafeBufferPointer(start: base + s, count: e - s))
            changes.insert(.repaired)
            var again: [UInt8] = []
            let more = repaired.withUnsafeBufferPointer { normalize($0, repairInvalid: false, into: &again) }
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

    static func normalize(_ text: String) -> String {
        var copy = text
        var out: [UInt8] = []
        _ = copy.withUTF8 { normalize($0, repairInvalid: false, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Valid UTF-8 sequences are kept; every byte of an invalid one is read as Windows-1252 (the usual
    /// source of a stray line in a UTF-8 export), the five bytes that code page leaves undefined as C1.
    static func windows1252Repair(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
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
                let scalar = Unicode.Scalar(windows1252[Int(base[i + k])]) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(scalar).utf8))
            }
            i += -length
        }
        return out
    }

    /// Windows-1252 to Unicode for bytes 0x00...0xFF.
    static let windows1252: [UInt32] = {
        var table = (0..<256).map { UInt32($0) }
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                              0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                              0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        for (k, v) in high.enumerated() { table[0x80 + k] = v }
        return table
    }()

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
