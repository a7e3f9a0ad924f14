import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// `fix` lints its own output without judging again, with the rules that judge a record alone, the records
/// it wrote unchanged from records nothing was reported on (`UnchangedRecords`), and without clustering
/// again the columns whose values did not change (`ClusteringMemo`). The fix report and the written file
/// must be exactly those of a lint that reads every record and reuses nothing.
@Suite struct FixUnchangedRecordsTests {
    static func expectSameFix(_ bytes: [UInt8], name: String, options: FixOptions, _ what: String) throws {
        var fromScratch = options
        fromScratch.relintsFromScratch = true
        let (skipping, skippingOutput) = try FixHarness.fix(bytes, name: name, options: options)
        let (full, fullOutput) = try FixHarness.fix(bytes, name: name, options: fromScratch)
        #expect(skipping.report.render() == full.report.render(), "\(what)")
        #expect(skippingOutput == fullOutput, "\(what)")
    }

    @Test(arguments: FixPropertyTests.seeds)
    func generatedFilesFixTheSame(seed: UInt64) throws {
        let g = FixPropertyTests.generate(seed: seed)
        var unsafe = FixOptions()
        unsafe.unsafeFixes = true
        for options in [FixOptions(), unsafe] {
            try Self.expectSameFix(g.bytes, name: g.name, options: options, "seed \(seed), unsafe \(options.unsafeFixes)")
        }
    }

    /// Every fixture that `fix` accepts the arguments of, with and without unsafe fixes.
    @Test func fixturesFixTheSame() throws {
        TestSupport.enterPackageRoot()
        var compared = 0
        for fixture in FixtureCase.all(in: FixtureTests.root) {
            let arguments = [fixture.relativePath, "--diff", "--no-config"] + fixture.arguments() + fixture.arguments("fixargs")
            guard let command = try? FixCommand.parse(arguments), var options = try? command.fixOptions(for: fixture.relativePath) else { continue }
            let bytes = [UInt8](try Data(contentsOf: fixture.input))
            // Input `fix` cannot read at all (an Excel workbook) is reported by the command, not fixed.
            guard (try? FixHarness.fix(bytes, name: fixture.input.lastPathComponent, options: options)) != nil else { continue }
            for unsafe in [false, true] {
                options.unsafeFixes = unsafe
                try Self.expectSameFix(bytes, name: fixture.input.lastPathComponent, options: options, "\(fixture.name), unsafe \(unsafe)")
            }
            compared += 1
        }
        #expect(compared >= 60)
    }

    /// A contacts file whose rows move when regrouped: every line the pass names holds, in the written
    /// file, a record that was read as it is and had no finding; most records are named.
    @Test func namedLinesAreUnchangedRecordsAfterRegrouping() throws {
        var text = "Person\tContact Protocol\tContact Label\tContact URI\n"
        for i in 0..<300 {
            // Ann's rows come back after Bob's: they move up to her first group.
            let person = ["ann@widget.com", "bob@widget.com", "ann@widget.com", "eve@widget.com"][i / 80]
            let uri = i % 17 == 0 ? " c\(i)@mail.example.com" : (i % 23 == 0 ? "not an address \(i)" : "c\(i)@mail.example.com")
            text += "\(person)\temail\twork\t\(uri)\n"
        }
        let (report, pass, bytes) = try FixHarness.safePass(Array(text.utf8), name: "contacts.tsv")
        let written = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let inputLines = text.split(separator: "\n").map(String.init)
        let reported = Set(report.diagnostics.map(\.line))
        let unchanged = try #require(pass.unchanged)
        var named = 0
        unchanged.lines.forEach { line in
            named += 1
            let record = written[line - 1]
            let source = inputLines.indices.filter { inputLines[$0] == record }
            #expect(!source.isEmpty, "line \(line): \(record) was not read as it is")
            #expect(source.contains { !reported.contains($0 + 1) }, "line \(line): \(record) had findings")
        }
        #expect(report.diagnostics.contains { $0.rule == RuleDescriptor.ungroupedContactRows.name })
        #expect(named > 150)
    }

