/// A character the charset judge never read that the transcode would not write as the file meant: the judge
/// reads at most 16 KB of non-ASCII lines, so an ISO-8859-15 file whose first 'Ž' (0xB4, '´' in Windows-1252)
/// came later, or a GBK file with a GB18030-only name character after them, was transcoded, as safe, to
/// garbled names.
public struct UnjudgedCharacter: Sendable, Equatable {
    public var bytes: [UInt8]
    /// The 1-based line of its first occurrence.
    public var line: Int
    public var bestCharset: String
    public var bestReading: [UInt32]
    /// A code page that decoded the judged sample as `bestCharset` does and reads these bytes as other text;
    /// nil when the best reading itself is no text (bytes it cannot decode, or a user-defined character).
    public var otherCharset: String?
    public var otherReading: [UInt32] = []

    var clause: String {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        let held = "line \(line) holds \(bytes.count == 1 ? "byte" : "bytes") \(hex), past the sample the judge read, which"
        guard let otherCharset else { return "\(held) \(bestCharset) reads as \(Self.show(bestReading))" }
        return "\(held) \(otherCharset) reads as \(Self.show(otherReading)) and \(bestCharset) as \(Self.show(bestReading))"
    }

    static func show(_ text: [UInt32]) -> String {
        if text.contains(0xFFFD) { return "no character (U+FFFD)" }
        if let userDefined = text.first(where: CharsetJudge.isPrivateUse) {
            return "a user-defined character (U+\(String(userDefined, radix: 16, uppercase: true)))"
        }
        return "'" + String(String.UnicodeScalarView(text.compactMap(Unicode.Scalar.init))) + "'"
    }

    /// Whether `reading` is text another code page could have meant: not a byte it cannot decode, nor a C1
    /// control (which a single-byte page reads where it has no character).
    static func isText(_ reading: [UInt32]) -> Bool {
        !reading.contains { $0 == 0xFFFD || (0x80...0x9F).contains($0) }
    }
}

extension EncodingSniffer {
    /// The first character of the file, past the judged sample, that `best` cannot read as text or that
    /// another code page of its group reads otherwise, or nil. Reads the file once more, stopping at that
    /// character: only a legacy file with a clear verdict pays for it, and a single-byte one nothing when
    /// its code pages agree on every byte value the judge did not read.
    static func firstUnjudgedCharacter(best: CharsetCandidate, judged: [UInt8], _ open: () throws -> ByteSource) throws -> UnjudgedCharacter? {
        var characters = CharsetJudge.multiByteCharsets.contains(best.name)
            ? UnreadCharacters(multiByte: best.charsets)
            : UnreadCharacters(singleByte: best.charsets, judged: judged)
        guard let found = try characters?.first(in: open) else { return nil }
        let bestReading = CharsetJudge.decode(found.bytes, charset: best.name)
        let bestIsText = UnjudgedCharacter.isText(bestReading) && !bestReading.contains(where: CharsetJudge.isPrivateUse)
        let other = best.charsets.dropFirst().lazy
            .map { ($0, CharsetJudge.decode(found.bytes, charset: $0)) }
            .first { $0.1 != bestReading && UnjudgedCharacter.isText($0.1) }
        guard other != nil || !bestIsText else { return nil }
        return UnjudgedCharacter(bytes: found.bytes, line: found.line, bestCharset: best.name, bestReading: bestReading,
                                 otherCharset: other?.0, otherReading: other?.1 ?? [])
    }
}
