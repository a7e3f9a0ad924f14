import Foundation

/// Turns the paths of a report into repository-relative paths, as SARIF, GitHub annotations and GitLab code
/// quality need: relative to the enclosing git work tree (found by walking up from the current folder to a
/// `.git` folder or file), else to the current folder.
public struct ArtifactLocator: Sendable {
    /// Absolute folder, without a trailing slash.
    public let root: String

    public init(root: String) {
        let standardized = URL(fileURLWithPath: root).standardizedFileURL.path
        self.root = standardized.count > 1 && standardized.hasSuffix("/") ? String(standardized.dropLast()) : standardized
    }

    /// The git root above `directory` (default: the current folder), else `directory` itself.
    public static func discover(from directory: String = FileManager.default.currentDirectoryPath) -> ArtifactLocator {
        var dir = URL(fileURLWithPath: directory).standardizedFileURL.path
        while true {
            if FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent(".git")) {
                return ArtifactLocator(root: dir)
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { break }
            dir = parent
        }
        return ArtifactLocator(root: directory)
    }

    /// The path relative to the root ('/'-separated), or nil when the file lies outside it.
    public func relative(_ path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = root == "/" ? "/" : root + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : nil
    }

    /// Relative when inside the root, else absolute.
    public func display(_ path: String) -> String {
        relative(path) ?? URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The root as a `file://` URI with a trailing slash (SARIF `originalUriBaseIds`).
    public var rootURI: String {
        URL(fileURLWithPath: root, isDirectory: true).absoluteString
    }
}
