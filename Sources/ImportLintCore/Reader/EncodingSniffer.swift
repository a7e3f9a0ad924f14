import CICU

/// How the bytes of an input file are to be decoded, decided before tokenizing.
public enum InputEncoding: Sendable, Equatable {
    /// UTF-8 (possibly with some invalid lines, reported per line).
    case utf8(bom: Bool)
    case utf16(littleEndian: Bool, bom: Bool)
    /// Recognized by its byte-order mark, or named with `--input-encoding`.
    case utf32(littleEndian: Bool, bom: Bool)
    /// Not UTF-8 as a whole: a legacy code page, guessed or named with `--input-encoding`.
    case legacy(LegacyEncoding)

    public var name: String {
        switch self {
        case .utf8(let bom): bom ? "UTF-8 with BOM" : "UTF-8"
        case .utf16(let le, _): le ? "UTF-16LE" : "UTF-16BE"
        case .utf32(let le, _): le ? "UTF-32LE" : "UTF-32BE"
        case .legacy(let legacy): legacy.charset
        }
    }

    var bomLength: Int {
        switch self {
        case .utf8(true): 3
        case .utf16(_, true): 2
        case .utf32(_, true): 4
        default: 0
        }
    }
}

/// A file in a legacy code page.
public struct LegacyEncoding: Sendable, Equatable {
    /// The ICU name the file is decoded with.
    public var charset: String
    public var firstNonASCIILine: Int
    /// How the charset was chosen; nil when the user named it with `--input-encoding`.
    public var guess: CharsetGuess?
    /// The first line holding a byte sequence that is not UTF-8, where a target reading the file as UTF-8
    /// stops (some pairs of a legacy code page are valid UTF-8, so it may come after the first non-ASCII
    /// line); nil when the charset was named, not judged.
    public var firstInvalidLine: Int? = nil

    /// The transcode is exact when the user named the charset or the judge's best reading won clearly.
    public var transcodeIsSafe: Bool { guess?.isClear ?? true }
}

/// Decides the encoding of a file from its bytes. A file is UTF-8 unless it holds bytes that are not;
/// then `CharsetJudge` decodes its non-ASCII lines with every candidate code page. A file with both valid
/// and invalid UTF-8 stays UTF-8 (its bad lines are reported) unless its "valid" sequences read better in
/// the judged code page too, as the accidental ones of Shift_JIS, GBK or Big5 text do.
public enum EncodingSniffer {
    static let sampleSize = 1 << 16

    public static func sniff(_ open: () throws -> ByteSource) throws -> InputEncoding {
        try sniff(open, undecidedAfterASCIIHead: false)!
    }

    /// Like `sniff`, but nil for a file whose first 64 KB are plain ASCII, instead of reading on to its
    /// first other byte: the verdict is then UTF-8 exactly when the first line holding another byte is
    /// valid UTF-8, which the tokenizer finds out anyway (see `Linter`). A plain-ASCII file is read once.
    public static func sniffHead(_ open: () throws -> ByteSource) throws -> InputEncoding? {
        try sniff(open, undecidedAfterASCIIHead: true)
    }

