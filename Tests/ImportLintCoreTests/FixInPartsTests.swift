import Foundation
import Testing
@testable import ImportLintCore

/// A fix pass over an input its lint read on two cores writes the two parts at once (`FixPass`'s
/// `copyRecordsInParts`): the file and everything the pass notes (fixes, records written unchanged, findings
/// carried and replayed for the lint of the output) are what one pass over the whole input gives, wherever
/// the cut is.
@Suite struct FixInPartsTests {
    /// What a pass wrote and noted, in comparable form.
    struct Written: Equatable {
        var bytes: [UInt8]?
        var applied: [AppliedFix]
        var skipped: [SkippedFix]
        var fileFixes: [FileFix]
        var appliedByRule: [String: Int]
        var fatal: String?
        /// recordsIn, recordsOut, cellsChanged, appliedCount, fatalCount, deferredCount.
        var counts: [Int]
        var unchangedLines: [Int]
        /// Per carried record: its line, its input line and its findings.
        var carried: [CarriedFindings.Record]
        var replayed: [Diagnostic]?
        var replayedLines: [Int]?
        var replayedClusters: [Diagnostic]?
        var replayedClusterLines: [Int]?
        var changedColumns: [Int]?
        /// Where the written records were in the input (`LineShifts`).
        var shifts: LineShifts

        init(_ pass: PassResult) throws {
            try pass.finishing?.wait()
            bytes = try pass.outputPath.map { path in
                defer { AtomicFile.discard(path) }
                return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            (applied, skipped, fileFixes, appliedByRule, fatal) = (pass.applied, pass.skipped, pass.fileFixes, pass.appliedByRule, pass.fatal)
            shifts = pass.shifts
            counts = [pass.recordsIn, pass.recordsOut, pass.cellsChanged, pass.appliedCount, pass.fatalCount, pass.deferredCount]
            func members(_ set: NumberSet) -> [Int] {
                var all: [Int] = []
                set.forEach { all.append($0) }
                return all
            }
            unchangedLines = pass.unchanged.map { members($0.lines) } ?? []
            carried = pass.unchanged?.carried.records ?? []
            replayed = pass.replayedDuplicates?.duplicates.findings
            replayedLines = pass.replayedDuplicates?.duplicates.recordLines
            replayedClusters = pass.replayedDuplicates?.clusters.findings
            replayedClusterLines = pass.replayedDuplicates?.clusters.recordLines
            changedColumns = pass.replayedDuplicates.map { members($0.changedColumns) }
        }
    }

    /// The first round's pass over `bytes`, after a lint cut at the line feed at or after `offset` (nil:
    /// in one piece); and whether the pass was given a cut it writes in parts.
    static func pass(_ bytes: [UInt8], name: String, unsafe: Bool, cutAt offset: Int?) throws -> (written: Written, inParts: Bool) {
        let input = InputFile.bytes(bytes, displayPath: name)
        var options = LintOptions()
        options.splitOffset = offset
        let (lint, plan, settings) = try FixHarness.firstRound(input, options: options, allowUnsafe: unsafe)
        // Not `FixPass.run`: parts that do not meet at the cut fail the test instead of being written again.
        let result = try FixPass(input: input, encoding: .utf8(bom: false), plan: plan, settings: settings, cut: lint.cut)
            .run(directory: NSTemporaryDirectory(), name: "test")
        return (try Written(result), lint.cut != nil && plan.fileActions.regroupColumn == nil)
    }

    /// Small files with ragged rows, a record fused with a header copy and a quote out of place (written with
    /// --force), a quoted cell over two lines, blank lines and cells to trim, besides the files whose records
    /// carry their findings.
    static let shapes: [(text: String, name: String)] = [
        ("Primary Email,Name,Job Title\na@example.com, Ann ,Clerk\nb@example.com,Bob\n\nc@example.com,\"Cy\nLee\",Ops\nd@example.com,Di ,Ops,extra\ne@example.com,Ed,Clerk\n", "ragged.csv"),
        ("Primary Email\tName\tJob Title\r\na@example.com\tAnn\tClerk \r\n\r\na@example.com\t Zoe\u{0308}\tOps\r\nb@example.com\tBob\t\"Ops\"\r\n", "crlf.tsv"),
        // Two exports joined without a line break between them: the refusal names the header copy in either part.
        ("Primary Email,Name,Job Title\na@example.com,Ann,Clerk\nb@example.com,Bob,ClerkPrimary Email,Name,Job Title\nc@example.com,Cy,Ops\n", "fused.csv"),
        // Lines left out on both sides of a cut, and a two-line cell written on one: the records after them move up.
        ("Primary Email,Name,Job Title\n\"Al\n<a@example.com>\",Al,Clerk\n\nPrimary Email,Name,Job Title\nb@example.com,Bob,Ops\n\n,,\n\nc@example.com,\"Cy\nLee \",Ops\n\n\nd@example.com,Di,Ops\n", "shifted.csv"),
    ]

