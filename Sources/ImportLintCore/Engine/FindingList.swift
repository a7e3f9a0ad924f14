#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's findings in the order they were kept, encoded in chunks mapped straight from the system:
/// each as its shared content's reference and its position in a few variable-length numbers (about 13
/// bytes instead of a `Diagnostic`'s 24, held while the whole file is read). One array growing to millions
/// of findings would also, each time it grows, hold its old and its new storage at once; and chunks
/// freed to malloc can stay resident. A chunk here is unmapped as soon as its findings have moved on.
final class FindingList {
    /// Small enough that a report's chunks split evenly between two threads (`takeAll`).
    private static let chunkBytes = 1 << 18
    /// The most one finding takes: a reference, a flag byte and four numbers of up to ten bytes.
    private static let maxEncoded = 8 + 1 + 4 * 10
    private struct Chunk {
        let base: UnsafeMutablePointer<UInt8>
        var used = 0
        var count = 0
    }
    /// Not checked for exclusive access (a check per property per finding): the list is one thread's.
    @exclusivity(unchecked) private var chunks: [Chunk] = []
    @exclusivity(unchecked) private(set) var count = 0
    /// Lines are kept as the difference from the previous finding's in the chunk (findings come nearly in
    /// line order); a chunk's first from 0, so that chunks can be read apart, by two threads.
    @exclusivity(unchecked) private var previousLine = 0

    deinit { forEach(consuming: true) { _ in } }

    func append(_ diagnostic: Diagnostic) {
        if chunks.isEmpty || chunks[chunks.count - 1].used + Self.maxEncoded > Self.chunkBytes {
            chunks.append(Chunk(base: Self.mapChunk()))
            previousLine = 0
        }
        let c = chunks.count - 1
        var p = chunks[c].base + chunks[c].used
        let start = p
        UnsafeMutableRawPointer(p).storeBytes(of: Unmanaged.passRetained(diagnostic.content).toOpaque(),
                                              as: UnsafeMutableRawPointer.self)
        p += 8
        let position = diagnostic.position
        p.pointee = (position.record == nil ? 0 : 1) | (position.fieldIndex == nil ? 0 : 2)
        p += 1
        Self.write(position.line &- previousLine, &p)
        Self.write(position.column, &p)
        if let record = position.record { Self.write(position.line &- record, &p) }
        if let fieldIndex = position.fieldIndex { Self.write(fieldIndex, &p) }
        previousLine = position.line
        chunks[c].used += p - start
        chunks[c].count += 1
        count += 1
    }

    /// Calls `body` with every finding in order; `consuming` empties the list, unmapping each chunk once read.
    private func forEach(consuming: Bool, _ body: (Diagnostic) -> Void) {
        let read = chunks
        if consuming {
            chunks = []
            count = 0
            previousLine = 0
        }
        for chunk in read { Self.decode(chunk, consuming: consuming, body) }
    }

    /// Calls `body` with every finding of `chunk` in order; `consuming` unmaps the chunk once read.
    private static func decode(_ chunk: Chunk, consuming: Bool, _ body: (Diagnostic) -> Void) {
        var line = 0
        var p = UnsafePointer(chunk.base)
        let end = p + chunk.used
        while p < end {
            let reference = Unmanaged<Diagnostic.Content>.fromOpaque(UnsafeRawPointer(p).loadUnaligned(as: UnsafeRawPointer.self))
            p += 8
            let flags = p.pointee
            p += 1
            line = line &+ read(&p)
            let column = read(&p)
            let record = flags & 1 == 0 ? nil : line &- read(&p)
            let fieldIndex = flags & 2 == 0 ? nil : read(&p)
            let content = consuming ? reference.takeRetainedValue() : reference.takeUnretainedValue()
            body(Diagnostic(content: content, position: Diagnostic.Position(line: line, column: column, record: record,
                                                                           fieldIndex: fieldIndex)))
        }
        if consuming { munmap(UnsafeMutableRawPointer(chunk.base), chunkBytes) }
    }

    /// All findings in one array, leaving the list empty. With `threads` > 1 a long list is read by two
    /// threads, each half of the chunks into its half of the array (the sorted report waits for it).
    func takeAll(threads: Int = 1) -> [Diagnostic] {
        guard threads > 1, chunks.count >= 2 else {
            var all: [Diagnostic] = []
            all.reserveCapacity(count)
            forEach(consuming: true) { all.append($0) }
            return all
        }
        let read = chunks, total = count
        chunks = []
        count = 0
        previousLine = 0
        // The chunks split where about half of the findings are before.
        var middle = 0, before = 0
        while middle < read.count && 2 * (before + read[middle].count) <= total {
            before += read[middle].count
            middle += 1
        }
        return [Diagnostic](unsafeUninitializedCapacity: total) { buffer, initialized in
            let shared = Halves(chunks: read, target: buffer.baseAddress!)
            let halves = [(0..<middle, 0), (middle..<read.count, before)]
            _ = ParallelMap.run(2, workers: 2) { half in
                var next = shared.target + halves[half].1
                for c in halves[half].0 {
                    Self.decode(shared.chunks[c], consuming: true) { diagnostic in
                        next.initialize(to: diagnostic)
                        next += 1
                    }
                }
            }
            initialized = total
        }
    }

    /// What the two threads of `takeAll` read and where they write: each its own chunks and part of `target`.
    private struct Halves: @unchecked Sendable {
        let chunks: [Chunk]
        let target: UnsafeMutablePointer<Diagnostic>
    }

    /// All findings in report order (by line, then column; at one position, in the order they were kept),
    /// leaving the list empty. Findings come nearly in order (record by record, then those of the checks
    /// at the end of the file), so rather than sorting them with a buffer of half of them, the ordered
    /// prefix has each line's few findings put in column order and the rest is sorted and merged in.
    func takeSorted(threads: Int = 1) -> [Diagnostic] {
        var all = takeAll(threads: threads)
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
        forEach(consuming: false) { all.append($0) }
        return all
    }

    /// Rewrites or withdraws findings by their index in the list (`body` returns nil to withdraw).
    func revise(_ body: (Int, Diagnostic) -> Diagnostic?) {
        let kept = FindingList()
        var index = 0
        forEach(consuming: true) { diagnostic in
            if let revised = body(index, diagnostic) { kept.append(revised) }
            index += 1
        }
        (chunks, count, previousLine) = (kept.chunks, kept.count, kept.previousLine)
        kept.chunks = []
    }

    /// `value` zigzag-encoded (small magnitudes, either sign, in few bytes), seven bits a byte.
    @inline(__always)
    private static func write(_ value: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        let v = UInt64(bitPattern: Int64(value))
        var zigzag = (v << 1) ^ (0 &- (v >> 63))
        while zigzag >= 0x80 {
            p.pointee = UInt8(truncatingIfNeeded: zigzag) | 0x80
            p += 1
            zigzag >>= 7
        }
        p.pointee = UInt8(zigzag)
        p += 1
    }

    @inline(__always)
    private static func read(_ p: inout UnsafePointer<UInt8>) -> Int {
        var zigzag: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = p.pointee
            p += 1
            zigzag |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    private static func mapChunk() -> UnsafeMutablePointer<UInt8> {
        let raw = mmap(nil, chunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let raw, raw != MAP_FAILED else { fatalError("out of memory for more findings") }
        return raw.bindMemory(to: UInt8.self, capacity: chunkBytes)
    }
}
