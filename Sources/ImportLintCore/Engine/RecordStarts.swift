#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each record of an input starts, noted by `fix`'s lint of its input and read by its pass, which
/// asks in increasing order: the start of every 32nd record, and each record's 16-bit distance from its
/// block's first record (a record farther away, at 2 KB a record on average, is kept apart by its index),
/// in chunks of 32,768 records (72 KB). Each full chunk is written to an unlinked temporary file, so that
/// the starts take the page cache's memory, not the process's: 2.25 bytes a record held in memory, people
/// 10M's 22 MB, were in `fix`'s peak through the lint of its input and the pass. When no temporary file can
/// be written, the chunks stay in memory. Appended by one thread; read through a `Cursor`, one per thread.
final class RecordStarts: @unchecked Sendable {
    private static let blockShift = 5
    private static let blockMask = (1 << blockShift) - 1
    fileprivate static let chunkShift = 15
    fileprivate static let chunkMask = (1 << chunkShift) - 1
    /// A chunk: its blocks' starts (`Int`), then its records' distances (`UInt16`).
    fileprivate static let distancesOffset = (1 << (chunkShift - blockShift)) * MemoryLayout<Int>.stride
    fileprivate static let chunkBytes = distancesOffset + (1 << chunkShift) * MemoryLayout<UInt16>.stride
    /// Marks a distance kept apart in `distant`.
    fileprivate static let apart = UInt16.max

    /// Not checked for exclusive access (a check per record noted): written by one pass, then only read.
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var first: Int?
    @exclusivity(unchecked) fileprivate var distant: [Int: Int] = [:]
    /// The chunk being filled.
    @exclusivity(unchecked) fileprivate var tail = UnsafeMutableRawPointer.allocate(byteCount: chunkBytes, alignment: 8)
    @exclusivity(unchecked) private var blockStart = 0
    /// The full chunks: the first `chunksInFile` in `file`, the others in `kept`.
    @exclusivity(unchecked) fileprivate var chunksInFile = 0
    @exclusivity(unchecked) fileprivate var kept: [UnsafeMutableRawPointer] = []
    /// The temporary file: -2 until the first chunk is full, -1 when none could be made or written.
    @exclusivity(unchecked) fileprivate var file: Int32 = -2

    deinit {
        tail.deallocate()
        for chunk in kept { chunk.deallocate() }
        if file >= 0 { close(file) }
    }

    /// The bytes held in memory, not counting the dictionary's spare room (tests).
    var bytesHeld: Int { (1 + kept.count) * Self.chunkBytes + distant.count * (2 * MemoryLayout<Int>.stride) }

    /// Notes the next record's start, at or after the last one's.
    @inline(__always)
    func append(_ start: Int) {
        let i = count & Self.chunkMask
        var distance: UInt16 = 0
        if i & Self.blockMask == 0 {
            if count == 0 { first = start }
            blockStart = start
            tail.storeBytes(of: start, toByteOffset: (i >> Self.blockShift) * MemoryLayout<Int>.stride, as: Int.self)
        } else if start &- blockStart < Int(Self.apart) {
            distance = UInt16(truncatingIfNeeded: start &- blockStart)
        } else {
            distance = Self.apart
            distant[count] = start
        }
        tail.storeBytes(of: distance, toByteOffset: Self.distancesOffset + i * MemoryLayout<UInt16>.stride, as: UInt16.self)
        count += 1
        if count & Self.chunkMask == 0 { keepFullChunk() }
    }

    /// Writes the full chunk to the temporary file, or keeps it in memory when that cannot be done.
    private func keepFullChunk() {
        if file == -2 { file = Self.makeFile() }
        if file >= 0 && kept.isEmpty && Self.write(tail, to: file, at: chunksInFile * Self.chunkBytes) {
            chunksInFile += 1
            return
        }
        kept.append(tail)
        tail = .allocate(byteCount: Self.chunkBytes, alignment: 8)
    }

    /// An unlinked temporary file, gone with its descriptor; -1 when none can be made.
    private static func makeFile() -> Int32 {
        guard let (fd, path) = TemporaryFiles.create("\(TemporaryFiles.directory)/.importlint-starts-XXXXXX") else { return -1 }
        unlink(path)
        return fd
    }

    private static func write(_ bytes: UnsafeRawPointer, to file: Int32, at offset: Int) -> Bool {
        wholeChunk { done in pwrite(file, bytes + done, chunkBytes - done, off_t(offset + done)) }
    }

    /// Whether `transfer` (a pread or pwrite of the chunk's bytes from `done` on) moved a whole chunk,
    /// called again after a signal or a partial transfer.
    fileprivate static func wholeChunk(_ transfer: (_ done: Int) -> Int) -> Bool {
        var done = 0
        while done < chunkBytes {
            let n = transfer(done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Reads the starts for one thread: the chunk it reads and the one before, since a pass looks a little
    /// ahead of the record it writes.
    final class Cursor {
        private let starts: RecordStarts
        /// Not checked for exclusive access (a check per start read): a cursor is one thread's.
        @exclusivity(unchecked) private var chunk = -1
        @exclusivity(unchecked) private var base = UnsafeRawPointer(bitPattern: 8)!
        @exclusivity(unchecked) private var buffer: UnsafeMutableRawPointer
        @exclusivity(unchecked) private var otherChunk = -1
        @exclusivity(unchecked) private var otherBase = UnsafeRawPointer(bitPattern: 8)!
        @exclusivity(unchecked) private var otherBuffer: UnsafeMutableRawPointer

        init(_ starts: RecordStarts) {
            self.starts = starts
            buffer = .allocate(byteCount: RecordStarts.chunkBytes, alignment: 8)
            otherBuffer = .allocate(byteCount: RecordStarts.chunkBytes, alignment: 8)
        }

        deinit {
            buffer.deallocate()
            otherBuffer.deallocate()
        }

        /// Where the record at `index` (below `count`) starts; nil when its chunk cannot be read back.
        @inline(__always)
        func start(of index: Int) -> Int? {
            if index >> RecordStarts.chunkShift != chunk && !enter(chunk: index >> RecordStarts.chunkShift) { return nil }
            let i = index & RecordStarts.chunkMask
            let distance = base.load(fromByteOffset: RecordStarts.distancesOffset + i * MemoryLayout<UInt16>.stride, as: UInt16.self)
            if distance == RecordStarts.apart { return starts.distant[index] }
            return base.load(fromByteOffset: (i >> RecordStarts.blockShift) * MemoryLayout<Int>.stride, as: Int.self) &+ Int(distance)
        }

        private func enter(chunk index: Int) -> Bool {
            swap(&chunk, &otherChunk)
            swap(&base, &otherBase)
            swap(&buffer, &otherBuffer)
            if chunk == index { return true }
            if index >= starts.chunksInFile {
                let k = index - starts.chunksInFile
                base = UnsafeRawPointer(k < starts.kept.count ? starts.kept[k] : starts.tail)
            } else {
                let (file, buffer) = (starts.file, buffer)
                guard RecordStarts.wholeChunk({ done in
                    pread(file, buffer + done, RecordStarts.chunkBytes - done, off_t(index * RecordStarts.chunkBytes + done))
                }) else {
                    chunk = -1
                    return false
                }
                base = UnsafeRawPointer(buffer)
            }
            chunk = index
            return true
        }
    }

    /// A chunk of the starts could not be read back from the temporary file.
    struct Unreadable: Error {}
}
