import Foundation
import Testing
@testable import ImportLintCore

/// Guest and disabled accounts of an Entra or AD export are a warning per row, found by the directory's
/// own columns (userType, accountEnabled, Enabled), with no fix.
@Suite struct InactiveDirectoryAccountTests {
    static func found(_ text: String, name: String = "users.csv", profile: String? = nil) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = profile
        return try TestSupport.lint(text, name: name, options: options).report.diagnostics
            .filter { $0.code == RuleDescriptor.inactiveDirectoryAccount.code }
    }

    @Test func guestAndDisabledRowsAreWarnedWithoutAFix() throws {
        let text = "givenName,surname,mail,userType,accountEnabled\n"
            + "Ann,Lee,ann.lee@widget.com,Member,True\n"
            + "Frank,Williams,frank@gmail.com,guest,True\n"
            + "Bob,Ray,bob.ray@widget.com,Member,FALSE\n"
            + "Gus,Guest,gus@partner.com,Guest,False\n"
        let found = try Self.found(text)
        #expect(found.map(\.line) == [3, 4, 5, 5])
        #expect(found.allSatisfy { $0.severity == .warning && $0.fix == nil })
        #expect(found[0].message.hasPrefix("Guest account (userType 'Guest')"))
        #expect(found[1].message.hasPrefix("Disabled account (accountEnabled 'False')"))
    }

    /// 4me's own Disabled column says which people are disabled: accountEnabled is not read then.
    @Test func fourMeDisabledColumnIsTheFilesOwnWord() throws {
        let text = "Primary Email,Name,Disabled,accountEnabled\nbob.ray@widget.com,Bob Ray,true,False\n"
        #expect(try Self.found(text, profile: "4me-people").isEmpty)
        let without = "Primary Email,Name,accountEnabled\nbob.ray@widget.com,Bob Ray,False\n"
        let disabled = try Self.found(without, profile: "4me-people")
        #expect(disabled.map(\.message.first) == ["D"])
        // 4me keeps a person left out of the file active: the advice is its Disabled column, not leaving out.
        #expect(disabled.first?.message.hasSuffix("add the profile's Disabled column with 'true' for such rows (a person left out of the file is left as it was, an active one active)") == true)
    }

    /// The words are whole cells: 'Guest Services' as a user type, 'Falsetto' are not the directory's values.
    @Test func onlyWholeValuesCount() throws {
        let text = "givenName,surname,mail,userType,accountEnabled\nAnn,Lee,ann@widget.com,Guest Services,Falsetto\n"
        #expect(try Self.found(text).isEmpty)
    }

    /// `fix` keeps every row (it never drops a record); the rows are still reported after it.
    @Test func fixKeepsTheRows() throws {
        let text = "First Name,Last Name,Email,userType\nFrank,Williams,frank@gmail.com,Guest\n"
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "users.csv", options: FixOptions())
        #expect(written.map { String(decoding: $0, as: UTF8.self) }?.contains("Frank,Williams,frank@gmail.com,Guest") == true)
        #expect(outcome.report.remaining.contains { $0.code == RuleDescriptor.inactiveDirectoryAccount.code })
    }
}
