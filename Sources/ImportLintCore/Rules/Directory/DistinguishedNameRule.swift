extension RuleDescriptor {
    public static let distinguishedName = RuleDescriptor(
        code: "DIR001", name: "distinguished-name", severity: .error, fix: .sometimes,
        summary: "An Active Directory distinguished name (CN=...,OU=...,DC=...) where an email or a name belongs",
        explanation: """
            Get-ADUser returns Manager (and directReports, member) as distinguished names such as \
            'CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com'. A person reference (Manager, Person, Primary Email) \
            must be the person's email address: a distinguished name matches nobody, so the reference fails or \
            the row is rejected. No address can be derived from it without a directory lookup, so there is no \
            fix; export the manager's mail attribute instead (Get-ADUser -Properties Manager | ForEach-Object \
            { (Get-ADUser $_.Manager -Properties mail).mail }). In a name column the unsafe fix takes the CN's \
            value, unescaped ('Lee, Ann'): check the order of the names.
            """,
        triggeringExample: "Primary Email,Name,Manager\nbob.ray@widget.com,Bob Ray,\"CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com\"\n",
        cleanExample: "Primary Email,Name,Manager\nbob.ray@widget.com,Bob Ray,ann.lee@widget.com\n")
}

/// LDAP distinguished names (RFC 4514) in cells: 'CN=' at the start followed by further RDNs.
enum DistinguishedName {
    /// Byte test: starts with 'CN=' (any case). Every DN the rule reports passes it.
    static func mayBe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.count > 5 && b[0] | 0x20 == 0x63 && b[1] | 0x20 == 0x6E && b[2] == 0x3D
    }

    /// The CN's value, unescaped, when `value` is a DN with at least two RDNs ('CN=x,OU=y' or 'CN=x,DC=y').
    static func commonName(_ value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count > 5, bytes[0] | 0x20 == 0x63, bytes[1] | 0x20 == 0x6E, bytes[2] == 0x3D else { return nil }
        var out: [UInt8] = []
        var i = 3
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x5C, i + 1 < bytes.count {
                // '\,' and friends, or a hex pair ('\C3\A9' for 'é').
                if i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                } else {
                    out.append(bytes[i + 1])
                    i += 2
                }
                continue
            }
            if c == 0x2C { break }
            out.append(c)
            i += 1
        }
        // The rest must be further attribute=value pairs: ',OU=', ',DC=', ',CN=', ',O=', ',L='...
        guard i < bytes.count, let equals = bytes[(i + 1)...].firstIndex(of: 0x3D),
              bytes[(i + 1)..<equals].allSatisfy({ ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x20 }),
              equals > i + 1 else { return nil }
        let name = String(decoding: out, as: UTF8.self).trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    private static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x37
        case 0x61...0x66: c - 0x57
        default: nil
        }
    }

    /// A DN in an email column: no fix.
    static func addressFinding(_ value: String, column: String) -> ValueFinding? {
        guard let cn = commonName(value) else { return nil }
        return ValueFinding(.distinguishedName,
                            "'\(value)' is an Active Directory distinguished name (of '\(cn)'), not an email address; \(column) needs the person's primary email: export the mail attribute instead")
    }

    /// A DN in a name column: unsafe fix to the CN's value.
    static func nameFinding(_ value: String, column: String) -> ValueFinding? {
        guard let cn = commonName(value) else { return nil }
        return ValueFinding(.distinguishedName,
                            "'\(value)' is an Active Directory distinguished name, not a name; \(column) should hold the name itself",
                            fix: Fix(.unsafe, "Replace with the CN '\(cn)' (check the order of the names)", replacement: cn))
    }
}
