import Testing
@testable import ImportLintCore

/// A long cell is quoted by its beginning and length in messages and fix descriptions, never in full;
/// the fix's replacement stays whole, and --redact hides the shortened quote too.
@Suite struct LongValueQuoteTests {
    static let long = String(repeating: "Lorem ipsum dolor sit amet ", count: 40) + "end"

    func finding() throws -> Diagnostic {
        var options = LintOptions()
        options.profile = "4me-people"
        let text = "Name,Primary Email,Information\nAnn Lee,ann@widget.com,\"\(Self.long) \"\n"
        let found = try TestSupport.lint(text, name: "t.csv", options: options).report.diagnostics
        return try #require(found.first { $0.rule == "surrounding-whitespace" })
    }

    @Test func longValueIsQuotedByItsBeginning() throws {
        let d = try finding()
        #expect(!d.message.contains(Self.long))
        #expect(d.message.hasPrefix("'Lorem ipsum"))
        #expect(d.message.contains("…' (\(Self.long.count + 1) characters)"))
        #expect(d.fix?.replacement == Self.long)
        #expect(d.fix.map { !$0.description.contains(Self.long) } == true)
    }

    @Test func redactionHidesTheShortenedQuote() throws {
        let d = Redactor.redact(try finding())
        #expect(!d.message.contains("Lorem"))
        #expect(d.fix.map { !$0.description.contains("Lorem") } == true)
    }

    @Test func shortValuesAreQuotedWhole() {
        #expect(!LongValueQuote.isLong(String(repeating: "é", count: LongValueQuote.limit)))
        #expect(LongValueQuote.isLong(String(repeating: "é", count: LongValueQuote.limit + 1)))
    }

    /// A finding reworded at the end of the file (a duplicate key after a fingerprint collision) quotes
    /// its long values shortened too.
    @Test func revisedFindingsAreShortenedToo() {
        let sink = DiagnosticSink(selection: RuleSelection())
        sink.emit(Diagnostic(rule: .duplicateIdentifier, line: 3, column: 1, record: 2, field: "Primary Email",
                             message: "short", values: [Self.long]))
        sink.revise([0: { d in
            var reworded = d
            reworded.message = "'\(Self.long)' already appears on line 2"
            return reworded
        }])
        let found = sink.takeSorted()
        #expect(found.count == 1)
        #expect(found.first.map { !$0.message.contains(Self.long) && $0.message.contains("characters)") } == true)
    }
}