    /// The lint skips what it is told is unchanged only with the rules that judge a record alone, and
    /// only while the header binds the columns it was told.
    @Test func lintSkipsOnlyRecordAloneRulesOnNamedLines() throws {
        let text = "Primary Email,Name\nnot-an-address,Ann\nann@widget.com,  Ann Lee\nann@widget.com,Bob\n"
        let input = InputFile.bytes(Array(text.utf8), displayPath: "people.csv")
        let full = try Linter(options: LintOptions()).lint(input).report.diagnostics
        #expect(full.contains { $0.line == 2 } && full.contains { $0.line == 3 } && full.contains { $0.line == 4 })
        var options = LintOptions()
        var unchanged = UnchangedRecords(columns: ["Primary Email", "Name"])
        for line in 2...4 { unchanged.lines.insert(line) }
        options.unchangedRecords = unchanged
        let skipped = try Linter(options: options).lint(input).report.diagnostics
        // The duplicate key is still found: that rule reads every record.
        #expect(skipped.map(\.rule) == [RuleDescriptor.duplicateIdentifier.name])
        options.unchangedRecords = UnchangedRecords(columns: ["Name", "Primary Email"])
        #expect(try Linter(options: options).lint(input).report.diagnostics == full)
    }

    /// On a named line, a rule that keeps state across records is asked only for that state
    /// (`checkUnreported`), and the rules that ignore ordinary records are not asked: the findings, the
    /// file-level `empty-column` ones included, are a full lint's, in one piece and in two parts. (The
    /// replayed duplicate and cluster rules, also not asked there, are compared by FixReplayed*Tests.)
    @Test func namedLinesKeepTheEmptyColumnCheck() throws {
        var text = "Primary Email,Name,Organization,Job Title,Site\n"
        for i in 0..<60 {
            // Job Title is filled on one record only, a named one late in the file; Site on none.
            let organization = i == 9 ? "" : "Widget"
            let name = i % 7 == 3 ? "\"Lee, Ann \(i)\"" : "Ann \(i)"
            text += "user\(i)@widget.com,\(name),\(organization),\(i == 50 ? "Clerk" : ""),\n"
        }
        let input = InputFile.bytes(Array(text.utf8), displayPath: "people.csv")
        for split in [nil, text.utf8.count / 2] {
            var options = LintOptions()
            options.splitOffset = split
            let full = try Linter(options: options).lint(input).report.diagnostics
            let emptyColumns = full.filter { $0.rule == RuleDescriptor.emptyColumn.name }.map(\.message)
            #expect(emptyColumns.count == 1 && emptyColumns[0].hasPrefix("Site "), "split at \(split ?? 0)")
            #expect(full.contains { $0.rule == RuleDescriptor.emptyValue.name && $0.line == 11 })
            var unchanged = UnchangedRecords(columns: ["Primary Email", "Name", "Organization", "Job Title", "Site"])
            let reported = Set(full.map(\.line))
            for line in 2...61 where !reported.contains(line) { unchanged.lines.insert(line) }
            #expect(unchanged.contains(line: 52) && unchanged.contains(line: 5))
            options.unchangedRecords = unchanged
            #expect(try Linter(options: options).lint(input).report.diagnostics == full, "split at \(split ?? 0)")
        }
    }

