import ArgumentParser
import Foundation
import ImportLintCore

/// Entry point that maps every usage, configuration and I/O error to exit status 2 with a one-line
/// message (ArgumentParser's own default for usage errors is 64).
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if mayLint(arguments) { Preload.start() }
        if let (word, name) = misspelledSubcommand(arguments) {
            FileHandle.standardError.write(Data("importlint: unknown command '\(TerminalText.escape(word))'; did you mean '\(name)'? (no file of that name either)\n".utf8))
            Foundation.exit(2)
        }
        do {
            var command = try ImportLintCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = ImportLintCommand.exitCode(for: error)
            if code == .success {
                print(ImportLintCommand.fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = ImportLintCommand.message(for: error)
            let text = message.isEmpty ? "\(error)" : message
            // Our own errors are one line whose file names may hold anything; usage errors have several lines.
            let shown = error is ValidationError ? TerminalText.escape(text) : TerminalText.message(text)
            FileHandle.standardError.write(Data("importlint: \(shown)\n".utf8))
            Foundation.exit(2)
        }
    }
}

/// Whether the command line may lint import files, so that the tables linting reads are worth building
/// while it is parsed (`Preload`): `--version`, help and the commands that read no import file do not.
func mayLint(_ arguments: [String]) -> Bool {
    guard let first = arguments.first else { return false }
    let readNone = ["--version", "--help", "-h", "help"] + ([InitCommand.self, RulesCommand.self, RuleCommand.self] as [ParsableCommand.Type]).map { $0._commandName }
    return !readNone.contains(first)
}

/// `check` is the default command, so `importlint chek` would be read as `check chek` and answered with
/// "chek: No such file or directory". A first word that is no file but close to a command name is a typo.
func misspelledSubcommand(_ arguments: [String]) -> (word: String, command: String)? {
    guard let word = arguments.first, !word.hasPrefix("-"), !FileManager.default.fileExists(atPath: word) else { return nil }
    let names = ImportLintCommand.configuration.subcommands.map { $0._commandName } + ["help"]
    if names.contains(word) { return nil }
    let scalars = word.unicodeScalars.map(\.value)
    let bound = 2
    let best = names.map { ($0, EditDistance.bounded(scalars, $0.unicodeScalars.map(\.value), bound: bound)) }
        .filter { $0.1 <= min(bound, $0.0.count / 2) }
        .min { $0.1 < $1.1 }
    return best.map { (word, $0.0) }
}

/// Every option names its long flag (`name: .customLong("input-encoding")`) rather than letting ArgumentParser
/// derive it from the property's name: it derives it again each time it reads a command's arguments, six
/// times for one `check` (2.3 M instructions of its start). docs/command-line.json holds the names and help
/// the commands declare (`CommandLineSurfaceTests`).
struct ImportLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importlint",
        abstract: "A strict, self-repairing linter for people and contact import files (4me, The Receptionist).",
        version: ImportLint.version,
        subcommands: [CheckCommand.self, FixCommand.self, ClustersCommand.self, InitCommand.self, RulesCommand.self, RuleCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
