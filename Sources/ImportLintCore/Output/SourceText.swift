#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a text report finds the lines its findings sit on: read back from the input when the report is
/// written, so that every finding shows its line (end-of-file findings such as `organization-variants`
/// too) while the lint keeps no line text in memory. Lines are numbered as the reader numbers them
/// (LF, CRLF and CR end a line; a byte-order mark is not part of line 1).
///
/// A file on disk is read back only if it still has the identity, size and modification time it had
/// when the lint began: lines of a file replaced in between would sit under the wrong findings.
public struct SourceText: Sendable {
    enum Storage: Sendable {
        case input(InputFile, InputEncoding, FileStamp?)
        case lines([Int: String])
    }

    let storage: Storage

    /// The decoded text of `input`, as the linter read it; `stamp` is the file as the lint began.
    public static func input(_ input: InputFile, encoding: InputEncoding, stamp: FileStamp? = nil) -> SourceText {
        SourceText(storage: .input(input, encoding, stamp))
    }

    /// Lines given in memory (tests, callers that hold the text).
    public static func lines(_ lines: [Int: String]) -> SourceText {
        SourceText(storage: .lines(lines))
    }

    /// A reader of lines by number; cheapest when asked in increasing order, as reports are sorted.
    public func cursor() -> SourceLineCursor {
        SourceLineCursor(self)
    }
}

/// Reads an input forward, one line at a time: memory is one line (at most `maxLineBytes` of it)
/// and a read buffer, however large the file. Asking for an earlier line starts over.
public final class SourceLineCursor {
    /// A longer line keeps only its start: the report elides around the column anyway.
    static let maxLineBytes = 1 << 20
    private let text: SourceText
    private var source: ByteSource?
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0, end = 0
    private var nextLine = 1
    private var pendingLF = false
    private var failed = false
    private var last: (number: Int, text: String?) = (0, nil)

    init(_ text: SourceText) {
        self.text = text
    }

    /// The text of line `number`, or nil when the input has no such line or cannot be read again.
    public func line(_ number: Int) -> String? {
        if case .lines(let lines) = text.storage { return lines[number] }
        if number == last.number { return last.text }
        if number < nextLine { restart() }
        while !failed, nextLine < number {
            guard skipLine() else { return nil }
        }
        guard !failed, let bytes = readLine() else { return nil }
        last = (number, String(decoding: bytes, as: UTF8.self))
        return last.text
    }

    private func restart() {
        source = nil
        start = 0; end = 0; nextLine = 1; pendingLF = false
    }

    private func open() -> ByteSource? {
        if let source { return source }
        guard case .input(let input, let encoding, let stamp) = text.storage, stamp == input.stamp(),
              let opened = try? input.openDecoded(encoding) else {
            failed = true
            return nil
        }
        source = opened
        return opened
    }

    /// Refills the buffer; false at the end of the input.
    private func fill() -> Bool {
        guard let source = open() else { return false }
        let n = (try? buffer.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }) ?? 0
        start = 0; end = n
        return n > 0
    }

    /// Consumes one line; false when the input ended before it.
    private func skipLine() -> Bool {
        readLine(keeping: false) != nil
    }

    /// Consumes one line and returns its bytes without the line break; nil at the end of the input.
    @discardableResult
    private func readLine(keeping: Bool = true) -> [UInt8]? {
        var bytes: [UInt8] = []
        var sawAny = false
        while start < end || fill() {
            if pendingLF {
                pendingLF = false
                if buffer[start] == 0x0A {
                    start += 1
                    continue
                }
            }
            sawAny = true
            let (from, to) = (start, end)
            let stop = buffer.withUnsafeBufferPointer { p -> Int in
                var i = from
                while i < to && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
                return i
            }
            if keeping && bytes.count < Self.maxLineBytes {
                bytes.append(contentsOf: buffer[from..<min(stop, from + Self.maxLineBytes - bytes.count)])
            }
            if stop < to {
                pendingLF = buffer[stop] == 0x0D
                start = stop + 1
                nextLine += 1
                return bytes
            }
            start = to
        }
        guard sawAny else { return nil }
        nextLine += 1
        return bytes
    }
}

/// What a file on disk is: device, inode, size and modification time (nil for inputs held in memory).
public struct FileStamp: Equatable, Sendable {
    let device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int
}

extension InputFile {
    /// The stamp of the file this input reads, or nil when it reads memory.
    public func stamp() -> FileStamp? {
        let path: String
        switch storage {
        case .bytes: return nil
        case .path(let p): path = p
        case .spooled(let s): path = s.path
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Glibc)
        let modified = info.st_mtim
        #else
        let modified = info.st_mtimespec
        #endif
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec))
    }
}
