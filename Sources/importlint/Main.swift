import ArgumentParser
import Foundation
import ImportLintCore
import ImportLintCore

/// Entry point that maps every usage, configuration and I/O error to exit status 2 with a one-line
/// message (ArgumentParser's own default for usage errors is 64).
@main
enum Main {
    static func main() {
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

struct ImportLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "importlint",
        abstract: "A strict, self-repairing linter for people and contact import files (4me, The Receptionist).",
        version: ImportLint.version,
        subcommands: [CheckCommand.self, FixCommand.self, ClustersCommand.self, InitCommand.self, RulesCommand.self, RuleCommand.self],
        defaultSubcommand: CheckCommand.self
    )
}