    private static func sniff(_ open: () throws -> ByteSource, undecidedAfterASCIIHead: Bool) throws -> InputEncoding? {
        let source = try open()
        var head = [UInt8](repeating: 0, count: sampleSize)
        let headCount = try head.withUnsafeMutableBufferPointer { try readFully(source, $0.baseAddress!, $0.count) }
        head.removeSubrange(headCount...)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(bom: true) }
        if head.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .utf32(littleEndian: true, bom: true) }
        if head.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .utf32(littleEndian: false, bom: true) }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16(littleEndian: true, bom: true) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16(littleEndian: false, bom: true) }
        if let kind = NotText.kind(head) {
            throw InputError(UnreadableInput.advice(kind))
        }
        if let littleEndian = utf16ByNULPattern(head) {
            return .utf16(littleEndian: littleEndian, bom: false)
        }
        return try scanUTF8(head: head, rest: source, open, undecidedAfterASCIIHead: undecidedAfterASCIIHead)
    }

    /// UTF-16 text without BOM: mostly-ASCII content puts a NUL in every other byte.
    static func utf16ByNULPattern(_ head: [UInt8]) -> Bool? {
        let n = min(head.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if head[i] == 0 { evenZeros += 1 }
            if head[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs { return true }
        if evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs { return false }
        return nil
    }

    private static func scanUTF8(head: [UInt8], rest: ByteSource, _ open: () throws -> ByteSource,
                                 undecidedAfterASCIIHead: Bool) throws -> InputEncoding? {
        var scanner = UTF8Scanner()
        head.withUnsafeBufferPointer { scanner.feed($0) }
        if undecidedAfterASCIIHead && scanner.firstNonASCIIOffset == nil && head.count == sampleSize { return nil }
        // Past the head only a file that has been pure ASCII so far needs reading on.
        if scanner.firstNonASCIIOffset == nil && head.count == sampleSize {
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            while scanner.firstNonASCIIOffset == nil || (scanner.validMultibyte == 0 && scanner.sample.count < CharsetJudge.maximumSample) {
                let n = try chunk.withUnsafeMutableBufferPointer { try rest.read(into: $0.baseAddress!, count: $0.count) }
                if n == 0 { break }
                chunk.withUnsafeBufferPointer { scanner.feed(UnsafeBufferPointer(rebasing: $0[0..<n])) }
            }
        }
        guard scanner.invalidSequences > 0 else { return .utf8(bom: false) }
        // Past the head, as within it (`NotText`): 8-bit text, then a UTF-16LE export appended to it.
        if scanner.firstInvalidIsUTF16LEMark { throw NotText.Found(kind: .eightBitThenUTF16) }
        // Or without its mark (Add-Content -Encoding Unicode, `>>` in Windows PowerShell 5.1, bcp -w): its
        // letters beyond ASCII are no code page's, whatever a judge of their bytes would say.
        if scanner.firstInvalidInUTF16LEText {
            throw NotText.Found(kind: .eightBitThenUTF16WithoutMark(line: try lineNumber(at: firstNUL(open) ?? 0, open)))
        }
        let guess = CharsetJudge.judge(scanner.sample)
        var clear = guess.isClear
        if !scanner.validLines.isEmpty {
            // Mixed: the "valid" lines must read better in the judged charset than as UTF-8 too.
            let lead = scanner.validLines.reduce(0.0) { total, line in
                let structure = TextPlausibility.structureCount(line.lazy.map(UInt32.init))
                let asLegacy = TextPlausibility.score(CharsetJudge.reading(line, charset: guess.best.name), expectedStructure: structure)
                let asUTF8 = TextPlausibility.score(String(decoding: line, as: UTF8.self).unicodeScalars.map(\.value), expectedStructure: structure)
                return total + asLegacy - asUTF8
            }
            guard lead > 0 else { return .utf8(bom: false) }
            clear = clear && lead >= CharsetJudge.clearMargin
        }
        let unjudged = try clear ? firstUnjudgedCharacter(best: guess.best, judged: CharsetJudge.judgedPart(scanner.sample), open) : nil
        if unjudged != nil { clear = false }
        let firstNonASCII = scanner.firstNonASCIIOffset
        let line = try lineNumber(at: firstNonASCII ?? 0, open)
        let invalidLine = try scanner.firstInvalidOffset.map { offset in offset == firstNonASCII ? line : try lineNumber(at: offset, open) }
        return .legacy(LegacyEncoding(charset: guess.best.name, firstNonASCIILine: line,
                                      guess: CharsetGuess(candidates: guess.candidates, isClear: clear, userDefined: guess.userDefined,
                                                          fewCharactersAlsoReadBy: guess.fewCharactersAlsoReadBy, unjudgedCharacter: unjudged),
                                      firstInvalidLine: invalidLine))
    }

    /// How the lines of a UTF-8 file that are not valid UTF-8 read in the candidate code pages (from the
    /// first 64 KB), for a file most of whose lines are in a legacy code page; nil when the head has none.
    public static func readingOfInvalidLines(_ open: () throws -> ByteSource) throws -> CharsetGuess? {
        let source = try open()
        var head = [UInt8](repeating: 0, count: sampleSize)
        let headCount = try head.withUnsafeMutableBufferPointer { try readFully(source, $0.baseAddress!, $0.count) }
        head.removeSubrange(headCount...)
        // A UTF-16 file's bytes are no UTF-8 lines: its invalid sequences are unpaired surrogates.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || utf16ByNULPattern(head) != nil { return nil }
        var scanner = UTF8Scanner()
        head.withUnsafeBufferPointer { scanner.feed($0) }
        return scanner.invalidSample.isEmpty ? nil : CharsetJudge.judge(scanner.invalidSample)
    }

    /// Whether the head (64 KB) of a UTF-8 file holding bytes that are not UTF-8 joins two encodings: lines of
    /// UTF-8 letters before the first invalid line, and none after it (a UTF-8 export and an ANSI one joined by
    /// `cat` or `copy`, or records added from a legacy source at the end).
    public static func joinsEncodings(_ open: () throws -> ByteSource) throws -> Bool {
        let source = try open()
        var head = [UInt8](repeating: 0, count: sampleSize)
        let headCount = try head.withUnsafeMutableBufferPointer { try readFully(source, $0.baseAddress!, $0.count) }
        head.removeSubrange(headCount...)
        var scanner = UTF8Scanner()
        head.withUnsafeBufferPointer { scanner.feed($0) }
        return scanner.invalidSequences > 0 && scanner.validLineBeforeInvalid && !scanner.validLineAfterInvalid
    }

    /// The offset of the first NUL byte, read again from the start: where UTF-16LE text appended to 8-bit
    /// text starts (the high byte of its first ASCII character).
    static func firstNUL(_ open: () throws -> ByteSource) throws -> Int? {
        let source = try open()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var seen = 0
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { return nil }
            if let nul = chunk[0..<n].firstIndex(of: 0) { return seen + nul }
            seen += n
        }
    }

    /// The 1-based line of a byte offset (CRLF ends one line), read again from the start: only a file
    /// judged legacy needs it.
    static func lineNumber(at offset: Int, _ open: () throws -> ByteSource) throws -> Int {
        let source = try open()
        var chunk = [UInt8](repeating: 0, count: min(offset + 1, 1 << 20))
        var line = 1, seen = 0, lastWasCR = false
        while seen < offset {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: min($0.count, offset - seen)) }
            if n == 0 { break }
            for b in chunk[0..<n] {
                if b == 0x0D || (b == 0x0A && !lastWasCR) { line += 1 }
                lastWasCR = b == 0x0D
            }
            seen += n
        }
        return line
    }

    static func readFully(_ source: ByteSource, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
        var total = 0
        while total < count {
            let n = try source.read(into: buffer + total, count: count - total)
            if n == 0 { break }
            total += n
        }
        return total
    }
}

