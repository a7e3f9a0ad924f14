import Foundation

/// Turns the paths of a command line into the files to read: a folder stands for the `.csv` and `.tsv`
/// files under it (any case of the extension), in name order, skipping hidden folders such as `.git` and
/// following each symbolic link to a folder once. `--exclude` globs and the `exclude:` globs of each
/// file's `.importlint.yml` leave files and folders out, also when they are named on the command line,
/// so that a git hook that passes every staged file honours them. A path that is neither a folder nor
/// an existing file is kept: the lint reports it (unreadable-input). '-' (standard input) is kept.
public struct InputExpansion {
    /// The files, in the order given, each folder's files in its place.
    public private(set) var files: [String] = []
    /// Folders that held no `.csv` or `.tsv` file (after exclusions).
    public private(set) var emptyFolders: [String] = []
    /// Named files that an exclude glob left out.
    public private(set) var excludedFiles: [String] = []

    private let excludes: [Glob]
    /// The command's own outputs (a report, a folder of fixed copies), never read from a folder.
    private let outputs: Set<FileIdentity>
    private let resolver: ConfigResolver?
    private let workingDirectory: String
    private var visitedFolders: Set<FileIdentity> = []
    private var listed: Set<FileIdentity> = []

    public static let extensions: Set<String> = ["csv", "tsv"]

    /// Expands `arguments`; `excludes` are the command line's globs, `resolver` finds each file's
    /// configuration (nil: none), `outputs` are files and folders the command writes, which a folder's
    /// expansion leaves out (a second run must not read the first one's report). Throws the
    /// `ConfigError` of a configuration it cannot read.
    public init(_ arguments: [String], excludes: [String], resolver: ConfigResolver?, outputs: [String] = [],
                workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        self.outputs = Set(outputs.compactMap { path in
            var info = stat()
            return stat(path, &info) == 0 ? FileIdentity(info) : nil
        })
        self.excludes = excludes.map { Glob($0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0) }
        self.resolver = resolver
        self.workingDirectory = workingDirectory
        for argument in arguments { try add(argument) }
    }

    /// The files, or a usage error when folders were named and nothing at all was found.
    public func checked() throws -> [String] {
        if files.isEmpty, !emptyFolders.isEmpty {
            let folders = emptyFolders.map(TerminalText.path).joined(separator: ", ")
            let excluded = excludedFiles.isEmpty ? "" : "; the named files are excluded"
            throw InputError("no .csv or .tsv file in \(folders) (hidden folders and excluded paths are skipped)\(excluded)")
        }
        return files
    }

    private mutating func add(_ argument: String) throws {
        guard argument != "-" else { return files.append(argument) }
        var info = stat()
        let isFolder = stat(argument, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
        if try isExcluded(argument, isFolder: isFolder) {
            if !isFolder { excludedFiles.append(argument) }
            return
        }
        guard isFolder else { return addFile(argument, info: stat(argument, &info) == 0 ? info : nil) }
        let before = files.count
        try walk(argument, info: info)
        if files.count == before { emptyFolders.append(argument) }
    }

    private mutating func addFile(_ path: String, info: stat?) {
        if let info {
            // The same file named twice, or reached through a link, is read once.
            guard listed.insert(FileIdentity(info)).inserted else { return }
        }
        files.append(path)
    }

    private mutating func walk(_ folder: String, info: stat) throws {
        guard visitedFolders.insert(FileIdentity(info)).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            // Reported by the lint (unreadable-input) with the reason.
            return files.append(folder)
        }
        for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            let path = folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
            var entry = stat()
            guard stat(path, &entry) == 0 else { continue }  // a dangling link
            let isFolder = entry.st_mode & S_IFMT == S_IFDIR
            if isFolder && name.hasPrefix(".") { continue }
            if !isFolder && !Self.extensions.contains((name as NSString).pathExtension.lowercased()) { continue }
            if outputs.contains(FileIdentity(entry)) { continue }
            if try isExcluded(path, isFolder: isFolder) { continue }
            if isFolder { try walk(path, info: entry) } else if entry.st_mode & S_IFMT == S_IFREG { addFile(path, info: entry) }
        }
    }

    /// Whether a command-line glob matches the path (as given, or relative to the working folder) or its
    /// name, or the configuration that applies to it excludes it.
    private func isExcluded(_ path: String, isFolder: Bool) throws -> Bool {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.path
        let base = workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/"
        let relative = absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
        let given = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        let candidates = [given, relative, (absolute as NSString).lastPathComponent]
        if excludes.contains(where: { glob in candidates.contains { glob.matches($0) } }) { return true }
        // A folder's own configuration is the one its files would use.
        let probe = isFolder ? (absolute as NSString).appendingPathComponent("-") : absolute
        guard let config = try resolver?.config(forFile: probe) else { return false }
        return config.excludes(absolute)
    }
}

/// A file's identity on disk, so that links and repeated names are read once.
private struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
