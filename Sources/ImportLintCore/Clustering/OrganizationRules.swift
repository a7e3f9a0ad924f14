extension RuleDescriptor {
    public static let organizationVariants = RuleDescriptor(
        code: "ORG001", name: "organization-variants", severity: .warning, fix: .sometimes,
        summary: "The same organization (or department) is spelled in several ways.",
        explanation: """
        4me links a person to an organization by its exact name, and The Receptionist groups \
        contacts by department name. Directory services spell one organization many ways \
        ("Widget Germany", "WIDGET  GERMANY", "Widget Deutschland GmbH"); each spelling then \
        needs its own organization or is rejected. Values of the column are clustered after \
        folding case, accents, punctuation, '&'/'and', legal suffixes, country names and \
        abbreviations, and after allowing a small typo in a long word; names differing in a \
        country, region, number or any other word are never merged. Every occurrence of a \
        spelling other than the cluster's canonical one (a known organization, a reviewed \
        mapping, else the most frequent spelling) is reported. The fix is safe when the \
        canonical spelling is a known organization or comes from a reviewed mapping; a \
        canonical chosen by frequency is a guess, so its fix is unsafe (to review), even for \
        spellings that differ only in case or spacing.
        """,
        triggeringExample: "Name\tOrganization\nAda\tWidget Germany\nBob\tWIDGET  GERMANY\nCy\tWidget Deutschland\n",
        cleanExample: "Name\tOrganization\nAda\tWidget Germany\nBob\tWidget Germany\nCy\tWidget France\n")

    public static let unknownOrganization = RuleDescriptor(
        code: "ORG002", name: "unknown-organization", severity: .error, fix: .sometimes,
        summary: "The organization does not exist in the list given with --known-organizations.",
        explanation: """
        4me rejects a person whose Organization does not name an existing organization. With \
        --known-organizations FILE (one name per line, or a CSV export with a Name column), every \
        value not in that list is reported with the closest known names. A reference to another \
        account's organization, 'Name @account', is compared by its name. When the value is a \
        spelling variant of exactly one known name (same name after folding case, accents, \
        punctuation, legal suffix and country synonyms, or a one-letter typo in a long word), \
        replacing it is a safe fix; otherwise the suggestions need review.
        """,
        triggeringExample: "Name\tOrganization\nAda\tWidget Deutschland\nBob\tGadget Germany\n",
        cleanExample: "Name\tOrganization\nAda\tWidget Germany\n",
        exampleSetup: ExampleSetup(knownOrganizations: "Widget Germany\n"))
}
