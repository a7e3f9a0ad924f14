import Foundation
import Testing
@testable import ImportLintCore

/// Generated files with random mixes of the defects the fixer repairs, from a seeded RNG. Properties:
/// records preserved, untouched cells identical (their bytes, quotes included), fix(fix(x)) == fix(x)
/// byte for byte, no fixable diagnostic left after --unsafe-fixes, and no cell made a formula.
@Suite struct FixPropertyTests {
    struct Column {
        let name: String
        let variants: [String]
        let values: (inout SeededRNG, Int) -> String
    }

    struct Generated {
        var bytes: [UInt8]
        var name: String
        var delimiter: UInt8
        var header: [String]
        var canonical: [String]
        var rows: [[String]]
        var groupColumn: Int?
    }

    static let texts = [
        "Zoë Ångström", "Łukasz Wójcik", "Nguyễn Văn Thành", "Γιώργος Παπαδόπουλος", "山田 太郎", "محمد العلي",
        "Renée O'Brien", "Smith, John", "Sales \"EMEA\"", "Line one\nLine two", "A\r\nB", "R&D; Ops",
        "Tab\tinside", "François Lefèvre", "Dvořák", "Ana María", "plain", "Kraków Office", "Hà Nội",
        "東京本社", "Αθήνα", "القاهرة", "say \"\"hi\"\"", "x,y;z", "",
        // Formulas a trim or an invisible-character fix would expose (issue 11, item 7).
        " =1+1", "\u{200B}=HYPERLINK(\"http://x.test\",\"x\")", "\u{00A0}@SUM(A1)", "\u{FEFF}+1",
    ]

    static func text(_ rng: inout SeededRNG) -> String {
        var t = rng.pick(texts)
        if rng.chance(0.25) { t = t.decomposedStringWithCanonicalMapping }
        if !t.isEmpty && rng.chance(0.25) { t = rng.pick([" ", "  ", "\u{A0}", "\t"]) + t }
        if !t.isEmpty && rng.chance(0.25) { t += rng.pick([" ", "   ", "\u{A0}"]) }
        return t
    }

    static let persons = ["ann@widget.com", "bob@widget.com", "chloé@widget.com", "dmitri@widget.com", "eve@widget.com"]

    static func people() -> [Column] {
        [
            Column(name: "Primary Email", variants: ["Email", "E-mail", "primary email", "PRIMARY EMAIL", "Mail"]) { _, i in "user\(i)@example.com" },
            Column(name: "Name", variants: ["Full Name", "Display Name", "name"]) { rng, _ in
                var t = text(&rng); if Whitespace.trim(t).isEmpty { t = "Nameless" }; return t },
            Column(name: "Job Title", variants: ["JobTitle", "Position", "job title"]) { rng, _ in text(&rng) },
            Column(name: "Location", variants: ["location", "LOCATION"]) { rng, _ in text(&rng) },
            Column(name: "Information", variants: ["information"]) { rng, _ in text(&rng) },
            Column(name: "Employee ID", variants: ["EmployeeID", "employee id", "Employee Number"]) { rng, i in rng.chance(0.2) ? " \(1000 + i) " : "\(1000 + i)" },
        ]
    }

    static func receptionist() -> [Column] {
        [
            Column(name: "First Name", variants: ["FirstName", "Given Name", "first name"]) { rng, _ in
                var t = text(&rng); if Whitespace.trim(t).isEmpty { t = "Ann" }; return t },
            Column(name: "Last Name", variants: ["LastName", "Surname", "last name"]) { rng, _ in
                var t = text(&rng); if Whitespace.trim(t).isEmpty { t = "Lee" }; return t },
            Column(name: "Email", variants: ["E-mail", "EmailAddress", "email"]) { rng, i in rng.chance(0.2) ? "user\(i)@example.com " : "user\(i)@example.com" },
            Column(name: "Business Title", variants: ["business title", "Job Title"]) { rng, _ in text(&rng) },
            Column(name: "Department", variants: ["Dept", "department"]) { rng, _ in text(&rng) },
            Column(name: "Identification", variants: ["EmployeeID", "Employee ID"]) { _, i in "E\(i)" },
        ]
    }

