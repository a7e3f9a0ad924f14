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

    /// All findings in report order (by line, then column; at one position, in the order they were kept),
    /// leaving the list empty. Findings come nearly in order (record by record, then those of the checks
    /// at the end of the file), so rather than sorting them with a buffer of half of them, the ordered
    /// prefix has each line's few findings put in column order and the rest is sorted and merged in.
    func takeSorted() -> [Diagnostic] {
        var all = takeAll()
        var prefixEnd = 1
        while prefixEnd < all.count && all[prefixEnd - 1].line <= all[prefixEnd].line { prefixEnd += 1 }
        prefixEnd = min(prefixEnd, all.count)
        if (all.count - prefixEnd) * 2 > all.count {
            all.sort(by: Self.precedes)  // stable, as the standard library guarantees
            return all
        }
        Self.sortLines(&all, prefixEnd)
        var tail = Array(all[prefixEnd...])
        tail.sort(by: Self.precedes)
        // Merged from the back into the room the tail leaves: on a tie the prefix's finding goes first.
        var i = prefixEnd - 1, j = tail.count - 1, k = all.count - 1
        while j >= 0 {
            if i >= 0 && Self.precedes(tail[j], all[i]) {
                all[k] = all[i]
                i -= 1
            } else {
                all[k] = tail[j]
                j -= 1
            }
            k -= 1
        }
        return all
    }

    @inline(__always)
    private static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// Puts the findings of each line of `all[..<end]`, whose lines never decrease, in column order,
    /// keeping the order of those at one column.
    private static func sortLines(_ all: inout [Diagnostic], _ end: Int) {
        var start = 0
        while start < end {
            var next = start + 1
            var ordered = true
            while next < end && all[next].line == all[start].line {
                if all[next].column < all[next - 1].column { ordered = false }
                next += 1
            }
            if !ordered { all[start..<next].sort(by: precedes) }
            start = next
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
