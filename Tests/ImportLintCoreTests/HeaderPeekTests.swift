import Testing
@testable import ImportLintCore

/// A peek at the header alone (profile detection before the lint, `ReferenceSet.resolve`) takes the
/// encoding from the file's head when that head is plain ASCII, instead of reading the whole file to find
/// its first other byte: the header it reads must be the one the whole file's encoding gives.
@Suite struct HeaderPeekTests {
    /// Rows past the 64 KiB head.
    static let rows = Array(String(repeating: "anna@example.com\tAnna\n", count: 4000).utf8)

    @Test func headerOnlyPeekReadsTheHeaderAsTheWholeFilesEncodingDoes() throws {
        let latin1E: [UInt8] = [0xE9]
        let cases: [(name: String, bytes: [UInt8])] = [
            ("plain ASCII", Array("Primary Email\tName\n".utf8) + Self.rows),
            ("ASCII head, Latin-1 past it", Array("Primary Email\tName\n".utf8) + Self.rows + Array("Ren".utf8) + latin1E + Array("\tRen\n".utf8)),
            // The header itself runs past the plain-ASCII head into a Latin-1 byte: read as UTF-8 it would
            // hold U+FFFD where the file's encoding gives 'é'.
            ("header past the head", Array(("Primary Email\t" + String(repeating: "x", count: 70_000) + "Nam").utf8) + latin1E
                + Array("\n".utf8) + Self.rows),
            ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array("Primary Email\tNamé\n".utf8) + Self.rows),
        ]
        for (name, bytes) in cases {
            let input = InputFile.bytes(bytes, displayPath: "people.tsv")
            let whole = try #require(try HeaderPeek.open(input, chunkSize: DelimiterSniffer.shortHead), "\(name)")
            let peek = try #require(try HeaderPeek.open(input, chunkSize: DelimiterSniffer.shortHead, headerOnly: true), "\(name)")
            #expect(peek.1 == whole.1, "\(name)")
        }
        let pastTheHead = try #require(try HeaderPeek.open(.bytes(cases[2].bytes, displayPath: "people.tsv"), headerOnly: true))
        #expect(pastTheHead.1.last?.unicodeScalars.contains("\u{FFFD}") == false)
    }
}
