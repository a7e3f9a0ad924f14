import Testing
@testable import ImportLintCore

/// integer-as-float: pandas' '100101.0' in a text column, reported once per column and only when every
/// value of the column is written so.
@Suite struct IntegerAsFloatTests {
    static func lint(_ text: String, threads: Int = 1) throws -> [Diagnostic] {
        var options = LintOptions()
        options.threadsPerFile = threads
        options.splitMinimumBytes = 1
        return try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
            .filter { $0.rule == RuleDescriptor.integerAsFloat.name }
    }

    static let header = "First Name,Last Name,Email,Department,Identification\n"

    @Test func aColumnOfFloatsIsOneFindingAtItsFirstValue() throws {
        let found = try Self.lint(Self.header + "Ann,Lee,a@example.com,IT,\nBob,Ray,b@example.com,IT,100102.0\nCy,Wu,c@example.com,IT,100103.0\n")
        #expect(found.count == 1)
        let finding = try #require(found.first)
        #expect(finding.field == "Identification" && finding.line == 3 && finding.record == 2)
        #expect(finding.message.contains("(2)") && finding.message.contains("'100102.0' will not match '100102'"))
        #expect(finding.message.contains("The Receptionist") && finding.fix == nil)
    }

    @Test func oneOtherValueOrASingleFloatIsNotReported() throws {
        #expect(try Self.lint(Self.header + "Ann,Lee,a@example.com,IT,100101\nBob,Ray,b@example.com,IT,100102.0\nCy,Wu,c@example.com,IT,100103.0\n").isEmpty)
        #expect(try Self.lint(Self.header + "Ann,Lee,a@example.com,IT,100101.0\nBob,Ray,b@example.com,IT,\n").isEmpty)
        #expect(try Self.lint(Self.header + "Ann,Lee,a@example.com,IT,100101.5\nBob,Ray,b@example.com,IT,100102.5\n").isEmpty)
    }

    /// Only columns of identifiers another system holds are watched: a Department of '4.0' is its own text.
    @Test func onlyExternalIdentifierColumnsAreWatched() throws {
        #expect(try Self.lint(Self.header + "Ann,Lee,a@example.com,4.0,100101\nBob,Ray,b@example.com,5.0,100102\n").isEmpty)
        let profile = try ProfileLoader.load("receptionist")
        let watched = profile.columns.filter(\.externalID).map(\.name)
        #expect(watched == ["Identification"])
    }

    @Test func wholeFloatIsDigitsThenPointZero() {
        func whole(_ s: String) -> Bool { Array(s.utf8).withUnsafeBufferPointer(IntegerAsFloatRule.isWholeFloat) }
        #expect(whole("100101.0") && whole("0.0"))
        for text in ["100101", ".0", "1.00", "-1.0", "1e5.0", "1,0", "1.0 ", "A1.0"] { #expect(!whole(text), "\(text)") }
    }

    /// Read in two parts at once, the file gives the same finding as read in one.
    @Test func twoPartsAgreeWithOne() throws {
        var text = "Primary Email,Name,Employee ID\n"
        for i in 0..<4_000 { text += "p\(i)@widget.com,Person \(i),\(100_000 + i).0\n" }
        let one = try Self.lint(text)
        #expect(one.count == 1 && one.first?.message.contains("(4000)") == true)
        #expect(try Self.lint(text, threads: 2) == one)
    }
}
