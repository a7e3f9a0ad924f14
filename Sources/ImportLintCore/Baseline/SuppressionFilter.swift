import Foundation

/// The entries of a suppressions file, asked finding by finding while files are linted, so that an
/// accepted finding is dropped before it is kept or counted (with `--max-findings` it never takes a
/// place in the report). Remembers which entries matched, for the stale-entry warning. Files may be
/// linted on several threads: the record of matches is guarded by a lock.
public final class SuppressionFilter: @unchecked Sendable {
    private let entries: [Suppression]
    private let salt: [UInt8]?
    private let byPath: [String: [Int]]
    private var used: [Bool]
    private let lock = NSLock()

    public init(_ entries: [Suppression], salt: [UInt8]?) {
        self.entries = entries
        self.salt = salt
        byPath = Dictionary(grouping: entries.indices, by: { entries[$0].path })
        used = [Bool](repeating: false, count: entries.count)
    }

    /// Whether an entry accepts `d`, found in the file reported as `path`.
    public func suppresses(_ d: Diagnostic, path: String) -> Bool {
        guard let candidates = byPath[Suppressions.normalize(path)] else { return false }
        var hit = false
        for i in candidates where Suppressions.matches(entries[i], d, path: entries[i].path, salt: salt) {
            hit = true
            lock.withLock { used[i] = true }
        }
        return hit
    }

    /// The entries for the linted `paths` that matched nothing (entries for other files are not judged).
    public func stale(linted paths: [String]) -> [Suppression] {
        let linted = Set(paths.map(Suppressions.normalize))
        return lock.withLock { entries.indices.filter { !used[$0] && linted.contains(entries[$0].path) }.map { entries[$0] } }
    }
}
