import Foundation
import Testing
@testable import ImportLintCore

/// No command writes over one of its inputs, whatever the spelling: a symbolic link, a hard link,
/// `./`, standard input redirected from the file (issue 11, item 6).
@Suite struct OverwriteGuardTests {
    @Test func everyCommandRefusesToReplaceAnInput() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let input = try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("people.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.csv").path, withDestinationPath: "people.csv")
        try FileManager.default.linkItem(at: input, to: dir.appendingPathComponent("hard.csv"))
        try TestSupport.write("Widget\tWidget\n", to: dir.appendingPathComponent("map.tsv"))
        let runs: [[String]] = [
            ["check", "people.csv", "-o", "link.csv"],
            ["check", "people.csv", "-o", "./people.csv", "--format", "json"],
            ["check", "people.csv", "--write-suppressions", "hard.csv"],
            ["check", "people.csv", "--mapping", "map.tsv", "-o", "map.tsv"],
            ["clusters", "people.csv", "--write-mapping", "link.csv"],
            ["clusters", "people.csv", "--mapping", "map.tsv", "--write-mapping", "map.tsv"],
            ["fix", "people.csv", "-o", "hard.csv"],
            ["fix", "people.csv", "-o", "map.tsv", "--mapping", "map.tsv"],
            ["fix", "map.tsv", "--in-place", "--mapping", "map.tsv"],
        ]
        for arguments in runs {
            let r = try TestSupport.run(bin, arguments + ["--no-config"].filter { _ in arguments[0] != "clusters" }, cwd: dir)
            #expect(r.status == 2, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains("refusing to write") || r.stderr.contains("is the input file"), "\(arguments): \(r.stderr)")
        }
        let stdin = try TestSupport.run("/bin/sh", ["-c", "'\(bin)' check - -o people.csv --no-config < people.csv"], cwd: dir)
        #expect(stdin.status == 2 && stdin.stderr.contains("(standard input)"), "\(stdin.stderr)")
        #expect(try String(contentsOf: input, encoding: .utf8) == CLITests.bad)
        #expect(try String(contentsOf: dir.appendingPathComponent("map.tsv"), encoding: .utf8) == "Widget\tWidget\n")
        // Another path is fine.
        #expect(try TestSupport.run(bin, ["check", "people.csv", "-o", "report.txt", "--no-config"], cwd: dir).status == 1)
    }

    /// The configuration a file uses is an input even when the search found it rather than `--config`,
    /// and so is the known-organizations list it names.
    @Test func discoveredConfigurationIsAnInput() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let config = "ignore: [unknown-column]\nknown-organizations: orgs.txt\n"
        try TestSupport.write(config, to: dir.appendingPathComponent(".importlint.yml"))
        try TestSupport.write("Widget Corp\n", to: dir.appendingPathComponent("orgs.txt"))
        try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("people.csv"))
        for arguments in [["check", "people.csv", "-o", ".importlint.yml"], ["check", "people.csv", "--write-suppressions", "orgs.txt"],
                          ["fix", "people.csv", "-o", ".importlint.yml"], ["fix", "people.csv", "-o", "orgs.txt"]] {
            let r = try TestSupport.run(bin, arguments, cwd: dir)
            #expect(r.status == 2 && r.stderr.contains("refusing to write"), "\(arguments): \(r.stderr)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent(".importlint.yml"), encoding: .utf8) == config)
        #expect(try String(contentsOf: dir.appendingPathComponent("orgs.txt"), encoding: .utf8) == "Widget Corp\n")
    }
}
