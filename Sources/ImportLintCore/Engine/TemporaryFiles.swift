#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temporary files this process has made and not yet renamed or removed, deleted when SIGINT, SIGTERM,
/// SIGHUP or SIGPIPE ends the process: an interrupted run leaves no full-size hidden copy of an export.
///
/// The table is a fixed array of C strings so that the signal handler only reads memory and calls
/// unlink(2), which is async-signal-safe.
public enum TemporaryFiles {
    fileprivate static let capacity = 64
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let slots = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        slots.initialize(repeating: nil, count: capacity)
        return slots
    }()
    nonisolated(unsafe) private static var lock = pthread_mutex_t()
    private static let installed: Void = {
        pthread_mutex_init(&lock, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = removeAllAndDie
            #else
            action.__sigaction_u.__sa_handler = removeAllAndDie
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigaction(signal, &action, nil)
        }
    }()

    /// Where files of this process's own go: $TMPDIR, else /tmp.
    static var directory: String { getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp" }

    /// A new private file (mode 0600) made from `template`, a path ending in 'XXXXXX' (mkstemp(3)): its
    /// descriptor and path, or nil with `errno` set.
    static func create(_ template: String) -> (fd: Int32, path: String)? {
        var bytes = Array(template.utf8CString)
        let fd = bytes.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        return (fd, bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    }

    /// Remembers `path` until `forget`; from now on a terminating signal removes it.
    public static func register(_ path: String) {
        _ = installed
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        for i in 0..<capacity where slots[i] == nil {
            slots[i] = strdup(path)
            return
        }
    }

    /// Stops tracking `path` (it was renamed into place or removed).
    public static func forget(_ path: String) {
        _ = installed
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        for i in 0..<capacity {
            if let slot = slots[i], strcmp(slot, path) == 0 {
                slots[i] = nil
                free(slot)
                return
            }
        }
    }

    /// Paths tracked now (for tests).
    static var tracked: [String] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return (0..<capacity).compactMap { slots[$0].map { String(cString: $0) } }
    }
}

/// Unlinks every tracked file, then lets the signal do what it does by default (SA_RESETHAND restored
/// it), so the exit status still says which signal ended the process.
private func removeAllAndDie(_ signal: Int32) {
    for i in 0..<TemporaryFiles.capacity {
        if let path = TemporaryFiles.slots[i] { unlink(path) }
    }
    raise(signal)
}
