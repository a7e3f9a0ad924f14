import Testing
@testable import ImportLintCore

private func codes(_ value: String, _ kind: ValueKind = .text) -> [String] {
    TextHygiene.check(value, kind: kind).map(\.rule.code)
}

private func finding(_ value: String, _ code: String, _ kind: ValueKind = .text) -> ValueFinding? {
    TextHygiene.check(value, kind: kind).first { $0.rule.code == code }
}

@Suite struct ValuesTextHygieneTests {
    static let cleanNames: [String] = [
        "Anne Lefèvre", "Hans Müller", "Recep Tayyip Erdoğan", "Åse Larsen", "Øystein Ærø", "Björk Guðmundsdóttir",
        "Þórður Jónsson", "José Ángel Martínez", "João São Paulo", "IRMÃ", "MAÇÃ", "François Lefèvre-Dubois",
        "Łukasz Żółć", "Wałęsa", "Grzegorz Brzęczyszczykiewicz", "Paweł Dąbrowski", "się", "Šťastný Čížek",
        "Nguyễn Thị Minh Khai", "Trần Hưng Đạo", "Phạm Văn Đồng", "Αλέξανδρος Παπαδόπουλος", "Ελένη Οικονόμου",
        "山田太郎", "やまだ たろう", "ヤマダ タロウ", "鈴木 一郎", "김민준", "王小明", "محمد بن سلمان", "فاطمة الزهراء",
        "דוד בן-גוריון", "Дмитрий Иванов", "Ivan Петров", "Олександр Шевченко", "Սարգիս Պետրոսյան", "ნინო ბერიძე",
        "देवनागरी नाम", "สมชาย ใจดี", "O'Brien", "D’Angelo", "Mary-Jane Watson", "Jean-Luc Picard", "Zoë Saldaña",
        "Renée Zellweger", "Chloë", "Noël", "Ægir", "Straße", "Müller-Lüdenscheidt", "Çelik Şahin", "Ömer Öztürk",
        "İlker Işık", "Ğ", "NESTLÉ®", "«CAFÉ»", "Señor Nuñez", "Café – Bar", "price: 5 €", "№ 5", "100 °C",
        "Nº 12", "Mañana…", "Fin.", "Really?", "Why??", "?", "Who is it? Me.", "https://x.example/page?id=3&x=1",
        "www.example.com/?q=1", "Anne Smith", "- none -", "-- n/a --", "+ extra", "-12.5", "+31 20 123 4567",
        "+1 (713) 441 8299", "+1-713-441-8299 ext. 12", "@jdoe", "@jane.doe", "Ivan (Иван)", "İstanbul",
        "Ca\u{301}fe\u{301}".precomposedForTests, "مهر\u{200C}داد", "👨\u{200D}👩\u{200D}👧", "עברית\u{200F}",
        "Ελληνικά 2024", "Ящик", "Ωmega", "Sørensen", "Håkon", "Ærøskøbing", "Dvořák", "Kovačević", "Đorđević",
        "Gülşen", "Ağaoğlu", "Thị", "Mỹ", "Łódź", "Kraków", "Gdańsk", "Žižek", "Çağrı", "Nazlı",
    ]

    @Test func cleanInternationalNamesProduceNoFindings() {
        for name in Self.cleanNames {
            let findings = TextHygiene.check(name, kind: .text)
            #expect(findings.isEmpty, "\(name): \(findings.map(\.message))")
        }
    }

    @Test func needsCheckPrefilter() {
        #expect(!TextHygiene.needsCheck("Anne Smith"))
        #expect(!TextHygiene.needsCheck(""))
        #expect(!TextHygiene.needsCheck("a plain ascii value that is longer than eight bytes"))
        #expect(TextHygiene.needsCheck("Lefèvre"))
        #expect(TextHygiene.needsCheck("a plain ascii value that is longer?"))
        #expect(TextHygiene.needsCheck("abcdefgh?"))
        #expect(TextHygiene.needsCheck("=1+1"))
        #expect(TextHygiene.needsCheck("+1 713"))
        #expect(TextHygiene.needsCheck("-x"))
        #expect(TextHygiene.needsCheck("@x"))
        #expect(TextHygiene.needsCheck("\tx"))
        #expect(TextHygiene.needsCheck("\rx"))
        #expect(!TextHygiene.needsCheck("x=1+1-2@3"))
    }

