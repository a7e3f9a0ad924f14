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
