import Foundation
import Testing
@testable import ImportLintCore

/// Baselines, suppressions, redaction and progress.
@Suite struct GateTests {
    static let header = "First Name,Last Name,Email,SMS Phone,Location Slug,Identification"

    @Test func suppressionsMatchByContentNotLine() throws {
        let text = """
            \(Self.header)
            Frank,Williams,frank.q@secret-corp.com,+13125550100,chicago,100002
            Franky,Williams,frank2.q@secret-corp.com,,chicago,100002

            """
        let first = try TestSupport.lint(text)
        #expect(first.report.diagnostics.contains { $0.rule == "duplicate-identifier" })
        let entries = Suppressions.entries(for: [first.report], salt: nil)
        #expect(!entries.isEmpty)
        #expect(entries.allSatisfy { $0.hash?.hasPrefix("sha256:") == true && $0.value == nil })

        // Rows added above move the finding to another line: still suppressed.
        let moved = text.replacingOccurrences(of: Self.header + "\n", with: Self.header + "\nAnn,Lee,ann@widget.com,,chicago,100001\nBob,Ray,bob@widget.com,,chicago,100003\n")
        var results = [try TestSupport.lint(moved)]
        let (suppressed, stale) = Suppressions.apply(entries, to: &results, salt: nil)
        #expect(suppressed == first.report.diagnostics.count)
        #expect(results[0].report.diagnostics.isEmpty)
        #expect(stale.isEmpty)

        // The duplicate is gone: its suppression is stale.
        let fixed = "\(Self.header)\nFrank,Williams,frank.q@secret-corp.com,+13125550100,chicago,100002\nFranky,Williams,frank2.q@secret-corp.com,,chicago,100009\n"
        var fixedResults = [try TestSupport.lint(fixed)]
        let (_, stale2) = Suppressions.apply(entries, to: &fixedResults, salt: nil)
        #expect(stale2.contains { $0.rule == "duplicate-identifier" })

        // Entries for files not linted in this run are not judged stale.
        var other = [try TestSupport.lint(text, name: "other.csv")]
        let (none, stale3) = Suppressions.apply(entries, to: &other, salt: nil)
        #expect(none == 0 && stale3.isEmpty)
    }

