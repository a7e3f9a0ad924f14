/// Unpaired surrogates in UTF-16: half of a character whose other half was lost (a value cut inside an
/// emoji or a rare CJK character). They are no text; the transcode writes each as the byte 0xFF, never
/// UTF-8 (see `cicu_converter_open`), which the reader reports as invalid-utf8 at its line and column.
enum UTF16Surrogates {
    /// The 1-based line of the first unpaired surrogate of a UTF-16 stream whose first `skipping` bytes
    /// are a byte-order mark, or nil when every surrogate is paired.
    static func firstUnpairedLine(_ source: ByteSource, littleEndian: Bool, skipping: Int) throws -> Int? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        var line = 1
        var pendingLead = false
        var previousWasCR = false
        var skipped = false
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { return pendingLead ? line : nil }
            let bytes = carry + chunk[0..<n]
            let usable = bytes.count & ~1
            var i = skipped ? 0 : skipping
            skipped = true
            while i < usable {
                let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                i += 2
                let isTrail = (0xDC00...0xDFFF).contains(unit)
                if pendingLead && !isTrail { return line }
                if isTrail && !pendingLead { return line }
                pendingLead = (0xD800...0xDBFF).contains(unit)
                // CR LF ends one line, as the reader counts them.
                if unit == 0x0D || (unit == 0x0A && !previousWasCR) { line += 1 }
                previousWasCR = unit == 0x0D
            }
            carry = Array(bytes[usable...])
        }
    }
}
