import Foundation

/// Reads the settings files a run names by path (profile, configuration, known organizations, mapping,
/// suppressions). A pipe, FIFO or process substitution `<(...)` can be read only once, yet a run asks for
/// such a file several times (validation, each input's lint, every fix round), so its content is kept by
/// path for the rest of the process. A regular file is read again each time, so an edited one is seen.
public enum StreamedFile {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [String: Data?] = [:]

    /// The file's bytes, nil when it cannot be read.
    public static func contents(atPath path: String) -> Data? {
        guard isStream(path) else { return FileManager.default.contents(atPath: path) }
        return lock.withLock {
            if let known = kept[path] { return known }
            let data = readToEnd(path)
            kept[path] = data
            return data
        }
    }

    /// Everything readable from `path` to its end (FileManager gives nothing for a pipe).
    private static func readToEnd(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return data }
            data.append(contentsOf: chunk[0..<n])
        }
    }

    private static func isStream(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
    }
}
