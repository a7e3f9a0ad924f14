import Foundation
import Testing
@testable import ImportLintCore

/// `fix`'s lint of its output reads past runs of records it wrote byte for byte from ordinary records
/// nothing was reported on (`UnreportedRuns`): the report must be a full lint's whenever a rule still needs
/// something from such records.
@Suite struct FixUnreportedRunsTests {
    /// The runs of `text`'s one-line records on `lines` (ordinary ones), as `FixPass` notes them.
    static func runs(_ text: String, lines: Set<Int>) -> UnreportedRuns {
        var runs = UnreportedRuns()
        var offset = 0
        var open: (start: Int, records: Int)?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            let end = offset + line.utf8.count + 1
            if lines.contains(index + 1) {
                open = (open?.start ?? offset, (open?.records ?? 0) + 1)
            } else if let run = open {
                runs.append(start: run.start, end: offset, records: run.records)
                open = nil
            }
            offset = end
        }
        if let run = open { runs.append(start: run.start, end: offset, records: run.records) }
        return runs
    }

    /// After a skip the reader is on the record at the offset, numbered as if it had read every line, in
    /// the records it split ahead and past them; an offset not after a line feed or not yet read is refused.
    @Test func readerSkipsToTheRecordAtAnOffset() throws {
        var text = "a,b\n"
        var starts: [Int] = []
        for i in 0..<300 {
            starts.append(text.utf8.count)
            text += "x\(i),y\(i)\n"
        }
        for (skipTo, chunk) in [(5, 1 << 20), (250, 1 << 20), (40, 4096)] {
            let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: chunk)
            #expect(try reader.next() && reader.next())
            #expect(!reader.skip(toStreamOffset: starts[skipTo] + 1, lines: skipTo - 1))
            #expect(reader.skip(toStreamOffset: starts[skipTo], lines: skipTo - 1))
            #expect(try reader.next())
            #expect(reader.line == skipTo + 2 && reader.string(0) == "x\(skipTo)" && reader.string(1) == "y\(skipTo)")
            #expect(reader.streamOffset == starts[skipTo])
            var last = 0
            while try reader.next() { last = reader.line }
            #expect(last == 301)
        }
        // Past what a small buffer holds: nothing moves.
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: 64)
        #expect(try reader.next() && reader.next())
        #expect(!reader.skip(toStreamOffset: starts[200], lines: 199))
        #expect(try reader.next() && reader.line == 3)
    }

    /// A run's records are not handed to the rules at all: a repeated header inside a run (which `fix`
    /// never puts there) goes unreported, while the records are still counted, the record after the run is
    /// read on its line, and records outside runs are judged.
    @Test func runsAreReadPast() throws {
        var text = "Primary Email,Name\n"
        for i in 0..<40 { text += i == 20 ? "Primary Email,Name\n" : "user\(i)@widget.com,Ann \(i)\n" }
        text += "not-an-address,Bob\n"
        let input = InputFile.bytes(Array(text.utf8), displayPath: "people.csv")
        // Without the duplicate check, which reads every record unless `fix` hands its findings on.
        var options = LintOptions(selection: RuleSelection(ignore: ["duplicate-identifier"]))
        let full = try Linter(options: options).lint(input).report
        #expect(full.diagnostics.contains { $0.rule == RuleDescriptor.repeatedHeader.name && $0.line == 22 })
        var unchanged = UnchangedRecords(columns: ["Primary Email", "Name"])
        for line in 2...41 { unchanged.lines.insert(line) }
        unchanged.runs = Self.runs(text, lines: Set(3...41))
        options.unchangedRecords = unchanged
        let skipped = try Linter(options: options).lint(input).report
        #expect(skipped.records == full.records)
        #expect(!skipped.diagnostics.contains { $0.line == 22 })
        #expect(skipped.diagnostics == full.diagnostics.filter { $0.line != 22 })
        #expect(skipped.diagnostics.contains { $0.line == 42 })
    }

    /// `empty-column` is decided from every record: while a column was never seen filled, runs are read
    /// record by record (`EmptyCellRule.skipsUnreportedRuns`), so a column filled only inside a run comes
    /// out as a full lint says, in one piece and in two parts. Every name has a letter beyond ASCII, so the
    /// encoding is settled from the first record of each part (runs are only read past once it is).
    @Test func aColumnFilledOnlyInARunIsSeen() throws {
        var text = "Primary Email,Name,Job Title\n"
        for i in 0..<80 {
            text += "user\(i)@widget.com,\(i == 9 ? "" : "Åsa \(i)"),\(i == 50 ? "Clerk" : "")\n"
        }
        let input = InputFile.bytes(Array(text.utf8), displayPath: "people.csv")
        for split in [nil, text.utf8.count / 2] {
            // The duplicate check reads every record (it would keep the lint from skipping).
            var options = LintOptions(selection: RuleSelection(ignore: ["duplicate-identifier"]))
            options.splitOffset = split
            let full = try Linter(options: options).lint(input).report
            #expect(!full.diagnostics.contains { $0.rule == RuleDescriptor.emptyColumn.name }, "split at \(split ?? 0)")
            var unchanged = UnchangedRecords(columns: ["Primary Email", "Name", "Job Title"])
            let reported = Set(full.diagnostics.map(\.line))
            let lines = Set((2...81).filter { !reported.contains($0) })
            for line in lines { unchanged.lines.insert(line) }
            unchanged.runs = Self.runs(text, lines: lines)
            // Lines 12 to 81, Job Title's 'Clerk' on line 52 among them.
            #expect(unchanged.runs.runs.contains { $0.records == 70 })
            options.unchangedRecords = unchanged
            let skipped = try Linter(options: options).lint(input).report
            #expect(skipped.diagnostics == full.diagnostics, "split at \(split ?? 0)")
            #expect(skipped.records == full.records)
        }
    }

    /// A fix that turns a key into one a record in a run holds: the duplicate is reported as a fresh lint
    /// of the written file reports it (the duplicate check reads every record again when a fix changed a
    /// key, so no run is read past), in one piece and on two cores.
    @Test func aFixThatRepeatsTheKeyOfARecordInARun() throws {
        var text = "Primary Email,Name,Job Title\n"
        for i in 0..<2000 {
            // Record 1500's address gets its zero-width space removed and is then user700's.
            text += i == 1500 ? "user\u{200B}700@widget.com,Zoe,Clerk\n" : "user\(i)@widget.com,Ann \(i),Clerk\n"
        }
        let bytes = Array(text.utf8)
        for split in [nil, bytes.count / 2] {
            var options = FixOptions()
            options.lint.splitOffset = split
            let (outcome, written) = try FixHarness.fix(bytes, name: "people.csv", options: options)
            let output = try #require(written)
            #expect(!output.elementsEqual(bytes))
            let fresh = try FixHarness.lint(output, name: "people.csv", options: LintOptions(profile: outcome.report.profile, delimiter: 0x2C))
            #expect(outcome.report.remaining == fresh.diagnostics, "split at \(split ?? 0)")
            #expect(fresh.diagnostics.contains { $0.rule == RuleDescriptor.duplicateIdentifier.name && $0.line == 1502 })
            try FixUnchangedRecordsTests.expectSameFix(bytes, name: "people.csv", options: options, "split at \(split ?? 0)")
        }
    }

    /// The runs `FixPass` notes hold records written as read from records nothing was reported on: each
    /// starts on a line it names unchanged, and each of its lines is an input line without findings.
    @Test func notedRunsAreUnreportedRecordsWrittenAsRead() throws {
        var text = "Primary Email\tName\tJob Title\n"
        for i in 0..<500 {
            let name = i % 11 == 0 ? "Ann \(i) " : (i % 13 == 0 ? "Zoe\u{0308} \(i)" : "Ann \(i)")
            text += "\(i % 17 == 0 ? "bad address \(i)" : "user\(i)@widget.com")\t\(name)\t\(i % 5 == 0 ? "" : "Clerk")\n"
            if i == 250 { text += "\n" }
        }
        let bytes = Array(text.utf8)
        let (report, pass, written) = try FixHarness.safePass(bytes, name: "people.tsv")
        #expect(!written.elementsEqual(bytes))
        let reportedLines = Set(report.diagnostics.map(\.line))
        let inputLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let unreported = Set(inputLines.indices.filter { !reportedLines.contains($0 + 1) }.map { inputLines[$0] })
        let unchanged = try #require(pass.unchanged)
        var records = 0
        for run in unchanged.runs.runs {
            let startLine = written[..<run.start].filter { $0 == 0x0A }.count + 1
            #expect(unchanged.contains(line: startLine))
            let lines = String(decoding: written[run.start..<run.end], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == run.records + 1 && lines.last == "")
            for line in lines.dropLast() { #expect(unreported.contains(String(line)) && !line.isEmpty, "\(line)") }
            records += run.records
        }
        #expect(unchanged.runs.runs.count > 20 && records > 200)
    }
}
