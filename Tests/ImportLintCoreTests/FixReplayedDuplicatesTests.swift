import Foundation
import Testing
@testable import ImportLintCore

/// `fix` hands the input's duplicate-identifier findings on to the lint of its output when it wrote every
/// record on the line and with the number it was read with and changed no cell the duplicate check reads
/// (`ReplayedDuplicates`). The report and the written file must be those of a lint that reads every record.
@Suite struct FixReplayedDuplicatesTests {
    /// How a people file's fixes change its cells beyond trimming names and job titles.
    enum Variant: CaseIterable {
        case namesOnly
        /// Emails padded with a space the fix trims (which the duplicate check trims too).
        case paddedKeys
        /// Emails with a decomposed 'ë' the fix composes: the keys' bytes change.
        case decomposedKeys
        /// A blank line the fix removes: the records after it move up a line.
        case removedLine
        /// Every record's name padded: no record is written unchanged, so the lint of the output finds no
        /// record by its line but those whose duplicate findings it hands on.
        case everyRecordTrimmed
    }

    static func peopleFile(seed: UInt64, _ variant: Variant) -> [UInt8] {
        var rng = SeededRNG(seed: seed)
        var text = "Primary Email,Name,Job Title,Source,Source ID\n"
        for i in 0..<300 {
            let key = rng.chance(0.3) ? Int.random(in: 0..<30, using: &rng) : i
            let pad = variant == .everyRecordTrimmed || rng.chance(0.3) ? " " : ""
            if variant == .removedLine && i == 150 { text += "\n" }
            let name = "Ann \(i)\(pad)"
            let user = variant == .decomposedKeys && rng.chance(0.2) ? "zoe\u{0308}" : "user"
            text += "\(user)\(key)@example.com\(variant == .paddedKeys ? pad : ""),\(name),Clerk\(pad),AD,\(rng.chance(0.5) ? key : i)\n"
        }
        return Array(text.utf8)
    }

    /// What the first round's pass over `bytes` offers the lint of its output.
    static func replayed(_ bytes: [UInt8]) throws -> ReplayedDuplicates? {
        let input = InputFile.bytes(bytes, displayPath: "people.csv")
        let lint = try Linter(options: LintOptions()).lint(input)
        let settings = PassSettings(inputDelimiter: 0x2C, outputDelimiter: 0x2C, lineEnding: nil, allowUnsafe: false, force: false,
                                    quoting: .keep, collectDetails: false, profile: try lint.report.profile.map(ProfileLoader.load), round: 1)
        let pass = try FixPass(input: input, encoding: .utf8(bom: false), plan: FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: false),
                               settings: settings).run(directory: NSTemporaryDirectory(), name: "test")
        if let path = pass.outputPath { AtomicFile.discard(path) }
        return pass.replayedDuplicates
    }

    @Test(arguments: Variant.allCases)
    func reportIsWhatALintOfEveryRecordGives(variant: Variant) throws {
        for seed in UInt64(1)...4 {
            let bytes = Self.peopleFile(seed: seed, variant)
            let replayed = try Self.replayed(bytes)
            if variant == .removedLine {
                #expect(replayed == nil, "seed \(seed): records moved to other lines")
            } else {
                let offered = try #require(replayed, "seed \(seed)")
                #expect(offered.duplicates.findings.count > 20, "seed \(seed)")
                // Name and Job Title change within their trimmed text when composed only; Primary Email
                // (column 0) changes for the duplicate check only when its characters do.
                #expect(offered.changedColumns.contains(0) == (variant == .decomposedKeys), "seed \(seed)")
            }
            try Self.expectSameFixWholeAndSplit(bytes, "seed \(seed), \(variant)")
        }
    }

    /// `FixUnchangedRecordsTests.expectSameFix` of a people file, its lint in one piece and cut in the middle.
    static func expectSameFixWholeAndSplit(_ bytes: [UInt8], _ what: String) throws {
        for split in [nil, bytes.count / 2] {
            var options = FixOptions()
            options.lint.splitOffset = split
            try FixUnchangedRecordsTests.expectSameFix(bytes, name: "people.csv", options: options, "\(what), split \(split ?? 0)")
        }
    }

    /// A record the fix empties (a no-break space it trims) is one a lint keeps from the other rules: the
    /// lint of the output then checks the duplicates itself (here its findings are the same, since the
    /// record's key was empty; one whose key stays while the record stops being one the rules see would not).
    @Test func aRecordTheFixKeepsFromTheRulesIsCheckedInFull() throws {
        let bytes = Array("Primary Email,Name\nann@widget.com,Ann\n,\u{00A0}\nann@widget.com,Bob\n".utf8)
        let offered = try #require(try Self.replayed(bytes))
        #expect(offered.duplicates.findings.map(\.line) == [4])
        // One round: what remains is the lint of the output the empty record is in (a second removes it).
        var options = FixOptions()
        options.maxRounds = 1
        try FixUnchangedRecordsTests.expectSameFix(bytes, name: "people.csv", options: options, "record emptied by a trim")
        let (outcome, _) = try FixHarness.fix(bytes, name: "people.csv", options: options)
        #expect(outcome.report.remaining.map(\.rule) == [RuleDescriptor.emptyRecord.name, RuleDescriptor.duplicateIdentifier.name])
    }
}