    static func contacts() -> [Column] {
        [
            Column(name: "Person", variants: ["Primary Email", "person"]) { rng, _ in
                let p = rng.pick(persons)
                return rng.chance(0.2) ? p.uppercased() : (rng.chance(0.2) ? p + " " : p) },
            Column(name: "Contact Protocol", variants: ["Protocol"]) { _, _ in "email" },
            Column(name: "Contact Label", variants: ["Label"]) { rng, _ in rng.pick(["work", "personal"]) },
            Column(name: "Contact URI", variants: ["URI"]) { rng, i in "c\(i)@mail.example.com" },
            Column(name: "Address City", variants: ["City"]) { rng, _ in rng.chance(0.3) ? text(&rng) : "" },
            Column(name: "Integration", variants: ["integration"]) { _, _ in "1" },
        ]
    }

    static func needsQuotes(_ s: String, _ d: UInt8) -> Bool {
        s.utf8.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    static func generate(seed: UInt64) -> Generated {
        var rng = SeededRNG(seed: seed)
        let kind = Int(seed % 3)
        let columns = [people(), receptionist(), contacts()][kind]
        let delimiter: UInt8 = rng.pick([0x2C, 0x09, 0x3B])
        let eols = ["\n", "\r\n", "\r"]
        let eol = rng.pick(eols)
        let mixed = rng.chance(0.15)
        func end() -> String { mixed ? rng.pick(eols) : eol }
        // The first column keeps its exact name so that the profile is detected.
        let header = columns.enumerated().map { i, c in i > 0 && rng.chance(0.3) ? rng.pick(c.variants) : c.name }
        let paddedHeader = header.map { h in rng.chance(0.1) ? h + " " : h }
        let count = Int.random(in: 1...25, using: &rng)
        var rows: [[String]] = []
        for i in 0..<count { rows.append(columns.map { $0.values(&rng, i) }) }
        let d = String(UnicodeScalar(delimiter))
        func line(_ cells: [String]) -> String {
            cells.map { c in
                needsQuotes(c, delimiter) || rng.chance(0.1) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
            }.joined(separator: d)
        }
        var text = ""
        if rng.chance(0.2) { text += "#TYPE System.Management.Automation.PSCustomObject" + end() }
        text += line(paddedHeader) + end()
        for (i, row) in rows.enumerated() {
            if rng.chance(0.1) { text += rng.pick(["", "   "]) + end() }
            text += line(row)
            if i < rows.count - 1 || rng.chance(0.7) { text += end() }
        }
        var bytes = Array(text.utf8)
        let encoding = Int.random(in: 0..<10, using: &rng)
        if encoding < 2 {
            bytes = [0xEF, 0xBB, 0xBF] + bytes
        } else if encoding == 2 {
            bytes = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        let name = "gen-\(seed).\(delimiter == 0x09 ? "tsv" : "csv")"
        return Generated(bytes: bytes, name: name, delimiter: delimiter, header: header, canonical: columns.map(\.name),
                         rows: rows, groupColumn: kind == 2 ? 0 : nil)
    }

    /// 150 files (1 to 25 records each) by default; IMPORTLINT_PROPERTY_SEEDS=N runs N of them by hand.
    static let seeds: [UInt64] = Array(1...(ProcessInfo.processInfo.environment["IMPORTLINT_PROPERTY_SEEDS"].flatMap { UInt64($0) }.map { max(1, $0) } ?? 150))

    @Test(arguments: seeds)
    func fixedFileKeepsDataAndIsStable(seed: UInt64) throws {
        let g = Self.generate(seed: seed)
        let (outcome, fixedOrNil) = try FixHarness.fix(g.bytes, name: g.name, options: FixOptions())
        let fixed = try #require(fixedOrNil, "seed \(seed) refused: \(outcome.report.refused ?? "")")
        let report = outcome.report
        #expect(report.summary.recordsIn == g.rows.count)
        #expect(report.summary.recordsOut == g.rows.count)
        #expect(!fixed.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(validating: fixed, as: UTF8.self) != nil)

        // A delimiter the profile's target does not read (';' or '|', tab for The Receptionist) is changed.
        let outputDelimiter = try #require(report.outputDelimiter.utf8.first)
        if outputDelimiter != g.delimiter { #expect(report.fileFixes.contains { $0.rule == "unsupported-delimiter" }) }
        let out = try FixHarness.records(fixed, delimiter: outputDelimiter)
        let rawOut = try FixHarness.records(fixed, delimiter: outputDelimiter, raw: true)
        let decoded = try Fixer.decodedBytes(.bytes(g.bytes, displayPath: g.name), encodingOverride: nil)
        let rawIn = try FixHarness.records(decoded, delimiter: g.delimiter, raw: true)
        try #require(out.count == g.rows.count + 1, "seed \(seed): \(out.count - 1) records out, \(g.rows.count) in")
        #expect(out[0] == g.canonical, "seed \(seed): header \(out[0])")

        // Expected order: contact rows regrouped by person in order of first appearance, others in place.
        var order = Array(g.rows.indices)
        if let gc = g.groupColumn {
            var firstSeen: [String: Int] = [:]
            let keys = g.rows.map { CellText.normalize($0[gc]).lowercased() }
            for (i, k) in keys.enumerated() where firstSeen[k] == nil { firstSeen[k] = i }
            order.sort { (firstSeen[keys[$0]]!, $0) < (firstSeen[keys[$1]]!, $1) }
        }
        let touched = Set(report.applied.filter { $0.round == 1 && $0.record != nil }.map { "\($0.record!):\($0.fieldIndex ?? -1)" })
        let onlyNormalizing = Set(["surrounding-whitespace", "not-nfc"])
        let valueFixed = Set(report.applied.filter { !onlyNormalizing.contains($0.rule) && $0.record != nil }.map { "\($0.record!):\($0.fieldIndex ?? -1)" })
        for (position, source) in order.enumerated() {
            let got = out[position + 1]
            let want = g.rows[source]
            #expect(got.count == want.count)
            for i in want.indices where i < got.count {
                // No fix turns a cell into a formula.
                if FormulaInjection.check(got[i], kind: .text) != nil {
                    #expect(FormulaInjection.check(want[i], kind: .text) != nil, "seed \(seed): \(want[i].debugDescription) became the formula \(got[i].debugDescription)")
                }
                let ref = "\(source + 1):\(i)"
                if valueFixed.contains(ref) || report.summary.rounds > 1 { continue }
                if touched.contains(ref) {
                    #expect(got[i] == CellText.normalize(want[i]), "seed \(seed) record \(source + 1) field \(i)")
                } else {
                    #expect(got[i] == want[i], "seed \(seed): untouched cell \(source + 1):\(i) changed from \(want[i].debugDescription) to \(got[i].debugDescription)")
                    // Its bytes too, quotes included (a re-delimited file may quote a cell holding the new delimiter).
                    if outputDelimiter == g.delimiter { #expect(rawOut[position + 1][i] == rawIn[source + 1][i], "seed \(seed): untouched cell \(source + 1):\(i) re-quoted") }
                }
            }
        }

        // Idempotent, byte for byte.
        let (_, again) = try FixHarness.fix(fixed, name: g.name, options: FixOptions())
        #expect(again == fixed, "seed \(seed): fixing the output changed it")

        // With unsafe fixes: stable too, and nothing fixable is left.
        var unsafe = FixOptions()
        unsafe.unsafeFixes = true
        let (_, u1OrNil) = try FixHarness.fix(g.bytes, name: g.name, options: unsafe)
        let u1 = try #require(u1OrNil)
        let (_, u2) = try FixHarness.fix(u1, name: g.name, options: unsafe)
        #expect(u2 == u1, "seed \(seed): unsafe fix not idempotent")
        let left = try FixHarness.lint(u1, name: g.name).diagnostics.filter { $0.fix != nil }
        #expect(left.isEmpty, "seed \(seed): fixable diagnostics remain: \(left.map { "\($0.rule) line \($0.line): \($0.message)" })")
        if g.groupColumn != nil {
            #expect(try FixHarness.lint(u1, name: g.name).diagnostics.allSatisfy { $0.rule != "ungrouped-contact-rows" })
        }
    }
}
