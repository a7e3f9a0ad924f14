import Foundation

/// How far the lint of one file has come, for a progress line.
public struct LintProgress: Sendable {
    public let path: String
    public let records: Int
    /// Share of the input's bytes read so far (0...1), or nil when the size is unknown.
    public let fraction: Double?
}

/// Counts the bytes a source hands out: how much of the input the reader has taken.
final class CountingSource: ByteSource {
    private let inner: ByteSource
    private(set) var count = 0

    init(_ inner: ByteSource) { self.inner = inner }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let n = try inner.read(into: buffer, count: count)
        self.count += n
        return n
    }
}

extension InputFile {
    /// The size in bytes of what `openRaw` reads, when known (nil for a device or pipe given by path).
    var byteCount: Int? {
        switch storage {
        case .bytes(let b): return b.count
        case .path(let p): return Self.regularFileSize(p)
        case .spooled(let s): return Self.regularFileSize(s.path)
        }
    }

    private static func regularFileSize(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}
