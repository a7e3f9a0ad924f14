// Descriptors of the text-hygiene rules (TXT001–TXT005; TXT007 is in Rules/Text). Their logic is in TextHygiene*.swift.

extension RuleDescriptor {
    public static let mojibake = RuleDescriptor(
        code: "TXT001", name: "mojibake", severity: .error, fix: .sometimes,
        summary: "UTF-8 text that was read in a legacy code page and saved again, once or twice ('MÃ¼ller', 'Р˜РІР°РЅ')",
        explanation: """
            When a UTF-8 export is opened in a program that assumes a legacy code page (Excel double-clicking a \
            CSV, Set-Content in Windows PowerShell, a DOS console, an old Mac) and saved again, every accented \
            or non-Latin letter becomes two or three characters: 'Ã¼' (Windows-1252), 'ĂĽ' (Windows-1250), \
            'Р˜' (Windows-1251), '├╝' (DOS 850), '√º' (Mac Roman). 4me and The Receptionist store the damaged \
            text as given: names are shown wrongly, searches fail, and a key column no longer matches its record. \
            Detected: UTF-8 read as Windows-1250/1251/1252/1253/1254/1257, ISO-8859-1/2/15, DOS 437/850/852/866, \
            Mac Roman, KOI8-R (once or twice, in the whole cell or part of it) or Shift_JIS (whole cell). A cell \
            is reported only when undoing the misreading makes it read clearly better (letters of one script \
            per word, no symbols or capitals inside words), so correct text that merely looks odd ('3×£10', 'NESTLÉ®', 'Ä' before a \
            no-break space) is left alone. The fix is safe only when the repair maps back to the cell exactly \
            and the whole cell is one misreading (no correct character of that code page beside the damage, no \
            space standing for a lost no-break space), the result reads as ordinary text, and no other code page \
            gives a different repair that reads as well (Windows-1250 and ISO-8859-2 often tie: 'MĂĽller' may \
            be 'Müller' or 'Måller'); otherwise it is unsafe and applied only with --unsafe-fixes.
            """,
        triggeringExample: "Name\nHans MÃ¼ller\n", cleanExample: "Name\nHans Müller\n")

    public static let lossyReplacement = RuleDescriptor(
        code: "TXT002", name: "lossy-replacement", severity: .error,
        summary: "A letter was replaced by '?' or U+FFFD when the file was saved in a narrower encoding",
        explanation: """
            Windows PowerShell 5.1's Export-Csv writes ASCII by default, and other tools substitute '?' or the \
            replacement character U+FFFD for every letter the target encoding cannot hold. The letter is gone: \
            'Lefèvre' arrives as 'Lef?vre', and the import overwrites the correct name in 4me or The \
            Receptionist with the damaged one. Nothing in the file can restore it; export again as UTF-8 \
            (Export-Csv -Encoding UTF8).
            """,
        triggeringExample: "Name\nAnne Lef?vre\n", cleanExample: "Name\nAnne Lefèvre\n")

    public static let notNFC = RuleDescriptor(
        code: "TXT003", name: "not-nfc", severity: .warning, fix: .safe,
        summary: "Text is not in Unicode Normalization Form C (accents stored as separate combining marks)",
        explanation: """
            'é' can be stored as one character or as 'e' followed by a combining accent (macOS and some LDAP \
            exports produce the second form). Both look the same, but the target system compares bytes: the \
            decomposed name does not match the existing record, duplicates appear, and length limits count \
            the marks. Normalizing to NFC changes nothing visible.
            """,
        triggeringExample: "Name\nRene\u{301} Dubois\n", cleanExample: "Name\nRené Dubois\n")

    public static let confusableCharacters = RuleDescriptor(
        code: "TXT004", name: "confusable-characters", severity: .warning, fix: .sometimes,
        summary: "Look-alike letters from another script inside a word",
        explanation: """
            A Cyrillic 'і' or 'а' inside a Latin name looks like ordinary text but is a different character. \
            The imported value then fails to match the existing person or email and sorts and searches \
            wrongly. Names written wholly in Cyrillic, Greek or any other script are not affected. Invisible \
            characters (zero-width spaces, bidi controls) are invisible-character's (TXT007).
            """,
        triggeringExample: "Name\nDm\u{456}tri Ivanov\n", cleanExample: "Name\nДмитрий Иванов\n")

    public static let formulaInjection = RuleDescriptor(
        code: "TXT005", name: "formula-injection", severity: .warning,
        summary: "A cell starts with =, +, -, @ (or TAB/CR before them) and runs as a formula in a spreadsheet",
        explanation: """
            Import files are routinely opened in Excel or LibreOffice for review before upload. A cell that \
            starts with '=', '+', '-' or '@' is evaluated there as a formula (CSV injection), which can run \
            commands or leak data, and a spreadsheet that saves the file again replaces the value with the \
            formula's result. Phone numbers in phone columns, negative numbers in numeric columns and handles \
            in Slack columns are not reported.
            """,
        triggeringExample: "Name\n=HYPERLINK(\"http://evil.example\",\"Click\")\n", cleanExample: "Name\nAnne Smith\n")
}
