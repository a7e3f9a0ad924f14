import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered file, appended to, that knows how many bytes it has written (the regrouper records row
/// offsets) and can read back what it wrote; a later part written past it is moved in (`takeIn`). A full buffer is written by another thread
/// (`BufferWriter`) while the next fills.
final class OutputFile {
    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    /// The buffer the writer may be writing.
    private var spare: UnsafeMutablePointer<UInt8>
    private let writer: BufferWriter
    private let capacity = 1 << 20
    private var count = 0
    private var flushed = 0
    private var closed = false
    /// Set only by `InjectedWriteFault` (tests).
    private var fault: InjectedWriteFault?

    /// Bytes written so far, buffered ones included.
    var offset: Int { flushed + count }

    private init(path: String, fd: Int32, start: Int = 0) {
        self.path = path
        self.fd = fd
        self.start = start
        flushed = start
        buffer = .allocate(capacity: capacity)
        spare = .allocate(capacity: capacity)
        writer = BufferWriter(fd: fd, path: path)
    }

    deinit {
        try? writer.wait()
        if !closed { close(fd) }
        buffer.deallocate()
        spare.deallocate()
    }

    /// A new, empty file `.<name>.importlint-XXXXXX` in `directory` (mode 0600 until renamed).
    static func temporary(in directory: String, name: String) throws -> OutputFile {
        guard let (fd, path) = TemporaryFiles.create("\(directory)/.\(name).importlint-XXXXXX") else {
            throw InputError("\(directory): cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        TemporaryFiles.register(path)
        let file = OutputFile(path: path, fd: fd)
        file.fault = InjectedWriteFault.active(in: directory)
        return file
    }

    @inline(__always)
    func write(_ p: UnsafePointer<UInt8>, _ n: Int) throws {
        if count + n > capacity { try handOff() }
        if n > capacity {
            try flush()
            if let limit, offset + n > limit { throw Overrun() }
            try BufferWriter.writeAll(fd, p, n, path: path)
            flushed += n
            return
        }
        (buffer + count).update(from: p, count: n)
        count += n
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { if let b = $0.baseAddress { try write(b, $0.count) } }
    }

    /// Appends `n` bytes read from `source`, straight into the buffer (`FixPass.copySpans`); throws
    /// `SourceEnded` when the source has fewer.
    func copy(from source: ByteSource, count n: Int) throws {
        var left = n
        while left > 0 {
            if count == capacity { try handOff() }
            let got = try source.read(into: buffer + count, count: min(capacity - count, left))
            guard got > 0 else { throw SourceEnded() }
            count += got
            left -= got
        }
    }

    /// The source of `copy` ended early.
    struct SourceEnded: Error {}

    /// Hands the buffered bytes to the writer and goes on filling the other buffer.
    private func handOff() throws {
        guard count > 0 else { return }
        if let limit, offset > limit { throw Overrun() }
        try writer.write(buffer, count)
        swap(&buffer, &spare)
        flushed += count
        count = 0
    }

    /// Writes everything buffered and waits until it is in the file.
    func flush() throws {
        try handOff()
        try writer.wait()
    }

    /// A second writer into this file, from `offset` on (`laterPart`); 0 for the file's own.
    private let start: Int
    /// Where the bytes written must end: the offset a later part's writer starts at.
    var limit: Int?

    /// Thrown when the bytes written would pass `limit`.
    struct Overrun: Error {}

    /// Another writer into `file`, from `offset` on, for the later part of a file written in two parts at
    /// once (`FixPass`): the earlier part's writer must end before `offset` (`limit`), and then takes the
    /// later part in (`takeIn`). Nil when the file cannot be opened again (no descriptor left, a link in its
    /// place): the file is then written in one piece through the descriptor the earlier writer holds.
    static func laterPart(of file: OutputFile, at offset: Int) throws -> OutputFile? {
        // Opened again by its path, which someone sharing the directory could have replaced by a link to
        // another file meanwhile: only the very file this writer holds is written.
        let fd = open(file.path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        var opened = stat(), held = stat()
        guard fstat(fd, &opened) == 0, fstat(file.fd, &held) == 0, lseek(fd, off_t(offset), SEEK_SET) == off_t(offset) else {
            let error = InputError("\(file.path): cannot write: \(String(cString: strerror(errno)))")
            close(fd)
            throw error
        }
        guard opened.st_dev == held.st_dev, opened.st_ino == held.st_ino else {
            close(fd)
            throw InputError("\(file.path): cannot write: the temporary file was replaced while it was written")
        }
        return OutputFile(path: file.path, fd: fd, start: offset)
    }

    /// Moves what the later part's writer wrote (`laterPart`) to just after this writer's bytes, so that
    /// the file holds both parts and nothing else. The bytes move a little way within pages the file
    /// already has: a second temporary file appended here touched as many new pages again, which cost
    /// as much as writing them had on this machine (0.2 s for the 70 MB of people 1M's later part).
    func takeIn(_ later: OutputFile) throws {
        guard offset <= later.start else { throw Overrun() }
        try later.flush()
        try flush()
        let length = later.offset - later.start
        var moved = 0
        while offset < later.start && moved < length {
            // Forwards, from this writer's end (where flushing left the file position): each piece is read
            // before the next piece's bytes, which may cover it, are written.
            let n = min(capacity, length - moved)
            try read(at: later.start + moved, length: n, into: buffer)
            try BufferWriter.writeAll(fd, buffer, n, path: path)
            moved += n
        }
        guard ftruncate(fd, off_t(offset + length)) == 0, lseek(fd, off_t(offset + length), SEEK_SET) >= 0 else {
            throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        flushed += length
    }

    /// Reads `length` bytes at `position` of what was written (after a flush).
    func read(at position: Int, length: Int, into target: UnsafeMutablePointer<UInt8>) throws {
        var done = 0
        while done < length {
            let r = pread(fd, target + done, length - done, off_t(position + done))
            if r < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): cannot read back: \(String(cString: strerror(errno)))")
            }
            if r == 0 { throw InputError("\(path): file shorter than expected") }
            done += r
        }
    }

    /// Flushes, then syncs and closes on another thread: the sync waits for the disk, and the written
    /// bytes can be read meanwhile (`fix` lints them). The file keeps its temporary name until `commit`.
    /// A failed sync or close (a full disk, an I/O error that write(2) did not report) fails the command
    /// (`Finishing.wait`): the file is not known to hold what was written, so it must not replace anything.
    func finish() throws -> Finishing {
        try flush()
        closed = true
        let (fd, path, fault) = (fd, path, fault)
        return Finishing {
            var synced = fsync(fd) == 0 || errno == EINVAL  // EINVAL: a file that cannot be synced (a pipe)
            var syncError = errno
            if let fault, fault.step == .sync { (synced, syncError) = (false, fault.errno) }
            var closedCleanly = close(fd) == 0
            var closeError = errno
            if let fault, fault.step == .close { (closedCleanly, closeError) = (false, fault.errno) }
            guard synced else { throw InputError("\(path): cannot write: \(String(cString: strerror(syncError)))") }
            guard closedCleanly else { throw InputError("\(path): cannot write: \(String(cString: strerror(closeError)))") }
        }
    }

    /// The sync and close of a finished file, on a thread of their own.
    final class Finishing: @unchecked Sendable {
        private var failure: (any Error)?
        private let done = DispatchSemaphore(value: 0)

        init(_ body: @escaping @Sendable () throws -> Void) {
            DispatchQueue.global().async { [self] in
                do { try body() } catch { failure = error }
                done.signal()
            }
        }

        /// Waits for the sync and close; throws when either failed.
        func wait() throws {
            done.wait()
            done.signal()
            if let failure { throw failure }
        }
    }
}

/// Temporary files and file identity; `OutputTarget` puts finished files in place.
public enum AtomicFile {
    public static func discard(_ path: String) {
        unlink(path)
        TemporaryFiles.forget(path)
    }

    /// True when both paths name the same existing file (device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }
}

/// Fault injection for tests: makes the fsync or close of temporary files created in one directory fail
/// with a given errno, as a failing disk would (neither can be made to fail on demand otherwise). Never
/// set outside the tests; scoped to a directory so that tests running in parallel are not affected.
struct InjectedWriteFault: Sendable {
    enum Step: Sendable { case sync, close }
    let directory: String
    let step: Step
    let errno: Int32

    nonisolated(unsafe) private static var faults: [InjectedWriteFault] = []
    private static let lock = NSLock()

    /// Runs `body` with the fault in force.
    static func during<T>(_ fault: InjectedWriteFault, _ body: () throws -> T) rethrows -> T {
        lock.withLock { faults.append(fault) }
        defer { lock.withLock { faults.removeAll { $0.directory == fault.directory } } }
        return try body()
    }

    static func active(in directory: String) -> InjectedWriteFault? {
        lock.withLock { faults.isEmpty ? nil : faults.first { $0.directory == directory } }
    }
}
