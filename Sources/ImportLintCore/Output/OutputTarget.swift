#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Where the bytes of a report, mapping, suppressions file or fixed file end up, decided from what the
/// path names.
///
/// A regular file is written as a temporary file beside it and renamed over it, so that nobody reads
/// half a file. Renaming over `/dev/null` or a FIFO would instead swap the device or pipe for a plain file
/// (run as root, for the whole machine), so devices, pipes and sockets are written in place, and the
/// paths that name one of this process's descriptors (`/dev/stdout`) are written through that descriptor.
public enum OutputTarget: Equatable, Sendable {
    /// A regular file or a path that does not exist yet; symbolic links are followed (dangling ones to
    /// the file they name), so a link stays a link.
    case file(String)
    /// A device, pipe or socket, opened and written in place.
    case stream(String)
    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or `/proc/self/fd/N`: written through a duplicate of
    /// the descriptor, at its current position, so that `-o /dev/stdout >> log` appends as the shell meant.
    case descriptor(Int32, path: String)

    public init(_ path: String) {
        if let fd = Self.descriptorAlias(path) {
            self = .descriptor(fd, path: path)
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            self = .file(Self.danglingLinkTarget(path) ?? path)
            return
        }
        self = (info.st_mode & S_IFMT) == S_IFREG ? .file(Self.resolved(path)) : .stream(path)
    }

    private static func descriptorAlias(_ path: String) -> Int32? {
        switch path {
        // '-' is standard output, as for `fix -o -` and as most command-line tools read it.
        case "-", "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    public var path: String {
        switch self {
        case .file(let path), .stream(let path), .descriptor(_, let path): path
        }
    }

    /// Where temporary files for this target go: beside a file, so that the rename stays on one file
    /// system; the system's temporary directory otherwise.
    public var temporaryDirectory: String {
        switch self {
        case .file(let path):
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        case .stream, .descriptor:
            return getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        }
    }

    /// Writes `text` in full: atomically to a file, in place to a stream.
    public func write(_ text: String) throws {
        try stream { write in
            var text = text
            try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Writes what `produce` hands to its writer, piece by piece: to a temporary file renamed over a
    /// file target at the end (nothing is replaced if `produce` throws), in place to a stream.
    public func stream(_ produce: (_ write: @escaping (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        switch self {
        case .file(let path):
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let temporary = try OutputFile.temporary(in: temporaryDirectory, name: name)
            do {
                try produce { piece in
                    if let base = piece.baseAddress { try temporary.write(base.assumingMemoryBound(to: UInt8.self), piece.count) }
                }
                try temporary.finish().wait()
                try commit(temporary: temporary.path)
            } catch {
                AtomicFile.discard(temporary.path)
                throw error
            }
        case .stream, .descriptor:
            let fd = try openInPlace()
            defer { close(fd) }
            try produce { piece in try Self.writeAll(fd, piece.bindMemory(to: UInt8.self), path: path) }
        }
    }

    /// Puts a finished temporary file (made in `temporaryDirectory`) at the target: renamed over a file,
    /// keeping an existing file's permissions; copied into a stream and removed. `beforeRename` can still
    /// refuse (the temporary file is then removed).
    public func commit(temporary: String, beforeRename: (() throws -> Void)? = nil) throws {
        switch self {
        case .file(let path):
            Self.keepOwner(of: path, on: temporary)
            chmod(temporary, Self.mode(of: path))
            do { try beforeRename?() } catch { AtomicFile.discard(temporary); throw error }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                AtomicFile.discard(temporary)
                throw InputError("\(path): cannot write: \(reason)")
            }
            TemporaryFiles.forget(temporary)
        case .stream, .descriptor:
            defer { AtomicFile.discard(temporary) }
            try beforeRename?()
            let source = open(temporary, O_RDONLY)
            guard source >= 0 else { throw InputError("\(temporary): cannot read back: \(String(cString: strerror(errno)))") }
            defer { close(source) }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
            defer { buffer.deallocate() }
            try stream { write in
                while true {
                    let n = read(source, buffer.baseAddress, buffer.count)
                    if n < 0 && errno == EINTR { continue }
                    guard n >= 0 else { throw InputError("\(temporary): cannot read back: \(String(cString: strerror(errno)))") }
                    if n == 0 { return }
                    try write(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                }
            }
        }
    }

    /// Gives the replacement the replaced file's owner and group: run as root, `fix --in-place` would
    /// otherwise hand a user's export to root. Without the privilege to do so (another user's file) the
    /// replacement keeps the caller's ownership, as any editor's would.
    private static func keepOwner(of path: String, on temporary: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if chown(temporary, info.st_uid, info.st_gid) != 0 {
            _ = chown(temporary, uid_t.max, info.st_gid)  // at least the group, when we belong to it
        }
    }

    /// An existing file's permission bits, else what a new file gets under the current umask.
    private static func mode(of path: String) -> mode_t {
        var info = stat()
        if stat(path, &info) == 0 { return info.st_mode & 0o7777 }
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Where a symbolic link that points at nothing yet leads (through further links), so that writing
    /// creates that file and the link stays a link; nil when `path` is not a link.
    private static func danglingLinkTarget(_ path: String) -> String? {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current == path ? nil : current }
            let target = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return nil
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// A descriptor to write a stream or descriptor target through; the caller closes it.
    private func openInPlace() throws -> Int32 {
        let fd: Int32
        switch self {
        case .descriptor(let alias, _): fd = dup(alias)
        case .stream(let path): fd = open(path, O_WRONLY)
        case .file: preconditionFailure("a file target is replaced, never written in place")
        }
        guard fd >= 0 else { throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))") }
        return fd
    }

    private static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>, path: String) throws {
        var done = 0
        while done < bytes.count {
            let n = systemWrite(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw InputError("\(path): cannot write: \(String(cString: strerror(errno)))") }
            done += n
        }
    }
}
