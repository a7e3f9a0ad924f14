/// Word lists the normalizer needs. Kept as data in one place so a reviewer can see exactly which
/// spellings are treated as the same thing.
enum OrganizationVocabulary {
    /// Legal-form suffixes (already folded and tokenized: "L.L.C." → "llc", "A/S" → "a s") and the
    /// legal-form class they belong to. Two names with different classes ("Widget Inc" and
    /// "Widget GmbH") are different legal entities and are never merged. The loose US forms
    /// (Inc, Corp, Co, Company) share one class because directory data uses them interchangeably. A public
    /// company's form is not its private twin's (plc and Ltd, Finland's Oyj and Oy, Norway's ASA and AS): a
    /// group often has both ("Widget Oyj" and its subsidiary "Widget Oy").
    static let legalSuffixes: [(tokens: [String], form: String)] = {
        let table: [(String, String)] = [
            ("gmbh and co kg", "gmbh-co-kg"), ("gmbh co kg", "gmbh-co-kg"), ("gmbh and cie kg", "gmbh-co-kg"),
            ("public limited company", "plc"), ("plc", "plc"),
            ("co ltd", "ltd"), ("company limited", "ltd"), ("company ltd", "ltd"), ("co limited", "ltd"),
            ("ltd", "ltd"), ("limited", "ltd"),
            ("pty ltd", "pty"), ("pty limited", "pty"), ("proprietary limited", "pty"), ("pty", "pty"),
            ("pte ltd", "pte"), ("pte", "pte"), ("sdn bhd", "bhd"), ("bhd", "bhd"),
            ("inc", "inc"), ("incorporated", "inc"), ("corp", "inc"), ("corporation", "inc"),
            ("co inc", "inc"), ("company inc", "inc"), ("co", "inc"), ("company", "inc"), ("cos", "inc"),
            ("llc", "llc"), ("l l c", "llc"), ("llp", "llp"), ("lp", "lp"),
            ("gmbh", "gmbh"), ("mbh", "gmbh"), ("ag", "ag"), ("kg", "kg"), ("ohg", "ohg"), ("ug", "ug"),
            ("ev", "ev"), ("se", "se"), ("kgaa", "kgaa"),
            ("sa", "sa"), ("s a", "sa"), ("sociedad anonima", "sa"), ("societe anonyme", "sa"),
            ("sas", "sas"), ("s a s", "sas"), ("sasu", "sas"), ("sarl", "sarl"), ("eurl", "sarl"),
            ("sl", "sl"), ("s l", "sl"), ("slu", "sl"), ("sau", "sa"),
            ("bv", "bv"), ("b v", "bv"), ("besloten vennootschap", "bv"), ("nv", "nv"), ("n v", "nv"),
            ("vof", "vof"), ("cv", "cv"),
            ("spa", "spa"), ("s p a", "spa"), ("srl", "srl"), ("s r l", "srl"),
            ("oy", "oy"), ("oyj", "oyj"), ("ab", "ab"), ("publ ab", "ab"), ("as", "as"), ("a s", "as"),
            ("asa", "asa"), ("aps", "aps"),
            ("kk", "kk"), ("k k", "kk"), ("kabushiki kaisha", "kk"),
            ("sp z oo", "spzoo"), ("sp z o o", "spzoo"), ("spzoo", "spzoo"), ("sp zoo", "spzoo"),
            ("sro", "sro"), ("s r o", "sro"), ("ltda", "ltda"), ("sa de cv", "sa"),
            // Written out, as registers spell them.
            ("gesellschaft mit beschrankter haftung", "gmbh"), ("gesellschaft mbh", "gmbh"), ("gesmbh", "gmbh"),
            ("ges mbh", "gmbh"), ("aktiengesellschaft", "ag"), ("kommanditgesellschaft", "kg"),
            ("naamloze vennootschap", "nv"), ("besloten vennootschap met beperkte aansprakelijkheid", "bv"),
            ("societe par actions simplifiee", "sas"), ("societe a responsabilite limitee", "sarl"),
            ("societa per azioni", "spa"), ("societa a responsabilita limitata", "srl"),
            ("sociedad limitada", "sl"), ("sociedad de responsabilidad limitada", "sl"),
            ("sociedade anonima", "sa"), ("sociedad anonima de capital variable", "sa"),
            ("sab de cv", "sab"), ("sociedad anonima bursatil de capital variable", "sab"),
            ("spolka akcyjna", "sa"), ("spolka z ograniczona odpowiedzialnoscia", "spzoo"),
            ("aktiebolag", "ab"), ("aktieselskab", "as"), ("aksjeselskap", "as"), ("anpartsselskab", "aps"),
            ("osakeyhtio", "oy"), ("julkinen osakeyhtio", "oyj"), ("anonim sirketi", "as"),
            ("limited liability company", "llc"), ("kabushiki gaisha", "kk"),
            ("designated activity company", "dac"), ("dac", "dac"), ("ao", "ao"), ("anonim ortakligi", "ao"),
        ]
        // Longest patterns first, so "pty ltd" wins over "ltd".
        return table.map { (tokens: $0.0.split(separator: " ").map(String.init), form: $0.1) }
            .sorted { $0.tokens.count > $1.tokens.count }
    }()

