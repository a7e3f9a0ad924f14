import Foundation
import Testing
@testable import ImportLintCore

/// Split lints of generated files against the one-piece lint, byte for byte: the fixer's property-test
/// files (every line-feed cut), and larger people, contacts and Receptionist files whose keys, groups and
/// organization spellings repeat across the cut, cut at even intervals and inside quoted multi-line cells.
@Suite struct SplitLintGeneratedTests {
    static func render(_ bytes: [UInt8], name: String, _ options: LintOptions = LintOptions()) throws -> (json: String, split: Bool) {
        let linter = Linter(options: options)
        let report = try linter.lint(.bytes(bytes, displayPath: name)).report
        return (try JSONReporter.render(Report(files: [report])), linter.lastLintWasSplit)
    }

    static func cut(_ bytes: [UInt8], name: String, at offset: Int) throws -> (json: String, split: Bool) {
        var options = LintOptions()
        options.splitOffset = offset
        return try render(bytes, name: name, options)
    }

    @Test(arguments: Array(UInt64(1)...30))
    func propertyFilesGiveTheOnePieceReport(seed: UInt64) throws {
        let g = FixPropertyTests.generate(seed: seed)
        let whole = try Self.render(g.bytes, name: g.name).json
        for cut in SplitLintTests.lineStarts(g.bytes) {
            #expect(try Self.cut(g.bytes, name: g.name, at: cut).json == whole, "seed \(seed) cut at byte \(cut)")
        }
    }

    enum Kind: String, CaseIterable { case people, contacts, receptionist }

    /// A file of `count` records whose keys, people and organizations repeat all over it, with quoted
    /// multi-line cells, blank lines, empty cells, short PINs and an invalid UTF-8 byte now and then.
    static func generate(_ kind: Kind, count: Int, seed: UInt64) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        let organizations = ["Widget IT", "Widget I.T.", "widget it", "Widget  IT", "Acme Sales", "ACME Sales", "Acme Sales Inc."]
        let notes = ["plain", "Line one\nLine two", "say \"hi\"", "Zoë Ångström", "  padded ", ""]
        func quoted(_ s: String, _ d: String) -> String {
            s.contains(d) || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines: [String]
        let d: String
        switch kind {
        case .people:
            d = "\t"
            lines = ["Primary Email\tSource\tSource ID\tName\tOrganization\tJob Title\tInformation"]
            for _ in 0..<count {
                let n = Int.random(in: 0..<(count * 2 / 3), using: &rng)
                let source = rng.chance(0.1) ? "" : "AD"
                lines.append([rng.chance(0.05) ? "USER\(n)@Example.com" : "user\(n)@example.com", source, source.isEmpty ? "" : "S\(n % 500)",
                              "Person \(n)", rng.pick(organizations), rng.chance(0.5) ? "Engineer" : "",
                              rng.pick(notes)].map { quoted($0, d) }.joined(separator: d))
            }
        case .contacts:
            d = "\t"
            lines = ["Person\tContact Protocol\tContact Label\tContact URI\tAddress City\tIntegration"]
            var person = 0
            for _ in 0..<count {
                if rng.chance(0.4) { person = Int.random(in: 0..<(count / 3), using: &rng) }
                lines.append(["p\(person)@example.com", "email", rng.pick(["work", "personal"]), "c\(person)@mail.example.com",
                              rng.pick(notes), rng.pick(["1", "true", "false", ""])].map { quoted($0, d) }.joined(separator: d))
            }
        case .receptionist:
            d = ","
            lines = ["First Name,Last Name,Email,PIN,Department,Location Slug,Identification"]
            for _ in 0..<count {
                let n = Int.random(in: 0..<(count * 2 / 3), using: &rng)
                let pin = rng.chance(0.05) ? "\(Int.random(in: 1..<999, using: &rng))" : String(format: "%04d", Int.random(in: 1000..<9999, using: &rng))
                lines.append(["First\(n)", rng.pick(notes), "user\(n)@example.com", pin, rng.pick(organizations),
                              rng.pick(["chicago", "boston"]), rng.chance(0.3) ? "" : "E\(n)"].map { quoted($0, d) }.joined(separator: d))
            }
        }
        var bytes: [UInt8] = []
        for (i, line) in lines.enumerated() {
            if i > 1 && rng.chance(0.01) { bytes += [0x0A] }
            bytes += Array(line.utf8)
            if i > 1 && rng.chance(0.005) { bytes += [0xE9] }
            bytes += [0x0A]
        }
        return bytes
    }

