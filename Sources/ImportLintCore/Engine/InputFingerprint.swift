#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file is: its identity (device, inode), size, and modification and status-change times, read
/// without reading the file (`InputFingerprint` adds a digest of its bytes).
struct InputIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: [Int]
    let changed: [Int]

    static func of(path: String) throws -> InputIdentity {
        var info = stat()
        guard stat(path, &info) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        return InputIdentity(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Glibc)
        modified = [Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
        changed = [Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec)]
        #else
        modified = [Int(info.st_mtimespec.tv_sec), Int(info.st_mtimespec.tv_nsec)]
        changed = [Int(info.st_ctimespec.tv_sec), Int(info.st_ctimespec.tv_nsec)]
        #endif
    }
}

/// What a file was when `fix` planned from it: its identity and times (`InputIdentity`) and a digest of
/// its bytes. `fix` notes the identity before it reads and digests the bytes its lint of the input reads
/// (`ReadDigest`); just before the rename it fingerprints the file again and compares, so that a plan made
/// from one content is never applied to another (an export replaced or rewritten during the run gets
/// nothing written).
public struct InputFingerprint: Equatable, Sendable {
    let identity: InputIdentity
    let digest: Key128

    init(_ identity: InputIdentity, digest: Key128) {
        self.identity = identity
        self.digest = digest
    }

    /// `cut`: where the lint of the input (`ReadDigest`) began the later of two parts read at once; each
    /// part is digested apart, on a core of its own, and the two digests are joined, as that lint's were.
    public static func of(path: String, cut: Int? = nil) throws -> InputFingerprint {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var before = stat(), after = stat()
        guard fstat(fd, &before) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        let digest: Key128
        if let cut {
            let parts = ParallelMap.run(2, workers: 2) { part in
                try partDigest(fd, from: part == 0 ? 0 : cut, to: part == 0 ? cut : nil, path: path)
            }
            digest = ContentDigest.joined(try parts[0].get().finalize(), try parts[1].get().finalize())
        } else {
            digest = try partDigest(fd, from: 0, to: nil, path: path).finalize()
        }
        guard fstat(fd, &after) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        let print = InputFingerprint(InputIdentity(before), digest: digest)
        guard print == InputFingerprint(InputIdentity(after), digest: print.digest) else { throw InputError("\(path): changed while it was being read") }
        return print
    }

    /// The bytes of `fd` from `start` to `end` (the file's end when nil), read at their offsets: two
    /// threads read one descriptor at once.
    private static func partDigest(_ fd: Int32, from start: Int, to end: Int?, path: String) throws -> ContentDigest {
        var hasher = ContentDigest()
        let capacity = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var offset = start
        while offset < end ?? .max {
            let n = pread(fd, buffer, min(capacity, (end ?? .max) - offset), off_t(offset))
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            hasher.combine(UnsafeBufferPointer(start: buffer, count: n))
            offset += n
        }
        return hasher
    }
}

/// The digest of every byte a lint read from its input's start to its end, taken as the bytes arrive:
/// `fix` plans from its lint of the input and compares this with the file just before the rename, without
/// reading the whole input once more for it first.
final class ReadDigest: @unchecked Sendable {
    private var digest = ContentDigest()
    /// Where the later part of a lint on two cores starts (`SplitLint`), and the digest of that part's
    /// bytes, taken by its own thread; nil when the input is read in one piece. Set again once the cut is
    /// chosen (`SplitLint.CutLine.choose`).
    var cut: Int?
    private(set) var later: ReadDigest?

    /// A lint starts reading the input from its first byte (again, when it starts over), in one piece or
    /// in two from `cut` on.
    func restart(cut: Int?) {
        digest = ContentDigest()
        self.cut = cut
        later = cut.map { _ in ReadDigest() }
    }

    func combine(_ bytes: UnsafeBufferPointer<UInt8>) { digest.combine(bytes) }

    /// The digest (the parts' joined, `ContentDigest.joined`), how many bytes were read, and where the
    /// later part started.
    var result: (digest: Key128, bytes: Int, cut: Int?) {
        guard let later else { return (digest.finalize(), Int(digest.length), nil) }
        return (ContentDigest.joined(digest.finalize(), later.digest.finalize()), Int(digest.length + later.digest.length), cut)
    }
}

extension ContentDigest {
    /// One digest of two parts' digests, in order (the input read on two cores).
    static func joined(_ earlier: Key128, _ later: Key128) -> Key128 {
        var digest = ContentDigest()
        withUnsafeBytes(of: (earlier.a, earlier.b, later.a, later.b)) { digest.combine($0.bindMemory(to: UInt8.self)) }
        return digest.finalize()
    }
}

/// A source whose bytes also go into a `ReadDigest`.
final class DigestingSource: ByteSource {
    private let inner: ByteSource
    private let digest: ReadDigest

    init(_ inner: ByteSource, into digest: ReadDigest) {
        self.inner = inner
        self.digest = digest
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let n = try inner.read(into: buffer, count: count)
        if n > 0 { digest.combine(UnsafeBufferPointer(start: buffer, count: n)) }
        return n
    }
}

/// An advisory lock (flock) on a file `fix --in-place` is about to replace, held until the process ends
/// or the lock goes: a second importlint on the same file refuses instead of interleaving its plan with
/// the first one's output.
public final class InPlaceLock {
    private let fd: Int32

    public init(path: String) throws {
        // The lock must be on the file the path names when it is taken: one opened just before another
        // importlint renamed its output over the path would lock a file nobody reads any more.
        for _ in 0..<3 {
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                throw InputError(busy ? "\(path): another importlint is fixing this file; try again when it has finished"
                                      : "\(path): cannot lock: \(reason)")
            }
            var locked = stat(), named = stat()
            if fstat(fd, &locked) == 0, stat(path, &named) == 0, locked.st_dev == named.st_dev, locked.st_ino == named.st_ino {
                self.fd = fd
                return
            }
            close(fd)
        }
        throw InputError("\(path): replaced again and again while being locked; nothing was written (run fix again)")
    }

    deinit { close(fd) }
}
