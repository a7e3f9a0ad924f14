/// The commented `.importlint.yml` that `importlint init` writes. Every setting is commented out, so the
/// file changes nothing until edited; it must parse as a valid configuration (a test checks).
public enum StarterConfig {
    public static let text = """
    # importlint configuration. importlint uses the .importlint.yml closest to each file it checks
    # (walking up from the file's folder); --config PATH picks one for all files, --no-config ignores them.
    # Globs and paths are relative to this file's folder. Unknown keys are an error.
    # Command-line options override these settings; --ignore adds to them.

    # Profile for every file (4me-people, 4me-contacts, receptionist, or a profile .yml path);
    # detected from the header when not set.
    # profile: receptionist

    # Profile per glob; the first matching glob wins over `profile`.
    # profiles:
    #   "exports/4me/*-people.tsv": 4me-people
    #   "exports/4me/*-contacts.tsv": 4me-contacts
    #   "exports/receptionist/**/*.csv": receptionist

    # Rules to run and to skip, by name, code or code prefix (see `importlint rules`).
    # select: [ALL]
    # ignore: [unknown-column]

    # Severity per rule: error, warning, info, or off (= ignore).
    # severity:
    #   removed-identifiers: error
    #   surrounding-whitespace: info

    # Files and folders to leave out when importlint is given a folder, or the file itself (a glob
    # without '/' matches a name at any depth).
    # exclude: ["archive/", "*-backup.csv"]

    # Rules to skip for some files only.
    # per-file-ignores:
    #   "legacy/*.csv": [legacy-encoding, byte-order-mark]

    # Region for phone numbers written without a country code (ISO 3166 alpha-2).
    # default-region: US

    # Organization names that exist in 4me, one a line (for unknown-organization).
    # known-organizations: organizations.txt

    # Locale tags your 4me account offers beyond the documented list (rules/tables/4me-locales.txt;
    # 4me publishes no full list), for unsupported-locale.
    # locales: [en-GB, de-CH]

    # Top-level domains that email addresses may use beyond IANA's list shipped with importlint (a TLD
    # newer than the list, or an internal one such as corp for test accounts): undeliverable-email-domain.
    # allowed-tlds: [corp]

    # Built-in and service accounts that are not people (service-account): patterns added to or removed
    # from rules/tables/service-accounts.tsv; one '*' stands for any text.
    # service-accounts:
    #   add: ["svc_*", "*-admin"]
    #   remove: [Administrator]

    # Lowest severity that makes `importlint check` exit with status 1: error, warning or info.
    # fail-on: error

    # --baseline PREVIOUS_FILE: report record-count-drop when records fall by more than this.
    # baseline:
    #   threshold: 10%

    """
}
