import Foundation
import Testing
@testable import ImportLintCore

/// Smaller hardening items of issue 11 (item 8).
@Suite struct HardeningTests {
    /// 10 KB of nesting used to overflow the YAML parser's stack (SIGSEGV); now a one-line error.
    @Test func deepYAMLIsAClearError() throws {
        let flow = "select: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let block = "select:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        for text in [flow, block] {
            #expect { try ConfigFile.parse(text, path: "deep.yml") } throws: { error in
                "\(error)".contains("deep.yml:") && "\(error)".contains("nesting deeper than 64 levels")
            }
        }
        let profile = "name: x\ncolumns: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n"
        #expect { try ProfileLoader.parse(profile, origin: "deep-profile.yml") } throws: { error in
            "\(error)".contains("deep-profile.yml:2: nesting deeper")
        }
        // Brackets in quotes and comments do not count; ordinary nesting passes.
        let quoted = "select: ['" + String(repeating: "[", count: 100) + "'] # " + String(repeating: "{", count: 100) + "\n"
        #expect(YAMLNesting.tooDeep(quoted) == nil)
        #expect(YAMLNesting.tooDeep(StarterConfig.text) == nil)
        for name in ProfileLoader.builtInNames { #expect(throws: Never.self) { try ProfileLoader.load(name) } }
    }

    /// `-o LINK` where LINK points at a file not yet made: the file is made and the link stays a link.
    @Test func danglingLinkStaysALink() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let link = dir.appendingPathComponent("out.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "sub/report.txt")
        try OutputTarget(link).write("report\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOf: dir.appendingPathComponent("sub/report.txt"), encoding: .utf8) == "report\n")
    }

    /// `fix --in-place` keeps the file's owner, group and mode (as root it used to hand the file to root).
    @Test func inPlaceKeepsOwnerAndMode() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let file = try TestSupport.write("Primary Email,Name\nann@widget.test, Ann \n", to: dir.appendingPathComponent("people.csv")).path
        let root = getuid() == 0
        if root { #expect(chown(file, 1234, 2345) == 0) } else { print("NOTE: not root; only the mode is checked") }
        #expect(chmod(file, 0o640) == 0)
        let r = try TestSupport.run(bin, ["fix", "people.csv", "--in-place", "--no-config"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Primary Email,Name\nann@widget.test,Ann\n")
        var info = stat()
        #expect(stat(file, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        if root { #expect(info.st_uid == 1234 && info.st_gid == 2345) }
    }

    /// Suppression fingerprints are HMACs under a per-repository salt: a short value's fingerprint cannot
    /// be recomputed (and the value found by trying them all) without the salt file.
    @Test func suppressionFingerprintsAreSalted() throws {
        let result = try TestSupport.lint(CLITests.bad)
        let finding = try #require(result.report.diagnostics.first { $0.values.contains("100002") })
        let saltA = [UInt8](repeating: 1, count: 32), saltB = [UInt8](repeating: 2, count: 32)
        let a = Suppressions.fingerprint(finding, salt: saltA)
        #expect(a.hasPrefix("hmac-sha256:"))
        #expect(a != Suppressions.fingerprint(finding, salt: saltB))
        #expect(!a.contains(SHA256.hex(Suppressions.content(finding))))
        // RFC 4231 test case 2.
        #expect(SuppressionSalt.hex(SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let entries = Suppressions.entries(for: [result.report], salt: saltA)
        var same = [result], other = [result]
        #expect(Suppressions.apply(entries, to: &same, salt: saltA).suppressed == result.report.diagnostics.count)
        #expect(Suppressions.apply(entries, to: &other, salt: saltB).suppressed == 0)
    }

    @Test func saltFileIsWrittenWithTheSuppressions() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("bad.csv"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("gate"), withIntermediateDirectories: true)
        let write = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--write-suppressions", "gate/s.json"], cwd: dir)
        #expect(write.status == 0, "\(write.stderr)")
        let salt = try String(contentsOf: dir.appendingPathComponent("gate/.importlint-salt"), encoding: .utf8)
        #expect(salt.count == 65)
        let suppressions = try String(contentsOf: dir.appendingPathComponent("gate/s.json"), encoding: .utf8)
        #expect(suppressions.contains("hmac-sha256:") && !suppressions.contains("\"sha256:"))
        #expect(try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--suppressions", "gate/s.json"], cwd: dir).status == 0)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("gate/.importlint-salt"))
        let unsalted = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--suppressions", "gate/s.json"], cwd: dir)
        #expect(unsalted.status == 2 && unsalted.stderr.contains("gate/.importlint-salt"), "\(unsalted.stderr)")
    }

    /// `--redact` holds for fix's JSON report and diff and for clusters, and SARIF findings whose values are
    /// masked keep distinct fingerprints.
    @Test func redactionReachesEveryCommand() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let csv = "Primary Email,Name,Organization\nsecret1@widget.test, Zed Secret ,Widget Corp\nsecret2@widget.test,Yara Hidden,Widgte Corp\nsecret3@widget.test,Xan,Widget Corp\n"
        try TestSupport.write(csv, to: dir.appendingPathComponent("people.csv"))
        let runs: [[String]] = [
            ["fix", "people.csv", "--no-config", "--redact", "--format", "json", "-o", "out.csv"],
            ["fix", "people.csv", "--no-config", "--redact", "--diff", "--unsafe-fixes"],
            ["clusters", "people.csv", "--redact"],
            ["clusters", "people.csv", "--redact", "--format", "json"],
        ]
        for arguments in runs {
            let r = try TestSupport.run(bin, arguments, cwd: dir)
            #expect(r.status != 2, "\(arguments): \(r.stderr)")
            let all = r.stdout + r.stderr
            #expect(all.contains(Redactor.mask), "\(arguments): \(all)")
            for secret in ["secret1", "Zed Secret", "Yara", "Widgte"] { #expect(!all.contains(secret), "\(arguments): \(secret) in \(all)") }
        }
        let result = Redactor.redact([try TestSupport.lint(csv, options: LintOptions())])
        let masked = result[0].report.diagnostics.filter { !$0.values.isEmpty }
        #expect(masked.count >= 2)
        #expect(Set(masked.map { SARIFReporter.fingerprint($0) }).count == masked.count)
    }
}
