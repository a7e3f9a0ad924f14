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
