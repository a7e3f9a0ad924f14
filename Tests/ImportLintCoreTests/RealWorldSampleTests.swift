import Foundation
import Testing
@testable import ImportLintCore

/// Shapes found in real exports that other people wrote and published (fixtures/realworld-samples/README.md),
/// rebuilt with made-up people: what importlint said about them that was not so.
@Suite struct RealWorldSampleTests {
    static func report(_ name: String) throws -> FileReport {
        let input = FixtureTests.root.appendingPathComponent("realworld-samples").appendingPathComponent(name)
        try #require(FileManager.default.fileExists(atPath: input.path), "missing sample \(name)")
        return try FixtureTests.lint(FixtureCase(rule: "realworld-samples", input: input))
    }

    static func headerFinding(_ report: FileReport, _ header: String) -> Diagnostic? {
        report.diagnostics.first { $0.line == 1 && $0.values == [header] }
    }

    /// Get-ADUser's SID is the account's security identifier, not a typo of 4me's ID: an unknown column
    /// (a warning, no rename), and its values are not checked as 4me IDs (they were "not a whole number").
    @Test func securityIdentifierIsNotATypoOfID() throws {
        let report = try Self.report("people-get-aduser-sid.csv")
        #expect(report.profile == "4me-people")
        let sid = try #require(Self.headerFinding(report, "SID"))
        #expect(sid.severity == .warning && sid.fix == nil, "\(sid.message)")
        #expect(!report.diagnostics.contains { $0.field == "ID" }, "\(report.diagnostics.filter { $0.field == "ID" }.map(\.message))")
    }

    /// Entra ID's Download users names the object ID 'id'. Renaming it to 4me's ID would make 4me look each
    /// line up by that ID and fail it, so the rename is a guess (unsafe) that points to Source ID.
    @Test func identityProviderObjectIDIsNotSafelyRenamedToID() throws {
        let report = try Self.report("people-entra-download-id.csv")
        let id = try #require(Self.headerFinding(report, "id"))
        #expect(id.rule == RuleDescriptor.unknownColumn.name)
        #expect(id.fix?.applicability == .unsafe && id.fix?.replacement == "ID")
        #expect(id.message.contains("Source ID"), "\(id.message)")
    }

    /// Outlook's "Export to a file" writes a directory contact's address as Exchange's legacyExchangeDN
    /// (type EX): named as such, where it was "not a valid email address: it contains a space".
    @Test func outlookExchangeAddressIsNamed() throws {
        let report = try Self.report("receptionist-outlook-contacts-exchange.csv")
        #expect(report.profile == "receptionist")
        let email = report.diagnostics.filter { $0.line == 3 && $0.field == "Email" }
        #expect(email.map(\.rule) == [RuleDescriptor.proxyAddressPrefix.name], "\(email.map(\.message))")
        #expect(email.first?.message.contains("legacyExchangeDN") == true)
    }

    /// Google Workspace's user download names the job title 'Employee Title': an alias of Business Title
    /// (a safe rename), where it was an unknown column whose values were silently left out.
    @Test func googleWorkspaceEmployeeTitleIsTheJobTitle() throws {
        let report = try Self.report("receptionist-google-workspace-download.csv")
        #expect(report.profile == "receptionist")
        let title = try #require(Self.headerFinding(report, "Employee Title"))
        #expect(title.fix?.applicability == .safe && title.fix?.replacement == "Business Title", "\(title.message)")
    }

    /// BambooHR's and Paylocity's employee exports name the address 'Work Email' and the employee number
    /// 'Employee #': aliases of Email and Identification (safe renames), where the file "has no Email or SMS
    /// Phone column" and both were unknown columns.
    @Test func hrExportWorkEmailAndEmployeeNumber() throws {
        let report = try Self.report("receptionist-bamboohr-work-email.csv")
        #expect(report.profile == "receptionist")
        let email = try #require(Self.headerFinding(report, "Work Email"))
        #expect(email.fix?.applicability == .safe && email.fix?.replacement == "Email", "\(email.message)")
        let number = try #require(Self.headerFinding(report, "Employee #"))
        #expect(number.fix?.applicability == .safe && number.fix?.replacement == "Identification", "\(number.message)")
        #expect(!report.diagnostics.contains { $0.rule == RuleDescriptor.emailOrSMSRequired.name })
    }

    /// Google Contacts' export carries 'Language' and 'Photo' (aliases of Locale and Picture URI), empty on
    /// every row. As named the import drops them: the file blanks nothing; only their rename would.
    @Test func emptyAliasColumnBlanksNothingAsNamed() throws {
        let report = try Self.report("people-google-contacts-empty-alias.csv")
        let empty = report.diagnostics.filter { $0.rule == RuleDescriptor.emptyColumn.name }
        let language = try #require(empty.first { $0.field == "Locale" })
        #expect(language.message.hasPrefix("'Language' (it stands for Locale) is empty on every row: the import drops it as named"), "\(language.message)")
        #expect(!language.message.contains("this file blanks"))
        let location = try #require(empty.first { $0.field == "Location" })
        #expect(location.message.contains("this file blanks Location"), "\(location.message)")
    }

    /// Google Contacts' CSV export numbers its addresses and phones ('E-mail 1 - Value', 'Phone 1 - Value'),
    /// each with a type column: a guessed Email and SMS Phone (an unsafe rename that says why), where the
    /// file "had no Email or SMS Phone column" and both were plain unknown columns.
    @Test func googleContactsNumberedColumnsAreGuesses() throws {
        let report = try Self.report("receptionist-google-contacts-numbered.csv")
        #expect(report.profile == "receptionist")
        let email = try #require(Self.headerFinding(report, "E-mail 1 - Value"))
        #expect(email.fix?.applicability == .unsafe && email.fix?.replacement == "Email", "\(email.message)")
        #expect(email.message.contains("E-mail 1 - Type"), "\(email.message)")
        let phone = try #require(Self.headerFinding(report, "Phone 1 - Value"))
        #expect(phone.fix?.applicability == .unsafe && phone.fix?.replacement == "SMS Phone", "\(phone.message)")
        // As named, the import drops both columns: no record has an Email or SMS Phone. Said once, at the
        // header, naming the headers to rename; the records' values are not judged as those columns'.
        let absent = try #require(report.diagnostics.first { $0.rule == RuleDescriptor.emailOrSMSRequired.name && $0.line == 1 })
        #expect(absent.message.contains("'E-mail 1 - Value' may stand for Email"), "\(absent.message)")
        #expect(!report.diagnostics.contains { $0.rule == RuleDescriptor.emailOrSMSRequired.name && $0.line != 1 })
    }
}
