import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// `check --format html` and `--format csv`: goldens of fixtures, escaping of hostile values, the per-rule
/// cap and Excel safety.
@Suite struct ReviewReportTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/reports")

    /// The report `importlint check FILE --no-config --format FORMAT ARGS…` writes, run from the package root.
    static func check(_ file: String, format: String, _ arguments: [String] = []) throws -> String {
        TestSupport.enterPackageRoot()
        let out = try TestSupport.temporaryDirectory().appendingPathComponent("report.\(format)")
        let command = try CheckCommand.parse([file, "--no-config", "--format", format, "-o", out.path] + arguments)
        _ = try command.checkRun().run()
        return try String(contentsOf: out, encoding: .utf8)
    }

    /// The HTML report with the tool version replaced by the goldens' placeholder.
    static func normalizingVersion(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let parts = html.components(separatedBy: "\"tool\":\"importlint \(ImportLint.version)\"")
        #expect(parts.count == 2, "the page should name the tool version once", sourceLocation: sourceLocation)
        return parts.joined(separator: "\"tool\":\"importlint \(Golden.versionPlaceholder)\"")
    }

    static let goldenCases: [(input: String, arguments: [String], name: String)] = [
        ("fixtures/reports/people-organizations.tsv", [], "people-organizations"),
        ("fixtures/reports/people-organizations.tsv", ["--redact"], "people-organizations.redacted"),
        ("fixtures/examples/receptionist-messy.csv", [], "receptionist-messy"),
    ]

    @Test(arguments: goldenCases.map(\.name))
    func goldens(_ name: String) throws {
        let golden = try #require(Self.goldenCases.first { $0.name == name })
        let csv = try Self.check(golden.input, format: "csv", golden.arguments)
        try Golden.check(Array(csv.utf8), Self.folder.appendingPathComponent("\(name).expected.csv"), "CSV report of \(golden.input)")
        let html = Self.normalizingVersion(try Self.check(golden.input, format: "html", golden.arguments))
        try Golden.check(Array(html.utf8), Self.folder.appendingPathComponent("\(name).expected.html"), "HTML report of \(golden.input)")
    }

    /// The JSON in the page's data block, parsed.
    static func embeddedData(_ html: String) throws -> [String: Any] {
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"report-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let json = String(html[start.upperBound..<end.lowerBound])
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func hostileReport(diagnostics count: Int = 1) -> Report {
        let hostile = "</script><script>alert(1)</script><!-- \"><img src=x onerror=alert(2)> & \u{2028}"
        let descriptor = RuleCatalog.all.first { $0.name == "formula-injection" }!
        let diagnostics = (0..<count).map { i in
            Diagnostic(rule: descriptor, line: i + 2, column: 1, record: i + 1, field: hostile, message: "message \(hostile)",
                       fix: Fix(.unsafe, "Replace with \(hostile)", replacement: hostile), values: [hostile])
        }
        let cluster = Cluster(field: "Organization", canonical: hostile, members: [ClusterMember(value: hostile, count: 1, lines: [2])])
        return Report(files: [FileReport(path: "exports/\(hostile).csv", profile: hostile, encoding: "UTF-8", delimiter: ",", records: count,
                                         diagnostics: diagnostics, clusters: [cluster])])
    }

    /// Hostile cell values and file names stay data: the only `</script>` are the page's own, no markup or
    /// comment opens, and the embedded JSON gives every value back unchanged.
    @Test func htmlEscapesHostileValuesAndPaths() throws {
        let report = Self.hostileReport()
        let html = HTMLReporter.render(report, redacted: false)
        #expect(html.components(separatedBy: "</script>").count == 3)
        #expect(!html.contains("<img"))
        #expect(!html.contains("<!--"))
        #expect(!html.contains("\u{2028}"))
        let data = try Self.embeddedData(html)
        let files = try #require(data["files"] as? [[String: Any]])
        #expect(files.first?["path"] as? String == report.files[0].path)
        let finding = try #require((data["findings"] as? [[Any]])?.first)
        let hostile = report.files[0].diagnostics[0].values[0]
        #expect(finding.compactMap { $0 as? String }.filter { $0 == hostile }.count == 3)  // field, value, replacement
        let cluster = try #require((data["clusters"] as? [[String: Any]])?.first)
        #expect(cluster["canonical"] as? String == hostile)
    }

    /// The Content Security Policy names the hashes of exactly the style and script the page holds, and
    /// allows nothing from the network.
    @Test func htmlPolicyAllowsOnlyItsOwnStyleAndScript() throws {
        let html = HTMLReporter.render(Report(files: []), redacted: false)
        let policy = try #require(html.split(separator: "\n").first { $0.contains("Content-Security-Policy") })
        #expect(policy.contains("default-src 'none'"))
        let script = try #require(html.components(separatedBy: "<script>").last?.components(separatedBy: "</script>").first)
        let style = try #require(html.components(separatedBy: "<style>").last?.components(separatedBy: "</style>").first)
        #expect(policy.contains("script-src '\(HTMLReporter.hash(script))'"))
        #expect(policy.contains("style-src '\(HTMLReporter.hash(style))'"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must not load anything")
    }

    /// Only the first findings of each rule are embedded; the counts stay whole.
    @Test func htmlCapsFindingsPerRule() throws {
        let limit = HTMLReporter.findingsPerRule
        let html = HTMLReporter.render(Self.hostileReport(diagnostics: limit + 7), redacted: false)
        let data = try Self.embeddedData(html)
        #expect((data["findings"] as? [Any])?.count == limit)
        let rule = try #require((data["rules"] as? [[String: Any]])?.first)
        #expect(rule["count"] as? Int == limit + 7)
        #expect(rule["shown"] as? Int == limit)
        #expect(HTMLPage.script.contains("are left out"))
    }

    @Test func htmlUnderRedactOffersNoMapping() throws {
        let html = try Self.check("fixtures/reports/people-organizations.tsv", format: "html", ["--redact"])
        let data = try Self.embeddedData(html)
        #expect(data["redacted"] as? Bool == true)
        #expect(!html.contains("Widget"))
        #expect(!html.contains("ann@widget.com"))
    }

    @Test func csvCellsAreFormulaSafeAndQuoted() {
        #expect(CSVReporter.formulaSafe("=1+2") == "'=1+2")
        for lead in ["+", "-", "@", "\t", "\r"] { #expect(CSVReporter.formulaSafe(lead + "x") == "'" + lead + "x") }
        #expect(CSVReporter.formulaSafe("a=b") == "a=b")
        #expect(CSVReporter.formulaSafe("") == "")
        #expect(CSVReporter.field("plain text") == "plain text")
        #expect(CSVReporter.field("a,b") == "\"a,b\"")
        #expect(CSVReporter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReporter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReporter.row(["=A1", "x,y"]) == "'=A1,\"x,y\"\r\n")
    }

    /// A byte-order mark, CRLF after every record (line breaks inside quoted cells stay), one row per finding.
    @Test func csvOpensInExcel() throws {
        let report = Self.hostileReport(diagnostics: 3)
        let csv = try CSVReporter().render(report, context: ReportContext())
        #expect(csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.hasSuffix("\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count == 1 + 1 + 3)
        #expect(csv.contains("\"exports/</script><script>alert(1)</script><!-- \"\"><img src=x onerror=alert(2)> & \u{2028}.csv\""))
    }
}