    @Test func mojibakeIsRepaired() {
        let cases: [(String, String)] = [
            ("LefÃ¨vre", "Lefèvre"), ("MÃ¼ller", "Müller"), ("Donâ€™t", "Don’t"), ("ErdoÄŸan", "Erdoğan"),
            ("Ã…se Larsen", "Åse Larsen"), ("WaÅ‚Ä™sa", "Wałęsa"), ("JosÃ©", "José"), ("Ã‰mile", "Émile"),
            ("Ð˜Ð²Ð°Ð½", "Иван"), ("MÃƒÂ¼ller", "Müller"), ("Łukasz MÃ¼ller", "Łukasz Müller"),
            ("â€œquotedâ€\u{9D}", "“quoted”"), ("sÄ…", "są"), ("Ã–zil", "Özil"),
        ]
        for (bad, good) in cases {
            let f = finding(bad, "TXT001")
            #expect(f?.fix?.replacement == good, "\(bad) -> \(String(describing: f?.fix?.replacement))")
        }
        #expect(finding("MÃ¼ller", "TXT001")?.fix?.applicability == .safe)
    }

    /// One damaged letter, whose two characters are a letter pair no language writes.
    @Test func shortMojibakeIsRepaired() {
        let cases: [(String, String)] = [("GroÃŸ", "Groß"), ("StraÃŸe", "Straße"), ("MÃœLLER", "MÜLLER"), ("Å½. Novak", "Ž. Novak")]
        for (bad, good) in cases {
            #expect(finding(bad, "TXT001")?.fix?.replacement == good, "\(bad)")
        }
    }

    /// 'í' read as Windows-1252 is 'Ã' and a soft hyphen: the mojibake repair restores it, and no
    /// invisible-character fix may remove half of it.
    @Test func softHyphenInsideMojibakeIsNotAnInvisibleCharacter() {
        #expect(codes("JosÃ© GarcÃ­a") == ["TXT001"])
        #expect(codes("José Garc\u{AD}ía") == ["TXT007"])
        // Mojibake the repair cannot place (read in the wrong page, or partly lost): the soft hyphen after
        // 'Ã', 'Â' or 'Ă' is half of a letter, so its removal is only offered (fix-audit case 0125).
        for value in ["Especialista en ciencias polăčÂ\u{AD}ticas", "Pol?Ã\u{AD}tica", "InĂ\u{AD}enýr"] {
            let softHyphen = InvisibleCharacters.check(value)
            #expect(softHyphen?.fix?.applicability == .unsafe, "\(value)")
            #expect(softHyphen?.message.contains("half of a UTF-8 letter") == true, "\(value)")
        }
        #expect(codes("Especialista en ciencias polăčÂ\u{AD}ticas") == ["TXT007"], "no other rule places it")
        #expect(InvisibleCharacters.check("Anne\u{AD}Marie")?.fix?.applicability == .safe)
        #expect(InvisibleCharacters.check("Müller\u{AD}Lüdenscheidt")?.fix?.applicability == .safe, "after another accented letter")
    }

