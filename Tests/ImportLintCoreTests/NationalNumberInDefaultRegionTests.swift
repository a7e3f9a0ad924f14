import Testing
@testable import ImportLintCore

/// A number without '+' in a profile with a default region (The Receptionist: US) is read through that
/// region's dialling, so another country's national number whose first digits are the region's
/// international call prefix ('011') or country code ('1') was an error judged in a country it is not from
/// ('0113 496 0000', a Leeds number, was "not a valid phone number in ES"). The region is an assumption, so
/// such a number is a warning saying how it was read, as any other number without a country code is.
@Suite struct NationalNumberInDefaultRegionTests {
    static func phoneFindings(_ numbers: [String]) throws -> [Diagnostic] {
        let rows = numbers.enumerated().map { "Person,P\($0.offset),\($0.element)\n" }.joined()
        return try TestSupport.lint("First Name,Last Name,SMS Phone\n" + rows, name: "receptionist.csv")
            .report.diagnostics.filter { $0.rule == RuleDescriptor.invalidPhone.name }
    }

    /// Leeds, Reading, Johannesburg, Norrköping and Sapporo start with 011 (the US international call prefix),
    /// São Paulo's '(11) 9…' with 1 (the US country code): each is valid in its own country.
    @Test func nationalNumbersReadThroughTheRegionsPrefixesAreWarnings() throws {
        let numbers = ["0113 496 0000", "0118 496 0000", "011 123 4567", "011-12 34 56", "011-123-4567", "(11) 96123-4567"]
        let found = try Self.phoneFindings(numbers)
        #expect(found.count == numbers.count)
        #expect(found.allSatisfy { $0.severity == .warning }, "\(found.map(\.message))")
        #expect(found.allSatisfy { $0.message.contains("has no '+': read in the default region US (United States), its first digits are that region's international call prefix or country code") },
                "\(found.map(\.message))")
        #expect(found[0].message.contains("which makes it a number in ES (Spain) that is not valid (it has the wrong number of digits)"))
    }

    /// With its own '+' a number is judged in its country, and a wrong one stays an error; a valid number
    /// dialled from the US after its prefix ('011 44 …') is info with its '+' form, as a national number
    /// is (both are dialled so only from the US); one with its country code ('1 201 …') is still clean.
    @Test func numbersWithTheirCountryCodeKeepTheirVerdicts() throws {
        let found = try Self.phoneFindings(["+33 6 12 34 56", "011 44 7400 123456", "1 201 555 0123"])
        #expect(found.map(\.severity) == [.error, .info], "\(found.map(\.message))")
        #expect(found.first?.message.hasPrefix("'+33 6 12 34 56' is not a valid phone number in FR (France)") == true, "\(found.map(\.message))")
        #expect(found.last?.fix?.replacement == "+447400123456")
    }

    /// '001' is libphonenumber's code for non-geographic numbers (+800, +882…), not a region to name.
    @Test func nonGeographicNumbersAreJudgedForTheirCountryCode() throws {
        let found = try Self.phoneFindings(["+882 1234 5678"])
        #expect(found.count == 1)
        #expect(found.first?.message.contains("for its country code") == true, "\(found.map(\.message))")
        #expect(found.first?.message.contains("001") == false, "\(found.map(\.message))")
    }

    /// An invalid number under a NANP toll-free or other non-geographic area code belongs to no one NANP
    /// country (nor does a +7 800 or +262 80 service number belong to one of the two countries sharing it): libphonenumber's region for '+1 800 1…' is DO (its leading digits include 8001), which the
    /// message must not name; a Dominican area code (809) still names the Dominican Republic.
    @Test func nanpServiceNumbersNameNoOneCountry() throws {
        let found = try Self.phoneFindings(["+1 800 123 4567", "+1 800 123 456", "1 800 155 0199", "+1 809 123 4567"])
        #expect(found.count == 4, "\(found.map(\.message))")
        #expect(found.prefix(3).allSatisfy { $0.message.contains("in the North American Numbering Plan (+1)") && !$0.message.contains("DO (") },
                "\(found.map(\.message))")
        #expect(found.last?.message.contains("in DO (Dominican Republic)") == true, "\(found.map(\.message))")
        // Russia and Kazakhstan share +7 800, Réunion and Mayotte +262 80; a Kazakh mobile range stays KZ's.
        let shared = try Self.phoneFindings(["+7 800 123 45", "+262 80 12 3", "+7 701 123 456"])
        #expect(shared.map(\.message).map { $0.contains("in the numbering plan of Russia and Kazakhstan (+7)") } == [true, false, false], "\(shared.map(\.message))")
        #expect(shared[1].message.contains("in the numbering plan of Réunion and Mayotte (+262)"), "\(shared.map(\.message))")
        #expect(shared[2].message.contains("in KZ (Kazakhstan)"), "\(shared.map(\.message))")
    }
}
