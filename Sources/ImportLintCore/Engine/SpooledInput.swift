#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe, FIFO, terminal or standard input copied once into a private temporary file (mode 0600), so
/// that the passes that read an input more than once (encoding sniffing, reference collection, linting,
/// fixing, the diff) all see the same bytes. The file is removed when the last copy of the `InputFile`
/// holding it goes, or by `TemporaryFiles` when a signal ends the process.
public final class SpooledInput: Sendable {
    public let path: String

    private init(path: String) { self.path = path }

    deinit {
        unlink(path)
        TemporaryFiles.forget(path)
    }

    /// Copies everything readable from `fd` (to its end) into a new temporary file.
    static func spool(descriptor fd: Int32, name: String) throws -> SpooledInput {
        let directory = TemporaryFiles.directory
        guard let (out, path) = TemporaryFiles.create("\(directory)/.importlint-input-XXXXXX") else {
            throw InputError("\(name): cannot create a temporary copy in \(directory): \(String(cString: strerror(errno)))")
        }
        let spooled = SpooledInput(path: path)
        TemporaryFiles.register(spooled.path)
        defer { close(out) }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, 1 << 16)
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw InputError("\(name): \(String(cString: strerror(errno)))") }
            if n == 0 { break }
            var done = 0
            while done < n {
                #if canImport(Glibc)
                let w = Glibc.write(out, buffer + done, n - done)
                #else
                let w = Darwin.write(out, buffer + done, n - done)
                #endif
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { throw InputError("\(name): cannot write a temporary copy: \(String(cString: strerror(errno)))") }
                done += w
            }
        }
        return spooled
    }
}

extension InputFile {
    /// The file at `path`, copied once into a temporary file first when it is not a regular file (a pipe,
    /// FIFO, `/dev/stdin`, a process substitution `<(...)`), which a second open would find empty or
    /// block on.
    public static func reading(_ path: String, displayPath: String? = nil) throws -> InputFile {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG, (info.st_mode & S_IFMT) != S_IFDIR else {
            return .path(path, displayPath: displayPath)
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw InputError("\(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        return InputFile(displayPath: displayPath ?? path, storage: .spooled(try SpooledInput.spool(descriptor: fd, name: path)))
    }

    /// Standard input, read once into a temporary file.
    public static func standardInput(displayPath: String) throws -> InputFile {
        InputFile(displayPath: displayPath, storage: .spooled(try SpooledInput.spool(descriptor: STDIN_FILENO, name: displayPath)))
    }

    /// Whether the content is a copy rather than the named file (which `fix --in-place` cannot replace).
    public var isSpooled: Bool {
        if case .spooled = storage { true } else { false }
    }
}
