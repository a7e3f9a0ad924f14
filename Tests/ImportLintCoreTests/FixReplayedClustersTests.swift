import Foundation
import Testing
@testable import ImportLintCore

/// `fix` hands the input's cluster findings (organization-variants, unknown-organization) on to the lint of
/// its output with the duplicate findings, when it changed no cell of a clustered column beyond the spaces
/// and tabs at its ends (`ReplayedClustersRule`). The report and the written file must be those of a lint that
/// tallies and clusters every record.
@Suite struct FixReplayedClustersTests {
    /// How a people file's fixes change its cells.
    enum Variant: CaseIterable {
        /// Names and job titles trimmed; organizations untouched.
        case organizationsUntouched
        /// Organizations padded with a space the fix trims (which the cluster rule trims too).
        case paddedOrganizations
        /// An organization with a decomposed 'ë' the fix composes: the clustered cells' bytes change.
        case decomposedOrganizations
        /// A name padded in front, which the fix trims: every organization after it moves along its line.
        case cellsMovedAlong
        /// A blank line the fix removes: the records after it move up a line.
        case removedLine
    }

    static let organizations = ["Widget Germany", "Widget Germany", "Widget Germany", "WIDGET  GERMANY", "Widget Deutschland",
                                "Gadget France", "Gadget France", "gadget france", "Zoe\u{0308} Labs", "Zoë Labs", "Zoë Labs"]

    static func peopleFile(seed: UInt64, _ variant: Variant) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        var text = "Primary Email,Name,Organization,Job Title\n"
        for i in 0..<300 {
            if variant == .removedLine && i == 150 { text += "\n" }
            let namePad = rng.chance(0.3) ? " " : ""
            let lead = variant == .cellsMovedAlong && rng.chance(0.5) ? " " : ""
            var organization = organizations[Int.random(in: 0..<organizations.count, using: &rng)]
            if variant != .decomposedOrganizations { organization = organization.precomposedStringWithCanonicalMapping }
            if variant == .paddedOrganizations && rng.chance(0.3) { organization = " \(organization) " }
            text += "user\(i)@example.com,\(lead)Ann \(i)\(namePad),\(organization),Clerk\(namePad)\n"
        }
        return Array(text.utf8)
    }

    @Test(arguments: Variant.allCases)
    func reportIsWhatALintOfEveryRecordGives(variant: Variant) throws {
        for seed in UInt64(1)...4 {
            let bytes = Self.peopleFile(seed: seed, variant)
            let replayed = try FixReplayedDuplicatesTests.replayed(bytes)
            if variant == .removedLine {
                #expect(replayed == nil, "seed \(seed): records moved to other lines")
            } else {
                let offered = try #require(replayed, "seed \(seed)")
                #expect(offered.clusters.findings.count > 20, "seed \(seed)")
                #expect(offered.clusters.findings.allSatisfy { $0.rule == RuleDescriptor.organizationVariants.name }, "seed \(seed)")
                // Organization (column 2) changes for the cluster rule only when its characters do.
                #expect(offered.changedColumns.contains(2) == (variant == .decomposedOrganizations), "seed \(seed)")
            }
            try FixReplayedDuplicatesTests.expectSameFixWholeAndSplit(bytes, "seed \(seed), \(variant)")
        }
    }

    /// The lint of the output reports the handed-on findings where their cells are in the written file.
    @Test func findingsAreWhereTheirCellsAreWritten() throws {
        let bytes = Self.peopleFile(seed: 7, .cellsMovedAlong)
        let (outcome, written) = try FixHarness.fix(bytes, name: "people.csv", options: FixOptions())
        let lines = String(decoding: try #require(written), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let variants = outcome.report.remaining.filter { $0.rule == RuleDescriptor.organizationVariants.name }
        #expect(variants.count > 20)
        for finding in variants {
            let line = Array(lines[finding.line - 1].utf8)
            let cell = line[(finding.column - 1)...].prefix { $0 != UInt8(ascii: ",") }
            #expect(String(decoding: cell, as: UTF8.self) == finding.values.first, "line \(finding.line)")
        }
    }
}
