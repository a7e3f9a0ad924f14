import Foundation

/// One fixture under `fixtures/<rule-name>/`: an input file (.csv or .tsv; other files are helpers such as
/// people lists), optional extra arguments of `importlint check` in `<case>.args` (one `--option value` or
/// `--flag` per line; paths relative to the package root), and its golden report `<case>.expected.json`. Inputs named
/// `trigger*` must raise the folder's rule; inputs named `clean*` must not. Files named `baseline*` are the
/// previous uploads that `--baseline` arguments name, not cases; files named `*.expected.*` are goldens.
struct FixtureCase: Sendable {
    let rule: String
    let input: URL
    var name: String { input.deletingPathExtension().lastPathComponent }
    var expectedReport: URL { input.deletingPathExtension().appendingPathExtension("expected.json") }

    enum Expectation: Sendable { case triggers, clean, silent, unspecified }

    /// Files under `fixtures/precision/` are realistic clean exports: they must raise nothing at all.
    var expectation: Expectation {
        if rule == "precision" { return .silent }
        if name.hasPrefix("trigger") { return .triggers }
        if name.hasPrefix("clean") { return .clean }
        return .unspecified
    }

    /// The input's path relative to the package root, as reports name it.
    var relativePath: String { "fixtures/\(rule)/\(input.lastPathComponent)" }

    /// The command-line arguments in the options file with this extension (`args`, `fixargs`), if any.
    func arguments(_ ext: String = "args") -> [String] {
        let file = input.deletingPathExtension().appendingPathExtension(ext)
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).flatMap { $0.split(separator: " ", maxSplits: 1).map(String.init) }
    }

    static func all(in root: URL) -> [FixtureCase] {
        let fm = FileManager.default
        guard let folders = try? fm.contentsOfDirectory(at: root, includingPropertiesForKeys: nil) else { return [] }
        var cases: [FixtureCase] = []
        for folder in folders.sorted(by: { $0.path < $1.path }) {
            guard let files = try? fm.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) else { continue }
            for file in files.sorted(by: { $0.path < $1.path }) where ["csv", "tsv"].contains(file.pathExtension)
                && !file.lastPathComponent.contains(".fixed.") && !file.lastPathComponent.contains(".expected.")
                && !file.lastPathComponent.hasPrefix("evaluation")
                && !file.lastPathComponent.hasPrefix("baseline") {
                cases.append(FixtureCase(rule: folder.lastPathComponent, input: file))
            }
        }
        return cases
    }
}