    /// Legal forms that registers write before the name ("AB Volvo", "Kabushiki Kaisha Toshiba").
    static let legalPrefixes: [(tokens: [String], form: String)] = [
        (["aktiebolaget"], "ab"), (["ab"], "ab"), (["oy"], "oy"), (["kabushiki", "kaisha"], "kk"),
    ]

    /// Every token that can be part of a legal suffix: such a token is never read as a country
    /// code ("SA" is Saudi Arabia's code, "AG" Antigua's) or as a typo of something else.
    static let legalSuffixTokens: Set<String> = Set(legalSuffixes.flatMap(\.tokens))

    /// Abbreviations expanded before comparison. "co" and "corp" only reach this table when they
    /// are not in the suffix position (the suffix pass runs first).
    static let abbreviations: [String: String] = [
        "intl": "international", "int": "international", "mfg": "manufacturing", "mfrs": "manufacturers",
        "st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort",
        "mktg": "marketing", "eng": "engineering", "engr": "engineering", "ops": "operations",
        "mgmt": "management", "mgt": "management", "svc": "service", "svcs": "services",
        "tech": "technology", "techn": "technology", "univ": "university", "natl": "national",
        "assn": "association", "assoc": "association", "bros": "brothers", "ctr": "center",
        "cntr": "center", "centre": "center", "hosp": "hospital", "govt": "government",
        "admin": "administration", "acct": "accounting", "dev": "development", "sys": "systems",
        "co": "company", "corp": "corporation", "grp": "group", "hldgs": "holdings", "hldg": "holding",
        "inds": "industries", "ins": "insurance", "labs": "laboratories", "lab": "laboratory",
        "dist": "distribution", "mgr": "manager", "exec": "executive", "acctg": "accounting",
    ]

    /// Words meaning "and" in the languages of the exports; only read as "and" between two other
    /// tokens ("Jansen en Zonen", "Müller und Söhne"), never at either end ("Widget Y").
    static let connectors: Set<String> = ["und", "et", "y", "en"]

    /// Designators of a department rather than part of its name ("Sales Dept.", "Department of IT").
    static let departmentWords: Set<String> = ["dept", "department", "dpt", "afdeling", "abteilung"]

    /// Words skipped when forming initials ("Research and Development" → "rd").
    static let initialsStopWords: Set<String> = ["and", "of", "the", "for", "de", "der", "du", "la"]

    /// Words whose difference always means a different organization (branches, regions).
    /// Typo merging never touches them, so "Acme North" and "Acme Nort" still may not merge.
    static let regionWords: Set<String> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "northeast", "northwest", "southeast", "southwest", "mid", "middle", "upper", "lower",
        "europe", "european", "emea", "apac", "americas", "america", "asia", "africa", "pacific",
        "atlantic", "latam", "nordic", "nordics", "benelux", "dach", "global", "international",
        "national", "regional", "local", "inner", "outer", "greater", "new", "old",
        "noord", "zuid", "oost", "nord", "sud", "ost", "norte", "sur", "este", "oeste",
    ]
}