    @Test func partsWriteWhatOnePassWrites() throws {
        var files = FixPropertyTests.seeds.prefix(20).map { FixUnchangedRecordsTests.carryingFile(seed: $0) }
        files += Self.shapes.map { (bytes: Array($0.text.utf8), name: $0.name) }
        var inParts = 0
        for file in files {
            for unsafe in [false, true] {
                let whole = try Self.pass(file.bytes, name: file.name, unsafe: unsafe, cutAt: nil)
                #expect(!whole.inParts)
                for (offset, byte) in file.bytes.enumerated() where byte == CSVReader.lf && offset + 1 < file.bytes.count {
                    let split = try Self.pass(file.bytes, name: file.name, unsafe: unsafe, cutAt: offset + 1)
                    #expect(split.written == whole.written, "\(file.name) cut after byte \(offset), unsafe \(unsafe)")
                    if split.inParts { inParts += 1 }
                }
            }
        }
        #expect(inParts > 200, "\(inParts) passes written in parts")
    }

    /// The lint of an output written in two parts cuts where the later part's output starts, on the line
    /// the pass gives (`LintOptions.knownCut`), and reports what a lint of the file in one piece reports;
    /// given a wrong line, it is linted again in one piece, with the same report.
    @Test func outputLintCutsWhereTheLaterPartWasWritten() throws {
        var cutAtWrittenParts = 0, numberedByLine = 0
        for seed in FixPropertyTests.seeds.prefix(12) {
            let file = FixUnchangedRecordsTests.carryingFile(seed: seed)
            let input = InputFile.bytes(file.bytes, displayPath: file.name)
            var options = LintOptions()
            options.splitOffset = file.bytes.count / 2
            let lint = try Linter(options: options).lint(input)
            let profile = try lint.report.profile.map(ProfileLoader.load)
            let delimiter = try #require(lint.report.delimiter.utf8.first)
            let settings = PassSettings(inputDelimiter: delimiter, outputDelimiter: delimiter, lineEnding: nil, allowUnsafe: false,
                                        force: false, quoting: .keep, collectDetails: false, profile: profile, round: 1)
            let pass = try FixPass.run(input: input, encoding: .utf8(bom: false), plan: FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: false),
                                       settings: settings, cut: lint.cut, directory: NSTemporaryDirectory(), name: "test")
            try pass.finishing?.wait()
            let path = try #require(pass.outputPath)
            defer { AtomicFile.discard(path) }
            let output = InputFile.path(path, displayPath: file.name)
            var outputOptions = LintOptions(profile: lint.report.profile, delimiter: delimiter)
            let whole = try Linter(options: outputOptions).lint(output).report.diagnostics
            guard let written = pass.outputCut else { continue }
            cutAtWrittenParts += 1
            outputOptions.splitOffset = 0
            outputOptions.unchangedRecords = pass.unchanged
            // Only a lint that finds records by their line numbers the later part by the known line.
            let numbersByLine = !(pass.unchanged?.isEmpty ?? true)
            if numbersByLine { numberedByLine += 1 }
            for (line, splits) in [(written.line, true), (written.line + 1, !numbersByLine)] {
                outputOptions.knownCut = LintCut(offset: written.offset, records: written.records, line: line)
                let linter = Linter(options: outputOptions)
                let result = try linter.lint(output)
                #expect(result.report.diagnostics == whole, "seed \(seed), line \(line)")
                #expect(linter.lastLintWasSplit == splits, "seed \(seed), line \(line)")
                if splits { #expect(result.cut == written, "seed \(seed)") }
            }
        }
        #expect(cutAtWrittenParts > 6 && numberedByLine > 6, "\(cutAtWrittenParts) outputs written in parts, \(numberedByLine) linted by line")
    }

