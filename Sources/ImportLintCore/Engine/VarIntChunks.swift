/// Entries of variable-length numbers (`VarInt`) written one after another into 64 KB chunks that grow
/// without being copied (`CarriedFindings`, `UnreportedRuns`). Each chunk notes the key of its first entry
/// (a line, an offset) so that a reader can pass over whole chunks, and is read on its own: an entry coded
/// as a distance from the one before starts again from zero in a new chunk (`startEntry`).
/// Written by one pass, then only read: not checked for exclusive access (a check per property use).
final class VarIntChunks: @unchecked Sendable {
    struct Chunk {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var used = 0
        /// The key of its first entry.
        let firstKey: Int
    }

    private static let chunkBytes = 1 << 16
    @exclusivity(unchecked) private(set) var chunks: [Chunk] = []

    deinit { for chunk in chunks { chunk.base.deallocate() } }

    /// The bytes written.
    var bytesHeld: Int { chunks.reduce(0) { $0 + $1.used } }

    /// Where to write the next entry, of at most `most` bytes, keyed `key`; `opensChunk`: it is the first
    /// of a new chunk. End it with `endEntry`.
    @inline(__always)
    func startEntry(most: Int, key: Int) -> (p: UnsafeMutablePointer<UInt8>, opensChunk: Bool) {
        if let last = chunks.last, last.used + most <= last.capacity { return (last.base + last.used, false) }
        let capacity = max(Self.chunkBytes, most)
        chunks.append(Chunk(base: .allocate(capacity: capacity), capacity: capacity, firstKey: key))
        return (chunks[chunks.count - 1].base, true)
    }

    /// Ends the entry `startEntry` began, written up to `end`.
    @inline(__always)
    func endEntry(at end: UnsafeMutablePointer<UInt8>) {
        let c = chunks.count - 1
        chunks[c].used = end - chunks[c].base
    }

    /// Reads the entries in order, chunk by chunk.
    struct Cursor {
        let chunks: VarIntChunks
        private(set) var chunk = -1
        /// The next byte to read, and the end of the current chunk's bytes.
        var p = UnsafePointer<UInt8>(bitPattern: 1)!
        private(set) var end = UnsafePointer<UInt8>(bitPattern: 1)!

        init(_ chunks: VarIntChunks) { self.chunks = chunks }

        /// Whether an entry is left in the current chunk.
        @inline(__always)
        var inChunk: Bool { p < end }

        /// Moves to the start of chunk `index`; false past the last chunk (or at an empty one).
        mutating func enter(chunk index: Int) -> Bool {
            chunk = index
            guard index < chunks.chunks.count, chunks.chunks[index].used > 0 else { return false }
            let c = chunks.chunks[index]
            (p, end) = (UnsafePointer(c.base), UnsafePointer(c.base + c.used))
            return true
        }

        /// The last chunk after the current one whose first entry's key is at most `key`, if any: the entries
        /// before it can be passed over.
        func laterChunk(keyAtMost key: Int) -> Int? {
            var next = chunk + 1
            while next < chunks.chunks.count && chunks.chunks[next].firstKey <= key { next += 1 }
            return next - 1 > chunk ? next - 1 : nil
        }
    }
}
