import Foundation
import Testing
@testable import ImportLintCore

/// A pass given its input's record map (`RecordMap`) copies the plain records no fix names in spans
/// (`FixPass.copySpans`): it writes the bytes and notes everything a pass that reads every record writes
/// and notes, in one piece and in two parts, wherever the cut is.
@Suite struct FixSpansTests {
    /// A UTF-8 file of plain rows with fixes here and there: cells to trim (first, last and adjacent
    /// records), a decomposed name, a character from U+0300 on, quoted cells (some over two lines), a
    /// duplicate address; CRLF or LF, a byte-order mark or not, a last line with or without its line break.
    static func spannedFile(seed: UInt64) -> (bytes: [UInt8], name: String) {
        var rng = SeededRNG(seed: seed)
        let tab = rng.chance(0.5)
        let d = tab ? "\t" : ","
        let eol = rng.pick(["\n", "\r\n"])
        let count = Int.random(in: 2...60, using: &rng)
        var text = ["Primary Email", "Name", "Job Title", "Location"].joined(separator: d) + eol
        for i in 0..<count {
            let edge = i == 0 || i == count - 1
            var email = rng.chance(0.05) ? "user1@example.com" : "user\(i)@example.com"
            if (edge && rng.chance(0.5)) || rng.chance(0.1) { email += " " }
            let name = rng.pick(["Ann Lee", "Bob Roe", "Zoë Ångström", "Zoe\u{0308} Lee", "Nguyễn Văn", "\"Lee, Ann\"", "\"Ann\nLee\"", "Cy Doe"])
            let title = rng.chance(0.1) ? " Clerk" : rng.pick(["Clerk", "Ops", "\"Ops\"", ""])
            let location = rng.chance(0.05) ? "Room 1,2" : "Room \(i % 7)"
            var cells = [email, name, title, tab ? location : "\"\(location)\""]
            if !tab && !location.contains(",") && rng.chance(0.7) { cells[3] = location }
            text += cells.joined(separator: d)
            if i < count - 1 || rng.chance(0.8) { text += eol }
        }
        let bom: [UInt8] = rng.chance(0.3) ? [0xEF, 0xBB, 0xBF] : []
        return (bom + Array(text.utf8), "spans-\(seed).\(tab ? "tsv" : "csv")")
    }

    /// The first round's pass over `bytes` after a lint cut at `cutAt` (nil: in one piece), given the
    /// lint's record map or not; and whether it copied spans.
    static func pass(_ bytes: [UInt8], name: String, cutAt: Int?, mapped: Bool, quoting: QuotingStyle = .keep)
        throws -> (written: FixInPartsTests.Written, runs: [[Int]], spanned: Bool) {
        let input = InputFile.bytes(bytes, displayPath: name)
        var options = LintOptions()
        options.splitOffset = cutAt
        let maps = RecordMaps()
        options.recordMaps = maps
        let (lint, plan, settings) = try FixHarness.firstRound(input, options: options, allowUnsafe: false, quoting: quoting)
        // Not `FixPass.run`: a map that does not match fails the test instead of being passed over.
        let pass = try FixPass(input: input, encoding: try #require(lint.encoding), plan: plan, settings: settings, cut: lint.cut,
                               map: mapped ? maps.result() : nil)
        let result = try pass.run(directory: NSTemporaryDirectory(), name: "test")
        let runs = result.unchanged?.runs.runs.map { [$0.start, $0.end, $0.records] } ?? []
        return (try FixInPartsTests.Written(result), runs, pass.spans != nil)
    }

    @Test func spansWriteWhatReadingEveryRecordWrites() throws {
        var files = (1...40).map { Self.spannedFile(seed: $0) }
        files += FixPropertyTests.seeds.prefix(30).map { let g = FixPropertyTests.generate(seed: $0); return (g.bytes, g.name) }
        files += FixPropertyTests.seeds.prefix(10).map { FixUnchangedRecordsTests.carryingFile(seed: $0) }
        var spanned = 0, spannedInParts = 0
        for file in files {
            for quoting in [QuotingStyle.keep, .minimal] {
                let whole = try Self.pass(file.bytes, name: file.name, cutAt: nil, mapped: false, quoting: quoting)
                let spans = try Self.pass(file.bytes, name: file.name, cutAt: nil, mapped: true, quoting: quoting)
                #expect(spans.written == whole.written, "\(file.name), \(quoting)")
                #expect(spans.runs == whole.runs, "\(file.name), \(quoting)")
                if spans.spanned { spanned += 1 }
            }
            for (offset, byte) in file.bytes.enumerated() where byte == CSVReader.lf && offset + 1 < file.bytes.count && offset % 3 == 0 {
                let split = try Self.pass(file.bytes, name: file.name, cutAt: offset + 1, mapped: false)
                let spans = try Self.pass(file.bytes, name: file.name, cutAt: offset + 1, mapped: true)
                #expect(spans.written == split.written, "\(file.name) cut after byte \(offset)")
                #expect(spans.runs == split.runs, "\(file.name) cut after byte \(offset)")
                if spans.spanned && spans.written.bytes != nil { spannedInParts += 1 }
            }
        }
        #expect(spanned > 60 && spannedInParts > 100, "\(spanned) passes copied spans, \(spannedInParts) of them cut")
    }

    /// The map is of the file the lint read: where a record read is not where the map puts it (the file
    /// changed since, a record before it longer), the file is written by reading every record
    /// (`FixPass.run`), as if there were no map. (`fix` refuses to put a changed input's output in place.)
    @Test func aMapThatDoesNotMatchTheFileIsPassedOver() throws {
        let text = "Primary Email,Name\na@example.com,Ann\nb@example.com,Bob\nc@example.com ,Cy\n"
        let input = InputFile.bytes(Array(text.utf8), displayPath: "a.csv")
        var options = LintOptions()
        let maps = RecordMaps()
        options.recordMaps = maps
        let lint = try Linter(options: options).lint(input)
        let changed = InputFile.bytes(Array(text.replacingOccurrences(of: "Bob", with: "Bobby").utf8), displayPath: "a.csv")
        let settings = PassSettings(inputDelimiter: 0x2C, outputDelimiter: 0x2C, lineEnding: nil, allowUnsafe: false,
                                    force: false, quoting: .keep, collectDetails: true, profile: nil, round: 1)
        let plan = FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: false)
        let map = try #require(maps.result())
        #expect(throws: FixPass.SpansDisagree.self) {
            _ = try FixPass(input: changed, encoding: .utf8(bom: false), plan: plan, settings: settings, map: map)
                .run(directory: NSTemporaryDirectory(), name: "test")
        }
        let result = try FixPass.run(input: changed, encoding: .utf8(bom: false), plan: plan, settings: settings, cut: nil, map: map,
                                     directory: NSTemporaryDirectory(), name: "test")
        let written = try FixInPartsTests.Written(result)
        #expect(written.bytes == Array(text.replacingOccurrences(of: "Bob", with: "Bobby").replacingOccurrences(of: ".com ,", with: ".com,").utf8))
    }
}
