import Testing
@testable import ImportLintCore

/// A header copy among the records is one repeated-header finding and nothing else; a record that only
/// shares a cell or two with the header is data.
@Suite struct RepeatedHeaderTests {
    func lint(_ text: String) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = "4me-people"
        return try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
    }

    @Test func headerCopyIsOneFindingAndItsCellsAreNotJudgedAsValues() throws {
        let found = try lint("Name,Primary Email\nAnn,ann@example.com\n\u{FEFF}Name,Primary Email\nBob,bob@example.com\n")
        #expect(found.map(\.rule) == ["repeated-header"])
        #expect(found.first?.line == 3)
    }

    @Test func recordSharingHeaderNamesInSomeCellsIsData() throws {
        let found = try lint("Name,Primary Email\nName,Primary Email x\nAnn,Primary Email\n")
        #expect(!found.contains { $0.rule == "repeated-header" })
        #expect(found.contains { $0.rule == "invalid-email" })
    }

    /// Records are screened by bytes before any string is made; the screen must let through every
    /// spelling the string comparison accepts (case, spaces, tabs, no-break and other Unicode spaces
    /// around the cell, a byte-order mark) and keep out cells that only look alike.
    @Test func headerCopiesPaddedWithUnicodeSpacesAreStillFound() throws {
        let copies = ["NAME,\tprimary email ", "\u{00A0}Name\u{3000},\u{2009}Primary Email\u{202F}", "\u{FEFF}name,PRIMARY EMAIL"]
        for copy in copies {
            let found = try lint("Name,Primary Email\nAnn,ann@example.com\n\(copy)\n")
            #expect(found.map(\.rule) == ["repeated-header"], "\(copy.debugDescription)")
        }
    }

    /// A copy may name a column by an alias or another spelling, whose first letter differs from the header
    /// cell's: the screen by first byte must let those through too.
    @Test func headerCopiesNamingColumnsByAliasOrPunctuationAreStillFound() throws {
        let copies = ["Display Name,Primary Email", "cn,primary email", "Name,PrimaryEmail", "name,_primary_email",
                      "Name,\u{00A0}primary-email", "Full Name,Primary Email", "Name,UPN", "Name, Mail"]
        for copy in copies {
            let found = try lint("Name,Primary Email\nAnn,ann@example.com\n\(copy)\n")
            #expect(found.map(\.rule) == ["repeated-header"], "\(copy.debugDescription)")
        }
    }

    /// A record among others the reader splits in one go is screened by look-ups of its first two cells'
    /// first bytes and lengths (`RepeatedHeaderRule.checkOrdinary`): a header copy there is found as it is
    /// among records read one by one, and a record that only looks alike is data there too.
    @Test func headerCopiesAmongOrdinaryRecordsAreFoundAsAmongOthers() throws {
        let copies = ["Name,Primary Email", "\u{FEFF}name,PRIMARY EMAIL", "Display Name,Primary Email", "cn,primary email",
                      "Name,PrimaryEmail", "name,_primary_email", "Full Name,Primary Email", "Name,UPN", "primary email,name",
                      "Name,Primary Email x", "Ann,Primary Email", "-----,-----", "(2 rows affected),", "#TYPE x,y"]
        let rows = (0..<40).map { "Person \($0),p\($0)@example.com\n" }.joined()
        for copy in copies {
            let text = "Name,Primary Email\n" + rows + copy + "\n" + rows
            let reader = CSVReader(source: MemorySource(Array(text.utf8)))
            _ = try reader.readHeader()
            var copyIsOrdinary = false
            while try reader.next() {
                if reader.line == 42 { copyIsOrdinary = reader.isOrdinary }
            }
            #expect(copyIsOrdinary, "\(copy.debugDescription) is read as an ordinary record")
            let alone = try lint("Name,Primary Email\nAnn,ann@example.com\n\(copy)\n").filter { $0.line == 3 }.map(\.rule)
            let among = try lint(text).filter { $0.line == 42 }.map(\.rule)
            #expect(among == alone, "\(copy.debugDescription)")
        }
    }

    @Test func cellsWithLettersBeyondASCIIAreNotHeaderCopies() throws {
        let found = try lint("Name,Primary Email\nNäme,Primary Émail\nNamé,Primary Email\n")
        #expect(!found.contains { $0.rule == "repeated-header" })
    }
}
