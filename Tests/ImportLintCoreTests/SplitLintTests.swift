import Foundation
import Testing
@testable import ImportLintCore

/// A file linted in two parts at once must give the report of the one-piece lint byte for byte. Every
/// fixture is cut at every line boundary (the cut can land in a quoted cell, a blank line, the header, a
/// PowerShell type line: the split is then abandoned, or merged, but the report never changes).
@Suite struct SplitLintTests {
    static let cases = FixtureCase.all(in: FixtureTests.root)

    /// Raw byte offsets just after each line feed, except the file's end.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        bytes.indices.filter { bytes[$0] == 0x0A && $0 + 1 < bytes.count }.map { $0 + 1 }
    }

    static func render(_ fixture: FixtureCase, _ options: LintOptions) throws -> (json: String, split: Bool, utf8: Bool) {
        let linter = Linter(options: options)
        let report = try linter.lint(.path(fixture.relativePath)).report
        return (try JSONReporter.render(Report(files: [report])), linter.lastLintWasSplit, report.encoding.hasPrefix("UTF-8"))
    }

    /// The later part numbers its lines from the count of line breaks before the cut, taken in 1 MiB reads:
    /// it must count as the reader does (LF, CRLF, lone CR), also where a CRLF straddles two reads.
    @Test func lineAtTheCutCountsAsTheReader() throws {
        let chunk = 1 << 20
        var bytes: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        let breaks: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x0D, 0x0D, 0x0A], [0x0A, 0x0D]]
        while bytes.count < 2 * chunk + 4096 {
            bytes += Array(repeating: 0x61, count: Int.random(in: 0...90, using: &generator))
            bytes += breaks.randomElement(using: &generator)!
        }
        bytes.replaceSubrange(chunk - 1 ... chunk, with: [0x0D, 0x0A])          // a CRLF across the first read's end
        bytes.replaceSubrange(2 * chunk - 1 ... 2 * chunk, with: [0x0D, 0x62])  // a lone CR ending the second read
        func expected(_ cut: Int) -> Int {
            var lines = 1, previousCR = false
            for byte in bytes[..<cut] {
                if byte == 0x0D || (byte == 0x0A && !previousCR) { lines += 1 }
                previousCR = byte == 0x0D
            }
            return lines
        }
        for encoding in [InputEncoding.utf8(bom: false), .utf8(bom: true)] {
            let file = encoding == .utf8(bom: true) ? [0xEF, 0xBB, 0xBF] + bytes : bytes
            let input = InputFile.bytes(file, displayPath: "lines.csv")
            // Counted in one pass, each cut's line as it is reached.
            let cuts = [1, chunk - 1, chunk, chunk + 1, 2 * chunk, 2 * chunk + 1, bytes.count]
            var lines = [Int](repeating: 0, count: cuts.count)
            try SplitLint.lines(at: cuts.map { $0 + encoding.bomLength }, input, encoding: encoding) { lines[$0] = $1 }
            #expect(lines == cuts.map(expected), "\(encoding.name)")
        }
    }

    /// The cut is the deferring one only when a rule is deferred and the header's read has not passed it;
    /// the line counted is the chosen cut's.
    @Test func theCutFollowsTheRules() throws {
        let bytes = Array("a\nb\nc\nd\ne\n".utf8)
        let input = InputFile.bytes(bytes, displayPath: "cuts.csv")
        for (deferring, bytesRead, cut, line) in [(true, 0, 4, 3), (true, 4, 4, 3), (true, 5, 8, 5), (false, 0, 8, 5)] {
            let cutLine = SplitLint.CutLine((deferring: 4, balanced: 8), input, encoding: .utf8(bom: false))
            #expect(cutLine.choose(deferring: deferring, bytesRead: bytesRead) == cut)
            #expect(try cutLine.value() == line, "deferring \(deferring), read \(bytesRead)")
        }
    }

    /// Every cut of every fixture; every other cut with `--max-findings 2` (whose heap lets findings go
    /// while the parts are merged).
    @Test(arguments: cases.map(\.input.path))
    func everyCutGivesTheOnePieceReport(_ path: String) throws {
        let fixture = try #require(Self.cases.first { $0.input.path == path })
        let base = try FixtureTests.options(fixture)
        var capped = base
        capped.maxFindings = 2
        let whole = try Self.render(fixture, base)
        let wholeCapped = try Self.render(fixture, capped)
        #expect(!whole.split && !wholeCapped.split, "no cut asked for, no split")
        // Only UTF-8 is cut (a transcoded stream cannot be entered in the middle): one cut shows that.
        let starts = Self.lineStarts(try [UInt8](Data(contentsOf: fixture.input)))
        for (i, cut) in (whole.utf8 ? starts : Array(starts.prefix(1))).enumerated() {
            var options = i % 2 == 0 ? base : capped
            options.splitOffset = cut
            let parts = try Self.render(fixture, options)
            let expected = i % 2 == 0 ? whole.json : wholeCapped.json
            #expect(parts.json == expected, "\(fixture.relativePath) cut at byte \(cut), max findings \(options.maxFindings.map(String.init) ?? "none")")
        }
    }

    /// The comparison above proves nothing if every split were abandoned: most cuts of the fixtures with
    /// records are merged, including files with duplicate identifiers, clusters and empty columns.
    @Test func mostCutsAreMerged() throws {
        var merged: [String: Int] = [:]
        var tried = 0
        for rule in ["duplicate-identifier", "organization-variants", "empty-column", "dropped-leading-zero", "invalid-utf8", "blank-line"] {
            for fixture in Self.cases where fixture.rule == rule {
                let options = try FixtureTests.options(fixture)
                // Every other cut: the comparison itself is `everyCutGivesTheOnePieceReport`'s.
                for cut in Self.lineStarts(try [UInt8](Data(contentsOf: fixture.input))).enumerated().filter({ $0.offset % 2 == 0 }).map(\.element) {
                    var cutOptions = options
                    cutOptions.splitOffset = cut
                    tried += 1
                    if try Self.render(fixture, cutOptions).split { merged[rule, default: 0] += 1 }
                }
            }
        }
        for rule in ["duplicate-identifier", "organization-variants", "empty-column", "dropped-leading-zero", "invalid-utf8", "blank-line"] {
            #expect((merged[rule] ?? 0) > 0, "no cut of a \(rule) fixture was merged")
        }
        #expect(merged.values.reduce(0, +) * 2 > tried, "\(merged) of \(tried) cuts merged")
    }

    /// Suppressions (applied as findings are kept) give the same report split or not: every other
    /// finding of each fixture with findings is suppressed.
    @Test func suppressionsGiveTheOnePieceReport() throws {
        var compared = 0
        for fixture in Self.cases where ["duplicate-identifier", "organization-variants", "surrounding-whitespace"].contains(fixture.rule) {
            var options = try FixtureTests.options(fixture)
            let report = try Linter(options: options).lint(.path(fixture.relativePath)).report
            let entries = Suppressions.entries(for: [report], salt: nil)
            guard entries.count > 1 else { continue }
            options.suppressions = SuppressionFilter(entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element), salt: nil)
            let whole = try Self.render(fixture, options)
            for cut in Self.lineStarts(try [UInt8](Data(contentsOf: fixture.input))) {
                var cutOptions = options
                cutOptions.splitOffset = cut
                #expect(try Self.render(fixture, cutOptions).json == whole.json, "\(fixture.relativePath) cut at byte \(cut) with suppressions")
                compared += 1
            }
        }
        #expect(compared > 10)
    }

    /// A file above `splitMaximumBytes` is linted in one piece: the later part's own key state would grow
    /// the peak memory with the file rather than with its distinct keys.
    @Test func largeFilesAreNotSplit() throws {
        var text = "Primary Email,Name\n"
        for i in 0..<200 { text += "p\(i)@widget.com,Person \(i)\n" }
        var options = LintOptions()
        options.profile = "4me-people"
        options.threadsPerFile = 2
        options.splitMinimumBytes = 1
        options.splitMaximumBytes = text.utf8.count - 1
        let tooLarge = Linter(options: options)
        _ = try tooLarge.lint(.bytes(Array(text.utf8), displayPath: "p.csv"))
        #expect(!tooLarge.lastLintWasSplit)
        options.splitMaximumBytes = text.utf8.count
        let fits = Linter(options: options)
        _ = try fits.lint(.bytes(Array(text.utf8), displayPath: "p.csv"))
        #expect(fits.lastLintWasSplit)
    }
}
