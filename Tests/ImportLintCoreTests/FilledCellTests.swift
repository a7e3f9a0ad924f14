import Testing
@testable import ImportLintCore

/// The byte tests that settle the cells of required and `when_empty` columns must agree with trimming the
/// cell and matching placeholders, which they replace for nearly every cell.
@Suite struct FilledCellTests {
    /// Placeholders in several spellings, padded or not, and bytes that start, pad or end them.
    static let pieces: [[UInt8]] = ["null", "NULL", "(null)", "N/A", "n/a", "-", "None", "none", "(not set)", "TBD", "unknown", "#N/A", "\\N", "nan", "NaN",
                                    " ", "\t", "a", "Z", "é", "x", "(", "#", "-", "\u{A0}"].map { Array($0.utf8) }

    static func expectAgreement(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { raw in
            let trimmed = raw.trimmedASCII()
            #expect(FilledCell.isBlank(raw) == trimmed.isEmpty, "\(bytes)")
            if FilledCell.holdsPlainValue(raw) {
                for kind in ValueKind.allCases {
                    #expect(!trimmed.isEmpty && !Placeholder.matches(trimmed, kind: kind), "\(bytes) \(kind)")
                }
            }
        }
    }

    /// Every screen for placeholders is made from `Placeholder.mayStart`: it must take each one's first byte.
    @Test func placeholderFirstBytesAreScreened() {
        for byte in Placeholder.firstBytes { #expect(Placeholder.mayStart(byte), "\(byte)") }
    }

    @Test func agreesWithTrimmingOnGeneratedCells() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<30_000 {
            let bytes = (0..<Int.random(in: 0...4, using: &rng)).flatMap { _ in Self.pieces.randomElement(using: &rng)! }
            Self.expectAgreement(bytes)
        }
    }

    /// Every byte value first and last, around every placeholder and around ten plain bytes.
    @Test func agreesWithTrimmingForEveryByte() {
        let middles = Self.pieces.prefix(11) + [Array("abcdefghij".utf8), []]
        for b in 0...255 {
            for middle in middles {
                Self.expectAgreement([UInt8(b)] + middle)
                Self.expectAgreement(middle + [UInt8(b)])
                Self.expectAgreement([UInt8(b)] + middle + [UInt8(b)])
            }
        }
    }

    /// It settles the cells it is for: a plain name or address, and a long value starting like a placeholder.
    @Test func settlesOrdinaryValues() {
        for value in ["Ann Lee", "ann@widget.com", "Nathalie Dupont", "Tom", "Unterberger-Lee"] {
            let settled = Array(value.utf8).withUnsafeBufferPointer(FilledCell.holdsPlainValue)
            #expect(settled == (value != "Tom"), "\(value)")
        }
    }
}
