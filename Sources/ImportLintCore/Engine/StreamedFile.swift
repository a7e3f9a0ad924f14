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
            let data = FileManager.default.contents(atPath: path)
            kept[path] = data
            return data
        }
    }

    private static func isStream(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR
    }
}
