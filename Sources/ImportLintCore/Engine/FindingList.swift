#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's findings in the order they were kept, encoded in chunks mapped straight from the system:
/// each as its shared content's reference and its position in a few variable-length numbers (about 13
/// bytes instead of a `Diagnostic`'s 24, held while the whole file is read). One array growing to millions
/// of findings would also, each time it grows, hold its old and its new storage at once; and chunks
/// freed to malloc can stay resident. A chunk here is unmapped as soon as its findings have moved on
/// (but for one `spare`).
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
    /// The last chunk is the one being written; its `used` and `count` are in `writing` until `seal`.
    @exclusivity(unchecked) private var chunks: [Chunk] = []
    /// The chunk being written, apart from `chunks`: writing through the array checked its bounds and
    /// uniqueness at every finding. `used` at `chunkBytes` when there is none (the next finding maps one).
    @exclusivity(unchecked) private var writing = Chunk(base: UnsafeMutablePointer(bitPattern: 1)!, used: FindingList.chunkBytes)
    @exclusivity(unchecked) private(set) var count = 0
    /// Lines are kept as the difference from the previous finding's in the chunk (findings come nearly in
    /// line order); a chunk's first from 0, so that chunks can be read apart, by two threads.
    @exclusivity(unchecked) private var previousLine = 0
    /// A chunk read out while it was the list's only one, written again by the next finding: a sink whose
    /// findings are taken out one by one (the identifier rule's merge of a split file) otherwise mapped and
    /// unmapped a chunk for each.
    @exclusivity(unchecked) private var spare: UnsafeMutablePointer<UInt8>?

    deinit {
        forEach(consuming: true) { _ in }
        if let spare { munmap(UnsafeMutableRawPointer(spare), Self.chunkBytes) }
    }

    func append(_ diagnostic: Diagnostic) { append(diagnostic.content, at: diagnostic.position) }

    /// A finding given as its parts (`DiagnosticSink.readmit(_:at:)`: no `Diagnostic` made of them).
    @inline(__always)
    func append(_ content: Diagnostic.Content, at position: Diagnostic.Position) {
        append(taking: Unmanaged.passRetained(content), at: position)
    }

    /// `append`, the list taking over a reference to `content` that the caller gives up (`Owned`'s).
    @inline(__always)
    func append(taking content: Unmanaged<Diagnostic.Content>, at position: Diagnostic.Position) {
        if writing.used + Self.maxEncoded > Self.chunkBytes { startChunk() }
        var p = writing.base + writing.used
        let start = p
        UnsafeMutableRawPointer(p).storeBytes(of: content.toOpaque(), as: UnsafeMutableRawPointer.self)
        p += 8
        p.pointee = (position.record == nil ? 0 : 1) | (position.fieldIndex == nil ? 0 : 2)
        p += 1
        VarInt.writeSigned(position.line &- previousLine, &p)
        VarInt.writeSigned(position.column, &p)
        if let record = position.record { VarInt.writeSigned(position.line &- record, &p) }
        if let fieldIndex = position.fieldIndex { VarInt.writeSigned(fieldIndex, &p) }
        previousLine = position.line
        writing.used &+= p - start
        writing.count &+= 1
        count &+= 1
    }

    private func startChunk() {
        seal()
        let base = spare ?? Self.mapChunk()
        spare = nil
        writing = Chunk(base: base)
        chunks.append(writing)
        previousLine = 0
    }

    /// Puts the written chunk's figures in `chunks`.
    private func seal() {
        if !chunks.isEmpty { chunks[chunks.count - 1] = writing }
    }

    /// Every chunk, leaving the list empty; the caller frees them (`free`).
    private func takeChunks() -> [Chunk] {
        seal()
        let read = chunks
        chunks = []
        writing = Chunk(base: writing.base, used: Self.chunkBytes)
        count = 0
        previousLine = 0
        return read
    }

    /// Unmaps chunks read out, keeping a list's only one as the spare.
    private func free(_ read: [Chunk]) {
        if read.count == 1 && spare == nil {
            spare = read[0].base
            return
        }
        for chunk in read { Self.unmap(chunk) }
    }

    private static func unmap(_ chunk: Chunk) { munmap(UnsafeMutableRawPointer(chunk.base), chunkBytes) }

    /// Calls `body` with every finding in order; `consuming` empties the list, freeing the chunks.
    private func forEach(consuming: Bool, _ body: (Diagnostic) -> Void) {
        seal()
        let read = consuming ? takeChunks() : chunks
        for chunk in read { Self.decode(chunk, consuming: consuming, body) }
        if consuming { free(read) }
    }

    /// The next finding at `p`, which moves past it; `line` is the previous finding's line in the chunk.
    @inline(__always)
    private static func readFinding(_ p: inout UnsafePointer<UInt8>, _ line: inout Int) -> (Unmanaged<Diagnostic.Content>, Diagnostic.Position) {
        let reference = Unmanaged<Diagnostic.Content>.fromOpaque(UnsafeRawPointer(p).loadUnaligned(as: UnsafeRawPointer.self))
        p += 8
        let flags = p.pointee
        p += 1
        line = line &+ VarInt.readSigned(&p)
        let column = VarInt.readSigned(&p)
        let record = flags & 1 == 0 ? nil : line &- VarInt.readSigned(&p)
        let fieldIndex = flags & 2 == 0 ? nil : VarInt.readSigned(&p)
        return (reference, Diagnostic.Position(line: line, column: column, record: record, fieldIndex: fieldIndex))
    }

    /// Calls `body` with every finding of `chunk` in order; `consuming` takes over the list's references.
    private static func decode(_ chunk: Chunk, consuming: Bool, _ body: (Diagnostic) -> Void) {
        var line = 0
        var p = UnsafePointer(chunk.base)
        let end = p + chunk.used
        while p < end {
            let (reference, position) = readFinding(&p, &line)
            let content = consuming ? reference.takeRetainedValue() : reference.takeUnretainedValue()
            body(Diagnostic(content: content, position: position))
        }
    }

    /// The findings of `chunks` moved, in order, to `target` on.
    private static func move(_ chunks: [Chunk], to target: UnsafeMutablePointer<Diagnostic>) {
        var next = target
        for chunk in chunks {
            move(chunk, to: next)
            next += chunk.count
        }
    }

    /// Moves the findings of `chunk` to `target` in order, taking over the list's references (no closure
    /// per finding, which cost a retain and a release each).
    private static func move(_ chunk: Chunk, to target: UnsafeMutablePointer<Diagnostic>) {
        var line = 0
        var p = UnsafePointer(chunk.base)
        let end = p + chunk.used
        var next = target
        while p < end {
            let (reference, position) = readFinding(&p, &line)
            next.initialize(to: Diagnostic(content: reference.takeRetainedValue(), position: position))
            next += 1
        }
    }

    /// Findings in memory of their own, handed on in order by moving them out (or taking over their
    /// content's reference, `append(taking:at:)`), up to `consumed`: a split file's later part, whose
    /// findings each joined the file's list with a retain, and were released with their array, one
    /// atomic update after another on the few contents most findings share (a third of the replay).
    final class Owned {
        let findings: UnsafeMutableBufferPointer<Diagnostic>
        /// The findings before this one were moved out; the rest are released with this.
        var consumed = 0

        init(_ findings: UnsafeMutableBufferPointer<Diagnostic>) { self.findings = findings }

        deinit {
            if let base = findings.baseAddress { (base + consumed).deinitialize(count: findings.count - consumed) }
            findings.deallocate()
        }
    }

    /// All findings as `Owned`, in order, leaving the list empty.
    func takeOwned() -> Owned {
        let read = takeChunks()
        let findings = UnsafeMutableBufferPointer<Diagnostic>.allocate(capacity: read.reduce(0) { $0 + $1.count })
        Self.move(read, to: findings.baseAddress!)
        free(read)
        return Owned(findings)
    }

    /// All findings in one array, leaving the list empty. With `threads` > 1 a long list is read by two
    /// threads, each half of the chunks into its half of the array (the sorted report waits for it).
    func takeAll(threads: Int = 1) -> [Diagnostic] {
        let total = count
        let read = takeChunks()
        guard total > 0 else {
            free(read)
            return []
        }
        guard threads > 1, read.count >= 2 else {
            let all = [Diagnostic](unsafeUninitializedCapacity: total) { buffer, initialized in
                Self.move(read, to: buffer.baseAddress!)
                initialized = total
            }
            free(read)
            return all
        }
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
                    Self.move(shared.chunks[c], to: next)
                    next += shared.chunks[c].count
                    Self.unmap(shared.chunks[c])
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
        // Lines put in column order before a full sort change nothing it gives: the sort is stable.
        let prefixEnd = Self.sortLinesOfPrefix(&all)
        if (all.count - prefixEnd) * 2 > all.count {
            all.sort(by: Self.precedes)  // stable, as the standard library guarantees
            return all
        }
        var tail = Array(all[prefixEnd...])
        guard !tail.isEmpty else { return all }
        tail.sort(by: Self.precedes)
        // Merged from the back into the room the tail leaves: on a tie the prefix's finding goes first. The
        // prefix's findings are moved, not assigned (a retain, a release and a uniqueness check each, for
        // nearly every finding: the tail's are spread over the whole file), a run at a time: the findings
        // after each of the tail's, found by a binary search, move on in one block (one finding at a time,
        // the merge compared and moved each of the prefix's, a pass over the whole report on one core).
        all.withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            (base + prefixEnd).deinitialize(count: buffer.count - prefixEnd)
            // The prefix's findings before `end` are in place; the slots from `filled` on are written.
            var end = prefixEnd, filled = buffer.count
            for finding in tail.reversed() {
                var low = 0, high = end
                while low < high {
                    let mid = (low + high) / 2
                    if Self.precedes(finding, base[mid]) { high = mid } else { low = mid + 1 }
                }
                let after = end - low
                (base + filled - after).moveInitialize(from: base + low, count: after)
                filled -= after + 1
                end = low
                (base + filled).initialize(to: finding)
            }
        }
        return all
    }

    @inline(__always)
    private static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// Finds the ordered prefix, the findings up to the first whose line is before its predecessor's, and
    /// puts the findings of each of its lines in column order, keeping the order of those at one column;
    /// returns the prefix's end. One pass (finding the prefix first read every finding once more).
    /// Read in place (through the array, each finding was checked against its bounds and copied).
    private static func sortLinesOfPrefix(_ all: inout [Diagnostic]) -> Int {
        all.withUnsafeMutableBufferPointer { all in
            let end = all.count
            var start = 0
            while start < end {
                let line = all[start].line
                var column = all[start].column
                var next = start &+ 1
                var ordered = true
                while next < end && all[next].line == line {
                    let nextColumn = all[next].column
                    if nextColumn < column { ordered = false }
                    column = nextColumn
                    next &+= 1
                }
                if !ordered { all[start..<next].sort(by: precedes) }
                if next < end && all[next].line < line { return next }
                start = next
            }
            return end
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
        kept.seal()
        (chunks, writing, count, previousLine) = (kept.chunks, kept.writing, kept.count, kept.previousLine)
        _ = kept.takeChunks()
    }

    /// Rewrites the findings at `indices` (ascending indices in the list) in place, as `revise` would, when
    /// every one is kept at its position: only its content reference changes. Returns false, having changed
    /// nothing, when `body` withdraws one or moves it (then `revise` rebuilds the list). A rebuild decoded
    /// and encoded every finding of the list, a retain and a release each, for the few thousand an
    /// identifier rule's check at the end of the file rewords.
    func reviseInPlace(at indices: [Int], _ body: (Int, Diagnostic) -> Diagnostic?) -> Bool {
        seal()
        var revised: [(slot: UnsafeMutableRawPointer, content: Diagnostic.Content)] = []
        revised.reserveCapacity(indices.count)
        var next = 0
        var first = 0
        for chunk in chunks where next < indices.count {
            defer { first += chunk.count }
            guard indices[next] < first + chunk.count else { continue }
            var line = 0
            var p = UnsafePointer(chunk.base)
            let end = p + chunk.used
            var index = first
            while p < end && next < indices.count {
                let slot = UnsafeMutableRawPointer(mutating: p)
                let (reference, position) = Self.readFinding(&p, &line)
                if index == indices[next] {
                    guard let d = body(index, Diagnostic(content: reference.takeUnretainedValue(), position: position)),
                          d.position == position else { return false }
                    revised.append((slot, d.content))
                    next += 1
                }
                index += 1
            }
        }
        for (slot, content) in revised {
            Unmanaged<Diagnostic.Content>.fromOpaque(slot.loadUnaligned(as: UnsafeRawPointer.self)).release()
            slot.storeBytes(of: Unmanaged.passRetained(content).toOpaque(), as: UnsafeMutableRawPointer.self)
        }
        return true
    }

    private static func mapChunk() -> UnsafeMutablePointer<UInt8> {
        let raw = mmap(nil, chunkBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let raw, raw != MAP_FAILED else { fatalError("out of memory for more findings") }
        return raw.bindMemory(to: UInt8.self, capacity: chunkBytes)
    }
}
