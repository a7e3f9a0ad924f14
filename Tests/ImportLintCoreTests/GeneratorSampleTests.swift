import Foundation
import Testing
@testable import ImportLintCore

/// The benchmark generator's own ground truth (fixtures/generator-samples/README.md): every defect its
/// manifest lists is reported at its line by the rule the defect maps to, and no error appears that the
/// manifest does not explain.
@Suite struct GeneratorSampleTests {
    static let folder = TestSupport.packageRoot.appendingPathComponent("fixtures/generator-samples")

    /// One line of a manifest: a defect the generator injected.
    struct Injected {
        let line: Int
        let defect: String
        let field: String
        let detail: String
    }

    static func manifest(of sample: String) throws -> [Injected] {
        let name = (sample as NSString).deletingPathExtension + ".manifest.tsv"
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let lines = text.split(separator: "\n").dropFirst()  // line, record, defect, field, detail
        return try lines.map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let number = try #require(cells.count == 5 ? Int(cells[0]) : nil, "manifest line '\(line)'")
            return Injected(line: number, defect: cells[2], field: cells[3], detail: cells[4])
        }
    }

    /// The rule code that reports an injected defect (the README's table).
    static func code(of injected: Injected, in sample: String) -> String? {
        switch (injected.defect, injected.field) {
        case ("duplicate-email", _): "ID001"
        // 4me puts a new person with an empty Organization in the Default organization: not rejected.
        case ("empty-required", "Organization"): "ID005"
        case ("empty-required", "Email") where sample.hasPrefix("receptionist"): "ID004"
        case ("empty-required", _): "VAL001"
        case ("trailing-space", _): "TXT006"
        case ("organization-variant", _), ("department-variant", _): "ORG001"
        case ("ungrouped-row", _): "ID002"
        case ("unknown-person", _): "ID003"
        default: nil
        }
    }

    /// Department variants that are other words, not spellings of the same name (Department is free text).
    static let otherWords: Set<String> = ["Procurement -> Purchasing", "Finance -> Finance & Accounting"]

    /// Manifest lines that are not the defect the manifest names, or that no file-local check can tell.
    static let notReportable: [String: [Int: String]] = [
        "people-defects.csv": [1025: "spelled once, as is the other spelling (line 1153, which is flagged)",
                               1662: "no other spelling of that organization in the file"],
        "contacts-defects.tsv": [245: "the person has no other row", 1969: "the person has no other row"],
        "receptionist-defects.csv": [1831: "the copied Email is blank (' ')"],
    ]

    static func lint(_ sample: String) throws -> FileReport {
        let input = InputFile.path(folder.appendingPathComponent(sample).path, displayPath: sample)
        var options = LintOptions()
        if sample.hasPrefix("contacts") {
            let people = InputFile.path(folder.appendingPathComponent("people-clean.tsv").path, displayPath: "people-clean.tsv")
            options.references = try ReferenceSet.resolve(for: [input], explicitSources: [people], profile: nil)
            #expect(!options.references.isEmpty, "people-clean.tsv gives the Person values")
        }
        return try Linter(options: options).lint(input).report
    }

    static let samplesWithDefects = ["people-defects.csv", "contacts-defects.tsv", "receptionist-defects.csv"]

    @Test(arguments: samplesWithDefects)
    func everyInjectedDefectIsReportedAtItsLine(_ sample: String) throws {
        let injected = try Self.manifest(of: sample)
        #expect(injected.count > 300, "a sample at --defect-rate 0.2 of 2,000 rows")
        let found = Set(try Self.lint(sample).diagnostics.map { "\($0.line) \($0.code)" })
        let exempt = Self.notReportable[sample] ?? [:]
        var checked = 0
        for defect in injected where exempt[defect.line] == nil && !Self.otherWords.contains(defect.detail) {
            let code = try #require(Self.code(of: defect, in: sample), "no rule for \(defect.defect) in \(sample)")
            let reported = found.contains("\(defect.line) \(code)")
            #expect(reported, "\(sample) line \(defect.line): \(defect.defect) of \(defect.field) '\(defect.detail)' should raise \(code)")
            checked += 1
        }
        #expect(checked + exempt.count + injected.filter { Self.otherWords.contains($0.detail) }.count == injected.count)
    }

    @Test(arguments: samplesWithDefects + ["people-clean.tsv", "receptionist-clean.csv"])
    func noErrorOutsideTheManifest(_ sample: String) throws {
        let injected = try Self.manifest(of: sample)
        let report = try Self.lint(sample)
        #expect(report.records >= 1000)
        let explained = Set(injected.compactMap { d in Self.code(of: d, in: sample).map { "\(d.line) \($0)" } })
        // A row of another person injected into a person's rows splits the person's group for real.
        let splitters = Set(injected.filter { ["ungrouped-row", "unknown-person"].contains($0.defect) }.map(\.line))
        for d in report.diagnostics where d.severity == .error && !explained.contains("\(d.line) \(d.code)") {
            let splitGroup = d.code == "ID002" && d.related.first.map { earlier in
                splitters.contains { $0 > earlier.line && $0 < d.line }
            } == true
            #expect(splitGroup, "\(sample) line \(d.line): \(d.code) \(d.message) is not in the manifest")
        }
        if injected.isEmpty {
            #expect(report.diagnostics.allSatisfy { $0.severity != .error }, "a file without defects raises no error")
        }
    }
}
