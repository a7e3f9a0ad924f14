import ArgumentParser
import Foundation
import ImportLintCore

/// Where the `.importlint.yml` of each input comes from; `check` and `fix` read the same files.
struct ConfigOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Configuration file for every input (default: the .importlint.yml closest to each file).")
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore .importlint.yml files.")
    var noConfig = false

    @Option(name: .customLong("exclude"), parsing: .singleValue,
            help: "Leave out files and folders matching this glob, by path or by name (repeatable; `exclude:` in .importlint.yml).")
    var exclude: [String] = []

    /// The files that `arguments` name: folders expanded to the .csv and .tsv files under them, excluded
    /// paths and the command's `outputs` left out (see `InputExpansion`).
    func files(_ arguments: [String], outputs: [String?] = []) throws -> [String] {
        let expansion = try CheckCommand.reportingErrors {
            try InputExpansion(arguments, excludes: exclude, resolver: try resolver(), outputs: outputs.compactMap { $0 })
        }
        let files = try CheckCommand.reportingErrors { try expansion.checked() }
        for folder in expansion.emptyFolders where !files.isEmpty {
            FileHandle.standardError.write(Data("importlint: warning: no .csv or .tsv file in \(TerminalText.path(folder))\n".utf8))
        }
        if files.isEmpty && !arguments.isEmpty {
            FileHandle.standardError.write(Data("importlint: every input is excluded; nothing to do\n".utf8))
        }
        return files
    }

    func resolver() throws -> ConfigResolver {
        do {
            return try ConfigResolver(configPath: config, noConfig: noConfig)
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }
}

extension ConfigOptions {
    /// The configuration files `files` use, found by the search or given, and the files they name: inputs
    /// of the command that no output may replace. Unreadable ones are reported later, where they are read.
    func inputPaths(for files: [String]) -> [String?] {
        guard let resolver = try? resolver() else { return [config] }
        return [config] + files.filter { $0 != "-" }.flatMap { file -> [String?] in
            guard let found = try? resolver.config(forFile: file) else { return [] }
            return [found.path, found.knownOrganizations]
        }
    }
}
