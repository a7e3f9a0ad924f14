import Foundation
import Testing
@testable import ImportLintCore

/// A file whose every data row has one empty cell more than the header (a trailing delimiter from HR tools
/// and SQL exports, or a split value on every row whose last column is empty) is one error naming both
/// readings, with an unsafe fix that drops the empty last cell; a row of that shape in a file not all of
/// that shape is an error of its own.
@Suite struct TrailingDelimiterTests {
    static let header = "Name,Primary Email,Job Title,Organization\n"

    static func lint(_ text: String, threads: Int = 1) throws -> [Diagnostic] {
        try lintNotingSplit(text, threads: threads).diagnostics
    }

    static func lintNotingSplit(_ text: String, threads: Int) throws -> (diagnostics: [Diagnostic], split: Bool) {
        var options = LintOptions()
        (options.threadsPerFile, options.splitMinimumBytes) = (threads, 1)
        let linter = Linter(options: options)
        let diagnostics = try linter.lint(.bytes(Array(text.utf8), displayPath: "people.csv")).report.diagnostics
        return (diagnostics, linter.lastLintWasSplit)
    }

    static var unsafe: FixOptions {
        var options = FixOptions()
        options.unsafeFixes = true
        return options
    }

    static func ragged(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.rule == RuleDescriptor.raggedRow.name }
    }

    static func rows(_ count: Int, trailing: Bool) -> String {
        (1...count).map { "Person \($0),p\($0)@widget.com,Clerk,Widget IT\(trailing ? "," : "")\n" }.joined()
    }

    @Test func everyRowEndingWithADelimiterIsOneErrorWithAnUnsafeFix() throws {
        let found = Self.ragged(try Self.lint(Self.header + Self.rows(3, trailing: true)))
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.severity == .error)
        #expect(finding.record == nil && finding.line == 2)
        #expect(finding.message.hasPrefix("Every one of the file's 3 records has 5 cells, the header 4, and the last is empty: either the tool"))
        #expect(finding.fix?.applicability == .unsafe)
        #expect(finding.fix?.action == .dropTrailingEmptyCell)
    }

    /// 'Last, First' names unquoted (bcp never quotes) in a file whose last column is always empty have the
    /// trailing shape on every row with shifted values: the file must not pass, and `fix` must not drop the
    /// cell without --unsafe-fixes (it would write Name 'Lee', Job Title 'Ann').
    @Test func splitNamesOnEveryRowDoNotPass() throws {
        let text = "Primary Email,Name,Job Title,Location\nann.lee@widget.com,Lee, Ann,Director,\nbob.ng@widget.com,Ng, Bob,Engineer,\n"
        let found = Self.ragged(try Self.lint(text))
        #expect(found.count == 1 && found[0].severity == .error)
        #expect(found[0].message.contains("'Lee, Ann' read as two cells"))
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "people.csv", options: FixOptions())
        #expect(written == nil)
        #expect(outcome.report.refused?.contains("ragged-row") == true)
    }

    /// A quoted empty last cell ('""') was written as a value, not left by a delimiter: not the shape.
    @Test func aQuotedEmptyLastCellIsNotATrailingDelimiter() throws {
        let text = Self.header + "Ann Lee,ann@widget.com,Clerk,Widget IT,\"\"\n" + Self.rows(1, trailing: true)
        let found = Self.ragged(try Self.lint(text))
        #expect(found.map(\.line) == [2, 3])
        #expect(found.allSatisfy { $0.severity == .error && $0.record != nil })
    }

    /// One row without the trailing delimiter: the file is not of that shape, so each row with an empty
    /// extra cell is an error again, and so is the row that lacks it only if it is ragged (it is not).
    @Test func aRowWithoutTheDelimiterKeepsEveryRowAnError() throws {
        let text = Self.header + Self.rows(2, trailing: true) + "Cara Diaz,cara@widget.com,Analyst,Widget Finance\n"
        let found = Self.ragged(try Self.lint(text))
        #expect(found.map(\.line) == [2, 3])
        #expect(found.allSatisfy { $0.severity == .error && $0.fix == nil && $0.record != nil })
    }

    /// 'Director, Sales' unquoted in a file that ends rows with a delimiter gives two extra cells: an error,
    /// and the file is then not all of one shape.
    @Test func aValueSplitByAnUnquotedDelimiterStaysAnError() throws {
        let text = Self.header + "Ann Lee,ann@widget.com,Director, Sales,,\n" + Self.rows(2, trailing: true)
        let found = Self.ragged(try Self.lint(text))
        #expect(found.map(\.line) == [2, 3, 4])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found[0].message.contains("it ends with 2 delimiters"))
    }

    /// Read in two parts at once, the verdict is the whole file's: the same findings as in one piece, for a
    /// file all of the shape, for one whose last row is not, and for one whose last row opens a quote it
    /// never closes (seen by the later part only: that part's rule must hand it on, or the earlier one
    /// reported the file-wide verdict the one-piece lint does not).
    @Test func twoPartsGiveTheOnePieceVerdict() throws {
        let tails = ["": 1, "Last Row,last@widget.com,Clerk,Widget IT\n": 5_000,
                     "\"Open Row,open@widget.com,Clerk,Widget IT,\n": 5_000]
        for (tail, expected) in tails {
            let text = Self.header + Self.rows(5_000, trailing: true) + tail
            let one = try Self.lint(text)
            let two = try Self.lintNotingSplit(text, threads: 2)
            #expect(two.split)
            #expect(two.diagnostics == one)
            #expect(Self.ragged(one).count == expected, "\(tail)")
        }
    }

    /// `fix --unsafe-fixes` drops the empty last cell of every record and changes no other byte; fixing again
    /// changes nothing.
    @Test func fixDropsTheEmptyLastCellOnly() throws {
        let text = "\u{FEFF}" + Self.header + "\"Lee, Ann\",ann@widget.com,\"Director, Sales\",Widget IT,\n"
            + Self.rows(3, trailing: true)
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "people.csv", options: Self.unsafe)
        let output = String(decoding: try #require(written), as: UTF8.self)
        #expect(output == Self.header + "\"Lee, Ann\",ann@widget.com,\"Director, Sales\",Widget IT\n" + Self.rows(3, trailing: false))
        #expect(outcome.report.fileFixes.map(\.description).contains("Removed the delimiter that ended 4 records (an empty cell after the last column)"))
        #expect(Self.ragged(outcome.report.remaining).isEmpty)
        let (_, again) = try FixHarness.fix(Array(output.utf8), name: "people.csv", options: Self.unsafe)
        #expect(again.map { String(decoding: $0, as: UTF8.self) } == output)
    }

    /// An empty record among them (',,,,' as Excel saves a formatted row, or one as wide as the header) is no
    /// record to the import and has its own finding: the others still get the one file-wide verdict (each was
    /// an error), and `fix --unsafe-fixes` removes the empty record and drops the others' empty cell.
    @Test func anEmptyRecordAmongThemKeepsTheFileVerdict() throws {
        for empty in [",,,,\n", ",,,\n"] {
            let text = Self.header + Self.rows(2, trailing: true) + empty + "Cara Diaz,cara@widget.com,Analyst,Widget IT,\n"
            let found = Self.ragged(try Self.lint(text))
            #expect(found.count == 1)
            #expect(found.first?.record == nil && found.first?.severity == .error)
            #expect(found.first?.message.hasPrefix("Every one of the file's 3 records (besides 1 that the import reads as no record: empty, or a copy of the header) has 5 cells, the header 4") == true,
                    "\(found.map(\.message))")
            let (_, written) = try FixHarness.fix(Array(text.utf8), name: "people.csv", options: Self.unsafe)
            #expect(written.map { String(decoding: $0, as: UTF8.self) }
                == Self.header + Self.rows(2, trailing: false) + "Cara Diaz,cara@widget.com,Analyst,Widget IT\n")
        }
    }

    /// A file not all of the shape is refused, as before, even with --unsafe-fixes.
    @Test func fixRefusesAFileNotAllOfTheShape() throws {
        let text = Self.header + Self.rows(2, trailing: true) + Self.rows(1, trailing: false)
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "people.csv", options: Self.unsafe)
        #expect(written == nil)
        #expect(outcome.report.refused?.contains("ragged-row") == true)
    }
}
