import Foundation
import Testing
@testable import ImportLintCore

/// The `importlint` executable end to end: standard input, configuration discovery, exit codes, init,
/// suppressions, redaction. Each test fails, saying why, when the binary has not been built.
@Suite
struct CLITests {
    static let bad = "First Name,Last Name,Email,SMS Phone,Location Slug,Identification,Shoe Size\nFrank,Williams,frank.q@secret-corp.com,+13125550100,chicago,100002,44\nFranky,Williams,frank2.q@secret-corp.com,,chicago,100002,45\n"
    static let good = "First Name,Last Name,Email,SMS Phone,Location Slug,Identification\nFrank,Williams,frank.q@secret-corp.com,+13125550100,chicago,100002\n"

    static func importlint() throws -> String {
        try #require(TestSupport.importlint, "needs the importlint executable (swift build)")
    }

    @Test func stdinWithFilename() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let tsv = "Primary Email\tName\nann@widget.com\tAnn\nANN@widget.com\tAnn Lee\n"
        let r = try TestSupport.run(bin, ["check", "-", "--stdin-filename", "exports/people.tsv", "--format", "json", "--no-config"], cwd: dir, stdin: tsv)
        #expect(r.status == 1, "\(r.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        #expect(report.files.first?.path == "exports/people.tsv")
        #expect(report.files.first?.profile == "4me-people")
        #expect(report.files.first?.delimiter == "\t")
        #expect(report.files.first?.diagnostics.contains { $0.rule == "duplicate-identifier" } == true)