    @Test(arguments: Kind.allCases)
    func largerFilesGiveTheOnePieceReport(_ kind: Kind) throws {
        let bytes = Self.generate(kind, count: 600, seed: 15)
        let name = kind == .receptionist ? "\(kind).csv" : "\(kind).tsv"
        let whole = try Self.render(bytes, name: name).json
        let starts = SplitLintTests.lineStarts(bytes)
        // Line feeds inside quoted cells: the cut lands in the middle of a record there.
        let inside = Array(bytes.indices.filter { i in
            i > 8 && bytes[i] == 0x0A && bytes[(i - 8)..<i].elementsEqual("Line one".utf8)
        }.map { $0 + 1 }.prefix(2))
        let even = (1..<6).map { starts[starts.count * $0 / 6] }
        var merged = 0
        for cut in even + inside {
            let parts = try Self.cut(bytes, name: name, at: cut)
            #expect(parts.json == whole, "\(kind) cut at byte \(cut)")
            if parts.split { merged += 1 }
        }
        #expect(!inside.isEmpty)
        #expect(merged * 2 >= even.count, "\(kind): \(merged) of \(even.count + inside.count) cuts merged")
    }

    /// Given two threads, the merge reads the later part's first rows of keys the earlier part had (about
    /// 1,100 emails, over the 512 that make it two runs: keys drawn from 4,000 in 6,000 records, cut near
    /// the middle) on both, and the report is still the one-piece one.
    @Test func movedFirstRowsReadOnTwoThreadsGiveTheOnePieceReport() throws {
        let bytes = Self.generate(.people, count: 6_000, seed: 3)
        let whole = try Self.render(bytes, name: "people.tsv").json
        let starts = SplitLintTests.lineStarts(bytes)
        var merged = 0
        for cut in starts[(starts.count / 2)..<(starts.count / 2 + 2)] {
            var options = LintOptions()
            options.threadsPerFile = 2
            options.splitOffset = cut
            let parts = try Self.render(bytes, name: "people.tsv", options)
            #expect(parts.json == whole, "cut at byte \(cut)")
            if parts.split { merged += 1 }
        }
        #expect(merged >= 1)
    }

    /// `importlint check --jobs 2` on a file it splits (the size limit lowered) writes the bytes `--jobs 1`
    /// writes, for each kind, the text report too.
    @Test(arguments: Kind.allCases)
    func cliJobsGiveTheSameReport(_ kind: Kind) throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let name = kind == .receptionist ? "\(kind).csv" : "\(kind).tsv"
        try Data(Self.generate(kind, count: 600, seed: 7)).write(to: dir.appendingPathComponent(name))
        for format in ["json", "text"] {
            let one = try TestSupport.run(bin, ["check", name, "--no-config", "--format", format, "--jobs", "1"], cwd: dir)
            let two = try TestSupport.run(bin, ["check", name, "--no-config", "--format", format, "--jobs", "2", "--split-min-bytes", "1"], cwd: dir)
            #expect(one.status == 1, "\(one.stderr)")
            #expect(two.status == one.status && two.stdout == one.stdout && two.stderr == one.stderr, "\(kind) \(format)")
        }
        // The same options in the library do split the file.
        var options = LintOptions()
        options.threadsPerFile = 2
        options.splitMinimumBytes = 1
        let linter = Linter(options: options)
        _ = try linter.lint(.path(dir.appendingPathComponent(name).path))
        #expect(linter.lastLintWasSplit)
    }
}
