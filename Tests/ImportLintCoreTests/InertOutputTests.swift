import Foundation
import Testing
@testable import ImportLintCore

/// Human output is inert: nothing from a cell or a file name reaches a terminal as a control sequence or a
/// CI log as a workflow command (issue 11, item 4).
@Suite struct InertOutputTests {
    /// Cells an attacker controls: a quoted line break before `::error::`, workflow commands, ESC (clear
    /// screen, OSC 8 link), BEL, backspace, DEL, NEL, a right-to-left override.
    static let hostile = [
        "Primary Email,Name,Organization,Job Title",
        "\"ann@widget.com\",\"Ann\n::error::x\",\"Widget\",\"a\"",
        "bob@widget.com,::add-mask::secret,Widget,b",
        "cy@widget.com,##[set-output name=x;]y,Widget,c",
        "dee@widget.com,\"\u{1B}[2J\u{07}\u{08} Dee\",Widget,\"\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\\"",
        "eve@widget.com, ::stop-commands::tok,Widget\u{202E},\u{7F}\u{85}x",
        "::error::row@widget.com,Fay,Widget,d",
    ].joined(separator: "\n") + "\n"

    /// File names that are themselves hostile.
    static let names = ["evil\u{202E}\u{1B}[31m.csv", "::error::x.csv"]

    /// Workflow commands a GitHub Actions runner (which trims leading blanks) or Azure Pipelines would run.
    static func workflowCommands(_ output: String) -> [String] {
        let command = /^::[a-z-]+( .*)?::/
        return output.split(separator: "\n", omittingEmptySubsequences: false).map { $0.drop { $0 == " " || $0 == "\t" } }
            .filter { $0.prefixMatch(of: command) != nil || $0.hasPrefix("##[") }.map(String.init)
    }

    /// Scalars a terminal would act on: C0 but the line feed, DEL, C1, bidi controls.
    static func rawControls(_ output: String) -> [Unicode.Scalar] {
        output.unicodeScalars.filter { u in
            u != "\n" && TerminalText.escaped(u) != nil
        }
    }

    @Test func escapesControlAndBidiCharacters() {
        #expect(TerminalText.escape("a\u{1B}[2Jb\u{07}\u{08}\u{7F}\u{85}\t\r\n") == "a\\x1b[2Jb\\x07\\x08\\x7f\\x85\\t\\r\\n")
        #expect(TerminalText.escape("x\u{202E}y\u{2066}\u{200F}\u{061C}") == "x\\u202ey\\u2066\\u200f\\u061c")
        #expect(TerminalText.escape("Zoë – ok ‘’") == "Zoë – ok ‘’")
        #expect(TerminalText.path("::error::x.csv") == "./::error::x.csv")
        #expect(TerminalText.path(" ##[group]x") == "./ ##[group]x")
        #expect(TerminalText.path("/data/a.csv") == "/data/a.csv")
        #expect(TerminalText.message("usage\n::warning::x") == "usage\nimportlint: ::warning::x")
    }

    /// The caret stays under the column it names once the characters before it are escaped (and a tab
    /// expanded to the next multiple of 4).
    @Test func caretFollowsEscapes() {
        let (shown, offset) = SourceLineLayout.layout("a\u{1B}b\tc", column: 5)
        #expect(shown == "a\\x1bb  c")
        #expect(offset == 8)
    }

    @Test func textReportIsInert() throws {
        let result = try TestSupport.lint(Self.hostile, name: Self.names[0], options: LintOptions(captureSourceLines: true))
        #expect(result.report.diagnostics.count >= 4)
        let text = try TextReporter().render(Report(files: [result.report]), context: ReportContext(sources: [result.source]))
        #expect(Self.workflowCommands(text).isEmpty, "\(text)")
        #expect(Self.rawControls(text).isEmpty, "\(text)")
        #expect(text.contains(" 6 | dee@widget.com,\"\\x1b[2J\\x07\\x08 Dee\""), "\(text)")
        #expect(text.contains("evil\\u202e\\x1b[31m.csv:"))
    }

