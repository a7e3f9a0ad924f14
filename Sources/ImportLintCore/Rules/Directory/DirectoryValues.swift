/// The directory-export checks of email and person-name cells (DIR001–DIR005, DIR007), in the order
/// that gives each cell its most specific finding. Byte-level accepts keep the common clean value cheap.
enum DirectoryValues {
    /// A value that is not an address because a directory attribute leaked in as is (a DN, a
    /// proxyAddresses entry, a display-name address): replaces the email syntax check.
    static func malformedAddress(_ value: String, column: String) -> ValueFinding? {
        var copy = value
        return copy.withUTF8 { b -> ValueFinding? in
            if DistinguishedName.mayBe(b), let f = DistinguishedName.addressFinding(value, column: column) { return f }
            if ProxyAddress.mayBe(b), let f = ProxyAddress.finding(value) { return f }
            if b.first == 0x2F, let f = ProxyAddress.legacyExchangeDNFinding(value) { return f }
            if DisplayNameAddress.mayBe(b) { return DisplayNameAddress.finding(value) }
            return nil
        }
    }

    /// Findings about a syntactically valid address: a guest UPN, a service account, a domain that
    /// receives no mail.
    static func validAddress(_ address: String, settings: DirectorySettings) -> [ValueFinding] {
        var findings: [ValueFinding] = []
        if let guest = GuestUPN.finding(address) {
            findings.append(guest)
        } else if let at = address.lastIndex(of: "@"),
                  let service = settings.serviceAccounts.finding(address, part: address[..<at], inAddress: true) {
            findings.append(service)
        }
        if let domain = EmailDomains.finding(address, allowed: settings.allowedTLDs) { findings.append(domain) }
        return findings
    }

    /// True when a plain ASCII address without '#' (so no guest UPN), whose '@' is at `at`
    /// (`EmailRule.plainAtSignWithoutHash`), has nothing to report.
    @inline(__always)
    static func acceptsPlainAddress(_ b: UnsafeBufferPointer<UInt8>, at: Int, settings: DirectorySettings) -> Bool {
        acceptsPlainLocalPart(UnsafeBufferPointer(rebasing: b[..<at]), settings: settings) && EmailDomains.acceptsTLD(b, allowed: settings.allowedTLDs)
    }

    /// The part of `acceptsPlainAddress` that looks at the local part: it names no service account.
    @inline(__always)
    static func acceptsPlainLocalPart(_ local: UnsafeBufferPointer<UInt8>, settings: DirectorySettings) -> Bool {
        !(settings.serviceAccounts.mayMatch(local) && settings.serviceAccounts.match(local, inAddress: true) != nil)
    }

    /// A person-name cell: a DN, LDIF's base64, or a service account's name.
    static func name(_ value: String, context: ValueContext) -> [ValueFinding] {
        if let dn = DistinguishedName.nameFinding(value, column: context.column.name) { return [dn] }
        if let base64 = LDIFBase64Value.finding(value, column: context.column.name) { return [base64] }
        return context.directory.serviceAccounts.finding(value, part: value[...], inAddress: false).map { [$0] } ?? []
    }

    /// True when a person-name cell has nothing to report.
    @inline(__always)
    static func acceptsName(_ b: UnsafeBufferPointer<UInt8>, settings: DirectorySettings) -> Bool {
        !DistinguishedName.mayBe(b) && !PowerShellTypeName.mayBe(b) && !LDIFBase64Value.mayBe(b)
            && !(settings.serviceAccounts.mayMatch(b) && settings.serviceAccounts.match(b, inAddress: false) != nil)
    }
}
