import Foundation
import Testing
@testable import ImportLintCore

/// A UTF-8 export and a Windows-1252 one joined by `cat` (fixtures/invalid-utf8, written by
/// Scripts/make-legacy-fixtures.py): one finding says the file mixes encodings and from which line.
@Suite struct MixedEncodingTests {
    static func diagnostics(_ name: String) throws -> [Diagnostic] {
        let url = FixtureTests.root.appendingPathComponent("invalid-utf8/\(name)")
        return try FixHarness.lint([UInt8](try Data(contentsOf: url)), name: name, options: LintOptions()).diagnostics
    }

    @Test func catOfUTF8AndWindows1252SaysFromWhichLine() throws {
        let mixed = try Self.diagnostics("trigger-cat-utf8-then-windows1252.csv").filter { $0.message.contains("mixes encodings") }
        #expect(mixed.count == 1)
        #expect(mixed.first?.line == 6 && mixed.first?.message.contains("from line 6 on") == true
                && mixed.first?.message.contains("windows-1252") == true, "\(mixed.map(\.message))")
    }

    /// A UTF-8 line after the Windows-1251 ones: not two parts, the file is mostly in the code page.
    @Test func utf8LineAmongLegacyLinesIsNoJoin() throws {
        let found = try Self.diagnostics("trigger-mostly-windows1251.csv")
        #expect(!found.contains { $0.message.contains("mixes encodings") })
        #expect(found.contains { $0.message.contains("4 of 6 lines are not UTF-8") })
    }
}
