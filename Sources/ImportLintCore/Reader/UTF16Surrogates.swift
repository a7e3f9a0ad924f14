/// What a UTF-16 stream holds that is no text: unpaired surrogates, half of a character whose other half
/// was lost (a value cut inside an emoji or a rare CJK character), and a lone byte at the end, half of a
/// code unit (the file was cut, or a tool appended 8-bit text). The transcode writes each as a byte that is
/// never UTF-8 (0xFF for a surrogate, 0xFE for the odd byte; see `cicu_converter_open`), which the reader
/// reports as invalid-utf8 at its line and column.
enum UTF16Surrogates {
    enum Damage: Equatable {
        case unpairedSurrogate(line: Int)
        case oddByteAtEnd(line: Int)

        var line: Int {
            switch self {
            case .unpairedSurrogate(let line), .oddByteAtEnd(let line): line
            }
        }
    }

    /// The byte the transcode writes for a lone byte at the end; every other invalid byte of a UTF-16
    /// file is an unpaired surrogate.
    static let oddByteMark: UInt8 = 0xFE
    /// The byte the transcode writes for an unpaired surrogate.
    static let surrogateMark: UInt8 = 0xFF

    /// The first thing of a UTF-16 stream that is no text (its 1-based line), whose first `skipping`
    /// bytes are a byte-order mark, or nil when every surrogate is paired and the length is even.
    static func firstDamage(_ source: ByteSource, littleEndian: Bool, skipping: Int) throws -> Damage? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var carry: [UInt8] = []
        var line = 1
        var pendingLead = false
        var previousWasCR = false
        var skipped = false
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 {
                if pendingLead { return .unpairedSurrogate(line: line) }
                return carry.isEmpty ? nil : .oddByteAtEnd(line: line)
            }
            let bytes = carry + chunk[0..<n]
            let usable = bytes.count & ~1
            var i = skipped ? 0 : skipping
            skipped = true
            while i < usable {
                let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
                i += 2
                let isTrail = (0xDC00...0xDFFF).contains(unit)
                if pendingLead != isTrail { return .unpairedSurrogate(line: line) }
                pendingLead = (0xD800...0xDBFF).contains(unit)
                // CR LF ends one line, as the reader counts them.
                if unit == 0x0D || (unit == 0x0A && !previousWasCR) { line += 1 }
                previousWasCR = unit == 0x0D
            }
            carry = Array(bytes[usable...])
        }
    }
}
