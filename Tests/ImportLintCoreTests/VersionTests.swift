import Foundation
import Testing
@testable import ImportLintCore

/// The version lives in VERSION (read by Scripts/build-release.sh, which checks `importlint --version`
/// against it); the Swift constant behind `--version` and the reports, the CHANGELOG's newest release and the
/// tag the docs pin must all say the same.
@Suite struct VersionTests {
    static let version = (try? String(contentsOf: TestSupport.packageRoot.appendingPathComponent("VERSION"), encoding: .utf8))?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""

    @Test func constantMatchesVersionFile() {
        #expect(!Self.version.isEmpty, "VERSION is missing or empty")
        #expect(ImportLint.version == Self.version)
        #expect(Report(files: []).tool.version == Self.version)
    }

    /// The newest released heading (`## [x.y.z] - date`, below `## [Unreleased]`) names the current version.
    @Test func changelogNewestReleaseIsTheVersion() throws {
        let changelog = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let released = changelog.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("## ["), !line.hasPrefix("## [Unreleased]"), let end = line.firstIndex(of: "]") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 4)..<end])
        }
        if let newest = released.first {
            #expect(newest == Self.version, "CHANGELOG's newest release is \(newest), VERSION says \(Self.version)")
        }
    }

    /// Every `rev:` the docs show is the tag of the current version.
    @Test func docsPinTheVersionTag() throws {
        var pins: [String] = []
        for doc in ["README.md", "docs/ci.md"] {
            let text = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(doc), encoding: .utf8)
            for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("rev: ") {
                pins.append(String(line.trimmingCharacters(in: .whitespaces).dropFirst(5).split(separator: " ").first ?? ""))
            }
        }
        #expect(!pins.isEmpty, "the docs pin no rev")
        for pin in pins { #expect(pin == "v\(Self.version)", "docs pin \(pin), the version tag is v\(Self.version)") }
    }
}