    @Test func suppressionByPlainValueAndFileRoundTrip() throws {
        let text = "\(Self.header)\nFrank,Williams,frank.q@secret-corp.com,,chicago,100002\nFranky,Williams,frank2.q@secret-corp.com,,chicago,100002\n"
        let hand = [Suppression(path: "people.csv", rule: "ID001", field: "Identification", hash: nil, value: "100002")]
        var results = [try TestSupport.lint(text)]
        let (suppressed, stale) = Suppressions.apply(hand, to: &results, salt: nil)
        #expect(suppressed == 1 && stale.isEmpty)

        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("suppressions.json").path
        try Suppressions.write(hand, to: file)
        #expect(try Suppressions.load(file) == hand)
        try TestSupport.write(#"{"version": 1, "suppressions": [{"path": "a.csv", "rule": "x"}]}"#, to: URL(fileURLWithPath: file))
        #expect(throws: ConfigError.self) { try Suppressions.load(file) }
    }

    @Test func redactionLeavesNoValueInAnyFormat() throws {
        let dir = try TestSupport.temporaryDirectory()
        let secrets = ["frank.q@secret-corp.com", "+13125550100", "Williams", "Franky", "100002", "ann.secret@widget.com", "Zed", "Ghost"]
        let baseline = try TestSupport.write("""
            First Name,Last Name,Email,SMS Phone,Location Slug,Identification
            Ghost,Person,ghost@widget.com,+13125550177,chicago,100777

            """, to: dir.appendingPathComponent("previous.csv"))
        let file = try TestSupport.write("""
            First Name,Last Name,Email,SMS Phone,Location Slug,Identification,Zed
            Frank,Williams,frank.q@secret-corp.com,+13125550100,chicago,100002,x
            Franky, Williams ,,+13125550100,chicago,100002,y
            Ann,Lee,ann.secret@widget.com,,chicago,100002,z

            """, to: dir.appendingPathComponent("people.csv"))
        var options = LintOptions(captureSourceLines: true)
        options.baselinePath = baseline.path
        let plain = try Linter(options: options).lint(.path(file.path))
        let rendered = try Self.renderAll([plain], dir: dir)
        #expect(secrets.contains { rendered.contains($0) }, "the sample should quote values when not redacted")

        var cluster = plain
        cluster.report.clusters = [Cluster(field: "Organization", canonical: "Franky", members: [ClusterMember(value: "Zed", count: 1, lines: [2])])]
        let redacted = Redactor.redact([cluster])
        let output = try Self.renderAll(redacted, dir: dir)
        for secret in secrets + ["ghost@widget.com", "100777"] {
            #expect(!output.contains(secret), "'\(secret)' appears in redacted output")
        }
        #expect(output.contains(Redactor.mask))
        #expect(redacted[0].report.diagnostics.count == plain.report.diagnostics.count)
    }

    static func renderAll(_ results: [LintResult], dir: URL) throws -> String {
        let report = Report(files: results.map(\.report))
        let context = ReportContext(sources: results.map(\.source), locator: ArtifactLocator(root: dir.path))
        return try Reporters.all.map { try $0.reporter.render(report, context: context) }.joined(separator: "\n")
    }

    @Test func safetyNetMasksEmailsAndPhonesThatRulesForgotToList() {
        let d = Diagnostic(rule: .duplicateIdentifier, line: 2, column: 1, record: 1, field: nil,
                           message: "Email 'x.y@example.org' and phone +1 (312) 555-0100 on line 3")
        let r = Redactor.redact(d)
        #expect(!r.message.contains("x.y@example.org") && !r.message.contains("555-0100"))
        #expect(r.message.contains("line 3"))
    }

    @Test func baselineUsesFirstSharedKeyAndScope() throws {
        let dir = try TestSupport.temporaryDirectory()
        let baseline = try TestSupport.write("""
            Identification,First Name,Last Name,Email,Location Slug
            1,Ann,Lee,ann@x.com,chicago
            1,Ann,Lee,ann@x.com,paris
            2,Bob,Ray,bob@x.com,chicago
            ,Cy,Kay,cy@x.com,chicago

            """, to: dir.appendingPathComponent("baseline.csv"))
        var options = LintOptions()
        options.baselinePath = baseline.path
        options.baselineDisplayPath = "baseline.csv"
        let report = try TestSupport.lint("First Name,Last Name,Email,Location Slug,Identification\nAnn,Lee,ann@x.com,chicago,1\nBob,Ray,bob@x.com,chicago,2\nDee,Jo,dee@x.com,chicago,3\n", options: options).report
        let removed = report.diagnostics.filter { $0.rule == "removed-identifiers" }
        #expect(removed.map(\.related) == [[RelatedLocation(line: 3, path: "baseline.csv")]])
        #expect(removed.first?.message.hasPrefix("Identification '1' (Location Slug 'paris') is in the baseline baseline.csv (line 3)") == true)
        #expect(removed.first.map { ($0.line, $0.column, $0.record) } ?? (0, 0, 0) == (1, 1, nil))
        // 4 → 3 records is a 25% drop.
        #expect(report.diagnostics.contains { $0.rule == "record-count-drop" })

        options.recordCountDropThreshold = 0.30
        let lenient = try TestSupport.lint("First Name,Last Name,Email,Location Slug,Identification\nAnn,Lee,ann@x.com,chicago,1\nBob,Ray,bob@x.com,chicago,2\nDee,Jo,dee@x.com,chicago,3\n", options: options).report
        #expect(!lenient.diagnostics.contains { $0.rule == "record-count-drop" })

        options.selection = RuleSelection(ignore: ["BASE"])
        let off = try TestSupport.lint("First Name,Last Name,Email\nAnn,Lee,ann@x.com\n", options: options).report
        #expect(off.diagnostics.allSatisfy { !$0.code.hasPrefix("BASE") })
    }

    @Test func missingBaselineIsAnInputError() {
        var options = LintOptions()
        options.baselinePath = "/nonexistent/previous.csv"
        #expect(throws: InputError.self) { try TestSupport.lint("\(Self.header)\nA,B,a@b.c,,x,1\n", options: options) }
    }

    @Test func progressIsReportedEveryNRecords() throws {
        let linter = Linter(options: LintOptions())
        linter.progressInterval = 2
        nonisolated(unsafe) var calls: [Int] = []
        linter.progress = { calls.append($0.records) }
        let rows = (1...5).map { "P\($0),L,p\($0)@x.com,,chicago,\($0)" }.joined(separator: "\n")
        _ = try linter.lint(.bytes(Array("\(Self.header)\n\(rows)\n".utf8), displayPath: "p.csv"))
        #expect(calls == [2, 4])
    }
}
