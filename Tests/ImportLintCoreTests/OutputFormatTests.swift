import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import ImportLintCore

/// SARIF, GitHub workflow commands, JUnit XML and GitLab code quality.
@Suite struct OutputFormatTests {
    /// A Receptionist file with duplicates, a missing contact method, padding and a baseline comparison.
    static func sampleReport(in dir: URL) throws -> Report {
        let baseline = try TestSupport.write("""
            First Name,Last Name,Email,SMS Phone,Location Slug,Identification
            Frank,Williams,frank@widget.com,+13125550100,chicago,100002
            Ann,Lee,ann@widget.com,,chicago,100003
            Bob,Ray,bob@widget.com,,chicago,100004

            """, to: dir.appendingPathComponent("previous.csv"))
        let file = try TestSupport.write("""
            First Name,Last Name,Email,SMS Phone,Location Slug,Identification,Shoe Size
            Frank,Williams,frank@widget.com,+13125550100,chicago,100002,44
            Franky, Williams ,,,chicago,100002,45

            """, to: dir.appendingPathComponent("exports/people, 50%: new.csv"))
        var options = LintOptions()
        options.baselinePath = baseline.path
        let result = try Linter(options: options).lint(.path(file.path))
        #expect(Set(result.report.diagnostics.map(\.rule)).isSuperset(of: ["duplicate-identifier", "removed-identifiers", "record-count-drop", "email-or-sms-required"]))
        return Report(files: [result.report])
    }

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let dir = try TestSupport.temporaryDirectory()
        let report = try Self.sampleReport(in: dir)
        let sarif = try SARIFReporter.render(report, locator: ArtifactLocator(root: dir.path))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleCatalog.all.filter(\.available).count)
        for rule in rules {
            for key in ["id", "name", "shortDescription", "fullDescription", "help"] { #expect(rule[key] != nil, "rule lacks \(key)") }
        }
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == report.files[0].diagnostics.count)
        for result in results {
            #expect(result["ruleId"] is String)
            #expect(result["level"] is String)
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            #expect(artifact["uri"] as? String == "exports/people,%2050%25%3A%20new.csv")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
            let region = try #require(location["region"] as? [String: Any])
            for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect(region[key] is Int, "region lacks \(key)") }
        }
        let removed = try #require(results.first { $0["ruleId"] as? String == "BASE002" })
        let related = try #require((removed["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((related["artifactLocation"] as? [String: Any])?["uri"] as? String == "previous.csv")

        try Self.validateWithJSONSchema(sarif, dir: dir)
    }

    /// python3 + jsonschema validate the log against the OASIS schema (Tests/schemas); skipped with a
    /// message when either is missing.
    static func validateWithJSONSchema(_ sarif: String, dir: URL) throws {
        guard TestSupport.onPath("python3"), (try? TestSupport.run("python3", ["-c", "import jsonschema"]).status) == 0 else {
            print("SKIPPED: SARIF schema validation needs python3 with the jsonschema package (pip install jsonschema)")
            return
        }
        let schema = TestSupport.packageRoot.appendingPathComponent("Tests/schemas/sarif-schema-2.1.0.json")
        let log = try TestSupport.write(sarif, to: dir.appendingPathComponent("report.sarif"))
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(open(sys.argv[2]))
            cls = jsonschema.validators.validator_for(schema)
            errors = sorted(cls(schema).iter_errors(log), key=lambda e: list(e.path))
            for e in errors[:20]:
                print("/".join(map(str, e.path)), e.message)
            sys.exit(1 if errors else 0)
            """
        let result = try TestSupport.run("python3", ["-c", script, schema.path, log.path])
        #expect(result.status == 0, "SARIF schema violations:\n\(result.stdout)\(result.stderr)")
    }

    @Test func sarifOfAnEmptyReportIsValid() throws {
        let dir = try TestSupport.temporaryDirectory()
        let sarif = try SARIFReporter.render(Report(files: []), locator: ArtifactLocator(root: dir.path))
        try Self.validateWithJSONSchema(sarif, dir: dir)
    }

    @Test func sarifUsesAbsoluteURIsOutsideTheRoot() throws {
        let d = Diagnostic(rule: .byteOrderMark, line: 3, column: 2, record: nil, field: nil, message: "m")
        let report = Report(files: [FileReport(path: "/elsewhere/x.csv", profile: nil, encoding: "UTF-8", delimiter: ",", records: 1,
                                               diagnostics: [d], clusters: nil)])
        let sarif = try SARIFReporter.render(report, locator: ArtifactLocator(root: "/work/repo"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "file:///elsewhere/x.csv")
        #expect(artifact["uriBaseId"] == nil)
    }

    @Test func githubEscaping() {
        #expect(GitHubReporter.escapeData("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d")
        #expect(GitHubReporter.escapeProperty("a:b,c%\nd") == "a%3Ab%2Cc%25%0Ad")
    }

    @Test func githubWorkflowCommands() throws {
        let dir = try TestSupport.temporaryDirectory()
        let report = try Self.sampleReport(in: dir)
        let text = GitHubReporter.render(report, locator: ArtifactLocator(root: dir.path))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == report.files[0].diagnostics.count + 1)
        let duplicate = try #require(lines.first { $0.contains("title=ID001 duplicate-identifier") })
        #expect(duplicate.hasPrefix("::error file=exports/people%2C 50%25%3A new.csv,line=3,col="))
        #expect(duplicate.contains("::Identification '100002' already appears on line 2"))
        #expect(lines.contains { $0.hasPrefix("::warning file=") && $0.contains("title=BASE002 removed-identifiers") })
        #expect(lines.last?.hasPrefix("importlint: 1 file") == true)
        for line in lines.dropLast() { #expect(!line.contains("\r")) }
    }

    @Test func junitIsWellFormedAndCountsFailures() throws {
        let dir = try TestSupport.temporaryDirectory()
        var report = try Self.sampleReport(in: dir)
        // A control character in a message must not make the XML invalid.
        report.files[0].diagnostics[0].message += " \u{0B}<&>\""
        let xml = JUnitReporter.render(report)
        let errors = report.files[0].diagnostics.filter { $0.severity == .error }.count
        #expect(xml.contains("failures=\"\(errors)\""))
        #expect(!xml.contains("\u{0B}"))
        #if canImport(FoundationXML) || os(macOS)
        let document = try XMLDocument(data: Data(xml.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == report.files[0].diagnostics.count)
        let failures = try document.nodes(forXPath: "//failure")
        #expect(failures.count == errors)
        #endif
        // With fail-on warning, warnings fail too.
        let strict = JUnitReporter.render(report) { _ in .warning }
        let warnings = report.files[0].diagnostics.filter { $0.severity >= .warning }.count
        #expect(strict.contains("failures=\"\(warnings)\""))
    }

    @Test func junitListsCleanFilesAsPassing() {
        let file = FileReport(path: "ok.csv", profile: "receptionist", encoding: "UTF-8", delimiter: ",", records: 2, diagnostics: [], clusters: nil)
        let xml = JUnitReporter.render(Report(files: [file]))
        #expect(xml.contains("<testsuite name=\"ok.csv\" tests=\"1\" failures=\"0\""))
    }

    @Test func codeQualityIssues() throws {
        let dir = try TestSupport.temporaryDirectory()
        let report = try Self.sampleReport(in: dir)
        let json = try CodeQualityReporter.render(report, locator: ArtifactLocator(root: dir.path))
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(issues.count == report.files[0].diagnostics.count)
        let fingerprints = Set(issues.compactMap { $0["fingerprint"] as? String })
        #expect(fingerprints.count == issues.count)
        let location = try #require(issues.first?["location"] as? [String: Any])
        #expect(location["path"] as? String == "exports/people, 50%: new.csv")
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// The text report streams in pieces of about 64 KB, with each diagnostic's source line and caret.
    @Test func textReportStreamsInPieces() throws {
        var rows = "Primary Email,Name,Locale\n"
        for i in 0..<2_000 { rows += "user\(i)@widget.com, Ann \(i) ,english\n" }
        let result = try Linter(options: LintOptions(captureSourceLines: true)).lint(.bytes(Array(rows.utf8), displayPath: "p.csv"))
        let report = Report(files: [result.report])
        var streamed: [UInt8] = []
        var pieces = 0
        try TextReporter().write(report, context: ReportContext(sources: [result.source])) { piece in
            streamed.append(contentsOf: piece)
            #expect(piece.count < 1 << 17)
            pieces += 1
        }
        #expect(pieces > 3)
        let rendered = String(decoding: streamed, as: UTF8.self)
        #expect(rendered.contains("p.csv:2:18: warning: "))
        #expect(rendered.contains(" 2 | user0@widget.com, Ann 0 ,english\n   | " + String(repeating: " ", count: 17) + "^\n"))
        #expect(rendered.contains("\np.csv: profile 4me-people, 2000 records\n"))
        #expect(rendered.hasSuffix("1 file, 2000 records: 4000 errors, 2000 warnings, 0 info; 2000 fixable with `importlint fix`\n"))
    }

    /// `check`'s summary does not promise fixes of a file `fix` refuses to write: it says why and what it
    /// takes (the review's amb.csv, a guessed code page, and rag.csv, a ragged row).
    @Test func summaryNamesTheFilesFixRefuses() throws {
        func summary(_ files: [(String, [UInt8])]) throws -> String {
            let reports = try files.map { try Linter(options: LintOptions()).lint(.bytes($0.1, displayPath: $0.0)).report }
            return TextReporter.summaryLine(Report(files: reports).summary)
        }
        let guessed: [UInt8] = Array("First Name,Last Name\r\nAy".utf8) + [0xFE] + Array("e,Kaya\r\n\n\nZo".utf8) + [0xFE] + Array(",Lee\n".utf8)
        let ragged = Array("Primary Email,Name,Organization\na@example.com,Ann Lee ,Acme\nb@example.com,Bob,Acme,extra\n".utf8)
        let clean = Array("Primary Email,Name\nc@example.com, Cy \n".utf8)
        #expect(try summary([("amb.csv", guessed)]).hasSuffix(", which refuses the file until `--input-encoding` names its code page or `--unsafe-fixes` accepts the guess (legacy-encoding)"))
        #expect(try summary([("rag.csv", ragged)]).hasSuffix("1 fixable with `importlint fix`, which refuses the file unless `--force` (ragged-row)"))
        let three = try summary([("amb.csv", guessed), ("rag.csv", ragged), ("c.csv", clean)])
        #expect(three.hasSuffix(", which refuses 1 file unless `--force` (ragged-row) and 1 file until `--input-encoding` names its code page or `--unsafe-fixes` accepts the guess (legacy-encoding)"), "\(three)")
        #expect(!(try summary([("c.csv", clean)])).contains("refuses"))
    }

    /// The summary says when no profile was applied, so a file whose columns were never checked is visible.
    @Test func textSummaryNamesTheProfileOfEachFile() throws {
        let unknown = try TestSupport.lint("sku,qty\nA-1,4\n", name: "stock.csv")
        let known = try TestSupport.lint("First Name,Last Name,Email\nAnn,Lee,ann@widget.com\n", name: "contacts.csv")
        let text = try TextReporter().render(Report(files: [unknown.report, known.report]), context: ReportContext())
        #expect(text.contains("stock.csv: no profile applied (columns not checked), 1 record\n"))
        #expect(text.contains("contacts.csv: profile receptionist, 1 record\n"))
        #expect(unknown.report.diagnostics.map(\.rule) == ["unknown-format"])
    }
}