    /// What `fix` reports as remaining is what a fresh lint of the file it wrote reports, on files with many
    /// fixes and many repeated keys: records written as read keep the identifier fingerprints of the input's
    /// lint (`KeyFingerprintLog`), those a fix changed are hashed again, and a repeat may pair either kind.
    @Test(arguments: [false, true])
    func remainingIsWhatAFreshLintOfTheWrittenFileReports(receptionist: Bool) throws {
        var rng = SeededRNG(seed: receptionist ? 7 : 3)
        let header = receptionist ? "First Name,Last Name,Email,SMS Phone,Identification,Location Slug"
                                  : "Primary Email,Name,Job Title,Source,Source ID"
        var text = header + "\n"
        for i in 0..<400 {
            // Keys repeat across records a fix leaves and records it changes (a cell to trim, a name in NFD).
            let key = rng.chance(0.3) ? Int.random(in: 0..<40, using: &rng) : i
            let pad = rng.chance(0.3) ? " " : ""
            let name = rng.chance(0.2) ? "Zoe\u{0308} \(i)" : "Ann \(i)"
            if receptionist {
                let slug = rng.pick(["hq", "branch", ""])
                text += "\(name),Lee\(pad),user\(key)@example.com,+31 6 1348 \(7000 + key),E\(key),\(slug)\n"
            } else {
                text += "user\(key)@example.com\(pad),\(name),Clerk\(pad),AD,\(rng.chance(0.5) ? key : i)\n"
            }
        }
        let bytes = Array(text.utf8)
        let name = receptionist ? "visitors.csv" : "people.csv"
        // Each lint in one piece, and each on two cores (the parts' findings and keys merged).
        for split in [nil, bytes.count / 2] {
            var fixOptions = FixOptions()
            fixOptions.lint.splitOffset = split
            let (outcome, written) = try FixHarness.fix(bytes, name: name, options: fixOptions)
            let output = try #require(written)
            var options = LintOptions(profile: outcome.report.profile, delimiter: 0x2C)
            options.captureSourceLines = false
            let fresh = try FixHarness.lint(output, name: name, options: options)
            #expect(outcome.report.remaining == fresh.diagnostics, "split at \(split ?? 0)")
            #expect(outcome.report.summary.cellsChanged > 100)
            #expect(fresh.diagnostics.filter { $0.rule == RuleDescriptor.duplicateIdentifier.name }.count > 50)
        }
    }

    /// Files whose records keep their findings through a fix (locales, time zones, numbers and addresses
    /// no safe fix repairs, missing values, a missing email or SMS), mixed with records fixes change,
    /// blank lines and a '#TYPE' line the fix removes, a repeated header row it removes, contact rows it
    /// regroups and, in some, a header it renames; delimiters the target reads, so records are copied as read.
    static func carryingFile(seed: UInt64) -> (bytes: [UInt8], name: String) {
        var rng = SeededRNG(seed: seed)
        let kind = Int(seed % 3)
        let delimiter = kind == 1 ? "," : "\t"
        var header = [["Primary Email", "Name", "Locale", "Time Zone", "Job Title"],
                      ["First Name", "Last Name", "Email", "SMS Phone", "Business Title", "Identification"],
                      ["Person", "Contact Protocol", "Contact Label", "Contact URI"]][kind]
        if rng.chance(0.2) { header[1] = header[1].lowercased() }
        func messy(_ value: String) -> String {
            rng.chance(0.15) ? value + " " : (rng.chance(0.1) ? "=" + value : value)
        }
        func row(_ i: Int) -> [String] {
            switch kind {
            case 0:
                let email = rng.chance(0.1) ? "not an address \(i)" : (rng.chance(0.1) ? "user1@example.com" : "user\(i)@example.com")
                return [email, rng.chance(0.1) ? "" : messy("Ann \(i)"), rng.pick(["en-GB", "pt-BR", "nl", "en", "xx-YY", ""]),
                        rng.pick(["Amsterdam", "Madrid", "Mars/Base", ""]), messy(rng.pick(["Clerk", "Zoë", "Zoe\u{0308}", ""]))]
            case 1:
                let email = rng.chance(0.15) ? "" : (rng.chance(0.1) ? "user@@example" : "user\(i)@example.com")
                return [messy("Ann"), rng.chance(0.1) ? "" : "Lee \(i)", email, rng.pick(["", "+31 6 1348 7607", "12", "phone"]),
                        messy(rng.pick(["Clerk", "Ops"])), rng.chance(0.1) ? "" : "E\(i)"]
            default:
                let scheme = rng.pick(["email", "telephone", "fax"])
                let uri = scheme == "email" ? (rng.chance(0.2) ? "not an address \(i)" : "c\(i)@mail.example.com")
                                              : rng.pick(["+31 6 1348 7607", "12", "phone \(i)"])
                return [rng.pick(FixPropertyTests.persons), scheme, rng.pick(["work", "mobile", "Work"]), messy(uri)]
            }
        }
        let eol = rng.pick(["\n", "\r\n"])
        var text = rng.chance(0.2) ? "#TYPE System.Management.Automation.PSCustomObject" + eol : ""
        text += header.joined(separator: delimiter) + eol
        for i in 0..<Int.random(in: 5...40, using: &rng) {
            if rng.chance(0.08) { text += eol }
            if rng.chance(0.05) { text += header.joined(separator: delimiter) + eol }
            text += row(i).joined(separator: delimiter) + eol
        }
        return (Array(text.utf8), "carry-\(seed).\(delimiter == "," ? "csv" : "tsv")")
    }

