import ArgumentParser
import Foundation
import ImportLintCore

/// A report format of `check`: the name of one of the library's reporters.
struct ReportFormat: ExpressibleByArgument {
    let name: String

    init?(argument: String) {
        guard Reporters.named(argument) != nil else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { Reporters.names }
    var defaultValueDescription: String { name }
}

/// `check`'s baseline threshold and the files its options must name.
extension CheckCommand {
    func threshold() throws -> Double? {
        guard var text = baselineThreshold?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasSuffix("%") { text.removeLast() }
        guard let value = Double(text), value >= 0, value <= 100 else {
            throw ValidationError("--baseline-threshold must be a percentage between 0 and 100, such as 10")
        }
        return value / 100
    }

    func existingFile(_ path: String?, _ what: String) throws -> String? {
        guard let path else { return nil }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path): \(what) not found") }
        return path
    }
}

/// A progress line on standard error for large files, only when standard error is a terminal.
final class ProgressLine {
    private var shown = false
    let enabled = isatty(STDERR_FILENO) == 1

    func update(_ progress: LintProgress) {
        guard enabled else { return }
        let percent = progress.fraction.map { " (\(Int($0 * 100))%)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[Kimportlint: \(TerminalText.path(progress.path)): \(progress.records) records\(percent)…".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
