import Foundation
import Testing
@testable import ImportLintCore

/// LDIF's base64 values in name cells: found and decoded exactly, and ordinary names never taken for them.
@Suite struct LDIFBase64ValueTests {
    static let names = ["Émile Zola", "Jürgen Müller", "山田 太郎", "山田", "김민준", "Дмитрий Иванов", "Łukasz", "Ørsted, Hans",
                        "Nguyễn Văn An", "Ioana Mureșan", "Ζωή", "محمد", "דוד", "François", "Zoë Saldaña",
                        "مُحَمَّد", "שָׁלוֹם", "Zoë Bronte\u{0308}", "Дми\u{0301}трий", "हिन्दी"]

    @Test func encodedNamesAreDecoded() {
        for name in Self.names {
            let encoded = Data(name.utf8).base64EncodedString()
            #expect(LDIFBase64Value.decodedName(encoded) == name, "\(name) as \(encoded)")
        }
    }

    /// Words and user names the byte test lets through (a multiple of four, base64 characters, a digit)
    /// or that decode to mixed scripts, and ASCII text that LDIF writes plainly.
    @Test func ordinaryValuesAreNotBase64() {
        let values = ["Reynolds", "etarasek", "jsmith42", "OBrien22", "Ann Lee", "MaryAnne", "R2D2R2D2",
                      Data("Ann Lee".utf8).base64EncodedString(), Data("Ann".utf8).base64EncodedString(),
                      "Zm9vYmFy", "YWJjZA==", "00000000", "12345678", "++++////",
                      // Decoded, a mark of another script after a Latin letter (review33: 'Rǫ' and Arabic U+06DF,
                      // NKo U+07ED), or a mark after a space.
                      "User2590", "User2616", "Scan2610", "User3610",
                      Data("Zoe \u{0301}Lee".utf8).base64EncodedString(), Data("Zoe\u{0651}Lee".utf8).base64EncodedString()]
        for value in values {
            #expect(LDIFBase64Value.decodedName(value) == nil, "\(value)")
        }
    }

    /// The name column's quick accept lets every reported value through to validation.
    @Test func quickAcceptNeverHidesAFinding() {
        for name in Self.names {
            let encoded = Data(name.utf8).base64EncodedString()
            let accepted = encoded.utf8.withContiguousStorageIfAvailable {
                ValueValidation.quickAccept($0, kind: .personName, maxLength: 128)
            }
            #expect(accepted == false, "\(encoded)")
        }
    }

    /// The byte test agrees with a plain reading of its rule on random strings of base64 characters,
    /// padding and a few others.
    @Test func byteTestAgreesWithItsRule() {
        let letters = Array("abcXYZ".utf8), others = Array("09+/=. -é".utf8)
        var rng = SeededRNG(seed: 5)
        for _ in 0..<20_000 {
            let length = 7 + Int(rng.next() % 10)
            let bytes: [UInt8] = (0..<length).map { _ in
                rng.next() % 3 == 0 ? others[Int(rng.next() % UInt64(others.count))] : letters[Int(rng.next() % UInt64(letters.count))]
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let body = text.drop { _ in false }
            let unpadded = body.hasSuffix("==") ? body.dropLast(2) : body.hasSuffix("=") ? body.dropLast() : body[...]
            let alphabet = unpadded.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }
            let expected = bytes.count >= 8 && bytes.count % 4 == 0 && alphabet && !(unpadded.allSatisfy(\.isLetter) && unpadded.count == body.count)
            #expect(bytes.withUnsafeBufferPointer(LDIFBase64Value.mayBe) == expected, "\(text)")
        }
    }
}
