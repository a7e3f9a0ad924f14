import CICU

/// How the bytes of an input file are to be decoded, decided before tokenizing.
public enum InputEncoding: Sendable, Equatable {
    /// UTF-8 (possibly with some invalid lines, reported per line).
    case utf8(bom: Bool)
    case utf16(littleEndian: Bool, bom: Bool)
    /// Not UTF-8 as a whole: decoded with the charset ICU's detector names.
    case legacy(charset: String, confidence: Int, firstNonASCIILine: Int)

    public var name: String {
        switch self {
        case .utf8(let bom): bom ? "UTF-8 with BOM" : "UTF-8"
        case .utf16(let le, _): le ? "UTF-16LE" : "UTF-16BE"
        case .legacy(let charset, _, _): charset
        }
    }

    var bomLength: Int {
        switch self {
        case .utf8(true): 3
        case .utf16(_, true): 2
        default: 0
        }
    }
}

/// Decides the encoding of a file from its bytes. Legacy charsets are considered only for a file with no
/// valid multi-byte UTF-8 sequence at all: a UTF-8 file with a few Windows-1252 lines stays UTF-8 and its
/// bad lines are reported, never re-decoded (ICU's whole-file guess is unreliable on short, mixed text).
public enum EncodingSniffer {
    static let sampleSize = 1 << 16

    public static func sniff(_ open: () throws -> ByteSource) throws -> InputEncoding {
        let source = try open()
        var head = [UInt8](repeating: 0, count: sampleSize)
        let headCount = try head.withUnsafeMutableBufferPointer { try readFully(source, $0.baseAddress!, $0.count) }
        head.removeSubrange(headCount...)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8(bom: true) }
        if head.starts(with: [0xFF, 0xFE]) { return .utf16(littleEndian: true, bom: true) }
        if head.starts(with: [0xFE, 0xFF]) { return .utf16(littleEndian: false, bom: true) }
        if let kind = BinarySignature.match(head) {
            throw InputError("not a text file (looks like \(kind))")
        }
        if let littleEndian = utf16ByNULPattern(head) {
            return .utf16(littleEndian: littleEndian, bom: false)
        }
        if head.count >= 64, head.filter({ $0 == 0 }).count * 10 > head.count {
            throw InputError("not a text file (more than 10% NUL bytes)")
        }
        return try scanUTF8(head: head, rest: source)
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

    private static func scanUTF8(head: [UInt8], rest: ByteSource) throws -> InputEncoding {
        var scanner = UTF8Scanner()
        head.withUnsafeBufferPointer { scanner.feed($0) }
        // A head shorter than the sample was the whole input: no 1 MiB chunk to allocate and zero.
        var chunk = [UInt8](repeating: 0, count: !scanner.decided && head.count == sampleSize ? 1 << 20 : 0)
        while !scanner.decided && !chunk.isEmpty {
            let n = try chunk.withUnsafeMutableBufferPointer { try rest.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { break }
            chunk.withUnsafeBufferPointer { scanner.feed(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
        guard scanner.invalidSequences > 0, scanner.validMultibyte == 0 else { return .utf8(bom: false) }
        let sample = scanner.nonASCIISample
        var name = [CChar](repeating: 0, count: 64)
        let confidence = sample.withUnsafeBufferPointer { s in
            s.baseAddress!.withMemoryRebound(to: CChar.self, capacity: s.count) {
                cicu_detect_charset($0, Int32(s.count), &name, Int32(name.count))
            }
        }
        let guessed = confidence >= 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return .legacy(charset: plausibleLegacyCharset(guessed), confidence: Int(max(confidence, 0)),
                       firstNonASCIILine: scanner.firstNonASCIILine)
    }

    /// ICU sometimes names charsets no directory export uses (IBM420, UTF-32) for short Latin text;
    /// those fall back to Windows-1252, the ANSI code page of Western Windows.
    static func plausibleLegacyCharset(_ guessed: String) -> String {
        let accepted = ["windows-1250", "windows-1251", "windows-1252", "windows-1253", "windows-1254",
                        "windows-1255", "windows-1256", "ISO-8859-1", "ISO-8859-2", "ISO-8859-5", "ISO-8859-7",
                        "ISO-8859-8", "ISO-8859-9", "KOI8-R", "Shift_JIS", "EUC-JP", "GB18030", "Big5", "EUC-KR"]
        return accepted.contains(guessed) ? guessed : "windows-1252"
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

/// Counts valid multi-byte and invalid UTF-8 sequences across chunks, and keeps a sample of the lines
/// that hold non-ASCII bytes for the charset detector.
struct UTF8Scanner {
    var validMultibyte = 0
    var invalidSequences = 0
    var firstNonASCIILine = 0
    var nonASCIISample: [UInt8] = []
    private var line = 1
    private var currentLine: [UInt8] = []
    private var lineHasHigh = false
    private var pending: [UInt8] = []
    private var lastWasCR = false

    /// Once a valid multi-byte sequence is seen the file is UTF-8 whatever follows.
    var decided: Bool { validMultibyte > 0 }

    mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) {
        var bytes = pending
        pending.removeAll()
        bytes.append(contentsOf: chunk)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                // CRLF ends one line, not two.
                if b == 0x0D || (b == 0x0A && !lastWasCR) { endLine() } else if b != 0x0A { currentLine.append(b) }
                lastWasCR = b == 0x0D
                i += 1
                continue
            }
            lastWasCR = false
            if firstNonASCIILine == 0 { firstNonASCIILine = line }
            lineHasHigh = true
            let length = UTF8Validation.sequenceLength(bytes, i, n)
            if length == 0 {
                // Truncated at the chunk end: retry with the next chunk.
                pending = Array(bytes[i...])
                return
            }
            if length > 0 {
                validMultibyte += 1
                currentLine.append(contentsOf: bytes[i..<i + length])
                i += length
            } else {
                invalidSequences += 1
                currentLine.append(b)
                i += -length
            }
            if decided { return }
        }
    }

    private mutating func endLine() {
        if lineHasHigh && nonASCIISample.count < 1 << 15 {
            nonASCIISample.append(contentsOf: currentLine)
            nonASCIISample.append(0x0A)
        }
        currentLine.removeAll(keepingCapacity: true)
        lineHasHigh = false
        line += 1
    }
}

/// Recognizes files that are certainly not CSV by their magic numbers.
enum BinarySignature {
    static func match(_ head: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or XLSX workbook"),
            ([0x25, 0x50, 0x44, 0x46], "a PDF document"), ([0x1F, 0x8B], "a gzip archive"),
            ([0xFF, 0xD8, 0xFF], "a JPEG image"), ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
            ([0xD0, 0xCF, 0x11, 0xE0], "an OLE2 (XLS) workbook"), ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ]
        return signatures.first { head.starts(with: $0.0) }?.1
    }
}
