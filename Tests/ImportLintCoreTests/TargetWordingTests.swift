import Foundation
import Testing
@testable import ImportLintCore

/// A user's profile for another system gets neutral wording: no message names 4me or The Receptionist.
@Suite struct TargetWordingTests {
    static let hrProfile = FixtureTests.root.appendingPathComponent("examples/hr-system.yml").path

    static func messages(_ bytes: [UInt8], baseline: String? = nil) throws -> [String] {
        var options = LintOptions(profile: hrProfile)
        if let baseline {
            let dir = try TestSupport.temporaryDirectory()
            options.baselinePath = try TestSupport.write(baseline, to: dir.appendingPathComponent("previous.csv")).path
        }
        return try Linter(options: options).lint(.bytes(bytes, displayPath: "hr.csv")).report.diagnostics.map(\.message)
    }

    @Test func customProfileMessagesNeverNameABuiltInTarget() throws {
        let fixture = FixtureTests.root.appendingPathComponent("examples/custom-profile-neutral-wording.csv")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        let utf16: [UInt8] = [0xFF, 0xFE] + text.replacingOccurrences(of: ";", with: ",").utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let header = "Employee Number,Full Name,Work Email\n"
        var all = try Self.messages(Array(text.utf8))
        all += try Self.messages(utf16)
        all += try Self.messages(Array(header.utf8), baseline: header + "1001,Ann Lee,ann@widget.com\n")
        #expect(all.count > 15)
        let named = all.filter { $0.contains("4me") || $0.contains("Receptionist") }
        #expect(named.isEmpty, "\(named)")
        #expect(all.contains { $0.contains("the target system") })
    }

    @Test func builtInProfilesNameTheirTarget() throws {
        #expect(try ProfileLoader.load("4me-people").target.name == "4me")
        #expect(try ProfileLoader.load("receptionist").target.missingRecord == "archives this contact")
        #expect(try ProfileLoader.load("4me-contacts").target.replacesGroup != nil)
    }
}
