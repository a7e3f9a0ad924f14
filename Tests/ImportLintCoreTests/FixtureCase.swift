import Foundation
import Testing
@testable import ImportLintCore

/// One fixture under `fixtures/<rule-name>/`: an input file (.csv or .tsv; other files are helpers such as
/// people lists), optional extra arguments of `importlint check` in `<case>.args` (one `--option value` or
/// `--flag` per line; paths relative to the package root), and its golden report `<case>.expected.json`. Inputs named
/// `trigger*` must raise the folder's rule; inputs named `clean*` must not. Files named `baseline*` are the
/// previous uploads that `--baseline` arguments name, not cases; files named `*.expected.*` are goldens.
/// A case whose goldens hold ICU data that changes between ICU releases (time zones, region names) has a
/// `<case>.icu` file: the ICU version they were recorded with on its first line, then what data they hold.
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

    /// The `<case>.icu` file: the ICU version the goldens were recorded with and the data that needs it.
    private var icuFile: URL { input.deletingPathExtension().appendingPathExtension("icu") }

    /// The ICU version the goldens were recorded with and the ICU data they hold; nil for a case whose
    /// goldens hold none that changes between ICU releases.
    var recordedICU: (version: String, data: String)? {
        guard let text = try? String(contentsOf: icuFile, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        return (lines.first ?? "", lines.dropFirst().joined(separator: "; "))
    }

    /// Whether the goldens can be compared here: they need no particular ICU, or this machine's, or they
    /// are being rewritten (then `recordThisICU` updates the `.icu` file).
    var runsOnThisICU: Bool { Golden.updating || (recordedICU.map { $0.version == ICUBridge.version } ?? true) }

    /// While goldens are rewritten: the `.icu` file names this machine's ICU version.
    func recordThisICU() throws {
        guard Golden.updating, let recorded = recordedICU, recorded.version != ICUBridge.version else { return }
        let text = try String(contentsOf: icuFile, encoding: .utf8)
        try (ICUBridge.version + text.drop { $0 != "\n" }).write(to: icuFile, atomically: true, encoding: .utf8)
    }

    /// Why the cases recorded with another ICU version are not compared on this machine.
    static func otherICUNote(_ cases: [FixtureCase]) -> Comment {
        let skipped = cases.filter { !$0.runsOnThisICU }.compactMap { c in
            c.recordedICU.map { "\(c.relativePath) (ICU \($0.version): \($0.data))" }
        }
        return Comment(rawValue: "this machine has ICU \(ICUBridge.version); goldens recorded with another ICU are not compared: "
                       + skipped.joined(separator: ", "))
    }

    static func all(in root: URL) -> [FixtureCase] {
        let fm = FileManager.default
        guard let folders = try? fm.contentsOfDirectory(at: root, includingPropertiesForKeys: nil) else { return [] }
        var cases: [FixtureCase] = []
        // The generator samples are checked against their manifests (GeneratorSampleTests), not goldens.
        for folder in folders.sorted(by: { $0.path < $1.path }) where folder.lastPathComponent != "generator-samples" {
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
