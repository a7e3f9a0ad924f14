import Testing
@testable import ImportLintCore

/// What `CSVReader.templateVersionLength` takes for an Entra bulk template's `version:v1.0` line.
@Suite struct TemplateVersionLineTests {
    static func length(_ line: String) -> Int? {
        Array(line.utf8).withUnsafeBufferPointer { CSVReader.templateVersionLength(in: $0) }
    }

    @Test func theLineAloneOrPaddedWithEmptyCellsOrSpaces() {
        #expect(Self.length("version:v1.0") == 12)
        #expect(Self.length("Version:V1.0,,,") == 12)
        #expect(Self.length("version:v1.0 ,,") == 12)
        #expect(Self.length("version:v2;;") == 10)
    }

    /// Only letters compare without case: a control byte is not the colon it becomes with 0x20 set.
    @Test func notAHeaderOrAnotherByteInPlaceOfTheColon() {
        #expect(Self.length("version\u{1A}v1.0") == nil)
        #expect(Self.length("version:v1.0,Name") == nil)
        #expect(Self.length("version:vX") == nil)
        #expect(Self.length("version:v") == nil)
    }
}