    /// UTF-8 read as the other code pages directory exports meet, once or twice.
    @Test func mojibakeFromOtherCodePagesIsRepaired() {
        let cases: [(String, String, Applicability)] = [
            ("Jan KrakĂłw", "Jan Kraków", .safe),                       // Windows-1250
            ("Р\u{98}РІР°РЅ РџРµС‚СЂРѕРІ", "Иван Петров", .safe),            // Windows-1251
            ("Ξ•Ξ»Ξ­Ξ½Ξ·", "Ελένη", .safe),                              // Windows-1253
            ("Andr├® Wei├ƒ", "André Weiß", .safe),                     // DOS 850
            ("Bj√∂rn", "Björn", .safe),                                  // Mac Roman
            ("п·п╩я▄пЁп╟", "Ольга", .safe),                                // KOI8-R
            ("FranÃƒÂ§ois", "François", .safe),                         // Windows-1252 twice
            ("Ã¤Âºâ€˜", "云", .safe),                                     // Windows-1252 twice, one Han character
            ("ط\u{AD}ظٹط¯ط± ط§ظ„ط¹ظ„ظٹ", "حيدر العلي", .safe),                       // Windows-1256
            ("ط·آ\u{AD}ط¸ظ¹ط·آ¯ط·آ±", "حيدر", .safe),                               // Windows-1256 twice
            ("蝟ｶ讌ｭ驛ｨ髟ｷ", "営業部長", .safe),                               // Shift_JIS
            ("Hans MĂĽller", "Hans Müller", .unsafe),                    // Windows-1250 or ISO-8859-2
        ]
        for (bad, good, applicability) in cases {
            let f = finding(bad, "TXT001")
            #expect(f?.fix?.replacement == good, "\(bad) -> \(String(describing: f?.fix?.replacement))")
            #expect(f?.fix?.applicability == applicability, "\(bad)")
        }
        #expect(finding("Hans MĂĽller", "TXT001")?.message.contains("Windows-1250") == true)
        // Short correct Arabic cells that are whole UTF-8 sequences in Windows-1256: never a safe repair.
        for arabic in ["د،", "خ؟", "د؛", "ن؛؟", "ل»ھ"] {
            #expect(finding(arabic, "TXT001")?.fix?.applicability != .safe, "\(arabic)")
        }
        #expect(finding("FranÃƒÂ§ois", "TXT001")?.message.contains("Windows-1252 twice") == true)
        // Read as Windows-1252, saved, then read as Windows-1251: told in the order it happened.
        let mixed = finding("Preis: Г‚ВЈ20 fГѓВјr JГѓВјrgen", "TXT001")
        #expect(mixed?.fix?.replacement == "Preis: £20 für Jürgen")
        #expect(mixed?.message.contains("read as Windows-1252, then as Windows-1251") == true)
    }

    /// Correct text that the earlier rule rewrote into garbage (issue 16).
    @Test func mojibakeIsSilentOnLookAlikes() {
        for value in ["3×£10", "×£", "HYVINKÄÄ\u{A0}OY", "Kylä\u{A0}Oy", "“Zoë…”", "á´´", "ПІБ", "PĂȘUNE",
                      "Ω resistor", "±5 °C", "l33t h4x0r ©", "(╯°□°)╯︵ ┻━┻", "株式会社ｿﾆｰ", "ｶﾀｶﾅ ﾃｽﾄ"] {
            #expect(finding(value, "TXT001") == nil, "\(value)")
        }
    }

    /// A quotation mark that closes a quotation is no byte of a misread letter ('Å»' is 'Ż' only when the
    /// '»' closes nothing), and a soft hyphen pasted into an Arabic word is no Windows-1256 misreading.
    @Test func mojibakeIsSilentOnQuotedNordicTextAndArabicSoftHyphens() {
        for value in ["«PÅ»", "Avdeling «PÅ»", "Projekt ”SKÅ” AB", "Afdeling »PÅ«", "„PÅ”",
                      "عاط\u{AD}ف الدباغ", "فاط\u{AD}مه\u{200C}زهرا"] {
            #expect(finding(value, "TXT001") == nil, "\(value)")
        }
        #expect(finding("Dział «Å»ywiec»", "TXT001")?.fix?.replacement == "Dział «Żywiec»", "three marks: one was a byte")
    }

    /// A one-character Han surname misread once, and Vietnamese whose 'đ' needs Windows-1252's '‘' (0x91).
    @Test func mojibakeRepairsShortHanAndWholeVietnamese() {
        for (bad, good) in [("ç›§", "盧"), ("æž—", "林"), ("é™³", "陳"), ("9 Ä‘Æ°á»\u{9D}ng Giáº£i PhÃ³ng", "9 đường Giải Phóng")] {
            #expect(finding(bad, "TXT001")?.fix?.replacement == good, "\(bad)")
        }
        for latin in ["æž", "Bæž—", "Søren Ærø", "Åsa Öberg"] {
            #expect(finding(latin, "TXT001") == nil, "\(latin)")
        }
    }

