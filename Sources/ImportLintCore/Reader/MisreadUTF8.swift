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

    /// Whether `run`, written in Windows-1252, is whole UTF-8 sequences of letters only, read so once or
    /// twice ('ÃƒÂ«' is 'Ã«' misread again, itself 'ë'). The whole run of characters that are not ASCII must
    /// be, not a pair in it: a wrong page's reading puts a capital and a symbol together by chance ('Ì¾rsson'
    /// for 'Þórsson' in IBM850, 'ÊØ´Ò' for Thai 'สุดา' in Windows-1252).
    static func isMisreadLetters(_ run: ArraySlice<UInt32>) -> Bool {
        guard let once = utf8Read(run) else { return false }
        if once.allSatisfy(TextPlausibility.isLetter) { return true }
        guard let twice = utf8Read(once[...]) else { return false }
        return twice.allSatisfy(TextPlausibility.isLetter)
    }

    /// What `run`, written in Windows-1252, reads as in UTF-8, or nil when it is no whole UTF-8 sequences of
    /// characters that are not ASCII.
    static func utf8Read(_ run: ArraySlice<UInt32>) -> [UInt32]? {
        var bytes: [UInt8] = []
        for c in run {
            guard let byte = windows1252Byte(c), byte >= 0x80 else { return nil }
            bytes.append(byte)
        }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var read: [UInt32] = []
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): read.append(scalar.value)
            case .emptyInput: return read.isEmpty ? nil : read
            case .error: return nil
            }
        }
    }

    /// `text` with every such run replaced by ASCII spaces, which the judge does not score.
    static func blanked(_ text: [UInt32]) -> [UInt32] {
        var out = text
        var k = 0
        while k < text.count {
            guard text[k] >= 0x80 else { k += 1; continue }
            var end = k + 1
            while end < text.count && text[end] >= 0x80 { end += 1 }
            if end - k >= 2 && isMisreadLetters(text[k..<end]) {
                for i in k..<end { out[i] = 0x20 }
            }
            k = end
        }
        return out
    }

    /// Whether the no-break space that ends `value` (before any spaces or tabs) completes a UTF-8 sequence with
    /// the Windows-1252 bytes of the characters before it: byte A0 of 'à' (C3 A0), of '신' (EC 8B A0). The
    /// character it would complete must fit the text: correct 'Strauß' or 'JOSÉ' before a no-break space would
    /// make NKo 'ߠ' or IPA 'ɠ', not a letter of the name.
    static func endsInHalfLetter(_ value: String) -> Bool {
        var scalars = Array(value.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        guard scalars.last == "\u{A0}" else { return false }
        var bytes: [UInt8] = [0xA0]
        for s in scalars.dropLast().suffix(3).reversed() {
            // Windows writes a byte its page has no character for as that C1 control.
            guard let byte = (0x80...0x9F).contains(s.value) ? UInt8(s.value) : windows1252Byte(s.value),
                  byte >= 0x80 else { return false }
            bytes.insert(byte, at: 0)
            if byte >= 0xC0 { break }
        }
        guard bytes[0] >= 0xC2 else { return false }
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        guard case .scalarValue(let letter) = decoder.decode(&iterator), case .emptyInput = decoder.decode(&iterator) else { return false }
        return fitsText(letter, before: scalars.dropLast(bytes.count))
    }

    /// Whether `letter` shares a script with the letters of `text` (read back as UTF-8 when its Windows-1252
    /// bytes are UTF-8, as written otherwise), or there is nothing to compare. IPA letters ('ɠ' from 'É' and
    /// U+00A0) are no name's.
    private static func fitsText(_ letter: Unicode.Scalar, before text: ArraySlice<Unicode.Scalar>) -> Bool {
        if (0x250...0x2AF).contains(letter.value) { return false }
        let common: Int32 = 0, inherited: Int32 = 1
        let script = ICUBridge.script(of: letter)
        guard script != common && script != inherited else { return true }
        var bytes: [UInt8] = []
        for s in text {
            if s.value < 0x80 { bytes.append(UInt8(s.value)); continue }
            guard let byte = (0x80...0x9F).contains(s.value) ? UInt8(s.value) : windows1252Byte(s.value) else { bytes = []; break }
            bytes.append(byte)
        }
        let readBack = bytes.isEmpty ? nil : String(validating: bytes, as: UTF8.self)
        let context = readBack.map { Array($0.unicodeScalars) } ?? Array(text)
        var sawLetter = false
        for s in context where s.properties.isAlphabetic {
            let other = ICUBridge.script(of: s)
            if other == script { return true }
            if other != common && other != inherited { sawLetter = true }
        }
        return !sawLetter
    }
}
