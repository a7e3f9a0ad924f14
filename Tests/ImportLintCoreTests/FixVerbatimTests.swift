import Testing
@testable import ImportLintCore

/// The fixer writes a record no fix names as it was read when the reader's own notes (no quoted cell, no
/// cell end to trim, where its first multi-byte character is) say it is plain: that shortcut must agree,
/// record for record, with looking at every byte and every cell end.
@Suite struct FixVerbatimTests {
    /// Pieces that matter to the decision: quotes, line breaks, delimiters, ends to trim, characters below
    /// and from U+0300 (combining marks, Greek, CJK), controls, and plain text.
    static let pieces = ["a", "Zoë", "e\u{301}", "Ω", "東京", "\u{A0}", " ", "\t", "\"", "\"\"", "\n", "\r\n", "\r",
                         ",", ";", "x", "\u{1}", "ü", "é", "Łódź", "\u{2028}", "\u{FEFF}", "1", "@", "\u{300}"]

    static func record(_ rng: inout SeededRNG) -> String {
        var cells: [String] = []
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            var cell = ""
            for _ in 0..<Int.random(in: 0...5, using: &rng) { cell += rng.pick(pieces) }
            if rng.chance(0.2) { cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            cells.append(cell)
        }
        return cells.joined(separator: ",") + rng.pick(["\n", "\r\n", "\r", ""])
    }

    @Test(arguments: [1, 7, 64, 4096])
    func readerNotesAgreeWithEveryByte(chunkSize: Int) throws {
        var rng = SeededRNG(seed: UInt64(chunkSize))
        var agreed = 0, plain = 0
        for _ in 0..<300 {
            let text = (0..<20).map { _ in Self.record(&rng) }.joined()
            for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";")] {
                let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: chunkSize)
                reader.setDelimiter(delimiter)
                while try reader.next() {
                    guard reader.malformedQuotes.isEmpty, reader.invalidUTF8.isEmpty else { continue }
                    let content = FixPass.recordContent(reader)
                    let everyByte = CellText.isPlainRecord(content) && (0..<reader.fieldCount).allSatisfy { CellText.hasPlainEnds(reader.bytes($0)) }
                    #expect(FixPass.writesAsRead(reader) == everyByte, "\(String(decoding: content, as: UTF8.self).debugDescription)")
                    agreed += 1
                    if everyByte { plain += 1 }
                }
            }
        }
        // Both answers must have come up often, or the agreement says little.
        #expect(plain > 1000 && agreed - plain > 1000, "\(plain) plain of \(agreed)")
    }

    /// The word-at-a-time test for characters from U+0300 on flags exactly the bytes from 0xCC on, at every
    /// place in a word and in the bytes after the last whole word.
    @Test func characterFromU0300IsEveryByteFrom0xCC() {
        for length in [1, 8, 13, 24] {
            for position in 0..<length {
                for byte in UInt8(0x80)...0xFF {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = byte
                    let plain = bytes.withUnsafeBufferPointer(CellText.hasNoCharacterFromU0300)
                    #expect(plain == (byte < 0xCC), "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }
}
