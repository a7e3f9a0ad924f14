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
            let cutLine = SplitLint.CutLine((deferring: 4, balanced: 8), input, encoding: .utf8(bom: false), counting: true)
            #expect(cutLine.choose(deferring: deferring, bytesRead: bytesRead) == cut)
            #expect(try cutLine.value() == line, "deferring \(deferring), read \(bytesRead)")
        }
    }

    /// The later part numbers its lines from its own start and is moved on when merged: its findings that
    /// quote other lines (a repeat's first line, in the message and as related location; an invalid line's
    /// own line; clustered spellings' rows) must read as the one-piece lint's, with CRLF breaks, blank lines
    /// and quoted cells of several lines before and after the cut, and repeats on both sides of it.
    @Test func laterPartLinesAreMovedOnAsTheFilesLines() throws {
        let long = String(repeating: "b", count: 130) + "@example.com"
        let rows = [
            "Primary Email\tName\tOrganization\tInformation",
            "a@example.com\tÄnn Ångström\tWidget IT\t\"two\r\nlines\"",
            "", "",
            "b@example.com\tBøb Ørsted\tWidget I.T.\tplain",
            "c@example.com\tÇy Çelik\tAcme Sales\t\"x\r\ny\r\nz\"",
            "",
            "a@example.com\tÄnn Ångström Again\twidget it\tplain",
            "d@example.com\tDée Ëlst\tWidget IT\tbad \u{FFFD}",
            "d@example.com\tDée Ëlst Again\tACME Sales\t\"m\r\nn\"",
            "",
            "B@example.com\tBøb Ørsted Again\tAcme Sales\tplain",
            "e@example.com\tÈve Ærø\tWidget  IT\tbad \u{FFFD} twice \u{FFFD}",
            "d@example.com\tDée Ëlst Thrice\tAcme Sales Inc.\tplain",
            "e@example.com\tÈve Ærø Again\tWidget IT\tplain",
            // A key longer than 120 characters is quoted shortened, also when its repeat is reworded after the cut.
            "\(long)\tLöng Key\tWidget IT\tplain",
            "\(long)\tLöng Key Again\tWidget IT\tplain",
            "\(long)\tLöng Key Thrice\tWidget IT\tplain",
        ]
        // U+FFFD stands for a byte that is not UTF-8 (the names' accents keep the file UTF-8).
        let file = Self.replacing([0xEF, 0xBF, 0xBD], with: [0xE9], in: Array((rows.joined(separator: "\r\n") + "\r\n").utf8))
        let input = InputFile.bytes(file, displayPath: "people.tsv")
        var options = LintOptions()
        options.profile = "4me-people"
        let whole = try JSONReporter.render(Report(files: [Linter(options: options).lint(input).report]))
        // Lines: the header 1, Ann 2-3, blank 4-5, Bob 6, Cy 7-9, blank 10, Ann again 11, Dee 12, Dee again
        // 13-14, blank 15, Bob again 16, Eve 17, Dee thrice 18, Eve again 19, the long key 20-22.
        for quoted in ["already appears on line 2", "already appears on line 6", "already appears on line 12", "already appears on line 17",
                       "(142 characters) already appears on line 20", "UTF-8 on line 12", "UTF-8 on line 17"] {
            #expect(whole.contains(quoted), "\(quoted) in \(whole)")
        }
        var merged = 0
        for cut in Self.lineStarts(file) {
            options.splitOffset = cut
            let linter = Linter(options: options)
            let parts = try JSONReporter.render(Report(files: [linter.lint(input).report]))
            #expect(parts == whole, "cut at byte \(cut)")
            if linter.lastLintWasSplit { merged += 1 }
        }
        #expect(merged >= 10, "\(merged) cuts merged")
    }

    static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i...].starts(with: pattern) {
                out += replacement
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
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
        for rule in ["duplicate-identifier", "organization-variants", "empty-column", "dropped-leading-zero", "invalid-utf8", "blank-line", "missing-value"] {
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
        for rule in ["duplicate-identifier", "organization-variants", "empty-column", "dropped-leading-zero", "invalid-utf8", "blank-line", "missing-value"] {
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
