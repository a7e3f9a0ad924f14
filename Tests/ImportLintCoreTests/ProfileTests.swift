import Foundation
import Testing
@testable import ImportLintCore

@Suite struct ProfileTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary carries rules/tables/ compiled in; the copy must match the files (run Scripts/embed-rules.py).
    /// The profiles are compiled in as values (EmbeddedProfilesTests).
    @Test func embeddedRulesMatchRulesFolder() throws {
        let rules = Self.repo.appendingPathComponent("rules")
        let enumerator = try #require(FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil))
        var onDisk: [String: String] = [:]
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            let relative = String(url.path.dropFirst(rules.path.count + 1))
            guard relative.hasPrefix("tables/") else { continue }
            onDisk[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(Set(onDisk.keys) == Set(EmbeddedRules.files.keys))
        for (path, text) in onDisk {
            #expect(EmbeddedRules.files[path] == text, "rules/\(path) changed: run python3 Scripts/embed-rules.py")
        }
    }

    @Test func builtInProfilesLoad() throws {
        #expect(ProfileLoader.builtInNames == ["4me-contacts", "4me-people", "receptionist"])
        let people = try ProfileLoader.load("4me-people")
        #expect(people.column(named: "Primary Email")?.required == true)
        #expect(people.identifiers.map(\.columns) == [["ID"], ["Source", "Source ID"], ["Primary Email"]])
        let receptionist = try ProfileLoader.load("receptionist")
        #expect(receptionist.identifiers.allSatisfy { $0.scope == ["Location Slug"] })
    }

    @Test func detectsProfileFromHeader() {
        let profiles = ProfileLoader.builtIn
        #expect(ProfileDetector.detect(header: ["Primary Email", "Name", "Organization"], among: profiles)?.name == "4me-people")
        #expect(ProfileDetector.detect(header: ["Person", "Contact Protocol", "Contact URI"], among: profiles)?.name == "4me-contacts")
        #expect(ProfileDetector.detect(header: ["First Name", "Last Name", "Email", "SMS Phone"], among: profiles)?.name == "receptionist")
        #expect(ProfileDetector.detect(header: ["foo", "bar"], among: profiles) == nil)
    }

    /// An unrecognized header still names the profiles it comes closest to, with the columns it matched.
    @Test func ranksClosestProfiles() {
        let ranked = ProfileDetector.rank(header: ["Vorname", "Name", "Site"], among: ProfileLoader.builtIn)
        #expect(ranked.first?.profile.name == "4me-people")
        #expect(ranked.first?.matchedColumns == ["Name", "Site"])
        #expect(ProfileDetector.rank(header: ["sku", "qty"], among: ProfileLoader.builtIn).isEmpty)
    }

    @Test func headerMatching() throws {
        let matcher = HeaderMatcher(profile: try ProfileLoader.load("receptionist"))
        #expect(matcher.match("Last Name") == .exact("Last Name"))
        #expect(matcher.match("last name") == .spelling("Last Name"))
        #expect(matcher.match("LastName") == .spelling("Last Name"))
        #expect(matcher.match("last_name") == .punctuation("Last Name"))
        #expect(matcher.match("Surname") == .alias("Last Name"))
        #expect(matcher.match("Last Nmae") == .nearMiss("Last Name"))
        #expect(matcher.match("Favourite Colour") == .unknown)
    }

    /// A two-letter column is no typo's target ('SID' is Active Directory's security identifier), and a
    /// case variant the profile lists as a guess ('id', another system's object ID) is that guess.
    @Test func shortNamesAndGuessedCaseVariants() throws {
        let matcher = HeaderMatcher(profile: try ProfileLoader.load("4me-people"))
        #expect(matcher.match("SID") == .unknown)
        #expect(matcher.match("ID") == .exact("ID"))
        #expect(matcher.match("id").column == "ID")
        if case .guessedAlias = matcher.match("id") {} else { Issue.record("'id' should be a guessed alias of ID") }
        // Only as the profile writes the guess: another case of ID is a case variant of 4me's own column.
        #expect(matcher.match("Id") == .spelling("ID"))
        #expect(matcher.match("iD") == .spelling("ID"))
        #expect(matcher.match("Manger") == .nearMiss("Manager"))
        // Google Workspace's user download.
        #expect(matcher.match("Employee Title") == .alias("Job Title"))
        #expect(matcher.match("Manager Email") == .alias("Manager"))
    }

    /// The matchers built once per process are told apart by their whole profile: a configuration's copy of a
    /// built-in profile without a column gets its own matcher, and the built-in one keeps its columns.
    @Test func matcherOfAChangedProfileIsItsOwn() throws {
        var profile = try ProfileLoader.load("4me-people")
        #expect(HeaderMatcher.of(profile).match("Primary Email") == .exact("Primary Email"))
        profile.columns.removeAll { $0.name == "Primary Email" }
        #expect(HeaderMatcher.of(profile).match("Primary Email") != .exact("Primary Email"))
        #expect(HeaderMatcher.of(try ProfileLoader.load("4me-people")).match("Primary Email") == .exact("Primary Email"))
    }

    /// HeaderMatcher's ASCII shortcut gives the normal forms its Unicode path gives.
    @Test func asciiHeaderFormsMatchTheUnicodeOnes() {
        let unicodeLoose = { (s: String) in String(s.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }.map(Character.init)) }
        let unicodeSpacingFree = { (s: String) in String(s.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init)) }
        let allASCII = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for text in [allASCII, "Primary_Email", " E-Mail.Address\t", "Job Title\r\n", "ZIP Code"] {
            #expect(HeaderMatcher.loose(text) == unicodeLoose(text))
            #expect(HeaderMatcher.spacingFree(text) == unicodeSpacingFree(text))
        }
        #expect(HeaderMatcher.loose("Straße_Nr") == "straßenr" && HeaderMatcher.spacingFree("Ünit\u{85}A") == "ünita")
    }

    /// A header that often, not always, holds a column binds to it, but says why it may not.
    @Test func guessedAliasesBindWithTheirReason() throws {
        let people = HeaderMatcher(profile: try ProfileLoader.load("4me-people"))
        guard case .guessedAlias("Primary Email", let why) = people.match("userPrincipalName") else {
            Issue.record("userPrincipalName: \(people.match("userPrincipalName"))")
            return
        }
        #expect(why.contains("not the mailbox"))
        #expect(people.match("title").column == "Job Title")
        #expect(people.match("Title") != .alias("Job Title"))
        #expect(people.match("Mail") == .alias("Primary Email"))
        // An AD cn is not always the display name, and an object GUID is the Source ID only if the sync says so.
        guard case .guessedAlias("Name", _) = people.match("cn") else { Issue.record("cn: \(people.match("cn"))"); return }
        guard case .guessedAlias("Source ID", let overwrites) = people.match("objectGUID") else {
            Issue.record("objectGUID: \(people.match("objectGUID"))")
            return
        }
        #expect(overwrites.contains("overwrites"))
        #expect(people.match("displayName") == .alias("Name"))
    }

    @Test func userProfileFileLoadsAndInvalidOneExplainsWhy() throws {
        let dir = try TestSupport.temporaryDirectory()
        let good = dir.appendingPathComponent("hr.yml")
        try "name: hr\ncolumns:\n  - name: Employee Email\n    kind: email\n    required: true\n".write(to: good, atomically: true, encoding: .utf8)
        #expect(try ProfileLoader.load(good.path).columns.first?.kind == .email)
        let bad = dir.appendingPathComponent("bad.yml")
        try "name: bad\ncolumns:\n  - kind: email\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: ProfileError.self) { try ProfileLoader.load(bad.path) }
    }

    /// The documented delimiters and encodings are profile data; a profile that does not say accepts anything.
    @Test func profilesDeclareWhatTheirTargetReads() throws {
        let people = try ProfileLoader.load("4me-people"), receptionist = try ProfileLoader.load("receptionist")
        #expect(people.accepts?.delimiters == [0x2C, 0x09])
        #expect(people.accepts?.acceptsEncoding("UTF-16LE") == true)
        #expect(people.accepts?.acceptsEncoding("UTF-16BE") == false)
        #expect(receptionist.accepts?.delimiters == [0x2C])
        #expect(receptionist.accepts?.acceptsEncoding("UTF-16LE") == false)
        #expect(EncodingVerdict.judge("UTF-16LE", profile: people)?.severity == .info)
        #expect(EncodingVerdict.judge("UTF-16LE", profile: receptionist)?.severity == .error)
        let open = try ProfileLoader.parse("name: open\ncolumns:\n  - name: Name\n", origin: "open.yml")
        #expect(open.accepts == nil)
        #expect(EncodingVerdict.judge("UTF-16BE", profile: open) == nil)
        #expect(throws: ProfileError.self) {
            try ProfileLoader.parse("name: x\naccepts:\n  delimiters: [colon]\ncolumns:\n  - name: Name\n", origin: "x.yml")
        }
    }

    @Test func selectionByCodeNamePrefix() {
        let selection = RuleSelection(select: ["ENC", "duplicate-identifier"], ignore: ["ENC004"])
        #expect(selection.isEnabled(.invalidUTF8))
        #expect(!selection.isEnabled(.byteOrderMark))
        #expect(selection.isEnabled(.duplicateIdentifier))
        #expect(!selection.isEnabled(.missingValue))
        #expect(RuleSelection(select: ["NOPE"]).unknownSelectors(in: RuleCatalog.all) == ["NOPE"])
    }

    @Test func catalogHasEveryGuaranteedName() {
        let guaranteed = """
        invalid-utf8 legacy-encoding utf16-encoding byte-order-mark mojibake lossy-replacement control-character not-nfc
        confusable-characters ragged-row unterminated-quote duplicate-header missing-required-column unknown-column
        blank-line surrounding-whitespace formula-injection missing-value invalid-email invalid-locale unsupported-locale
        invalid-time-zone invalid-boolean invalid-phone invalid-country invalid-pin invalid-location-slug
        slack-handle-prefix invalid-url invalid-enum duplicate-identifier ungrouped-contact-rows unknown-person-reference
        email-or-sms-required organization-variants unknown-organization record-count-drop removed-identifiers
        """.split(whereSeparator: \.isWhitespace).map(String.init)
        let names = Set(RuleCatalog.all.map(\.name))
        for name in guaranteed { #expect(names.contains(name), "\(name) is not registered") }
        #expect(Set(RuleCatalog.all.map(\.code)).count == RuleCatalog.all.count)
    }
}
