import Foundation
import Testing
@testable import ImportLintCore

/// A SQL client's message above the header (sqlcmd's 'Changed database context', mysql's password
/// warning) is recognized by its exact text only, skipped, reported once and removed by the fix.
@Suite struct SQLClientMessageTests {
    static func message(_ line: String) -> SQLClientMessage? {
        Array(line.utf8).withUnsafeBufferPointer { SQLClientMessage(line: $0) }
    }

    @Test(arguments: [
        "Changed database context to 'HR'.", "Changed database context to 'AdventureWorks2022'.   ",
        "Changed language setting to us_english.", "Changed language setting to Deutsch.",
        "mysql: [Warning] Using a password on the command line interface can be insecure.",
        "Warning: Using a password on the command line interface can be insecure.",
    ])
    func recognizesTheClientsMessages(_ line: String) {
        #expect(Self.message(line) != nil)
    }

    /// Headers and lines that only look like a message are not skipped: that would hide a record or a header.
    @Test(arguments: [
        "Changed database context to 'HR'", "Changed database context to ''.", "Changed database context to 'HR'.,Name",
        "Changed database context to 'H,R'.", "changed database context to 'HR'.", "Changed language setting to .",
        "mysql: [Warning] Using a password on the command line interface can be insecure. Name",
        "Name,Primary Email", "Warning,Name",
    ])
    func leavesOtherLinesAlone(_ line: String) {
        #expect(Self.message(line) == nil)
    }

    @Test func theMessageIsSkippedAndReportedOnce() throws {
        let text = "Changed database context to 'HR'.\nName,Primary Email,Organization\nAnn Lee,ann.lee@widget.com,Widget IT\n"
        let report = try TestSupport.lint(text).report
        #expect(report.profile == "4me-people")
        #expect(report.records == 1)
        #expect(report.diagnostics.map(\.code) == ["STR012"])
        #expect(report.diagnostics.first?.severity == .error)
        #expect(report.diagnostics.first?.fix?.applicability == .safe)
    }

    @Test func fixRemovesTheMessageLine() throws {
        let rows = "Name,Primary Email,Organization\nAnn Lee,ann.lee@widget.com,Widget IT\n"
        let (_, written) = try FixHarness.fix(Array(("Changed database context to 'HR'.\n" + rows).utf8), name: "people.csv", options: FixOptions())
        #expect(written.map { String(decoding: $0, as: UTF8.self) } == rows)
    }
}
