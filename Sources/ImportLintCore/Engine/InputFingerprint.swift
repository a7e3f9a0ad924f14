#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file was when `fix` planned from it: its identity (device, inode), size, modification and
/// status-change times, and a digest of its bytes. `fix` takes one before it reads and compares it after
/// the passes and again just before the rename, so that a plan made from one content is never applied to
/// another (an export replaced or rewritten during the run gets nothing written).
public struct InputFingerprint: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: [Int]
    let changed: [Int]
    let digest: Key128

    public static func of(path: String) throws -> InputFingerprint {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var before = stat(), after = stat()
        guard fstat(fd, &before) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        var hasher = ContentDigest()
        let capacity = 1 << 16
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var filled = 0
        while true {
            let n = read(fd, buffer + filled, capacity - filled)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
            filled += n
            // Whole chunks only, so that the digest does not depend on how reads happened to split.
            if filled == capacity || (n == 0 && filled > 0) {
                hasher.combine(UnsafeBufferPointer(start: buffer, count: filled))
                filled = 0
            }
            if n == 0 { break }
        }
        guard fstat(fd, &after) == 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        let print = InputFingerprint(before, hasher.finalize())
        guard print == InputFingerprint(after, hasher.finalize()) else { throw InputError("\(path): changed while it was being read") }
        return print
    }

    private init(_ info: stat, _ digest: Key128) {
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
        self.digest = digest
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
