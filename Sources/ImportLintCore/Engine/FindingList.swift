#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's findings in the order they were kept, in chunks of a fixed size mapped straight from the
/// system. One array growing to millions of findings would, each time it grows, hold its old and its new
/// storage at once; and chunks freed to malloc can stay resident, so that handing the findings over as one
/// array would hold them twice. A chunk here is unmapped as soon as its findings have moved on.
final class FindingList {
    private static let chunkSize = 1 << 15
    private static let chunkBytes = chunkSize * MemoryLayout<Diagnostic>.stride
    private var chunks: [UnsafeMutablePointer<Diagnostic>] = []
    private(set) var count = 0

    deinit {
        for (c, chunk) in chunks.enumerated() { Self.unmap(chunk, initialized: countIn(c)) }
    }

    func append(_ diagnostic: Diagnostic) {
        let offset = count & (Self.chunkSize - 1)
        if offset == 0 { chunks.append(Self.mapChunk()) }
        (chunks[chunks.count - 1] + offset).initialize(to: diagnostic)
        count += 1
    }

    /// All findings in one array, leaving the list empty.
    func takeAll() -> [Diagnostic] {
        let taken = chunks
        let total = count
        chunks = []
        count = 0
        return [Diagnostic](unsafeUninitializedCapacity: total) { buffer, initialized in
            for (c, chunk) in taken.enumerated() {
                let n = min(Self.chunkSize, total - c * Self.chunkSize)
                (buffer.baseAddress! + initialized).moveInitialize(from: chunk, count: n)
                initialized += n
                Self.unmap(chunk, initialized: 0)
            }
        }
    }

    /// A copy of all findings; the list keeps them.
    func copyAll() -> [Diagnostic] {
        var all: [Diagnostic] = []
        all.reserveCapacity(count)
        for (c, chunk) in chunks.enumerated() { all += UnsafeBufferPointer(start: chunk, count: countIn(c)) }
        return all
    }

    /// Rewrites or withdraws findings by their index in the list (`body` returns nil to withdraw).
    func revise(_ body: (Int, Diagnostic) -> Diagnostic?) {
        let old = chunks
        let total = count
        chunks = []
        count = 0
        var index = 0
        for chunk in old {
            let n = min(Self.chunkSize, total - index)
            for k in 0..<n {
                if let revised = body(index, (chunk + k).move()) { append(revised) }
                index += 1
            }
            Self.unmap(chunk, initialized: 0)
        }
    }

    private func countIn(_ chunk: Int) -> Int { min(Self.chunkSize, count - chunk * Self.chunkSize) }

    private static func mapChunk() -> UnsafeMutablePointer<Diagnostic> {
        let raw = mmap(nil, chunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let raw, raw != MAP_FAILED else { fatalError("out of memory for \(chunkSize) more findings") }
        return raw.bindMemory(to: Diagnostic.self, capacity: chunkSize)
    }

    private static func unmap(_ chunk: UnsafeMutablePointer<Diagnostic>, initialized: Int) {
        chunk.deinitialize(count: initialized)
        munmap(UnsafeMutableRawPointer(chunk), chunkBytes)
    }
}
