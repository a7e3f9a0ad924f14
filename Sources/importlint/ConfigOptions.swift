import ArgumentParser
import ImportLintCore

/// Where the `.importlint.yml` of each input comes from; `check` and `fix` read the same files.
struct ConfigOptions: ParsableArguments {
    @Option(help: "Configuration file for every input (default: the .importlint.yml closest to each file).")
    var config: String?

    @Flag(help: "Ignore .importlint.yml files.")
    var noConfig = false

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
