import Foundation
import Testing
@testable import ImportLintCore

/// Golden files: compared byte for byte, or, with IMPORTLINT_UPDATE_GOLDENS=1, rewritten, and then every
/// such test fails, so that a run that rewrote goldens never passes (as swift-argument-parser's
/// snapshot helpers do). Review `git diff fixtures/` and run the tests again.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["IMPORTLINT_UPDATE_GOLDENS"] == "1" }

    /// What goldens hold instead of the tool version, so that a version bump rewrites none of them.
    static let versionPlaceholder = "<version>"

    /// A JSON report with its `tool.version` replaced by the placeholder; records an issue when the report
    /// does not name the current version exactly once.
    static func normalizingVersion(_ json: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let tool = "\"name\" : \"importlint\",\n    \"version\" : "
        let actual = tool + "\"\(ImportLint.version)\""
        let parts = json.components(separatedBy: actual)
        #expect(parts.count == 2, "the report should name tool version \(ImportLint.version) once", sourceLocation: sourceLocation)
        return parts.joined(separator: tool + "\"\(versionPlaceholder)\"")
    }

    static func check(_ actual: [UInt8], _ golden: URL, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if updating {
            try Data(actual).write(to: golden)
            Issue.record("rewrote golden \(golden.path) (IMPORTLINT_UPDATE_GOLDENS=1); review the diff and run the tests again",
                         sourceLocation: sourceLocation)
            return
        }
        let expected = [UInt8](try Data(contentsOf: golden))
        #expect(actual == expected, "\(what) differs from its golden \(golden.lastPathComponent):\n\(String(decoding: actual, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }
}
