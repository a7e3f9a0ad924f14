/// UTF-8 text once read as Windows-1252 and saved again ('MarÃ­a' for 'María') is common in directory exports,
/// and a legacy page writes its characters like any others. The charset judge scores such a sequence as no
/// evidence either way: read as letters and symbols, its capital lead inside a word ('MarÃ') and the symbols
/// after it cost the page that reads the file right, and another page that reads the lead byte as a small
/// letter ('Mară­a' in IBM852 for IBM850's 'MarÃ­a') won clearly.
enum MisreadUTF8 {
    /// The Windows-1252 byte of each character that page has at 0x80–0x9F.
    private static let windows1252Specials: [UInt32: UInt8] = {
        let bytes = Array(UInt8(0x80)...UInt8(0x9F))
        let characters = CharsetJudge.decode(bytes, charset: "windows-1252")
        guard characters.count == bytes.count else { return [:] }
        return Dictionary(zip(characters, bytes).filter { $0.0 > 0x9F }, uniquingKeysWith: { first, _ in first })
    }()

    /// The Windows-1252 byte of `c`, or nil when that page has no such character.
    static func windows1252Byte(_ c: UInt32) -> UInt8? {
        if c < 0x80 || (0xA0...0xFF).contains(c) { return UInt8(c) }
        return windows1252Specials[c]
    }

    /// How many characters from `k` on form one whole UTF-8 sequence of two to four bytes of a letter when
    /// written in Windows-1252, or nil. A wrong page's reading puts a capital and a symbol together by chance
    /// ('Ì¾rsson' for 'Þórsson' in IBM850) far more often than it makes a letter of them.
    static func sequenceLength(_ text: [UInt32], at k: Int) -> Int? {
        guard let lead = windows1252Byte(text[k]), (0xC2...0xF4).contains(lead) else { return nil }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard k + length <= text.count else { return nil }
        var bytes = [lead]
        for c in text[(k + 1)..<(k + length)] {
            guard let byte = windows1252Byte(c), (0x80...0xBF).contains(byte) else { return nil }
            bytes.append(byte)
        }
        // Overlong forms and surrogates are no sequence.
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator), iterator.next() == nil,
              TextPlausibility.isLetter(scalar.value) else { return nil }
        return length
    }

    /// `text` with every such sequence replaced by ASCII spaces, which the judge does not score.
    static func blanked(_ text: [UInt32]) -> [UInt32] {
        var out = text
        var k = 0
        while k < text.count {
            if text[k] >= 0xC2, let length = sequenceLength(text, at: k) {
                for i in k..<(k + length) { out[i] = 0x20 }
                k += length
            } else {
                k += 1
            }
        }
        return out
    }
}
