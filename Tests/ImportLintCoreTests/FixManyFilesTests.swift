import Foundation
import Testing
@testable import ImportLintCore

/// `importlint fix` with several files, as the importlint-fix pre-commit hook calls it: --in-place rewrites each,
/// -o DIRECTORY writes each into the directory, and one unreadable file does not stop the others.
@Suite
struct FixManyFilesTests {
    static let people = "Primary Email\tName\nann@widget.com\tAnn Lee \n"
    static let contacts = "Person\tContact Protocol\tContact Label\tContact URI\nann@widget.com\temail\tpersonal\tann@example.com \n"
    static let fixedPeople = "Primary Email\tName\nann@widget.com\tAnn Lee\n"
    static let fixedContacts = "Person\tContact Protocol\tContact Label\tContact URI\nann@widget.com\temail\tpersonal\tann@example.com\n"

    static func files(in dir: URL) throws -> (URL, URL) {
        (try TestSupport.write(people, to: dir.appendingPathComponent("people.tsv")),
         try TestSupport.write(contacts, to: dir.appendingPathComponent("contacts.tsv")))
    }

    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func inPlaceRewritesEveryFile() throws {
        let bin = try #require(TestSupport.importlint)
        let dir = try TestSupport.temporaryDirectory()
        let (people, contacts) = try Self.files(in: dir)
        let r = try TestSupport.run(bin, ["fix", "--in-place", "people.tsv", "contacts.tsv", "--no-config"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.text(people) == Self.fixedPeople)
        #expect(try Self.text(contacts) == Self.fixedContacts)
        #expect(r.stderr.contains("people.tsv") && r.stderr.contains("contacts.tsv"), "one summary line per file: \(r.stderr)")
    }

    @Test func outputDirectoryTakesEveryFileUnderItsName() throws {
        let bin = try #require(TestSupport.importlint)
        let dir = try TestSupport.temporaryDirectory()
        let (people, contacts) = try Self.files(in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let r = try TestSupport.run(bin, ["fix", "-o", "out", "people.tsv", "contacts.tsv", "--no-config"], cwd: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Self.text(dir.appendingPathComponent("out/people.tsv")) == Self.fixedPeople)
        #expect(try Self.text(dir.appendingPathComponent("out/contacts.tsv")) == Self.fixedContacts)
        #expect(try Self.text(people) == Self.people, "the inputs stay as they were")
        #expect(try Self.text(contacts) == Self.contacts)
    }

    /// Files fixed side by side give the same files, reports and exit status as one after the other, in
    /// the order given, a broken file among them included.
    @Test func fixingInParallelMatchesOneAfterTheOther() throws {
        let bin = try #require(TestSupport.importlint)
        var runs: [(status: Int32, stdout: String, stderr: String, files: [String])] = []
        for jobs in ["1", "2"] {
            let dir = try TestSupport.temporaryDirectory()
            _ = try Self.files(in: dir)
            try TestSupport.write("Primary Email\tName\n\"ann@widget.com\tAnn\n", to: dir.appendingPathComponent("broken.tsv"))
            try TestSupport.write(Self.people.replacingOccurrences(of: "Ann", with: "Bo"), to: dir.appendingPathComponent("more.tsv"))
            try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
            let names = ["people.tsv", "broken.tsv", "contacts.tsv", "more.tsv"]
            let r = try TestSupport.run(bin, ["fix", "-o", "out", "--jobs", jobs, "--format", "json", "--no-config"] + names, cwd: dir)
            let outputs = names.map { (try? Self.text(dir.appendingPathComponent("out/\($0)"))) ?? "(not written)" }
            runs.append((r.status, r.stdout.replacingOccurrences(of: dir.path, with: "DIR"), r.stderr.replacingOccurrences(of: dir.path, with: "DIR"), outputs))
        }
        #expect(runs[0].status == 1, "the broken file is not written: \(runs[0].stderr)")
        #expect(runs[0].files[0] == Self.fixedPeople && runs[0].files[1] == "(not written)" && runs[0].files[2] == Self.fixedContacts)
        #expect(runs[1].status == runs[0].status)
        #expect(runs[1].stdout == runs[0].stdout)
        #expect(runs[1].stderr == runs[0].stderr)
        #expect(runs[1].files == runs[0].files)
        let order = ["people.tsv", "broken.tsv", "contacts.tsv", "more.tsv"].map { runs[1].stdout.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "reports in the order given: \(runs[1].stdout)")
    }

    @Test func severalFilesNeedADirectoryOrInPlace() throws {
        let bin = try #require(TestSupport.importlint)
        let dir = try TestSupport.temporaryDirectory()
        _ = try Self.files(in: dir)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try TestSupport.write(Self.people, to: dir.appendingPathComponent("sub/people.tsv"))
        for args in [["-o", "fixed.tsv", "people.tsv", "contacts.tsv"], ["-o", "-", "people.tsv", "contacts.tsv"],
                     ["-o", ".", "people.tsv", "contacts.tsv"], ["-o", dir.path + "/out-missing", "people.tsv", "contacts.tsv"]] {
            let r = try TestSupport.run(bin, ["fix"] + args + ["--no-config"], cwd: dir)
            #expect(r.status == 2, "\(args): \(r.stderr)")
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        let clash = try TestSupport.run(bin, ["fix", "-o", "out", "people.tsv", "sub/people.tsv", "--no-config"], cwd: dir)
        #expect(clash.status == 2 && clash.stderr.contains("both be written"), "\(clash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/people.tsv").path))
    }

    @Test func aMissingFileDoesNotStopTheOthers() throws {
        let bin = try #require(TestSupport.importlint)
        let dir = try TestSupport.temporaryDirectory()
        let (people, contacts) = try Self.files(in: dir)
        let r = try TestSupport.run(bin, ["fix", "--in-place", "people.tsv", "missing.tsv", "contacts.tsv", "--no-config"], cwd: dir)
        #expect(r.status == 1, "a missing input is a finding (unreadable-input), not a usage error: \(r.stderr)")
        #expect(r.stderr.contains("missing.tsv:1:1: error: The file does not exist"), "\(r.stderr)")
        #expect(try Self.text(people) == Self.fixedPeople)
        #expect(try Self.text(contacts) == Self.fixedContacts)
    }

    /// With --format json every input has its JSON document, in the order given, a missing one too.
    @Test func aMissingFileHasItsJSONReport() throws {
        let bin = try #require(TestSupport.importlint)
        let dir = try TestSupport.temporaryDirectory()
        _ = try Self.files(in: dir)
        let r = try TestSupport.run(bin, ["fix", "--in-place", "--format", "json", "people.tsv", "missing.tsv", "--no-config"], cwd: dir)
        #expect(r.status == 1, "\(r.stderr)")
        let documents = r.stdout.components(separatedBy: "\n}\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(documents.count == 2, "\(r.stdout)")
        let missing = try JSONSerialization.jsonObject(with: Data((documents.last ?? "") .appending("\n}").utf8)) as? [String: Any]
        #expect(missing?["path"] as? String == "missing.tsv")
        #expect(missing?["written"] as? Bool == false)
        let remaining = missing?["remaining"] as? [[String: Any]]
        #expect(remaining?.first?["rule"] as? String == "unreadable-input")
    }
}
