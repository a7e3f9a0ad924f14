import Testing
@testable import ImportLintCore

/// A byte-order mark before a quoted cell, where `cat` appended an export written with a BOM.
@Suite struct ByteOrderMarkQuoteTests {
    @Test func wholeQuotedValueBehindTheMarkReadsAsTheExporterQuotedIt() {
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"bob@widget.com\"") == "bob@widget.com")
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"Bob \"\"Bee\"\" Stone\"") == "Bob \"Bee\" Stone")
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"\"") == "")
    }

    @Test func anythingElseIsNoWholeQuotedValue() {
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"Bob \"Bee\" Stone\"") == nil)  // a quote not doubled
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"bob@widget.com\" x") == nil)  // text after it
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\u{FEFF}\"Lee") == nil)  // split at a delimiter
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("\"bob\"") == nil)
        #expect(MalformedQuoteRule.quotedBehindByteOrderMark("x\u{FEFF}\"bob\"") == nil)
    }

    /// The invisible-character fix would leave the quotes in the value: the mark is malformed-quote's.
    @Test func invisibleCharacterLeavesTheMarkBeforeAQuotedValue() {
        #expect(InvisibleCharacters.check("\u{FEFF}\"bob@widget.com\"") == nil)
        #expect(InvisibleCharacters.check("\u{FEFF}bob@widget.com")?.fix?.replacement == "bob@widget.com")
        #expect(InvisibleCharacters.check("\u{FEFF}\"Ann\u{200B}Lee\"") != nil)
    }
}
