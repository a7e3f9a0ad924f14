import Foundation
import Testing
@testable import ImportLintCore

/// The built `importlint` with several files and folders: every report format still reports the readable
/// files when one input is missing or a workbook, `--jobs` does not change a byte, `fix` and `clusters`
/// take several inputs. Fails (does not skip) when the binary has not been built.
@Suite struct ManyInputsCLITests {
    static let people = "Primary Email\tName\tOrganization\nann@widget.com\tAnn Lee \tWidget Corp\nbob@widget.com\tBob\tWidget Corp\ncid@widget.com\tCid\tWidgte Corp\n"
    static let contacts = "Person\tContact Protocol\tContact Label\tContact URI\nann@widget.com\temail\tpersonal\tann@example.com\nzed@widget.com\temail\tpersonal\tzed@example.com\n"

    static func importlint() throws -> String {
        try #require(TestSupport.importlint, "needs the importlint executable: run swift build first")
    }

    /// exports/people.tsv, exports/sub/contacts.tsv, exports/book.csv (an Excel workbook).
    static func exports() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(people, to: dir.appendingPathComponent("exports/people.tsv"))
        try TestSupport.write(contacts, to: dir.appendingPathComponent("exports/sub/contacts.tsv"))
        let workbook = TestSupport.packageRoot.appendingPathComponent("fixtures/unreadable-input/trigger-excel-workbook.csv")
        try FileManager.default.copyItem(at: workbook, to: dir.appendingPathComponent("exports/book.csv"))
        return dir
    }

    @Test func everyFormatReportsTheReadableFilesBesideTheUnreadableOnes() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        for format in Reporters.names {
            let r = try TestSupport.run(bin, ["check", "exports", "missing.csv", "--no-config", "--format", format, "-o", "report.\(format)"], cwd: dir)
            #expect(r.status == 1, "\(format): \(r.stderr)")
            let report = try String(contentsOf: dir.appendingPathComponent("report.\(format)"), encoding: .utf8)
            for name in ["people.tsv", "contacts.tsv", "book.csv", "missing.csv"] {
                #expect(report.contains(name), "\(format) names \(name)")
            }
            #expect(report.contains("FMT003") || report.contains("unreadable-input"), "\(format)")
            #expect(report.contains("ID003") || report.contains("unknown-person-reference"), "\(format): the contacts file was linted")
        }
        let text = try TestSupport.run(bin, ["check", "exports", "--no-config"], cwd: dir)
        #expect(text.stdout.contains("exports/book.csv:1:1: error: This is an Excel workbook (.xlsx)"), "\(text.stdout)")
        #expect(text.stdout.contains("save it as CSV UTF-8"), "\(text.stdout)")
    }

    @Test func foldersAreReadInNameOrderAndJobsChangeNothing() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        let json = try TestSupport.run(bin, ["check", "exports", "--no-config", "--format", "json"], cwd: dir)
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.files.map(\.path) == ["exports/book.csv", "exports/people.tsv", "exports/sub/contacts.tsv"])
        for format in ["json", "text", "sarif"] {
            let one = try TestSupport.run(bin, ["check", "exports", "--no-config", "--format", format, "--jobs", "1"], cwd: dir)
            let two = try TestSupport.run(bin, ["check", "exports", "--no-config", "--format", format, "--jobs", "2"], cwd: dir)
            #expect(one.status == 1 && one.stdout == two.stdout && !one.stdout.isEmpty, "\(format)")
        }
        let excluded = try TestSupport.run(bin, ["check", "exports", "--no-config", "--exclude", "book.csv", "--exclude", "sub/"], cwd: dir)
        #expect(excluded.status == 0 && excluded.stdout.contains("1 file"), "\(excluded.stdout)\(excluded.stderr)")
        #expect(try TestSupport.run(bin, ["check", "exports", "--jobs", "0"], cwd: dir).status == 2)
    }

    /// A report or fixed copies written into the folder being linted are not read back by the next run.
    @Test func outputsInsideTheFolderAreNotInputs() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("exports/fixed"), withIntermediateDirectories: true)
        for _ in 0..<2 {
            let check = try TestSupport.run(bin, ["check", "exports", "--no-config", "--format", "csv", "-o", "exports/findings.csv"], cwd: dir)
            #expect(check.status == 1, "\(check.stderr)")
        }
        let findings = try String(contentsOf: dir.appendingPathComponent("exports/findings.csv"), encoding: .utf8)
        #expect(!findings.contains("findings.csv") && findings.contains("book.csv"), "\(findings)")
        for _ in 0..<2 {
            let fix = try TestSupport.run(bin, ["fix", "exports", "--no-config", "--exclude", "book.csv", "--exclude", "findings.csv", "-o", "exports/fixed"], cwd: dir)
            #expect(fix.status == 0, "\(fix.stderr)")
        }
        let fixed = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("exports/fixed").path).sorted()
        #expect(fixed == ["contacts.tsv", "people.tsv"])
    }

    @Test func aFolderWithoutImportFiles() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let alone = try TestSupport.run(bin, ["check", "empty", "--no-config"], cwd: dir)
        #expect(alone.status == 2 && alone.stderr.contains("no .csv or .tsv file in empty"), "\(alone.stderr)")
        let beside = try TestSupport.run(bin, ["check", "empty", "exports/people.tsv", "--no-config"], cwd: dir)
        #expect(beside.status == 0 && beside.stderr.contains("warning: no .csv or .tsv file in empty"), "\(beside.stderr)")
    }

    @Test func fixRewritesTheReadableFilesAndReportsTheOthers() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        let r = try TestSupport.run(bin, ["fix", "--in-place", "exports", "missing.csv", "--no-config"], cwd: dir)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("exports/book.csv:1:1: error: This is an Excel workbook"), "\(r.stderr)")
        #expect(r.stderr.contains("missing.csv:1:1: error: The file does not exist [FMT003 unreadable-input]"), "\(r.stderr)")
        let fixed = try String(contentsOf: dir.appendingPathComponent("exports/people.tsv"), encoding: .utf8)
        #expect(fixed.contains("Ann Lee\t") && !fixed.contains("Ann Lee \t"), "\(fixed)")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try TestSupport.write(Self.people, to: dir.appendingPathComponent("exports/people.tsv"))
        let copies = try TestSupport.run(bin, ["fix", "exports", "--exclude", "book.csv", "-o", "out", "--no-config"], cwd: dir)
        #expect(copies.status == 0, "\(copies.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("people.tsv").path))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("contacts.tsv").path))
    }

    @Test func clustersOfSeveralFiles() throws {
        let bin = try Self.importlint()
        let dir = try Self.exports()
        try TestSupport.write(Self.people.replacingOccurrences(of: "Widgte Corp", with: "WIDGET CORP"), to: dir.appendingPathComponent("more/people2.tsv"))
        let text = try TestSupport.run(bin, ["clusters", "exports/people.tsv", "more", "--no-config"], cwd: dir)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("exports/people.tsv:\n") && text.stdout.contains("more/people2.tsv:\n"), "\(text.stdout)")
        #expect(text.stdout.contains("Widgte Corp") && text.stdout.contains("WIDGET CORP"), "\(text.stdout)")
        let json = try TestSupport.run(bin, ["clusters", "exports/people.tsv", "more", "--no-config", "--format", "json", "--write-mapping", "map.tsv"], cwd: dir)
        let clusters = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(clusters.compactMap { $0["file"] as? String } == ["exports/people.tsv", "more/people2.tsv"])
        #expect(clusters.allSatisfy { $0["canonical"] as? String == "Widget Corp" })
        let mapping = try String(contentsOf: dir.appendingPathComponent("map.tsv"), encoding: .utf8)
        #expect(mapping == "value\tcanonical\nWidgte Corp\tWidget Corp\nWIDGET CORP\tWidget Corp\n", "\(mapping)")
        let bad = try TestSupport.run(bin, ["clusters", "exports", "--no-config"], cwd: dir)
        #expect(bad.status == 1 && bad.stderr.contains("exports/book.csv: This is an Excel workbook"), "\(bad.stderr)")
        #expect(bad.stdout.contains("Widgte Corp"), "the readable file is still clustered: \(bad.stdout)")
    }
}
