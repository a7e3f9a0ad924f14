import Testing
@testable import ImportLintCore

/// A header that reads as a record (an export without its header line) is named as such by unknown-format;
/// column names never are.
@Suite struct HeaderAsDataTests {
    @Test func columnNamesAreNotData() {
        let headers = [
            ["Primary Email", "Name", "ID", "Employee ID", "Source ID", "Created At", "Time Zone"],
            ["userPrincipalName", "mail", "objectId", "telephoneNumber", "E-mail 1 - Value", "Phone 1 - Value"],
            ["Vorname", "Nachname", "E-Mail", "Telefon (+49)", "@mention", "Employee #"],
        ]
        for header in headers { #expect(HeaderAsData.evidence(header) == nil, "\(header)") }
    }

    /// Numbers alone are a spreadsheet's column numbering; beside a name they are a record's identifier.
    @Test func aHeaderOfNumbersAloneIsNotARecord() {
        #expect(HeaderAsData.evidence(["1", "2", "3", ""]) == nil)
        #expect(HeaderAsData.evidence(["1001", "Ann", "Lee"]) == "cell 1 '1001' is a number")
    }

    @Test func valuesAreData() {
        #expect(HeaderAsData.evidence(["ann@widget.com", "Ann"]) == "cell 1 'ann@widget.com' is an email address")
        #expect(HeaderAsData.evidence(["Ann", "+1 (312) 555-0100"]) == "cell 2 '+1 (312) 555-0100' is a phone number")
        #expect(HeaderAsData.evidence(["0a1b2c3d-1111-4e5f-8a9b-000000000001"]) == "cell 1 '0a1b2c3d-1111-4e5f-8a9b-000000000001' is a GUID")
        #expect(HeaderAsData.evidence(["Ann", "2021-02-03 00:00:00.000"]) == "cell 2 '2021-02-03 00:00:00.000' is a date")
        #expect(HeaderAsData.evidence(["1001", "a@b.com", "+13125550100"]) == "cell 1 '1001' is a number, cell 2 'a@b.com' is an email address")
    }

    @Test func unknownFormatSaysTheHeaderLooksLikeARecord() throws {
        let text = "ann.lee@widget.com,Ann Lee,Widget IT\nbob.ray@widget.com,Bob Ray,Widget IT\n"
        let found = try TestSupport.lint(text).report.diagnostics.filter { $0.code == RuleDescriptor.unknownFormat.code }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("it looks like a record, not column names (cell 1 'ann.lee@widget.com' is an email address)") == true)
    }
}
