import Testing
@testable import ImportLintCore

/// Directory-export leakage (DIR), Excel damage (XLS) and invisible characters (TXT007).
@Suite struct DirectoryLeakageTests {
    static let newRules: [RuleDescriptor] = [.distinguishedName, .proxyAddressPrefix, .displayNameAddress, .guestUPN,
                                             .serviceAccount, .placeholderValue, .undeliverableEmailDomain,
                                             .scientificNotation, .droppedLeadingZero, .phoneMissingPlus, .invisibleCharacter]

    static func lint(_ text: String, profile: String? = nil, options: LintOptions = LintOptions()) throws -> [Diagnostic] {
        var options = options
        options.profile = profile ?? options.profile
        return try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: "t.csv")).report.diagnostics
    }

    @Test(arguments: newRules.map(\.code))
    func examplesRunAsDocumented(_ code: String) throws {
        let rule = try #require(RuleCatalog.byCode[code])
        #expect(RuleCatalog.find(rule.name) == rule)
        #expect(try Self.lint(rule.triggeringExample).contains { $0.code == code }, "\(rule.name) triggering example")
        #expect(try !Self.lint(rule.cleanExample).contains { $0.code == code }, "\(rule.name) clean example")
    }

    func one(_ value: String, _ kind: ValueKind, column: String = "Primary Email", region: String? = nil,
             directory: DirectorySettings = .standard) -> [ValueFinding] {
        var bytes = value
        let screened = bytes.withUTF8 { ValueValidation.isScreened($0, kind: kind) }
        let context = ValueContext(column: ColumnSpec(name: column, kind: kind), kind: kind, allowed: nil,
                                   defaultRegion: region, profileName: "test", directory: directory)
        return screened ? ValueValidation.validateScreened(value, context: context) : ValueValidation.validate(value, context: context)
    }

    @Test func addressLeakage() {
        #expect(one("CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com", .managerEmail).map(\.rule) == [.distinguishedName])
        #expect(one("CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com", .email).first?.fix == nil)
        let name = one("CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com", .personName, column: "Name").first
        #expect(name?.fix?.replacement == "Lee, Ann" && name?.fix?.applicability == .unsafe)
        #expect(one("CN=Ren\\C3\\A9 Dubois,DC=widget,DC=com", .personName).first?.fix?.replacement == "René Dubois")
        #expect(one("CN=Anne", .personName).isEmpty, "one RDN is no DN")

        #expect(one("SMTP:ann@widget.com", .email).first?.fix == Fix(.safe, "Remove the prefix: 'ann@widget.com'", replacement: "ann@widget.com"))
        #expect(one("smtp:ann@widget.com", .email).first?.fix?.applicability == .unsafe)
        #expect(one("smtp:a.lee@widget.com;SMTP:ann@widget.com", .email).first?.fix?.replacement == "ann@widget.com")
        #expect(one("smtp:a@widget.com;smtp:b@widget.com", .email).first?.fix == nil)
        #expect(one("X500:/o=Widget/ou=Exchange/cn=Recipients/cn=ann", .email).first?.rule == .proxyAddressPrefix)
        #expect(one("SMTP:ann@", .email).first?.fix == nil)

        #expect(one("Ann Lee <ann@widget.com>", .email).first?.fix == Fix(.safe, "Replace with 'ann@widget.com'", replacement: "ann@widget.com"))
        #expect(one("\"Lee, Ann\" <ann@widget.com>", .email).first?.fix?.applicability == .safe)
        #expect(one("<ann@widget.com>", .email).first?.fix?.applicability == .safe)
        #expect(one("ann@other.com <ann@widget.com>", .email).first?.fix?.applicability == .unsafe)
        #expect(one("Ann <ann@widget>", .email).first?.fix == nil)

        let guest = one("ann_w_gmail.com#EXT#@widget.onmicrosoft.com", .email)
        #expect(guest.map(\.rule) == [.guestUPN])
        #expect(guest.first?.fix?.replacement == "ann_w@gmail.com" && guest.first?.fix?.applicability == .unsafe)
    }

    @Test func plainAddressesTakeTheFastPathOnlyWhenClean() {
        func quick(_ s: String, _ settings: DirectorySettings = .standard) -> Bool {
            var copy = s
            return copy.withUTF8 { ValueValidation.quickAccept($0, kind: .email, maxLength: 128, directory: settings) }
        }
        #expect(quick("ann.lee@widget.com") && quick("ANN@WIDGET.COM") && quick("sam@widget.com"))
        for bad in ["krbtgt@widget.com", "healthmailbox0a1b@widget.com", "WS01$@widget.com", "a_b.com#EXT#@t.onmicrosoft.com",
                    "ann@widget.local", "ann@widget.con", "ann@router.home.arpa", "guest@widget.com", "msol_0a1b2c@widget.com"] {
            #expect(!quick(bad), "\(bad)")
            #expect(!one(bad, .email).isEmpty, "\(bad) is reported")
        }
        let allowed = DirectorySettings(serviceAccounts: ServiceAccounts(adding: [], removing: ["Guest"]), allowedTLDs: ["con", "local"])
        #expect(quick("ann@widget.con", allowed) && quick("ann@widget.local", allowed) && quick("guest@widget.com", allowed))
    }

    @Test func domains() {
        #expect(one("ann@widget.corp", .email).first?.severity == nil, "reserved: the rule's error")
        #expect(one("ann@widget.con", .email).first?.severity == .warning, "unknown TLD: a warning, never an error")
        #expect(one("ann@bücher.example", .email).map(\.rule) == [.undeliverableEmailDomain])
        #expect(one("ann@例え.テスト", .email).isEmpty, "non-ASCII TLDs are not checked")
        #expect(one("ann@widget.com @widget", .managerEmail).isEmpty)
        #expect(EmailDomains.iana.count > 1400 && EmailDomains.iana.contains("com") && !EmailDomains.iana.contains("local"))
    }

    @Test func serviceAccounts() {
        #expect(one("krbtgt", .personName, column: "Name").map(\.rule) == [.serviceAccount])
        #expect(one("Guest", .personName, column: "Last Name").isEmpty, "Guest is a surname")
        #expect(one("guest@widget.com", .email).map(\.rule) == [.serviceAccount])
        #expect(one("SystemMailbox{1f05a927-7709-4e35-9dbe-d0f608fb781a}", .personName).map(\.rule) == [.serviceAccount])
        #expect(one("Samuel Smith", .personName).isEmpty && one("Mary Sm_ith", .personName).isEmpty)
        let custom = DirectorySettings(serviceAccounts: ServiceAccounts(adding: ["svc_*"], removing: ["krbtgt"]), allowedTLDs: [])
        #expect(one("svc_backup@widget.com", .email, directory: custom).map(\.rule) == [.serviceAccount])
        #expect(one("krbtgt@widget.com", .email, directory: custom).isEmpty)
        #expect(ServiceAccountPattern("*") == nil && ServiceAccountPattern("a*b*") == nil)
    }

    @Test func placeholders() throws {
        for value in ["NULL", "null", "(null)", "(NULL)", "N/A", "n/a", "none", "NONE", "(not set)", "TBD", "Unknown", "#N/A", "nan", "NaN"] {
            #expect(one(value, .text, column: "Job Title").map(\.rule) == [.placeholderValue], "\(value)")
        }
        #expect(one("-", .text, column: "Job Title").isEmpty, "a dash in free text is kept")
        #expect(one("-", .phone).first?.severity == .error, "a dash in a typed column is rejected")
        #expect(one("Null", .personName).isEmpty && one("None", .personName).isEmpty, "surnames")
        #expect(one("Nan", .personName).isEmpty && one("NaN", .personName).map(\.rule) == [.placeholderValue], "a given name; pandas' missing value")
        // pandas' NaN in a Slack column: the placeholder warning, not a valid handle nor an invented error.
        #expect(one("nan", .slackHandle, column: "Slack").map(\.rule) == [.placeholderValue])
        let slack = one("nan", .slackHandle, column: "Slack").first
        #expect((slack?.severity ?? slack?.rule.severity) == .warning)
        for value in ["Nan", "NAN", "naN"] {
            #expect(one(value, .text, column: "Site").isEmpty, "\(value): 'nan' only as pandas and JavaScript write it ('Nan' is a Thai city)")
        }
        #expect(one("NULL", .personName).map(\.rule) == [.placeholderValue])
        #expect(one("N/A", .email).first?.severity == .error)
        #expect(one("N/A", .text).first?.fix?.replacement == "")
        #expect(one("Nancy", .text).isEmpty && one("Tbd Smith", .text).isEmpty)
        let choices = ValueContext(column: ColumnSpec(name: "Status", kind: .enum), kind: .enum, allowed: ["active", "Unknown"],
                                   defaultRegion: nil, profileName: "test")
        #expect(ValueValidation.validateScreened("unknown", context: choices).map(\.rule) == [.invalidEnum], "an allowed value, in the wrong case")
        #expect(ValueValidation.validateScreened("Unknown", context: choices).isEmpty, "a value the column allows is no placeholder")

        let diagnostics = try Self.lint("Primary Email,Name,Job Title\nN/A,NULL,TBD\nann@widget.com,Null,-\n", profile: "4me-people")
        #expect(diagnostics.map(\.code) == ["VAL001", "VAL001", "DIR006"], "\(diagnostics.map(\.message))")
        var ignored = LintOptions(profile: "4me-people")
        ignored.selection.ignore = ["missing-value"]
        #expect(try Self.lint("Primary Email,Name\nN/A,Ann\n", options: ignored).map(\.code) == ["DIR006"])
        // Ignoring a screening rule hands the value back to the column's own validation.
        var noPlaceholders = LintOptions(profile: "receptionist")
        noPlaceholders.selection.ignore = ["placeholder-value"]
        #expect(try Self.lint("First Name,Last Name,Email\nAnn,Lee,N/A\n", options: noPlaceholders).map(\.code) == ["VAL002"])
        var noScientific = LintOptions(profile: "receptionist")
        noScientific.selection.ignore = ["scientific-notation"]
        #expect(try Self.lint("First Name,Last Name,SMS Phone\nAnn,Lee,4.47712E+11\n", options: noScientific).map(\.code) == ["VAL007"])
    }

    @Test func excelDamage() throws {
        #expect(one("4.47712E+11", .phone).map(\.rule) == [.scientificNotation])
        #expect(one("1,23457E+15", .text, column: "Identification").map(\.rule) == [.scientificNotation])
        #expect(one("4.47712E+11", .decimal).map(\.rule) != [.scientificNotation])
        #expect(one("E+11", .text).isEmpty && one("4E11", .text).isEmpty && one("Room 4E+1", .text).isEmpty)

        let plus = one("447712345678", .phone, region: "US")
        #expect(plus.map(\.rule) == [.phoneMissingPlus] && plus.first?.fix?.replacement == "+447712345678")
        #expect(one("33612345678", .phone, region: "US").first?.fix?.applicability == .unsafe)
        #expect(one("7134418299", .phone, region: "US").allSatisfy { $0.rule != .phoneMissingPlus }, "valid as written")

        let pins = "First Name,Last Name,PIN\n" + (1...10).map { "P\($0),L,\(1000 + $0)\n" }.joined() + "Ann,Lee,412\nBob,Ray,12345\nCid,Park,7\n"
        let dropped = try Self.lint(pins, profile: "receptionist").filter { $0.code == "XLS002" }
        #expect(dropped.count == 1 && dropped.first?.fix?.replacement == "0412" && dropped.first?.line == 12, "\(dropped.map(\.message))")
        let mixed = "First Name,Last Name,PIN\n" + (1...6).map { "P\($0),L,\(100000 + $0 * 1111)\n" }.joined() + "Ann,Lee,412\n"
        #expect(try Self.lint(mixed, profile: "receptionist").allSatisfy { $0.code != "XLS002" }, "three zeros dropped is no likely story")
    }

    @Test func countryNames() {
        #expect(one("Germany", .country).first?.fix == Fix(.safe, "Replace with 'DE'", replacement: "DE"))
        #expect(one("Deutschland", .country).first?.fix?.applicability == .safe)
        #expect(one("United Kingdom", .country).first?.fix?.replacement == "GB")
        #expect(one("DEU", .country).first?.fix?.applicability == .safe)
        #expect(one("Georgia", .country).first?.fix?.applicability == .unsafe, "also a US state")
        #expect(one("England", .country).first?.fix?.applicability == .unsafe)
    }

    @Test func configurationKeys() throws {
        let config = try ConfigFile.parse("allowed-tlds: [.Corp, lan]\nservice-accounts:\n  add: [\"svc_*\"]\n  remove: [Guest]\n", path: "x.yml")
        #expect(config.allowedTLDs == ["corp", "lan"])
        #expect(config.serviceAccountsAdded == ["svc_*"] && config.serviceAccountsRemoved == ["Guest"])
        #expect(throws: ConfigError.self) { try ConfigFile.parse("service-accounts:\n  add: [\"*\"]\n", path: "x.yml") }
        #expect(throws: ConfigError.self) { try ConfigFile.parse("service-accounts:\n  drop: [x]\n", path: "x.yml") }
        #expect(throws: ConfigError.self) { try ConfigFile.parse("allowed-tlds: [\"a b\"]\n", path: "x.yml") }
        let (options, _) = CommandLineSettings(base: LintOptions()).resolve(file: "x.csv", config: config)
        #expect(options.allowedTLDs == ["corp", "lan"] && options.serviceAccountsRemoved == ["Guest"])
    }
}