        let clean = try TestSupport.run(bin, ["-", "--no-config"], cwd: dir, stdin: Self.good)
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("1 file, 1 record:"))
    }

    /// `fix --diff` on a PowerShell export (every cell quoted) shows only the line whose cell a fix
    /// changed: unchanged cells keep their quotes. `--quoting minimal` re-quotes on request.
    @Test func fixDiffShowsOnlyChangedCells() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let csv = "\"Primary Email\",\"Name\",\"Locale\"\r\n\"ann@widget.com\",\"Ann Lee\",\"en_us\"\r\n"
            + "\"bob@widget.com\",\"Bob \"\"Bobby\"\" Jones\",\"nl\"\r\n\"cid@widget.com\",\"Cid\",\"fr\"\r\n"
        try TestSupport.write(csv, to: dir.appendingPathComponent("people.csv"))
        let r = try TestSupport.run(bin, ["fix", "people.csv", "--diff", "--no-config"], cwd: dir)
        #expect(r.status == 1, "\(r.stderr)")
        // By scalars: "\r\n" is one Character, so a split by Character would not cut these CRLF lines.
        let lines = r.stdout.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
        let removed = lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }
        let added = lines.filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }
        #expect(removed == ["-\"ann@widget.com\",\"Ann Lee\",\"en_us\"\r"], "\(r.stdout)")
        #expect(added == ["+\"ann@widget.com\",\"Ann Lee\",\"en-US\"\r"], "\(r.stdout)")

        let minimal = try TestSupport.run(bin, ["fix", "people.csv", "--quoting", "minimal", "-o", "-", "--no-config"], cwd: dir)
        #expect(minimal.status == 0, "\(minimal.stderr)")
        #expect(minimal.stdout == "Primary Email,Name,Locale\r\nann@widget.com,Ann Lee,en-US\r\nbob@widget.com,\"Bob \"\"Bobby\"\" Jones\",nl\r\ncid@widget.com,Cid,fr\r\n")
    }

    @Test func configDiscoveryNoConfigAndErrors() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.good.replacingOccurrences(of: "Identification\n", with: "Identification,Shoe Size\n").replacingOccurrences(of: "100002\n", with: "100002,44\n"),
                              to: dir.appendingPathComponent("team/sub/people.csv"))
        // unknown-column is a warning: the closest config fails on warnings, the outer one does not.
        try TestSupport.write("fail-on: error\n", to: dir.appendingPathComponent(".importlint.yml"))
        try TestSupport.write("fail-on: warning\n", to: dir.appendingPathComponent("team/.importlint.yml"))
        #expect(try TestSupport.run(bin, ["check", "team/sub/people.csv"], cwd: dir).status == 1)
        #expect(try TestSupport.run(bin, ["check", "team/sub/people.csv", "--no-config"], cwd: dir).status == 0)
        #expect(try TestSupport.run(bin, ["check", "team/sub/people.csv", "--config", ".importlint.yml"], cwd: dir).status == 0)
        #expect(try TestSupport.run(bin, ["check", "team/sub/people.csv", "--fail-on", "error"], cwd: dir).status == 0)

        try TestSupport.write("fail-on: warning\nignored-rules: [x]\n", to: dir.appendingPathComponent("team/.importlint.yml"))
        let broken = try TestSupport.run(bin, ["check", "team/sub/people.csv"], cwd: dir)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("team/.importlint.yml:2: unknown key 'ignored-rules'"), "\(broken.stderr)")
        #expect(broken.stderr.split(separator: "\n").count == 1)
    }

    /// `fix` reads the same `.importlint.yml` as `check`: here its known-organizations list makes the
    /// rewrite of a variant a safe fix.
    @Test func fixReadsTheConfiguration() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("Primary Email,Name,Organization\nann@widget.com,Ann,Widget Inc\nbob@widget.com,Bob,WIDGET INC.\n",
                              to: dir.appendingPathComponent("exports/people.csv"))
        try TestSupport.write("Widget Inc\n", to: dir.appendingPathComponent("orgs.txt"))
        try TestSupport.write("known-organizations: orgs.txt\n", to: dir.appendingPathComponent(".importlint.yml"))

        let configured = try TestSupport.run(bin, ["fix", "exports/people.csv", "-o", "fixed.csv"], cwd: dir)
        #expect(configured.status == 0, "\(configured.stderr)")
        let fixed = try String(contentsOf: dir.appendingPathComponent("fixed.csv"), encoding: .utf8)
        #expect(fixed == "Primary Email,Name,Organization\nann@widget.com,Ann,Widget Inc\nbob@widget.com,Bob,Widget Inc\n")

        let unconfigured = try TestSupport.run(bin, ["fix", "exports/people.csv", "-o", "plain.csv", "--no-config"], cwd: dir)
        #expect(unconfigured.status == 0, "\(unconfigured.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("plain.csv"), encoding: .utf8).contains("WIDGET INC."))

        try TestSupport.write("known-organizations: missing.txt\n", to: dir.appendingPathComponent(".importlint.yml"))
        let broken = try TestSupport.run(bin, ["fix", "exports/people.csv", "-o", "x.csv"], cwd: dir)
        #expect(broken.status == 2, "\(broken.stderr)")
    }

    /// `locales:` in .importlint.yml and `--locale` add tags the account offers to the documented list.
    @Test func configuredLocalesAreAccepted() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("Primary Email,Name,Organization,Locale\nann@widget.com,Ann,IT,en-GB\n",
                              to: dir.appendingPathComponent("people.csv"))
        let unconfigured = try TestSupport.run(bin, ["check", "people.csv", "--no-config", "--fail-on", "warning"], cwd: dir)
        #expect(unconfigured.status == 1 && unconfigured.stdout.contains("unsupported-locale"), "\(unconfigured.stdout)")
        let flagged = try TestSupport.run(bin, ["check", "people.csv", "--no-config", "--locale", "en-GB", "--fail-on", "warning"], cwd: dir)
        #expect(flagged.status == 0, "\(flagged.stdout)\(flagged.stderr)")
        try TestSupport.write("locales: [en-GB]\nfail-on: warning\n", to: dir.appendingPathComponent(".importlint.yml"))
        let configured = try TestSupport.run(bin, ["check", "people.csv"], cwd: dir)
        #expect(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
    }

    @Test func initWritesStarterAndRefusesToOverwrite() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let first = try TestSupport.run(bin, ["init"], cwd: dir)
        #expect(first.status == 0, "\(first.stderr)")
        let written = try String(contentsOf: dir.appendingPathComponent(".importlint.yml"), encoding: .utf8)
        #expect(written == StarterConfig.text)
        let second = try TestSupport.run(bin, ["init"], cwd: dir)
        #expect(second.status == 2)
        #expect(second.stderr.contains("already exists"))
    }

    @Test func formatsFromTheCommandLine() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.bad, to: dir.appendingPathComponent("exports/bad.csv"))
        let github = try TestSupport.run(bin, ["check", "exports/bad.csv", "--format", "github", "--no-config"], cwd: dir)
        #expect(github.status == 1)
        #expect(github.stdout.contains("::error file=exports/bad.csv,line=3,col="))
        let sarif = try TestSupport.run(bin, ["check", "exports/bad.csv", "--format", "sarif", "--no-config", "-o", "out.sarif"], cwd: dir)
        #expect(sarif.status == 1)
        let text = try String(contentsOf: dir.appendingPathComponent("out.sarif"), encoding: .utf8)
        #expect(text.contains("\"uri\" : \"exports/bad.csv\"") || text.contains("\"uri\":\"exports/bad.csv\""))
        try OutputFormatTests.validateWithJSONSchema(text, dir: dir)
        let junit = try TestSupport.run(bin, ["check", "exports/bad.csv", "--format", "junit", "--no-config"], cwd: dir)
        #expect(junit.stdout.hasPrefix("<?xml"))
        let cq = try TestSupport.run(bin, ["check", "exports/bad.csv", "--format", "codequality", "--no-config"], cwd: dir)
        #expect(cq.stdout.contains("\"check_name\""))
    }

    @Test func writeSuppressionsThenAcceptAndReportStale() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.bad, to: dir.appendingPathComponent("bad.csv"))
        let write = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--write-suppressions", "s.json"], cwd: dir)
        #expect(write.status == 0, "\(write.stdout)\(write.stderr)")
        #expect(write.stderr.contains("wrote"))
        let again = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--suppressions", "s.json"], cwd: dir)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stderr.isEmpty)
        // A new finding fails again; the fixed duplicate leaves a stale suppression, reported on stderr.
        try TestSupport.write(Self.bad.replacingOccurrences(of: "chicago,100002,45", with: "chicago,100003,45") + "Zoe,Ng,,,chicago,100004,39\n",
                              to: dir.appendingPathComponent("bad.csv"))
        let later = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--suppressions", "s.json"], cwd: dir)
        #expect(later.status == 1)
        #expect(later.stdout.contains("email-or-sms-required"))
        #expect(!later.stdout.contains("unknown-column"))
        #expect(later.stderr.contains("suppression no longer matches: duplicate-identifier in bad.csv"), "\(later.stderr)")
    }

    @Test func redactedOutputHoldsNoCellValue() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.bad, to: dir.appendingPathComponent("bad.csv"))
        try TestSupport.write(Self.bad + "Gina,Hart,gina@widget.com,+13125550155,chicago,100077,40\n", to: dir.appendingPathComponent("previous.csv"))
        let values = ["frank.q@secret-corp.com", "frank2.q@secret-corp.com", "+13125550100", "Williams", "Franky", "100002", "100077", "Gina", "gina@widget.com"]
        for format in ["text", "json", "sarif", "github", "junit", "codequality"] {
            let r = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--redact", "--baseline", "previous.csv", "--format", format], cwd: dir)
            #expect(r.status == 1)
            for value in values {
                #expect(!r.stdout.contains(value) && !r.stderr.contains(value), "\(format) output shows '\(value)'")
            }
        }
        let plain = try TestSupport.run(bin, ["check", "bad.csv", "--no-config", "--baseline", "previous.csv"], cwd: dir)
        #expect(plain.stdout.contains("100002") && plain.stdout.contains("100077"))
    }

    @Test func usageErrorsExitTwo() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.good, to: dir.appendingPathComponent("good.csv"))
        for args in [["good.csv", "--baseline", "missing.csv"], ["good.csv", "--config", "missing.yml"], ["-", "-"],
                     ["good.csv", "--baseline-threshold", "150"], ["good.csv", "--format", "xml"], ["good.csv", "--suppressions", "none.json"]] {
            let noConfig = args.contains("--config") ? [] : ["--no-config"]
            let r = try TestSupport.run(bin, ["check"] + args + noConfig, cwd: dir, stdin: "")
            #expect(r.status == 2, "\(args): \(r.stderr)")
        }
    }

    /// `rule NAME` prints the examples the tests run; `--format json` the whole descriptor.
    @Test func ruleShowsItsExamples() throws {
        let bin = try Self.importlint()
        let text = try TestSupport.run(bin, ["rule", "unknown-person-reference"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("With --people people.csv:\n    Primary Email,Name\n    ann@widget.com,Ann\n"), "\(text.stdout)")
        #expect(text.stdout.contains("Triggers:\n    Person,Contact Protocol,Contact Label,Contact URI\n    an@widget.com,"))
        let json = try TestSupport.run(bin, ["rule", "ENC002", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let legacy = try #require(RuleCatalog.find("legacy-encoding"))
        #expect(object["name"] as? String == "legacy-encoding")
        #expect(object["triggeringExample"] as? String == legacy.triggeringExample)
        #expect(object["cleanExample"] as? String == legacy.cleanExample)
        #expect(object["profile"] as? String == "4me-people")
        for key in ["code", "severity", "fix", "summary", "explanation"] { #expect(object[key] is String, "\(key)") }
    }

    /// A misspelled command is not read as a file name for the default `check`; an existing file of that name is.
    @Test func misspelledCommandSuggestsTheCommand() throws {
        let bin = try Self.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let r = try TestSupport.run(bin, ["chek", "people.csv"], cwd: dir)
        #expect(r.status == 2)
        #expect(r.stderr.contains("unknown command 'chek'; did you mean 'check'?"), "\(r.stderr)")
        #expect(try TestSupport.run(bin, ["fxi", "--in-place", "a.csv"], cwd: dir).stderr.contains("did you mean 'fix'?"))
        try TestSupport.write(Self.good, to: dir.appendingPathComponent("chek"))
        let file = try TestSupport.run(bin, ["chek", "--no-config"], cwd: dir)
        #expect(file.status == 0, "an existing file named like a typo is linted: \(file.stdout)\(file.stderr)")
        let missing = try TestSupport.run(bin, ["people.csv"], cwd: dir)
        #expect(missing.status == 1 && !(missing.stdout + missing.stderr).contains("did you mean"), "\(missing.stderr)")
        #expect(missing.stdout.contains("people.csv:1:1: error: The file does not exist"), "a missing file is a finding: \(missing.stdout)")
        let far = try TestSupport.run(bin, ["exports", "people.csv"], cwd: dir)
        #expect(!far.stderr.contains("did you mean"), "a word far from every command is read as a file: \(far.stderr)")
    }

    /// `Scripts/test-pre-commit.sh` with the real pre-commit framework; slow the first time (release build).
    /// `.ci/run` runs the script itself after the suite (IMPORTLINT_SKIP_PRECOMMIT=1), so that it is timed and
    /// never competes with the other tests. Skipped without pre-commit on a developer machine; fails on CI.
    @Test(.enabled(if: TestSupport.onPath("pre-commit") || ProcessInfo.processInfo.environment["CI"] == "true",
                   "needs `pre-commit` (pip install pre-commit) and git on PATH"),
          .disabled(if: ProcessInfo.processInfo.environment["IMPORTLINT_SKIP_PRECOMMIT"] == "1",
                    "IMPORTLINT_SKIP_PRECOMMIT=1: .ci/run runs Scripts/test-pre-commit.sh itself"))
    func preCommitHooks() throws {
        try #require(TestSupport.onPath("pre-commit") && TestSupport.onPath("git"),
                     "pre-commit and git must be on PATH on CI (.ci/run installs pre-commit)")
        let script = TestSupport.packageRoot.appendingPathComponent("Scripts/test-pre-commit.sh").path
        let r = try TestSupport.run(script, [TestSupport.packageRoot.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }
}