    /// `fix --diff`: file names and lines escaped like the text report (tabs and CRLF kept), and a context
    /// line, whose leading blank the runner ignores, cannot start a workflow command.
    @Test func diffIsInert() {
        let old = Array("h\r\n::error::x\tq\r\n\u{1B}[2Jy\r\n ##[group]z\r\n".utf8)
        let new = Array("h\r\n::error::x\tq\r\ny\u{202E}\r\n ##[group]z\r\n".utf8)
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "a/\u{1B}x", newName: "b/::x")
        #expect(diff == "--- a/\\x1bx\n+++ b/::x\n@@ -1,4 +1,4 @@\n h\r\n \\x3a:error::x\tq\r\n-\\x1b[2Jy\r\n+y\\u202e\r\n  \\x23#[group]z\r\n", "\(diff)")
        #expect(Self.workflowCommands(diff).isEmpty)
    }

    @Test func gitHubReportHasOneCommandPerFinding() throws {
        let result = try TestSupport.lint(Self.hostile, name: Self.names[1])
        let report = Report(files: [result.report])
        let output = GitHubReporter.render(report, locator: ArtifactLocator(root: "/nowhere"))
        let commands = Self.workflowCommands(output)
        #expect(commands.count == result.report.diagnostics.count)
        #expect(commands.allSatisfy { $0.hasPrefix("::warning ") || $0.hasPrefix("::error ") || $0.hasPrefix("::notice ") })
        #expect(commands.allSatisfy { $0.contains("%3A%3Aerror%3A%3Ax.csv,line=") })
        #expect(Self.rawControls(output).isEmpty, "\(output)")
    }

    /// The built command, every human-facing path: check (text, github), fix's summary, clusters, and the
    /// errors on standard error that name a missing file.
    @Test func commandLineOutputIsInert() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        for name in Self.names { try TestSupport.write(Self.hostile, to: dir.appendingPathComponent(name)) }
        let missing = "gone\n::error::x\u{1B}[2J\u{202E}.csv"
        let runs: [[String]] = [
            ["check", "--no-config"] + Self.names,
            ["check", "--no-config", "--format", "github"] + Self.names,
            ["fix", "--no-config", Self.names[0], "-o", "fixed.csv"],
            ["fix", "--no-config", Self.names[1], "-o", "-"],
            ["fix", "--no-config", Self.names[0], "--diff", "--unsafe-fixes"],
            ["clusters", Self.names[1]],
            ["check", "--no-config", missing],
            ["fix", "--no-config", missing, "-o", "x.csv"],
            ["clusters", missing],
            ["check", "--no-config", Self.names[0], "--write-suppressions", "::set-output::s.yml"],
        ]
        // One workflow command per finding of each file, as the library reports them.
        let findings = try Self.names.reduce(0) { $0 + (try TestSupport.lint(Self.hostile, name: $1)).report.diagnostics.count }
        for arguments in runs {
            let r = try TestSupport.run(bin, arguments, cwd: dir)
            // A missing input is a finding of that file (exit 1), its name escaped wherever it is shown.
            if arguments.contains(missing) { #expect(r.status == 1 && (r.stdout + r.stderr).contains("gone\\n::error::x\\x1b[2J\\u202e.csv"), "\(r.stdout)\(r.stderr)") }
            let stdoutIsData = arguments.contains("-o") && arguments.last == "-"
            let commandsOut = stdoutIsData ? [] : Self.workflowCommands(r.stdout)
            if arguments.contains("github") {
                #expect(commandsOut.count == findings && findings > 0 && commandsOut.allSatisfy { $0.hasPrefix("::warning file=") || $0.hasPrefix("::error file=") }, "\(commandsOut)")
            } else {
                #expect(commandsOut.isEmpty, "\(arguments): \(r.stdout)")
            }
            #expect(Self.workflowCommands(r.stderr).isEmpty, "\(arguments): \(r.stderr)")
            if !stdoutIsData { #expect(Self.rawControls(r.stdout).isEmpty, "\(arguments): \(r.stdout)") }
            #expect(Self.rawControls(r.stderr).isEmpty, "\(arguments): \(r.stderr)")
        }
    }
}
