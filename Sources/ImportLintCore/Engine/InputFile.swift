import Foundation

/// A file to lint, openable more than once (encoding sniffing reads ahead; the fixer reads again).
public struct InputFile: Sendable {
    /// The path shown in reports (repository-relative when the caller gives one).
    public let displayPath: String
    let storage: Storage

    enum Storage: Sendable {
        case path(String)
        case bytes([UInt8])
        /// A pipe or other one-time stream, copied to a temporary file (see `SpooledInput`).
        case spooled(SpooledInput)
    }

    public static func path(_ path: String, displayPath: String? = nil) -> InputFile {
        InputFile(displayPath: displayPath ?? path, storage: .path(path))
    }

    public static func bytes(_ bytes: [UInt8], displayPath: String) -> InputFile {
        InputFile(displayPath: displayPath, storage: .bytes(bytes))
    }

    /// Runs `body`, prefixing any input error with this file's path so messages always name the file.
    public func naming<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError where !error.description.hasPrefix(displayPath) {
            throw InputError("\(displayPath): \(error.description)")
        }
    }

    public func openRaw() throws -> ByteSource {
        switch storage {
        case .path(let p): try FileSource(path: p)
        case .bytes(let b): MemorySource(b)
        case .spooled(let s): try FileSource(path: s.path)
        }
    }

    /// A UTF-8 byte stream of the content with any byte-order mark removed.
    public func openDecoded(_ encoding: InputEncoding) throws -> ByteSource {
        try decoding(openRaw(), encoding)
    }

    /// `raw`, this file's bytes from the start, as UTF-8 without a byte-order mark.
    func decoding(_ raw: ByteSource, _ encoding: InputEncoding) throws -> ByteSource {
        if encoding.bomLength > 0 {
            var skipped = [UInt8](repeating: 0, count: encoding.bomLength)
            _ = try skipped.withUnsafeMutableBufferPointer { try EncodingSniffer.readFully(raw, $0.baseAddress!, $0.count) }
        }
        switch encoding {
        case .utf8: return raw
        case .utf16(let littleEndian, _): return try TranscodingSource(raw, charset: littleEndian ? "UTF-16LE" : "UTF-16BE")
        case .utf32(let littleEndian, _): return try TranscodingSource(raw, charset: littleEndian ? "UTF-32LE" : "UTF-32BE")
        case .legacy(let legacy):
            // ISO-8859-1 decodes as Windows-1252, its superset for every printable byte.
            let decoded = try TranscodingSource(raw, charset: legacy.charset == "ISO-8859-1" ? "windows-1252" : legacy.charset)
            return ComposingSource.writesTonesApart(legacy.charset) ? ComposingSource(decoded) : decoded
        }
    }

    /// The decoded stream from `offset` on, or nil when the stream cannot be entered there without
    /// decoding everything before it (a transcoded input).
    func openDecoded(_ encoding: InputEncoding, at offset: Int) throws -> ByteSource? {
        try entries(encoding)?.source(at: offset)
    }

    /// The decoded stream opened once, to be entered at many offsets; nil when it cannot be entered without
    /// decoding everything before (a transcoded input).
    func entries(_ encoding: InputEncoding) throws -> InputEntries? {
        guard case .utf8 = encoding else { return nil }
        switch storage {
        case .path(let p): return InputEntries(.file(try FileSource(path: p)), bomLength: encoding.bomLength)
        case .spooled(let s): return InputEntries(.file(try FileSource(path: s.path)), bomLength: encoding.bomLength)
        case .bytes(let b): return InputEntries(.bytes(b), bomLength: encoding.bomLength)
        }
    }

    /// The size in bytes, or nil when it cannot be told.
    var byteCount: Int? {
        switch storage {
        case .path(let p): return Self.size(of: p)
        case .spooled(let s): return Self.size(of: s.path)
        case .bytes(let b): return b.count
        }
    }

    private static func size(of path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil
    }

    /// The encoding to decode with, or nil when the first 64 KB are plain ASCII and the user named none
    /// (see `EncodingSniffer.sniffHead`).
    func encodingFromHead(override: String?) throws -> InputEncoding? {
        if override != nil { return try encoding(override: override) }
        return try EncodingSniffer.sniffHead(openRaw)
    }

    /// The encoding to decode with: the user's `--input-encoding`, or what the bytes say.
    public func encoding(override: String?) throws -> InputEncoding {
        if let override {
            let name = override.trimmingWhitespace()
            switch name.uppercased().replacingOccurrences(of: "_", with: "-") {
            case "UTF-8", "UTF8": return try EncodingSniffer.sniff(openRaw).isUTF8BOM ? .utf8(bom: true) : .utf8(bom: false)
            case "UTF-16LE", "UTF-16": return .utf16(littleEndian: true, bom: try startsWithBOM16())
            case "UTF-16BE": return .utf16(littleEndian: false, bom: try startsWithBOM16())
            case "UTF-32LE": return .utf32(littleEndian: true, bom: try startsWithBOM32())
            case "UTF-32BE": return .utf32(littleEndian: false, bom: try startsWithBOM32())
            default:
                guard name.withCString({ cicuKnows($0) }) else { throw InputError("unknown input encoding '\(name)'") }
                return .legacy(LegacyEncoding(charset: name, firstNonASCIILine: 1, guess: nil))
            }
        }
        return try EncodingSniffer.sniff(openRaw)
    }

    private func startsWithBOM16() throws -> Bool {
        let head = try firstBytes(2)
        return head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
    }

    private func startsWithBOM32() throws -> Bool {
        let head = try firstBytes(4)
        return head == [0xFF, 0xFE, 0, 0] || head == [0, 0, 0xFE, 0xFF]
    }

    private func firstBytes(_ count: Int) throws -> [UInt8] {
        let raw = try openRaw()
        var head = [UInt8](repeating: 0, count: count)
        let n = try head.withUnsafeMutableBufferPointer { try EncodingSniffer.readFully(raw, $0.baseAddress!, count) }
        return Array(head.prefix(n))
    }
}

import CICU
private func cicuKnows(_ name: UnsafePointer<CChar>) -> Bool { cicu_charset_is_known(name) != 0 }

extension InputEncoding {
    var isUTF8BOM: Bool { if case .utf8(true) = self { true } else { false } }
    var isUTF8: Bool { if case .utf8 = self { true } else { false } }
}
