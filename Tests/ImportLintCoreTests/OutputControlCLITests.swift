import Foundation
import Testing
@testable import ImportLintCore

/// `check`'s output options end to end with the built binary: --statistics, --quiet, --max-findings,
/// --exit-zero, --color, the summary on stderr with -o, and source lines in the text report. A missing
/// binary fails these tests: they must never pass without running.
struct OutputControlCLITests {
    /// Trailing whitespace after a wide-character cell on line 2, an organization variant on line 3
    /// (reported at the end of the file) and a duplicate (an error) on line 4.
    static let csv = "Primary Email,Name,Organization\nann@widget.com,山田 太郎,Widget Inc \nbob@widget.com,Bob,WIDGET INC.\n"
        + "ann@widget.com,Ann,Widget Inc\ncid@widget.com,Cid,Widget Inc\n"
    /// No colour from the environment that runs the tests.
    static let plain = ["NO_COLOR": "", "FORCE_COLOR": ""]

    static func setUp() throws -> (bin: String, dir: URL) {
        let bin = try #require(TestSupport.importlint, "the importlint executable is missing: run `swift build` first")
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(csv, to: dir.appendingPathComponent("p.csv"))
        return (bin, dir)
    }

    static func check(_ arguments: [String], environment: [String: String] = plain) throws -> TestSupport.ProcessResult {
        let (bin, dir) = try setUp()
        return try TestSupport.run(bin, ["check", "p.csv", "--no-config"] + arguments, cwd: dir, environment: environment)
    }

    @Test func textShowsEverySourceLineWithTheCaretByWidth() throws {
        let r = try Self.check([])
        #expect(r.status == 1)
        // 山田 太郎 takes 9 columns: the caret under column 22 sits 25 columns in.
        #expect(r.stdout.contains(" 2 | ann@widget.com,山田 太郎,Widget Inc \n   | " + String(repeating: " ", count: 25) + "^\n"), "\(r.stdout)")
        // The variant is reported at the end of the file; its line is read back.
        #expect(r.stdout.contains("p.csv:3:20: warning: Organization 'WIDGET INC.'"), "\(r.stdout)")
        #expect(r.stdout.contains(" 3 | bob@widget.com,Bob,WIDGET INC.\n   |                    ^\n"), "\(r.stdout)")
        #expect(r.stdout.contains(" 4 | ann@widget.com,Ann,Widget Inc\n   | ^\n"), "\(r.stdout)")
        let redacted = try Self.check(["--redact"])
        #expect(!redacted.stdout.contains(" | "), "\(redacted.stdout)")
        #expect(!redacted.stdout.contains("bob@widget.com"))
    }

    @Test func exitZeroReportsOnly() throws {
        let r = try Self.check(["--exit-zero"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("error: Primary Email"))
        #expect(try Self.check(["--exit-zero", "--format", "nope"]).status == 2)
        #expect(try Self.check(["--exit-zero", "--max-findings", "-1"]).status == 2)
        let (bin, dir) = try Self.setUp()
        try TestSupport.write("fail-on: sometimes\n", to: dir.appendingPathComponent(".importlint.yml"))
        #expect(try TestSupport.run(bin, ["check", "p.csv", "--exit-zero"], cwd: dir).status == 2)
    }

    @Test func quietAndStatistics() throws {
        let quiet = try Self.check(["--quiet"])
        #expect(quiet.status == 1)
        #expect(quiet.stdout == "p.csv: profile 4me-people, 4 records\n"
            + "1 file, 4 records: 1 error, 2 warnings, 0 info; 1 fixable with `importlint fix` (1 more with `--unsafe-fixes`)\n",
            "\(quiet.stdout)")
        // Quiet keeps no findings in memory, and says nothing about leaving them out.
        #expect(try Self.check(["--quiet", "--max-findings", "1"]).stdout == quiet.stdout)
        let stats = try Self.check(["--quiet", "--statistics"])
        #expect(stats.stdout.hasPrefix("1  ID001   duplicate-identifier\n1  ORG001  organization-variants\n1  TXT006  surrounding-whitespace\n"
            + "p.csv: profile"), "\(stats.stdout)")
        let json = try Self.check(["--format", "json"])
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.summary.rules.map(\.count).reduce(0, +) == report.files[0].diagnostics.count)
        #expect(report.summary.rules.map(\.count) == report.summary.rules.map(\.count).sorted(by: >))
    }

    /// The kept finding is a warning; the error left out still fails the run.
    @Test func maxFindingsCutsTheReportNotTheExitStatus() throws {
        let text = try Self.check(["--max-findings", "1"])
        #expect(text.status == 1)
        #expect(text.stdout.components(separatedBy: ": warning: ").count == 2, "\(text.stdout)")
        #expect(!text.stdout.contains(": error: "))
        #expect(text.stdout.contains("note: 2 more findings not listed (--max-findings); the counts include them\n"))
        #expect(text.stdout.hasSuffix("1 file, 4 records: 1 error, 2 warnings, 0 info; 1 fixable with `importlint fix` (1 more with `--unsafe-fixes`)\n"))
        let json = try Self.check(["--max-findings", "1", "--format", "json"])
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.files[0].diagnostics.count == 1 && report.summary.omittedFindings == 2 && report.summary.errors == 1)
        #expect(try Self.check(["--max-findings", "0", "--exit-zero"]).status == 0)
        let sarif = try Self.check(["--max-findings", "0", "--format", "sarif"])
        #expect(sarif.status == 1 && sarif.stdout.contains("\"omittedFindings\" : 3"))
        #expect(try Self.check(["--max-findings", "1", "--write-suppressions", "s.json"]).status == 2)
    }

    /// Suppressed findings take no place under --max-findings and do not count.
    @Test func suppressionsApplyBeforeTheCap() throws {
        let (bin, dir) = try Self.setUp()
        let written = try TestSupport.run(bin, ["check", "p.csv", "--no-config", "--select", "ID001", "--write-suppressions", "s.json"], cwd: dir)
        #expect(written.status == 0, "\(written.stderr)")
        let r = try TestSupport.run(bin, ["check", "p.csv", "--no-config", "--suppressions", "s.json", "--max-findings", "1", "--format", "json"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(r.stdout.utf8))
        #expect(report.summary.errors == 0 && report.summary.warnings == 2 && report.summary.omittedFindings == 1)
    }

    @Test func summaryGoesToStderrWithOutputFile() throws {
        let r = try Self.check(["--format", "sarif", "-o", "out.sarif"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "importlint: 1 file, 4 records: 1 error, 2 warnings, 0 info; 1 fixable with `importlint fix` (1 more with `--unsafe-fixes`); report written to out.sarif\n", "\(r.stderr)")
    }

    @Test func colorFollowsFlagThenEnvironment() throws {
        let esc = "\u{1B}["
        #expect(try Self.check([]).stdout.contains(esc) == false)
        #expect(try Self.check(["--color", "always"]).stdout.contains(esc))
        #expect(try Self.check(["--color", "always"], environment: ["NO_COLOR": "1"]).stdout.contains(esc))
        #expect(try Self.check([], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains(esc))
        #expect(try Self.check([], environment: ["NO_COLOR": "1", "FORCE_COLOR": "1"]).stdout.contains(esc) == false)
        #expect(try Self.check(["--color", "never"], environment: ["NO_COLOR": "", "FORCE_COLOR": "1"]).stdout.contains(esc) == false)
        #expect(try Self.check(["--color", "sometimes"]).status == 2)
    }
}
