/// A byte value the charset judge never read, which a code page that decoded the judged sample identically
/// reads as another character: the judge reads at most 16 KB of non-ASCII lines, so an ISO-8859-15 file
/// whose first 'Ž' (0xB4, '´' in Windows-1252) comes later was transcoded, as safe, to garbled names.
public struct UnjudgedByte: Sendable, Equatable {
    public var byte: UInt8
    /// The 1-based line of its first occurrence.
    public var line: Int
    public var bestReading: UInt32
    public var otherCharset: String
    public var otherReading: UInt32

    var clause: String {
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        return "line \(line) holds byte \(hex), past the sample the judge read, which \(otherCharset) reads as '\(Self.show(otherReading))' and the best reading as '\(Self.show(bestReading))'"
    }

    static func show(_ c: UInt32) -> String { Unicode.Scalar(c).map { String(Character($0)) } ?? "?" }
}

extension EncodingSniffer {
    /// The first byte of the file that the judge did not read and that decodes differently in `best` and in
    /// another code page of its group, or nil. Reads the file again, stopping at that byte: only a legacy
    /// file with a clear verdict pays for it, and nothing when its code pages agree on every unread byte.
    static func firstUnjudgedByte(best: CharsetCandidate, judged: [UInt8], _ open: () throws -> ByteSource) throws -> UnjudgedByte? {
        guard !CharsetJudge.isMultiByte(best.charsets) else { return nil }
        var judgedValues = [Bool](repeating: false, count: 256)
        for byte in judged { judgedValues[Int(byte)] = true }
        let unread = (0x80...0xFF).map(UInt8.init).filter { !judgedValues[Int($0)] }
        guard !unread.isEmpty else { return nil }
        let bestReadings = CharsetJudge.decode(unread, charset: best.name)
        guard bestReadings.count == unread.count else { return nil }
        var other = [(charset: String, reading: UInt32)?](repeating: nil, count: 256)
        for charset in best.charsets.dropFirst() {
            let readings = CharsetJudge.decode(unread, charset: charset)
            guard readings.count == unread.count else { continue }
            // A C1 control or an unmapped byte is no text another reading could have meant.
            for (i, byte) in unread.enumerated() where other[Int(byte)] == nil && readings[i] != bestReadings[i]
                && !(0x80...0x9F).contains(readings[i]) && readings[i] != 0xFFFD {
                other[Int(byte)] = (charset, readings[i])
            }
        }
        guard other.contains(where: { $0 != nil }) else { return nil }
        guard let found = try firstByte(in: other.map { $0 != nil }, open), let otherReading = other[Int(found.byte)] else { return nil }
        return UnjudgedByte(byte: found.byte, line: try lineNumber(at: found.offset, open), bestReading: bestReadings[unread.firstIndex(of: found.byte)!],
                            otherCharset: otherReading.charset, otherReading: otherReading.reading)
    }

    /// The offset and value of the file's first byte whose entry in `wanted` is true (only bytes >= 0x80 can be).
    private static func firstByte(in wanted: [Bool], _ open: () throws -> ByteSource) throws -> (offset: Int, byte: UInt8)? {
        let source = try open()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var seen = 0
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { return nil }
            if let i = chunk[0..<n].firstIndex(where: { $0 >= 0x80 && wanted[Int($0)] }) { return (seen + i, chunk[i]) }
            seen += n
        }
    }
}
