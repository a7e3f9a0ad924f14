import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let sysWrite = Glibc.write
#else
private let sysWrite = Darwin.write
#endif

/// Writes an `OutputFile`'s full buffers on a thread of its own, one at a time, while the caller fills
/// the next: in a people fix's pass, the write(2) calls (copying into the page cache) took a sixth of
/// the thread that serializes the records.
final class BufferWriter: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    private let queue = DispatchQueue(label: "importlint.output-file")
    /// Signalled while no write is in flight.
    private let idle = DispatchSemaphore(value: 1)
    /// The write in flight; set before it starts, read by the writing thread.
    private var pending: (bytes: UnsafePointer<UInt8>, count: Int)?
    private var failure: (any Error)?

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    /// Writes `count` bytes at `bytes` once the write in flight has ended; they must stay as they are until
    /// the next `write` or `wait` returns. Throws when an earlier write failed.
    func write(_ bytes: UnsafePointer<UInt8>, _ count: Int) throws {
        idle.wait()
        if let failure {
            idle.signal()
            throw failure
        }
        pending = (bytes, count)
        queue.async { [self] in
            do { try Self.writeAll(fd, pending!.bytes, pending!.count, path: path) } catch { failure = error }
            idle.signal()
        }
    }

    /// Waits for the write in flight; throws when a write failed.
    func wait() throws {
        idle.wait()
        idle.signal()
        if let failure { throw failure }
    }

    static func writeAll(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int, path: String) throws {
        var done = 0
        while done < n {
            let w = sysWrite(fd, p + done, n - done)
            if w < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))")
            }
            done += w
        }
    }
}
