extension RuleDescriptor {
    public static let guestUPN = RuleDescriptor(
        code: "DIR004", name: "guest-upn", severity: .error, fix: .unsafe,
        summary: "An Entra ID guest user principal name ('ann_gmail.com#EXT#@widget.onmicrosoft.com') used as an email",
        explanation: """
            Entra ID (Azure AD) names an invited guest 'localpart_domain#EXT#@tenant.onmicrosoft.com'. It is \
            a sign-in name, not a mailbox: no mail sent to it arrives, and it matches no person who signs in \
            with their own address. The 'Download users' CSV lists it as userPrincipalName for every guest. \
            The unsafe fix rebuilds the guest's own address from it (Entra writes the '@' as the last '_'); \
            check that this is the address the person should be known by, or leave guests out of the export.
            """,
        triggeringExample: "Primary Email,Name\nann_gmail.com#EXT#@widget.onmicrosoft.com,Ann Lee\n",
        cleanExample: "Primary Email,Name\nann@gmail.com,Ann Lee\n")
}

/// '#EXT#' in the local part of an address.
enum GuestUPN {
    static func finding(_ address: String) -> ValueFinding? {
        guard let at = address.lastIndex(of: "@"), let ext = address[..<at].range(of: "#EXT#", options: .caseInsensitive) else { return nil }
        let original = address[..<ext.lowerBound]
        var fix: Fix?
        if let underscore = original.lastIndex(of: "_") {
            let rebuilt = String(original[..<underscore]) + "@" + String(original[original.index(after: underscore)...])
            if EmailRule.problem(in: rebuilt) == nil {
                fix = Fix(.unsafe, "Replace with the guest's own address '\(rebuilt)'", replacement: rebuilt)
            }
        }
        return ValueFinding(.guestUPN, "'\(address)' is an Entra ID guest user principal name (#EXT#): no mailbox receives mail at it", fix: fix)
    }
}
