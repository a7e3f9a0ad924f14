import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// The HTML report in a real browser: headless Chromium, driven by Tests/browser/check_html_report.py over
/// the DevTools protocol, loads the report of a people file with organization variants and hostile cells,
/// checks the counts, filters and sorts, reviews clusters like a person and downloads the mapping. Fails
/// on CI (CI=true) when Chromium or python3 is missing (`.ci/run` installs Chromium); skips loudly elsewhere.
@Suite struct HTMLBrowserTests {
    static let input = "fixtures/reports/people-organizations.tsv"

    static var chromium: String? {
        ["chromium", "chromium-browser", "google-chrome"].first(where: TestSupport.onPath)
    }

    @Test func reviewerFlowInHeadlessChromium() throws {
        guard let chromium = Self.chromium, TestSupport.onPath("python3") else {
            let why = "the browser test needs chromium and python3 on PATH (apt-get install -y chromium; .ci/run installs it)"
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record(Comment(rawValue: why)) } else { print("SKIPPED: \(why)") }
            return
        }
        let out = TestSupport.packageRoot.appendingPathComponent(".build/test-output/html-report")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let page = out.appendingPathComponent("report.html")
        try TestSupport.write(try ReviewReportTests.check(Self.input, format: "html"), to: page)

        let defaultMapping = out.appendingPathComponent("clusters-write-mapping.tsv")
        try ClustersCommand.parse([Self.input, "--write-mapping", defaultMapping.path]).run()

        let report = Report(files: [try Linter(options: LintOptions()).lint(.path(Self.input)).report])
        let organizationVariants = report.files[0].diagnostics.filter { $0.code == "ORG001" }.count
        #expect(organizationVariants == 4)
        let expectations: [String: Any] = [
            "texts": [
                "#total-errors": "\(report.summary.errors) errors",
                "#total-warnings": "\(report.summary.warnings) warnings",
                "#files tbody td:nth-child(4)": String(report.summary.records),
                "#rules tbody tr[data-code=ORG001] td:nth-child(3)": String(organizationVariants),
            ],
            "hostileTexts": ["<script>alert(1)</script>", "</script><b>x</b>", "gus@<img src=x onerror=\"window.pwned=1\">"],
            "defaultMapping": defaultMapping.path,
            "reviewedMapping": ReviewReportTests.folder.appendingPathComponent("people-organizations.reviewed.mapping").path,
            "filterRule": "ORG001",
            "filterRuleCount": organizationVariants,
            "decisions": [["widget usa", "reject"], ["Widget  France", "reject"], ["Widget  France", "accept"]],
            "canonicalEdits": [["Widget Germany", "Widget Deutschland GmbH"]],
            "rejectedShown": ["widget usa"],
        ]
        let expect = out.appendingPathComponent("expect.json")
        try JSONSerialization.data(withJSONObject: expectations, options: [.prettyPrinted, .sortedKeys]).write(to: expect)

        let script = TestSupport.packageRoot.appendingPathComponent("Tests/browser/check_html_report.py").path
        let screenshot = out.appendingPathComponent("report.png").path
        let started = ContinuousClock.now
        let result = try TestSupport.run("python3", [script, "--chromium", chromium, "--page", page.path, "--expect", expect.path,
                                                     "--screenshot", screenshot])
        print(result.stdout, result.stderr)
        print("browser test: \(ContinuousClock.now - started); page, screenshot and expectations in \(out.path)")
        #expect(result.status == 0, "browser check failed:\n\(result.stdout)\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: screenshot))
    }
}