    /// One-letter rows written with CRLF grow by half, past the room the earlier part has before the later
    /// part's output (`copyRecordsInParts`): the later part is stopped and the file written again in one
    /// piece, as one pass writes it.
    @Test func anEarlierPartThatOverrunsItsRoomIsWrittenAgainInOnePiece() throws {
        let rows = 2_400_000
        let bytes = Array("Name\n".utf8) + (0..<rows * 2).map { $0 % 2 == 0 ? 0x61 : CSVReader.lf }
        let input = InputFile.bytes(bytes, displayPath: "names.csv")
        let settings = PassSettings(inputDelimiter: 0x2C, outputDelimiter: 0x2C, lineEnding: .crlf, allowUnsafe: false, force: false,
                                    quoting: .keep, collectDetails: true, profile: nil, round: 1)
        let plan = FixPlan(diagnostics: [], allowUnsafe: false)
        // Half the rows before the cut: the earlier part's output (3 bytes a row) passes the later part's start.
        let cut = LintCut(offset: 5 + rows, records: rows / 2, line: rows / 2 + 2)
        #expect(cut.offset + (1 << 20) + cut.offset / 64 < cut.offset * 3 / 2)
        let split = try Written(FixPass.run(input: input, encoding: .utf8(bom: false), plan: plan, settings: settings, cut: cut,
                                            directory: NSTemporaryDirectory(), name: "test"))
        let whole = try Written(FixPass.run(input: input, encoding: .utf8(bom: false), plan: plan, settings: settings, cut: nil,
                                            directory: NSTemporaryDirectory(), name: "test"))
        #expect(split == whole)
        #expect(split.bytes?.count == 6 + rows * 3)
    }

    /// The later part's writer writes past where the earlier part's output ends; taken in, its bytes follow
    /// the earlier part's with nothing between or after, whether they move (by less than or more than the
    /// writer's buffer) or not; the earlier part's writer cannot write past the later part's start.
    @Test func laterPartIsTakenInRightAfterTheEarlierPart() throws {
        let directory = NSTemporaryDirectory()
        for (earlierLength, gap, laterLength) in [(3, 0, 10), (3, 97, 5_000), (100, 7, 3 << 20), (0, 1 << 21, 1 << 20 + 5)] {
            let out = try OutputFile.temporary(in: directory, name: "parts")
            defer { AtomicFile.discard(out.path) }
            let earlier = (0..<earlierLength).map { UInt8(truncatingIfNeeded: $0 % 26 + 65) }
            let later = (0..<laterLength).map { UInt8(truncatingIfNeeded: $0 % 251) }
            let laterStart = earlierLength + gap
            out.limit = laterStart
            let laterOut = try #require(try OutputFile.laterPart(of: out, at: laterStart))
            try laterOut.write(later)
            try out.write(earlier)
            try out.takeIn(laterOut)
            #expect(out.offset == earlierLength + laterLength)
            try out.finish().wait()
            #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: out.path))) == earlier + later, "\(earlierLength), \(gap), \(laterLength)")
        }
        let out = try OutputFile.temporary(in: directory, name: "parts")
        defer { AtomicFile.discard(out.path) }
        out.limit = 10
        try out.write(Array(repeating: 65, count: 11))
        #expect(throws: OutputFile.Overrun.self) { try out.flush() }
    }

    /// The later part's writer opens the temporary file again by its path: replaced meanwhile by another file
    /// (an error) or by a link to one (no writer: the file is written in one piece), that file is not written.
    @Test func laterPartWritesOnlyTheFileTheEarlierPartHolds() throws {
        let directory = NSTemporaryDirectory()
        let other = directory + "/importlint-other-\(getpid())"
        try Data("keep".utf8).write(to: URL(fileURLWithPath: other))
        defer { AtomicFile.discard(other) }
        for asSymlink in [false, true] {
            let out = try OutputFile.temporary(in: directory, name: "parts")
            defer { AtomicFile.discard(out.path) }
            AtomicFile.discard(out.path)
            if asSymlink { #expect(symlink(other, out.path) == 0) } else { #expect(link(other, out.path) == 0) }
            if asSymlink {
                #expect(try OutputFile.laterPart(of: out, at: 0) == nil)
            } else {
                #expect(throws: InputError.self) { _ = try OutputFile.laterPart(of: out, at: 0) }
            }
            #expect(try String(contentsOfFile: other, encoding: .utf8) == "keep")
        }
    }
}
