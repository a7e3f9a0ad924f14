extension RuleDescriptor {
    public static let proxyAddressPrefix = RuleDescriptor(
        code: "DIR002", name: "proxy-address-prefix", severity: .error, fix: .sometimes,
        summary: "An address copied from proxyAddresses with its 'SMTP:' or 'smtp:' prefix",
        explanation: """
            Exchange and Entra keep a mailbox's addresses in proxyAddresses, each with a type prefix: 'SMTP:' \
            marks the primary address, 'smtp:' a secondary alias, 'SIP:' the Teams/Skype sign-in, 'X500:' a \
            legacy Exchange address (Outlook's CSV export writes it without the prefix, '/o=…/cn=…', for a \
            contact of the directory). Copied as is, 'SMTP:ann@widget.com' is not an address and the row is \
            rejected. The safe fix strips 'SMTP:' when the rest is a valid address (the primary one), and picks \
            the single 'SMTP:' entry when the cell holds the whole list. 'smtp:' and 'sip:' get an unsafe fix: \
            an alias or a SIP address may not be the primary email that the person is matched on. X500 and X400 \
            addresses cannot be converted.
            """,
        triggeringExample: "Primary Email,Name\nSMTP:ann.lee@widget.com,Ann Lee\n",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee\n")
}

/// 'SMTP:', 'smtp:', 'sip:', 'X500:' prefixes of proxyAddresses values in email cells.
enum ProxyAddress {
    private static let prefixes = ["smtp:", "sip:", "x500:", "x400:", "eum:"]

    /// Byte test: the cell starts with a letter run followed by ':' within 5 bytes.
    static func mayBe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count > 4 else { return false }
        for i in 2..<min(5, b.count) where b[i] == 0x3A { return true }
        return false
    }

    static func finding(_ value: String) -> ValueFinding? {
        let entries = value.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "," })
            .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard let first = entries.first, let prefix = prefixOf(first) else { return nil }
        if entries.count > 1 {
            guard entries.allSatisfy({ prefixOf($0) != nil }) else { return nil }
            let primaries = entries.filter { $0.hasPrefix("SMTP:") }
            let message = "'\(value)' is a proxyAddresses list (\(entries.count) entries), not one address"
            if primaries.count == 1, let address = validAddress(primaries[0]) {
                return ValueFinding(.proxyAddressPrefix, message + "; its primary address is '\(address)'",
                                    fix: Fix(.safe, "Replace with the primary address '\(address)'", replacement: address))
            }
            return ValueFinding(.proxyAddressPrefix, message + " and no single entry is marked primary ('SMTP:')")
        }
        let kind = String(first.prefix(prefix.count))
        switch prefix {
        case "smtp:":
            guard let address = validAddress(first) else {
                return ValueFinding(.proxyAddressPrefix, "'\(value)' starts with the proxyAddresses prefix '\(kind)' and the rest is not a valid address")
            }
            if kind == "SMTP:" {
                return ValueFinding(.proxyAddressPrefix, "'\(value)' starts with the proxyAddresses prefix 'SMTP:' (the primary address)",
                                    fix: Fix(.safe, "Remove the prefix: '\(address)'", replacement: address))
            }
            return ValueFinding(.proxyAddressPrefix,
                                "'\(value)' starts with '\(kind)': a secondary address (alias) from proxyAddresses, which may not be the primary email the person is matched on",
                                fix: Fix(.unsafe, "Remove the prefix: '\(address)' (check it is the primary address)", replacement: address))
        case "sip:":
            let address = validAddress(first)
            return ValueFinding(.proxyAddressPrefix, "'\(value)' is a SIP address (Teams/Skype sign-in) from proxyAddresses, not necessarily the email address",
                                fix: address.map { Fix(.unsafe, "Replace with '\($0)' (check it is the primary email)", replacement: $0) })
        default:
            return ValueFinding(.proxyAddressPrefix, "'\(value)' is an \(kind.dropLast().uppercased()) address from proxyAddresses, not an email address; export the mail attribute instead")
        }
    }

    /// Exchange's legacyExchangeDN, '/o=Widget/ou=…/cn=Recipients/cn=ann': the X500 address without its
    /// prefix, which Outlook's CSV export writes for a contact of the directory (address type EX).
    static func legacyExchangeDNFinding(_ value: String) -> ValueFinding? {
        let lower = value.lowercased()
        guard lower.hasPrefix("/o="), lower.contains("/cn=") else { return nil }
        return ValueFinding(.proxyAddressPrefix, "'\(value)' is an Exchange legacyExchangeDN (an X500 address without 'X500:', as Outlook exports a contact of the directory), not an email address; export the mail attribute instead")
    }

    private static func prefixOf(_ entry: String) -> String? {
        let lower = entry.prefix(5).lowercased()
        return prefixes.first { lower.hasPrefix($0) }
    }

    private static func validAddress(_ entry: String) -> String? {
        guard let colon = entry.firstIndex(of: ":") else { return nil }
        let address = entry[entry.index(after: colon)...].trimmingWhitespace()
        return !address.isEmpty && EmailRule.problem(in: address) == nil ? address : nil
    }
}
