import CFieldScan
import Testing
@testable import ImportLintCore

/// `cfs_key_fingerprints` fingerprints a batch of records in C; every cell it calls plain must get the
/// fingerprint `KeyFingerprint` gives the trimmed cell, and every cell needing a judgement (trimming,
/// placeholders, Unicode lowercasing, missing or empty) must be left to the caller.
@Suite struct KeyFingerprintBatchTests {
    private static let cells = [
        "ann@example.com", "ANN@Example.COM", " ann@example.com", "ann@example.com\t", "", "NULL", "n/a", "-",
        "åsa.öberg@example.se", "ÅSA@example.se", "a", "ab", "abc", "abcd", "Abcdefg", "ABCDEFGH", "abcdefghijklmnop",
        "abcdefghijklmnopq", "Sylvie.Doesburg@Fabrikam.com", "someone.long@ex\u{E4}mple.com", String(repeating: "Long.Address", count: 9) + "@example.com", "x\u{A0}y", "1e5", "#",
    ]

    @Test(arguments: [false, true])
    func batchAgreesWithTheSwiftFingerprint(caseInsensitive: Bool) throws {
        var rng = SeededRNG(seed: 7)
        var text = "Name,Primary Email,Site\n"
        var values: [String] = []
        for i in 0..<200 {
            let value = Self.cells[Int(rng.next() % UInt64(Self.cells.count))]
            values.append(value)
            // Some records lack the cell; some have a space at the edge of another cell only.
            text += i % 17 == 5 ? "Person \(i)\n" : "Person \(i),\(value),\(i % 13 == 0 ? " Site" : "Site")\n"
        }
        let reader = CSVReader(source: MemorySource(Array(text.utf8)))
        _ = try #require(try reader.readHeader())
        var fingerprints = [UInt64](repeating: 0, count: CSVReader.batchCapacity)
        var plain = [UInt8](repeating: 0, count: CSVReader.batchCapacity)
        var checked = 0, leftToSwift = 0
        while try reader.next() {
            let ahead = reader.batchedRecordsAhead
            cfs_key_fingerprints(ahead.bytes, ahead.bounds, ahead.records, Int64(ahead.count), 1,
                                 caseInsensitive ? 1 : 0, ValueValidation.screenFirstBytes, Int64(Placeholder.maximumLength),
                                 KeyFingerprint.seed, .max, &fingerprints, &plain)
            var records = ahead
            for r in 0..<ahead.count {
                guard let record = records.next() else {
                    Issue.record("fewer records than counted")
                    break
                }
                let row = record.line - 2
                let cell = record.bytes(1).trimmedASCII()
                guard plain[r] != 0 else {
                    leftToSwift += 1
                    continue
                }
                #expect(row % 17 != 5 && row % 13 != 0 && !cell.isEmpty, "row \(row)")
                // A cell that may be a placeholder by its first byte is left to Swift unless it is longer than any.
                #expect(!ValueValidation.mayBeScreened(cell, ValueValidation.screenFirstBytes) || cell.count > Placeholder.maximumLength,
                        "row \(row)")
                var expected = KeyFingerprint()
                expected.combine(cell, caseInsensitive: caseInsensitive)
                #expect(fingerprints[r] == expected.value, "row \(row): \(values[row])")
                checked += 1
            }
        }
        #expect(checked > 300)
        #expect(leftToSwift > 100)
    }
}
