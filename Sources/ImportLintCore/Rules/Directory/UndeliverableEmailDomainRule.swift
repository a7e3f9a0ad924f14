extension RuleDescriptor {
    public static let undeliverableEmailDomain = RuleDescriptor(
        code: "DIR007", name: "undeliverable-email-domain", severity: .error,
        summary: "An address in a reserved or internal domain (.local, .corp, .test), or with a TLD missing from IANA's list",
        explanation: """
            Active Directory forests are often named widget.local or corp.widget.lan, and a userPrincipalName \
            or a mail attribute filled from it looks like an address but never receives mail: the reserved and \
            internal names .local, .localdomain, .lan, .internal, .corp, .home, .home.arpa, .test, .example, \
            .invalid, .localhost, .onion and .alt do not resolve on the internet (RFC 2606, 6761, 6762, 7686, \
            8375, 9476; ICANN reserved .internal for private use). Those are errors. A top-level domain missing \
            from IANA's root zone list shipped in rules/tables/iana-tlds.txt (with its version) is only a warning: \
            it is usually a typo ('widget.con'), but a list can be older than a new TLD. Allow extra TLDs with \
            `allowed-tlds` in .importlint.yml (this also accepts a reserved one, for a test account). \
            Internationalized TLDs written in their own script are not checked.
            """,
        triggeringExample: "Primary Email,Name\nann.lee@widget.local,Ann Lee\n",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee\n")
}

/// Top-level domains: IANA's list, the reserved names, and a cheap accept for the common case.
enum EmailDomains {
    /// Lowercase TLDs of IANA's root zone (rules/tables/iana-tlds.txt).
    static let iana: Set<String> = Set(ianaLines.map { $0.lowercased() })
    /// IANA's list as shipped (capitals).
    private static let ianaLines = (try? ProfileLoader.tableLines("iana-tlds")) ?? []
    /// The list's text, which the code table below is made from directly (the lines of `ianaLines` but
    /// without a String each: 0.8 M instructions at every start), so that a run whose addresses all take the
    /// fast path never builds `iana` or `ianaLines`.
    private static let ianaText = EmbeddedRules.files["tables/iana-tlds.txt"] ?? ""
    /// The version line of the shipped list, for messages.
    static let ianaVersion: String = {
        let text = ianaText
        guard let range = text.range(of: "# Version ") else { return "unknown version" }
        return "version " + text[range.upperBound...].prefix { $0 != "," && $0 != "\n" }
    }()

    /// Reserved or private-use names and why they never receive mail.
    static let reserved: [String: String] = [
        "local": "reserved for multicast DNS on local networks (RFC 6762)",
        "localdomain": "a local host's placeholder domain, never delegated",
        "lan": "a private-network name, never delegated",
        "internal": "reserved by ICANN for private networks",
        "corp": "a private-network name that ICANN will not delegate",
        "home": "a private-network name that ICANN will not delegate",
        "test": "reserved for testing (RFC 2606)",
        "example": "reserved for documentation (RFC 2606)",
        "invalid": "reserved to be invalid (RFC 2606)",
        "localhost": "reserved for the local host (RFC 2606)",
        "onion": "reserved for Tor onion services (RFC 7686)",
        "alt": "reserved for non-DNS name systems (RFC 9476)",
    ]

    /// The finding for an address (already known to be syntactically valid) whose domain cannot receive
    /// mail, nil when it can or when its TLD is not ASCII.
    static func finding(_ address: String, allowed: Set<String>) -> ValueFinding? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...].lowercased()
        let labels = domain.split(separator: ".")
        guard let last = labels.last.map(String.init), last.utf8.allSatisfy({ $0 < 0x80 }), !allowed.contains(last) else { return nil }
        if let why = reserved[last] {
            return ValueFinding(.undeliverableEmailDomain, "'\(address)' is in the domain '.\(last)', \(why): no mail ever reaches it; use the person's internet address (the mail attribute, not an internal userPrincipalName)")
        }
        if domain.hasSuffix(".home.arpa") {
            return ValueFinding(.undeliverableEmailDomain, "'\(address)' is in 'home.arpa', reserved for home networks (RFC 8375): no mail ever reaches it")
        }
        if !iana.contains(last) {
            return ValueFinding(.undeliverableEmailDomain,
                                "'\(address)' ends in '.\(last)', which is not a top-level domain in IANA's root zone list (\(ianaVersion), shipped with importlint); check the spelling, or add it to 'allowed-tlds' in .importlint.yml if it is newer than the list",
                                severity: .warning)
        }
        return nil
    }

    /// IANA's TLDs of letters only and at most 13 of them but 'arpa' (its 'home.arpa' is reserved), each as a
    /// base-27 number (see `code`), in an open-addressing table of `ianaSlotCount` slots, 0 marking an empty
    /// one (no code is 0): a look-up is a multiply and a read or two, where a Set hashed each code with
    /// SipHash. Written once at initialization, then only read.
    nonisolated(unsafe) private static let ianaCodeSlots: UnsafePointer<UInt64> = {
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: ianaSlotCount)
        slots.initialize(repeating: 0, count: ianaSlotCount)
        // Comment and blank lines have no code, as tableLines leaves them out.
        var codes: [UInt64] = []
        ProfileLoader.forEachLine(of: ianaText) { line in
            if let value = code(line) { codes.append(value) }
        }
        precondition(codes.count * 2 < ianaSlotCount, "the TLD table stays at most half full")
        for code in codes where code != arpa {
            var i = ianaSlot(code)
            while slots[i] != 0 && slots[i] != code { i = (i + 1) & (ianaSlotCount - 1) }
            slots[i] = code
        }
        return UnsafePointer(slots)
    }()

    private static let ianaSlotCount = 4096

    /// Builds the table of IANA's domains (once per process, `Preload`).
    static func prepareTable() { _ = ianaCodeSlots }

    @inline(__always)
    private static func ianaSlot(_ code: UInt64) -> Int {
        Int(truncatingIfNeeded: (code &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    @inline(__always)
    private static func isIANACode(_ code: UInt64) -> Bool {
        let slots = ianaCodeSlots
        var i = ianaSlot(code)
        while true {
            let stored = slots[i]
            if stored == code { return true }
            if stored == 0 { return false }
            i = (i + 1) & (ianaSlotCount - 1)
        }
    }

    /// A TLD of ASCII letters (any case, at most 13) as a number: no String for the common case.
    @inline(__always)
    private static func code(_ tld: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard tld.count >= 1, tld.count <= 13 else { return nil }
        var value: UInt64 = 0
        for b in tld {
            let c = b | 0x20
            guard c >= 0x61 && c <= 0x7A else { return nil }
            value = value &* 27 &+ UInt64(c - 0x60)
        }
        return value
    }

    private static let arpa = Array("arpa".utf8).withUnsafeBufferPointer { code($0)! }

    /// True when the TLD of a plain ASCII address (validated by `EmailRule.isPlainValidASCII`, so its last
    /// label is letters only) is in IANA's list and not reserved, or allowed.
    @inline(__always)
    static func acceptsTLD(_ address: UnsafeBufferPointer<UInt8>, allowed: Set<String>) -> Bool {
        var start = address.count
        while start > 0 && address[start - 1] != 0x2E { start -= 1 }
        let tld = UnsafeBufferPointer(rebasing: address[start...])
        // Reserved names are not in IANA's list; 'arpa' is, but 'home.arpa' is reserved.
        if let code = code(tld) {
            if isIANACode(code) { return true }
            if allowed.isEmpty { return false }
        }
        return allowed.contains(String(decoding: tld, as: UTF8.self).lowercased())
    }
}
