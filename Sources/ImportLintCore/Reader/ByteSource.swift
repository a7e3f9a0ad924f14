import CICU
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An I/O failure with the file it concerns, printed as a one-line error (exit 2).
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Where the tokenizer gets its bytes from: a file, memory, or a transcoder over either.
public protocol ByteSource: AnyObject {
    /// Reads up to `count` bytes; returns 0 only at the end of the input.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int
}

/// Reads a file with read(2) in caller-sized chunks: memory stays flat whatever the file size.
public final class FileSource: ByteSource {
    private let fd: Int32
    private let path: String

    public init(path: String) throws {
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw InputError("\(path): \(String(cString: strerror(errno)))")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw InputError("\(path): is a directory")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        try retrying {
            #if canImport(Glibc)
            Glibc.read(fd, buffer, count)
            #else
            Darwin.read(fd, buffer, count)
            #endif
        }
    }

    /// Reads up to `count` bytes at `offset` without moving the descriptor's position, so that sources
    /// entering the file at many offsets share one descriptor (`InputEntries`).
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int, at offset: Int) throws -> Int {
        try retrying { pread(fd, buffer, count, off_t(offset)) }
    }

    /// `call`'s byte count, called again when a signal interrupted it.
    private func retrying(_ call: () -> Int) throws -> Int {
        while true {
            let n = call()
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw InputError("\(path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Bytes already in memory (tests, fuzzing, small inputs).
public final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The bytes from `offset` on (the array is shared, not copied).
    init(_ bytes: [UInt8], from offset: Int) {
        self.bytes = bytes
        self.offset = min(offset, bytes.count)
    }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let n = min(count, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBufferPointer { src in
                buffer.update(from: src.baseAddress! + offset, count: n)
            }
            offset += n
        }
        return n
    }
}

/// Decodes another source from a legacy charset or UTF-16 into UTF-8 with ICU, chunk by chunk.
public final class TranscodingSource: ByteSource {
    private let inner: ByteSource
    private let converter: OpaquePointer
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    private var innerFinished = false
    private var flushed = false

    public init(_ inner: ByteSource, charset: String) throws {
        guard let converter = cicu_converter_open(charset) else {
            throw InputError("unknown input encoding '\(charset)'")
        }
        self.inner = inner
        self.converter = converter
        self.input = [UInt8](repeating: 0, count: 1 << 16)
    }

    deinit { cicu_converter_close(converter) }

    public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        // Every input byte can become at most 3 UTF-8 bytes (one UTF-16 code unit); keep room for that.
        let budget = max(1, (count - 16) / 3)
        while true {
            if inputStart == inputEnd && !innerFinished {
                inputStart = 0
                inputEnd = try input.withUnsafeMutableBufferPointer { try inner.read(into: $0.baseAddress!, count: min($0.count, budget)) }
                if inputEnd == 0 { innerFinished = true }
            }
            if innerFinished && flushed { return 0 }
            let take = min(inputEnd - inputStart, budget)
            var consumed: Int32 = 0
            let flush: Int32 = (innerFinished && inputStart + take == inputEnd) ? 1 : 0
            let written = input.withUnsafeBufferPointer { src in
                buffer.withMemoryRebound(to: CChar.self, capacity: count) { dst in
                    src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: src.count) { s in
                        cicu_converter_to_utf8(converter, s + inputStart, Int32(take), dst, Int32(count), flush, &consumed)
                    }
                }
            }
            guard written >= 0 else { throw InputError("cannot decode input") }
            inputStart += Int(consumed)
            if flush == 1 && inputStart == inputEnd { flushed = true }
            if written > 0 { return Int(written) }
        }
    }
}
