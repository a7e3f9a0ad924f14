import Foundation

/// Finds the `.importlint.yml` of each input file, walking up from the file's folder (the closest wins;
/// files are not merged), unless `--config PATH` names one for all files or `--no-config` disables them.
///
/// The walk stops at the repository root (the folder holding `.git`): a configuration above it, in a
/// shared folder such as `/tmp` or a home directory, would change a project's gate without the project
/// knowing. Outside any repository it stops at the current folder when the file is under it, else it
/// looks only in the file's own folder.
public final class ConfigResolver {
    private let explicit: ConfigFile?
    private let disabled: Bool
    private let workingDirectory: String
    private var byDirectory: [String: ConfigFile?] = [:]
    private var loaded: [String: ConfigFile] = [:]

    public init(configPath: String?, noConfig: Bool,
                workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        disabled = noConfig
        self.workingDirectory = URL(fileURLWithPath: workingDirectory).standardizedFileURL.path
        if let configPath, !noConfig {
            guard FileManager.default.fileExists(atPath: configPath) else { throw ConfigError("\(configPath): configuration file not found") }
            explicit = try ConfigFile.load(configPath)
        } else {
            explicit = nil
        }
    }

    /// The configuration that applies to `file` (a path; for standard input, the --stdin-filename or the
    /// current folder).
    public func config(forFile file: String) throws -> ConfigFile? {
        if disabled { return nil }
        if let explicit { return explicit }
        let directory = URL(fileURLWithPath: file, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.deletingLastPathComponent().path
        return try config(inOrAbove: directory, upTo: searchLimit(from: directory))
    }

    /// The highest folder whose configuration may apply to files in `directory`.
    func searchLimit(from directory: String) -> String {
        var folder = directory
        while true {
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(".git")) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { break }
            folder = parent
        }
        let cwd = workingDirectory
        let underWorkingDirectory = directory == cwd || directory.hasPrefix(cwd == "/" ? "/" : cwd + "/")
        return underWorkingDirectory ? cwd : directory
    }

    private func config(inOrAbove directory: String, upTo limit: String) throws -> ConfigFile? {
        if let known = byDirectory[directory] { return known }
        let candidate = (directory as NSString).appendingPathComponent(ConfigFile.fileName)
        let found: ConfigFile?
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
            found = try loaded[candidate] ?? ConfigFile.load(candidate)
            loaded[candidate] = found
        } else {
            let parent = (directory as NSString).deletingLastPathComponent
            let stop = directory == limit || parent == directory || parent.isEmpty
            found = stop ? nil : try config(inOrAbove: parent, upTo: limit)
        }
        byDirectory[directory] = found
        return found
    }
}

/// What the command line says explicitly (nil / empty = not given) and how it combines with a file's
/// configuration: the command line wins; `--ignore` adds to the configured ignores.
public struct CommandLineSettings: Sendable {
    public var base: LintOptions
    public var failOn: Severity?
    public var baselineThreshold: Double?

    public init(base: LintOptions, failOn: Severity? = nil, baselineThreshold: Double? = nil) {
        self.base = base
        self.failOn = failOn
        self.baselineThreshold = baselineThreshold
    }

    /// Options and fail-on level for one file.
    public func resolve(file: String, config: ConfigFile?) -> (options: LintOptions, failOn: Severity) {
        var options = base
        guard let config else {
            if let baselineThreshold { options.recordCountDropThreshold = baselineThreshold }
            return (options, failOn ?? .error)
        }
        if base.selection.select.isEmpty { options.selection.select = config.select ?? [] }
        options.selection.ignore = config.ignore + config.ignores(for: file) + base.selection.ignore
        options.selection.severityOverrides = config.severity.merging(base.selection.severityOverrides) { _, cli in cli }
        options.profile = base.profile ?? config.profile(for: file)
        options.defaultRegion = base.defaultRegion ?? config.defaultRegion
        options.knownOrganizationsPath = base.knownOrganizationsPath ?? config.knownOrganizations
        options.extraLocales = base.extraLocales + config.locales
        options.recordCountDropThreshold = baselineThreshold ?? config.baselineThreshold ?? base.recordCountDropThreshold
        options.allowedTLDs = base.allowedTLDs + config.allowedTLDs
        options.serviceAccountsAdded = base.serviceAccountsAdded + config.serviceAccountsAdded
        options.serviceAccountsRemoved = base.serviceAccountsRemoved + config.serviceAccountsRemoved
        return (options, failOn ?? config.failOn ?? .error)
    }
}
