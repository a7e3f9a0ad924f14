import ArgumentParser
import Foundation
import ImportLintCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .importlint.yml (never overwrites an existing one)."
    )

    @Argument(help: "Folder to write .importlint.yml into.")
    var directory: String = "."

    func run() throws {
        let path = (directory as NSString).appendingPathComponent(ConfigFile.fileName)
        if FileManager.default.fileExists(atPath: path) {
            throw ValidationError("\(path) already exists; not overwriting it")
        }
        do {
            try Data(StarterConfig.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw ValidationError("\(path): cannot write: \(error.localizedDescription)")
        }
        print("Wrote \(TerminalText.path(path))")
    }
}