    /// The records whose findings the first round's pass hands on to the lint of its output.
    static func carriedRecords(_ bytes: [UInt8], name: String) throws -> Int {
        let input = InputFile.bytes(bytes, displayPath: name)
        let lint = try Linter(options: LintOptions()).lint(input)
        let profile = try lint.report.profile.map(ProfileLoader.load)
        let delimiter = lint.report.delimiter.utf8.first ?? 0x2C
        let settings = PassSettings(inputDelimiter: delimiter, outputDelimiter: delimiter, lineEnding: nil, allowUnsafe: false,
                                    force: false, quoting: .keep, collectDetails: false, profile: profile, round: 1)
        let pass = try FixPass(input: input, encoding: .utf8(bom: false), plan: FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: false),
                               settings: settings).run(directory: NSTemporaryDirectory(), name: "test")
        if let path = pass.outputPath { AtomicFile.discard(path) }
        return pass.unchanged?.carried.count ?? 0
    }

    /// What the pass holds for the lint of its output grows with the records that keep findings, not with
    /// the records written without any: adding 2,000 clean records before and between the same carried
    /// ones adds no byte to the carried findings (a bit per line, or the input's whole findings, did), and
    /// the runs of clean records take a few bytes each.
    @Test func carriedFindingsGrowWithFindingsNotRecords() throws {
        func held(cleanRecords: Int) throws -> (carried: Int, carriedBytes: Int, runs: Int, runBytes: Int) {
            var text = "Primary Email\tName\tLocale\n"
            for i in 0..<cleanRecords { text += "clean\(i)@example.com\tClean \(i)\ten\n" }
            for i in 0..<100 {
                text += "user\(i)@example.com\tAnn \(i)\txx-YY\n"
                if i < 10 { for j in 0..<cleanRecords / 10 { text += "mid\(i)x\(j)@example.com\tMid\ten\n" } }
            }
            let (_, pass, _) = try FixHarness.safePass(Array(text.utf8), name: "people.tsv")
            let unchanged = try #require(pass.unchanged)
            return (unchanged.carried.count, unchanged.carried.bytesHeld, unchanged.runs.count, unchanged.runs.bytesHeld)
        }
        let few = try held(cleanRecords: 0), many = try held(cleanRecords: 2_000)
        #expect(few.carried == 100 && many.carried == 100)
        // The first carried record's line and the ten after a block of clean ones take a byte more each.
        #expect(many.carriedBytes <= few.carriedBytes + 11, "\(few.carriedBytes) -> \(many.carriedBytes) bytes")
        #expect(many.runs >= 11 && many.runBytes <= many.runs * 6, "\(many.runs) runs in \(many.runBytes) bytes")
    }

    /// Handing on the findings of records written as read gives the report and file a lint of every
    /// record gives, and it does hand on findings in most of these files.
    @Test func carriedFindingsFixTheSame() throws {
        var carrying = 0
        for seed in FixPropertyTests.seeds {
            let file = Self.carryingFile(seed: seed)
            var unsafe = FixOptions()
            unsafe.unsafeFixes = true
            for options in [FixOptions(), unsafe] {
                try Self.expectSameFix(file.bytes, name: file.name, options: options, "carrying seed \(seed), unsafe \(options.unsafeFixes)")
            }
            var split = FixOptions()
            split.lint.splitOffset = file.bytes.count / 2
            let (inParts, inPartsOutput) = try FixHarness.fix(file.bytes, name: file.name, options: split)
            let (whole, wholeOutput) = try FixHarness.fix(file.bytes, name: file.name, options: FixOptions())
            #expect(inParts.report.render() == whole.report.render() && inPartsOutput == wholeOutput, "carrying seed \(seed), on two cores")
            if try Self.carriedRecords(file.bytes, name: file.name) > 0 { carrying += 1 }
        }
        #expect(carrying * 2 > FixPropertyTests.seeds.count, "\(carrying) of \(FixPropertyTests.seeds.count) files carried findings")
    }
}