    @Test func mojibakeStaysSilentOnWeakEvidence() {
        for value in ["Ã…", "IRMÃ…", "NESTLÉ®", "«CAFÉ»", "SÃO PAULO", "Â", "Ã"] {
            #expect(finding(value, "TXT001") == nil, "\(value)")
        }
    }

    @Test func lossyReplacement() {
        for value in ["Lef?vre", "M?ller", "M??ller", "?mile Zola", "Jean-?ric", "Zhang ???", "??", "Caf\u{FFFD}"] {
            #expect(finding(value, "TXT002") != nil, "\(value)")
        }
        for value in ["Really?", "Why?? Because", "?", "https://x.example/a?b=c", "page?id=3", "Who? Me", "5 ? 3"] {
            #expect(finding(value, "TXT002") == nil, "\(value)")
        }
        // Correct question punctuation: a question a '¿' opened, outside names.
        for value in ["¿Qué?", "Ask: ¿Por qué? Ya.", "¿¡Qué!?", "¿Sí? ¿No?"] {
            #expect(finding(value, "TXT002") == nil, "\(value)")
        }
        // A name holds no question: '¿' there is Oracle's replacement character, and the '?' a lost letter.
        for value in ["Zo¿ Jos?", "Ren¿ Mart?", "¿Ana?"] {
            let f = finding(value, "TXT002", .personName)
            #expect(f != nil && f?.severity == nil, "\(value)")  // the rule's own severity: an error
        }
        // Words that lost letters at both ends ('Łódź' in a page without 'Ł' and 'ź'): a small letter after
        // the first '?' is no question.
        for value in ["Oddział ?ód?", "Kierownik oddziaśu ?ód?"] {
            let f = finding(value, "TXT002")
            #expect(f != nil && f?.severity == nil, "\(value)")
        }
        // Punctuation as likely as a lost letter, outside names: a warning that says so.
        for value in ["What?Why", "Is it?No", "?Qué?", "?Por qué?"] {
            let f = finding(value, "TXT002")
            #expect(f?.severity == .warning && f?.message.contains("may be a") == true, "\(value)")
            #expect((finding(value, "TXT002", .personName)?.severity ?? .error) == .error, "\(value)")
        }
        // A lost letter is still an error beside such punctuation.
        #expect(finding("What?Why M?ller", "TXT002")?.severity == nil)
        // In ASCII alone a '?…?' pair is as likely two lost letters: 'Sezimovo Ústí' from an ASCII export.
        for value in ["Sezimovo ?st?", "?Por que?"] { #expect(finding(value, "TXT002")?.severity == nil, "\(value)") }
        #expect(finding("Qu?", "TXT002", .personName)?.severity == nil)
        #expect(finding("Lef?vre", "TXT002")?.message.contains("UTF-8") == true)
        #expect(finding("Lef?vre", "TXT002")?.fix == nil)
        // In a file read in a code page, U+FFFD is where the decoding met bytes it could not map: the
        // message says so, and whether the code page was a guess, instead of blaming an earlier export.
        let guessed = LegacyEncoding(charset: "GBK", firstNonASCIILine: 2,
                                     guess: CharsetGuess(candidates: [CharsetCandidate(charsets: ["GBK"], score: 1)], isClear: false))
        let inGuess = LossyReplacement.check("H\u{FFFD} N\u{8D84}i", kind: .text, decodedFrom: guessed)?.message ?? ""
        #expect(inGuess.contains("not characters in GBK, a guess"))
        #expect(!inGuess.contains("PowerShell"))
        let named = LegacyEncoding(charset: "windows-1252", firstNonASCIILine: 2, guess: nil)
        #expect(LossyReplacement.check("Caf\u{FFFD}", kind: .text, decodedFrom: named)?.message.contains("not characters in windows-1252:") == true)
        // A '?' in a file saved in a code page: that code page, and the tools that write one, are the likely cause.
        let inCodePage = LossyReplacement.check("Lef?vre", kind: .text, decodedFrom: named)?.message ?? ""
        #expect(inCodePage.contains("saved in windows-1252") && inCodePage.contains("Excel"), "\(inCodePage)")
        #expect(LossyReplacement.check("Lef?vre", kind: .text)?.message.contains("PowerShell") == true)
    }

    @Test func notNFC() {
        let f = finding("Rene\u{301}e", "TXT003")
        #expect(f?.fix?.replacement == "Ren\u{E9}e")
        #expect(f?.fix?.applicability == .safe)
        #expect(finding("Renée", "TXT003") == nil)
        #expect(finding("Nguyễn", "TXT003") == nil)
        #expect(f?.message.contains("stored as separate characters") == true)
    }

    /// Hebrew and Arabic typed with the dagesh or shadda before the vowel have every letter and mark NFC has,
    /// in another order: the finding says so rather than that accents were stored apart.
    @Test func notNFCNamesMarksInAnotherOrder() {
        for typed in ["\u{5D3}\u{5BC}\u{5B8}\u{5D5}\u{5B4}\u{5D3}", "\u{645}\u{64F}\u{62D}\u{64E}\u{645}\u{651}\u{64E}\u{62F}"] {
            let f = finding(typed, "TXT003")
            #expect(f?.fix?.replacement?.unicodeScalars.count == typed.unicodeScalars.count)
            #expect(f?.message.contains("combining marks are in another order") == true)
        }
    }

    /// Devanagari's nukta letters stored whole (U+095B ज़) are what NFC splits: the finding says a letter was
    /// stored as one character, not that accents were stored apart, and the fix gives the letter and the nukta.
    @Test func notNFCNamesALetterStoredWhole() {
        let f = finding("\u{95B}\u{948}\u{928}\u{92C}", "TXT003")
        #expect(f?.fix?.replacement == "\u{91C}\u{93C}\u{948}\u{928}\u{92C}")
        #expect(f?.message.contains("a letter stored as one character") == true)
        #expect(finding("\u{91C}\u{93C}\u{948}\u{928}\u{92C}", "TXT003") == nil)
    }

    /// Greek typed on a polytonic keyboard has oxia (U+1F79 'ό'), which NFC replaces by its twin with tonos
    /// (U+03CC); the Ohm sign is Greek Omega. No mark is out of order: the finding names the character.
    @Test func notNFCNamesACharacterWithACanonicalTwin() {
        let greek = finding("\u{3A0}\u{3B1}\u{3C0}\u{3B1}\u{3B4}\u{1F79}\u{3C0}\u{3BF}\u{3C5}\u{3BB}\u{3BF}\u{3C2}", "TXT003")
        #expect(greek?.fix?.replacement == "Παπαδόπουλος")
        #expect(greek?.message.contains("U+1F79 'ό' (GREEK SMALL LETTER OMICRON WITH OXIA), which NFC replaces by U+03CC 'ό' (GREEK SMALL LETTER OMICRON WITH TONOS)") == true)
        #expect(greek?.message.contains("another order") == false)
        let ohm = finding("\u{2126} Engineer", "TXT003")
        #expect(ohm?.message.contains("U+2126 'Ω' (OHM SIGN), which NFC replaces by U+03A9") == true)
        // U+0958 (NFC: two characters) beside a decomposed é keeps the count: neither a twin nor a reorder.
        let mixed = finding("\u{0958}e\u{0301}", "TXT003")
        #expect(mixed?.message.contains("characters stored in another form") == true, "\(mixed?.message ?? "")")
        #expect(mixed?.message.contains("U+0915") == false)
        #expect(mixed?.message.contains("another order") == false)
        let reordered = finding("\u{5D1}\u{5BC}\u{5B8}", "TXT003")  // bet, dagesh, qamats: NFC puts qamats (ccc 18) first
        #expect(reordered?.message.contains("another order") == true, "\(reordered?.message ?? "")")
    }

    /// A CJK compatibility ideograph (U+F9E1, KS X 1001's duplicate of 李 for a Korean reading) is correct
    /// as written: NFC would make it U+674E. Neither the finding nor the fixer's own normalization touches
    /// it; a decomposed accent beside it is still composed.
    @Test func compatibilityIdeographsAreNotNormalized() {
        #expect(finding("\u{F9E1}在麟", "TXT003") == nil)
        #expect(finding("\u{2F800}", "TXT003") == nil)
        #expect(CellText.normalize("\u{F9E1}在麟") == "\u{F9E1}在麟")
        let mixed = finding("Rene\u{301} \u{F9E1}", "TXT003")
        #expect(mixed?.fix?.replacement == "Ren\u{E9} \u{F9E1}")
        #expect(CellText.normalize("Rene\u{301} \u{F9E1}") == "Ren\u{E9} \u{F9E1}")
    }

    @Test func confusables() {
        let f = finding("Dm\u{456}tri", "TXT004")
        #expect(f?.fix?.replacement == "Dmitri")
        #expect(f?.fix?.applicability == .unsafe)
        #expect(finding("P\u{430}ul", "TXT004")?.fix?.replacement == "Paul")
        #expect(finding("Иван\u{6F}в", "TXT004")?.fix?.replacement == "Иванов")
        #expect(finding("Ωmega", "TXT004") == nil)
        #expect(finding("Anne\u{200B}Smith", "TXT004") == nil, "invisible characters are TXT007's")
        #expect(finding("Дмитрий", "TXT004") == nil)
        #expect(finding("Αλέξανδρος", "TXT004") == nil)
        #expect(finding("Ivan Петров", "TXT004") == nil)
    }

    @Test func invisibleCharacters() {
        let zw = finding("Anne\u{200B}Smith", "TXT007")
        #expect(zw?.fix?.replacement == "AnneSmith")
        #expect(zw?.fix?.applicability == .safe)
        #expect(finding("Anne\u{AD}Marie", "TXT007")?.fix?.replacement == "AnneMarie")
        #expect(finding("Mehr\u{200C}dad", "TXT007")?.fix?.applicability == .safe, "ZWNJ between Latin letters")
        #expect(finding("Ann\u{200D}e", "TXT007") != nil)
        #expect(finding("\u{202E}evil", "TXT007")?.fix?.applicability == .unsafe, "removing an override changes the display")
        #expect(finding("Anne\u{2066}x\u{2069}", "TXT007")?.fix?.applicability == .unsafe)
        #expect(finding("Frank\u{200E}", "TXT007")?.fix?.applicability == .safe, "LRM in left-to-right text")
        #expect(finding("\u{FEFF}Ann", "TXT007")?.fix?.replacement == "Ann")
        // Legitimate: ZWNJ in Persian, ZWJ in Devanagari and emoji sequences, RLM in Hebrew or Arabic text.
        for value in ["می\u{200C}خواهم", "क्\u{200D}ष", "👩\u{200D}💻", "שלום\u{200F} (Tel Aviv)", "محمد\u{200F} Ali"] {
            #expect(finding(value, "TXT007") == nil, "\(value)")
        }
        // A zero-width space is a word break in Thai, Lao, Khmer or Myanmar only between syllables: before a
        // combining mark or a vowel written after its consonant, or after one written before it, it splits one.
        for value in ["นัก\u{200B}โภชนาการ", "ธนาคาร\u{200B}กรุงเทพ", "ສົມ\u{200B}ພອນ", "ငါ\u{200B}တို့"] {
            #expect(finding(value, "TXT007") == nil, "\(value)")
        }
        for (value, repaired) in [("เจ้\u{200B}าพระยา", "เจ้าพระยา"), ("ส\u{200B}ุดา", "สุดา"), ("เ\u{200B}ชียงใหม่", "เชียงใหม่"),
                                  ("ก\u{200B}ำแพง", "กำแพง"), ("ສ\u{200B}ົມ", "ສົມ"), ("က\u{200B}ို", "ကို")] {
            let split = finding(value, "TXT007")
            #expect(split?.fix?.replacement == repaired, "\(value)")
            #expect(split?.fix?.applicability == .safe, "\(value)")
        }
        // A removal that would leave a formula-like cell is withheld.
        let formula = finding("\u{200B}=SUM(A1)", "TXT007")
        #expect(formula != nil && formula?.fix == nil)
        #expect(finding("\u{200B}-", "TXT007")?.fix == nil)
        #expect(finding("\u{200B}", "TXT007")?.fix?.applicability == .unsafe, "the cell would become empty")
    }

    @Test func formulaInjection() {
        // In a phone column the finding names the number behind the '=', quoted as phone findings quote one.
        #expect(finding("=+44 7712 345678", "TXT005", .phone)?.message.hasSuffix("; without it, the cell is the phone number '+44 7712 345678'") == true)
        #expect(finding("=+44 7712 345678", "TXT005")?.message.contains("phone number") == false)
        for value in ["=1+1", "=HYPERLINK(\"x\")", "+SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\t=1", "\r+1",
                      "-1+1", "+A1-B1", "+1 212 555 0147;ext=1+cmd|' /C calc'!A0", "+1 212 555 0147 #=1+1"] {
            #expect(finding(value, "TXT005") != nil, "injection \(value)")
        }
        for (value, kind) in [("+1 713 441 8299", ValueKind.phone), ("+1 713 441 8299", .text), ("-12", .integer),
                              ("-12.50", .decimal), ("-12", .text), ("@jdoe", .slackHandle), ("@jane.doe", .text),
                              ("- none -", .text), ("-- n/a --", .text), ("+44 (0)20 7946 0000", .phone),
                              ("+31 20 123 4567 ext. 12", .text), ("-", .text), ("+", .text), ("Anne", .text),
                              ("-Jean-", .text), ("-Jean-Luc", .text),
                              // Extensions as phone systems write them: '#22', RFC 3966's ';ext=22'.
                              ("+1-212-555-0147 #22", .text), ("+1 212 555 0147;ext=12", .text), ("+1-212-555-0147;EXT=12", .text)] {
            #expect(finding(value, "TXT005", kind) == nil, "\(value)")
        }
    }

    /// The byte-level shortcut the engine takes for phone cells may only settle cells the full check finds
    /// nothing in; it must take the common shapes.
    @Test func plainPhoneShortcutAgreesWithTheFullCheck() {
        let samples = ["+1 (713) 441-8299", "+34607576445", "+31 (6) 1348 7607", "-12", "-12.50", "+1.713.441.8299",
                       "+44 20/7946 0000", "+12345", "+123456", "-1,234.00", "+1 713 441 8299 x12", "+1 713 441 8299?",
                       "+SUM(A1:A2)", "-2+3+cmd|' /C calc'!A0", "-1+1", "+1 713 441 8299\u{A0}", "=1+1", "+ - ( ) . /",
                       "+(713) 441-8299 (home)", "-0000001", "+1e5", "+1 713 441 8299 ", "\t+1 713 441 8299"]
        for value in samples {
            var bytes = Array(value.utf8)
            let shortcut = bytes.withUnsafeMutableBufferPointer { FormulaInjection.isPlainPhoneNumber(UnsafeBufferPointer($0)) }
            if shortcut { #expect(TextHygiene.check(value, kind: .text).isEmpty, "\(value)") }
        }
        for value in ["+1 (713) 441-8299", "+34607576445", "+31 (6) 1348 7607", "+1.713.441.8299", "-1234567"] {
            var bytes = Array(value.utf8)
            #expect(bytes.withUnsafeMutableBufferPointer { FormulaInjection.isPlainPhoneNumber(UnsafeBufferPointer($0)) }, "\(value)")
        }
    }

    @Test func numericCellsAreNotFormulas() {
        for value in ["-12", "+3.5", "-1,234.00", "1e5", "- 1 234", "+1E-3"] {
            #expect(FormulaInjection.looksNumeric(value), "\(value)")
        }
        for value in ["-", "+", "- ,", "+1 (713)", "-1+", "-12a", "+1,2,e"] {
            #expect(!FormulaInjection.looksNumeric(value), "\(value)")
        }
    }

    @Test func oneFindingPerRulePerCell() {
        let findings = TextHygiene.check("MÃ¼ller MÃ¶ller", kind: .text)
        #expect(findings.map(\.rule.code) == ["TXT001"])
        #expect(findings.first?.fix?.replacement == "Müller Möller")
    }
}

extension String {
    /// NFC via the same ICU path the rule uses, so the clean list holds composed text.
    var precomposedForTests: String { ICUBridge.nfc(self) ?? self }
}