/// Counts valid multi-byte and invalid UTF-8 sequences across chunks, skipping ASCII a word at a time,
/// and keeps the lines that hold non-ASCII bytes: all of them in `sample` for the charset judge, and the
/// lines that are valid UTF-8 in `validLines`.
struct UTF8Scanner {
    var validMultibyte = 0
    var invalidSequences = 0
    /// Offset of the first non-ASCII byte from the start of the input.
    var firstNonASCIIOffset: Int?
    var sample: [UInt8] = []
    var validLines: [[UInt8]] = []
    /// The lines with invalid sequences only.
    var invalidSample: [UInt8] = []
    /// The first invalid sequence is a UTF-16LE byte-order mark with a NUL in the two code units after it:
    /// a UTF-16LE export (Out-File) appended to this text by `cat` or `copy /b`.
    var firstInvalidIsUTF16LEMark = false
    /// The first invalid sequence is in a line with a NUL in every other byte: a letter of UTF-16LE text
    /// without a byte-order mark appended to this text, read as 8-bit bytes.
    var firstInvalidInUTF16LEText = false
    /// Offset of the first byte sequence that is not UTF-8 from the start of the input.
    var firstInvalidOffset: Int?
    /// A line of valid multi-byte UTF-8 characters came before the first invalid sequence, and one after it.
    var validLineBeforeInvalid = false
    var validLineAfterInvalid = false
    private var consumed = 0
    private var pending: [UInt8] = []

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard !pending.isEmpty else { return scan(chunk) }
        let joined = pending + Array(chunk)
        consumed -= pending.count
        pending.removeAll()
        joined.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let p = chunk.baseAddress else { return }
        let n = chunk.count
        var i = 0
        while i < n {
            while i + 8 <= n && UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < n && p[i] < 0x80 { i += 1 }
            guard i < n else { break }
            if firstNonASCIIOffset == nil { firstNonASCIIOffset = consumed + i }
            // Validate the whole line holding this byte, then keep it.
            var start = i
            while start > 0 && p[start - 1] != 0x0A && p[start - 1] != 0x0D { start -= 1 }
            var end = i
            var lineValid = 0, lineInvalid = 0
            var firstInvalid = 0, firstInvalidLength = 0, firstInvalidIsCut = false
            while end < n && p[end] != 0x0A && p[end] != 0x0D {
                if p[end] < 0x80 { end += 1; continue }
                let length = UTF8Validation.sequenceLength(p, end, n)
                if length == 0 {
                    // Truncated at the chunk end: retry with the next chunk.
                    pending = Array(UnsafeBufferPointer(rebasing: chunk[end...]))
                    break
                }
                if length > 0 {
                    lineValid += 1
                    end += length
                    continue
                }
                if lineInvalid == 0 {
                    firstInvalid = end
                    firstInvalidLength = -length
                    firstInvalidIsCut = Self.isCutCharacter(p, end, -length)
                }
                lineInvalid += 1
                end += -length
            }
            // A value cut inside a character at a cell's end (`CutCharacter`), in a line with other UTF-8
            // characters, is the line's only damage: the line is UTF-8, as the lint reads it.
            let cut = lineInvalid == 1 && firstInvalidIsCut && lineValid > 0
            if cut { lineInvalid = 0 }
            if lineInvalid > 0 && invalidSequences == 0 {
                firstInvalidIsUTF16LEMark = Self.isUTF16LEMark(p, firstInvalid, n)
                firstInvalidOffset = consumed + firstInvalid
                firstInvalidInUTF16LEText = Self.isUTF16LEText(UnsafeBufferPointer(rebasing: chunk[start..<end]))
            }
            if lineInvalid == 0 && lineValid > 0 {
                if invalidSequences > 0 { validLineAfterInvalid = true } else { validLineBeforeInvalid = true }
            }
            validMultibyte += lineValid
            invalidSequences += lineInvalid
            if cut {
                // Judged without the cut bytes: as UTF-8 they would read as U+FFFD, in a code page as a letter.
                keep(Array(chunk[start..<firstInvalid]) + Array(chunk[(firstInvalid + firstInvalidLength)..<end]), valid: true)
            } else {
                keep(UnsafeBufferPointer(rebasing: chunk[start..<end]), valid: lineInvalid == 0)
            }
            if !pending.isEmpty { break }
            i = end
        }
        consumed += n - pending.count
    }

    /// The `length` invalid bytes at `i` are the first bytes of a UTF-8 character (a lead byte and fewer
    /// continuation bytes than it needs) and a cell ends after them: at a delimiter (any of the common
    /// ones: the file's is not known yet), a quote or the line's end.
    static func isCutCharacter(_ p: UnsafePointer<UInt8>, _ i: Int, _ length: Int) -> Bool {
        guard (0xC2...0xF4).contains(p[i]) else { return false }
        switch p[i + length] {
        case 0x2C, 0x3B, 0x09, 0x7C, 0x22, 0x0D, 0x0A: return true
        default: return false
        }
    }

    /// 0xFF 0xFE at `i`, then a NUL among the next four bytes (a mark at the very end of a chunk is not
    /// recognized: the file is then judged as before).
    static func isUTF16LEMark(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        guard i + 1 < n, p[i] == 0xFF, p[i + 1] == 0xFE else { return false }
        return (i + 2..<min(n, i + 6)).contains { p[$0] == 0 }
    }

    /// A NUL in every other byte (a UTF-16 code unit's high byte for each ASCII character). A line after the
    /// first of UTF-16LE text starts with the NUL of the line feed before it.
    static func isUTF16LEText(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let units = line.first == 0 ? UnsafeBufferPointer(rebasing: line.dropFirst()) : line
        return EncodingSniffer.utf16ByNULPattern(Array(units)) == true
    }

    private mutating func keep(_ line: [UInt8], valid: Bool) {
        line.withUnsafeBufferPointer { keep($0, valid: valid) }
    }

    private mutating func keep(_ line: UnsafeBufferPointer<UInt8>, valid: Bool) {
        guard sample.count < CharsetJudge.maximumSample else { return }
        sample.append(contentsOf: line)
        sample.append(0x0A)
        if valid {
            validLines.append(Array(line))
        } else {
            invalidSample.append(contentsOf: line)
            invalidSample.append(0x0A)
        }
    }
}
