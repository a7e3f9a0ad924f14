import Foundation
import Testing
@testable import ImportLintCore

/// A `.importlint.yml` above the repository (in `/tmp`, a home folder) never changes a project's gate,
/// and the reports say which configuration applied (issue 11, item 5).
@Suite struct ConfigBoundaryTests {
    /// outer/.importlint.yml ignores everything; outer/repo is a git repository holding the export.
    static func layout() throws -> (outer: URL, repo: URL) {
        let outer = try TestSupport.temporaryDirectory()
        let repo = outer.appendingPathComponent("repo")
        try TestSupport.write("ignore: [ALL]\n", to: outer.appendingPathComponent(".importlint.yml"))
        try FileManager.default.createDirectory(at: repo.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try TestSupport.write(CLITests.bad, to: repo.appendingPathComponent("exports/people.csv"))
        return (outer, repo)
    }

    @Test func stopsAtTheRepositoryRoot() throws {
        let (outer, repo) = try Self.layout()
        let file = repo.appendingPathComponent("exports/people.csv").path
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: outer.path).config(forFile: file) == nil)
        // A worktree's .git is a file; it marks the root as well.
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git"))
        try TestSupport.write("gitdir: /elsewhere\n", to: repo.appendingPathComponent(".git"))
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: outer.path).config(forFile: file) == nil)
        try TestSupport.write("fail-on: warning\n", to: repo.appendingPathComponent(".importlint.yml"))
        let inRepo = try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: outer.path).config(forFile: file)
        #expect(inRepo?.path == repo.appendingPathComponent(".importlint.yml").path)
        // --config names any file, above the repository too.
        let explicit = try ConfigResolver(configPath: outer.appendingPathComponent(".importlint.yml").path, noConfig: false).config(forFile: file)
        #expect(explicit?.ignore == ["ALL"])
    }

    /// Outside a repository the walk ends at the current folder, or at the file's own folder when the
    /// file is elsewhere.
    @Test func outsideARepositoryStopsAtTheCurrentFolder() throws {
        let (outer, repo) = try Self.layout()
        try FileManager.default.removeItem(at: repo.appendingPathComponent(".git"))
        let file = repo.appendingPathComponent("exports/people.csv").path
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: outer.path).config(forFile: file)?.ignore == ["ALL"])
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: repo.path).config(forFile: file) == nil)
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: "/").config(forFile: file)?.ignore == ["ALL"])
        let elsewhere = try TestSupport.temporaryDirectory()
        #expect(try ConfigResolver(configPath: nil, noConfig: false, workingDirectory: elsewhere.path).config(forFile: file) == nil)
    }

    @Test func reportsNameTheConfiguration() throws {
        let bin = try CLITests.importlint()
        let (_, repo) = try Self.layout()
        let gated = try TestSupport.run(bin, ["check", "exports/people.csv"], cwd: repo)
        #expect(gated.status == 1, "the configuration above the repository must not apply: \(gated.stdout)")
        let json = try TestSupport.run(bin, ["check", "exports/people.csv", "--format", "json"], cwd: repo)
        #expect(!json.stdout.contains("\"config\""))
        let verbose = try TestSupport.run(bin, ["check", "exports/people.csv", "--verbose"], cwd: repo)
        #expect(verbose.stdout.hasSuffix("configuration for exports/people.csv: none\n"), "\(verbose.stdout)")

        try TestSupport.write("fail-on: error\n", to: repo.appendingPathComponent(".importlint.yml"))
        let named = try TestSupport.run(bin, ["check", "exports/people.csv", "--format", "json"], cwd: repo)
        let report = try JSONDecoder().decode(Report.self, from: Data(named.stdout.utf8))
        #expect(report.files.first?.config == ".importlint.yml")
        #expect(named.stdout.contains("\"config\" : \".importlint.yml\""), "\(named.stdout)")
        let named2 = try TestSupport.run(bin, ["check", "exports/people.csv", "--verbose"], cwd: repo)
        #expect(named2.stdout.hasSuffix("configuration for exports/people.csv: .importlint.yml\n"), "\(named2.stdout)")
    }
}
