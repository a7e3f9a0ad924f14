extension RuleDescriptor {
    public static let serviceAccount = RuleDescriptor(
        code: "DIR005", name: "service-account", severity: .warning,
        summary: "A built-in, service or system account exported as a person (krbtgt, MSOL_*, HealthMailbox*, WS01$)",
        explanation: """
            A Get-ADUser or Entra export without a filter lists the domain's built-in accounts (Administrator, \
            Guest, krbtgt, DefaultAccount, WDAGUtilityAccount), directory-sync accounts (MSOL_*, AAD_*, Sync_*), \
            Exchange system mailboxes (HealthMailbox*, SystemMailbox{...}, SM_*) and computer or managed \
            service accounts (sAMAccountNames ending in '$'). Imported, they become people who receive \
            notifications, count as users and show up in pickers. The patterns are matched against whole names \
            and against the part of an address before '@'; 'Guest' only in addresses, since it is also a \
            surname. The list is rules/tables/service-accounts.tsv; `service-accounts` in .importlint.yml adds \
            or removes patterns. Filter the export instead (for example on objectCategory=person with a mailbox).
            """,
        triggeringExample: "Primary Email,Name\nkrbtgt@widget.com,krbtgt\n",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee\n")
}

extension ServiceAccounts {
    /// The finding for a name or local part that matches, nil otherwise.
    func finding(_ value: String, part: Substring, inAddress: Bool) -> ValueFinding? {
        guard let pattern = match(part, inAddress: inAddress) else { return nil }
        let what = pattern.wildcard ? "matches the service-account pattern '\(pattern.text)'" : "is the built-in account '\(pattern.text)'"
        return ValueFinding(.serviceAccount, "'\(value)' \(what), not a person; leave service and system accounts out of the export (or adjust 'service-accounts' in .importlint.yml)")
    }
}
