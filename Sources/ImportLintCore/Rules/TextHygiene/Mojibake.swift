import CICU

/// TXT001: UTF-8 text that was decoded in a single-byte code page (Windows-125x, ISO-8859-x, DOS, Mac Roman,
/// KOI8-R) or, for the whole cell, in Shift_JIS, and encoded again as UTF-8, once or twice.
///
/// For every code page, each run of characters whose bytes in that page form a strict UTF-8 multi-byte
/// sequence is decoded back, leaving everything else as it is (so a cell mixing damaged and correct text is
/// repaired where it is damaged); this is repeated for text damaged twice. The reading kept is the one that
/// makes the text read best (`MojibakeBadness`); it is reported only when it lowers the oddness score
/// clearly, so correct text ('×£', 'Ä' + no-break space, 'NESTLÉ®', 'ПІБ') is left alone. The fix is
/// safe only when the repaired text maps back to the input exactly, reads as ordinary text, the whole cell
/// is consistent with one misreading (no character the code page holds is left undecoded), and no code page
/// of another family gives a different repair that reads as well.
enum Mojibake {
    /// Score drop needed to report, and to call the repair safe.
    static let reportDrop = 2
    static let safeDrop = 3

    /// Leads after which a space may stand for a lost no-break space: Â Ã Å (Windows-1252, -1257), Г (-1251).
    private static let spaceMayFollow: Set<UInt32> = [0xC2, 0xC3, 0xC5, 0x413]

    struct Reading {
        var scalars: [Unicode.Scalar]
        var badness: Int
        var pages: [Int]
        /// False when a character the code page holds was left undecoded at some step ('Bremer – DrÃ¥ber':
        /// the '–' cannot come from misread UTF-8, so the cell was not misread as a whole), or when a space
        /// was taken for the no-break space it often replaces ('jusqu'Ã nos' for 'jusqu'à nos').
        var exact: Bool
    }

    /// Decodes, in code page `page`, every run of characters that forms a UTF-8 multi-byte sequence there;
    /// nil when there is none. A space after 'Â', 'Ã', 'Å' or 'Г' may stand for byte 0xA0 ('Ã ' for 'à',
    /// 'Å ' for 'Š'), a no-break space that an editor turned into a space. `exact` is false when it did, or when a non-ASCII character the page holds is left over.
    static func undo(_ scalars: [Unicode.Scalar], page: Int) -> (scalars: [Unicode.Scalar], exact: Bool)? {
        var consumedQuotes: [Int] = []
        guard let undone = undo(scalars, page: page, keeping: [], consumedQuotes: &consumedQuotes) else { return nil }
        let kept = QuotationMarks.pairedAmong(scalars, consumed: consumedQuotes)
        guard !kept.isEmpty else { return undone }
        return undo(scalars, page: page, keeping: kept, consumedQuotes: &consumedQuotes)
    }

    /// `undo`, leaving the quotation marks at the positions `keeping` as they are; `consumedQuotes` gets the
    /// positions of the quotation marks read as part of a misread letter.
    private static func undo(_ scalars: [Unicode.Scalar], page: Int, keeping: Set<Int>,
                             consumedQuotes: inout [Int]) -> (scalars: [Unicode.Scalar], exact: Bool)? {
        let pages = MojibakeCodePages.shared
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var decoded = 0
        var inexact = false
        let spaceMayBeA0 = pages.decode[page][0xA0] == Unicode.Scalar(0xA0)
        var i = 0
        let n = scalars.count
        while i < n {
            if scalars[i].value >= 0x80, let lead = pages.byte(scalars[i], page: page), lead >= 0xC2, lead <= 0xF4 {
                let need = lead < 0xE0 ? 1 : (lead < 0xF0 ? 2 : 3)
                var value = UInt32(lead) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
                var complete = i + need < n
                var spaceForA0 = false
                if complete {
                    for k in 1...need {
                        let c = scalars[i + k]
                        guard !keeping.contains(i + k) else { complete = false; break }
                        let isSpace = c == " " && spaceMayBeA0 && Self.spaceMayFollow.contains(scalars[i].value)
                        guard let b = isSpace ? 0xA0 : pages.byte(c, page: page), b >= 0x80, b <= 0xBF else {
                            complete = false; break
                        }
                        if isSpace { spaceForA0 = true }
                        value = value << 6 | UInt32(b & 0x3F)
                    }
                }
                if complete, let scalar = strictScalar(value, length: need + 1),
                   roundTrips(scalar, to: scalars[i...(i + need)], page: page) {
                    for k in 1...need where QuotationMarks.family(scalars[i + k]) != nil { consumedQuotes.append(i + k) }
                    out.append(scalar)
                    decoded += 1
                    i += need + 1
                    if spaceForA0 {
                        inexact = true
                        // 'à' is a word of its own: the space after it went into the no-break space
                        // ('jusqu'Ã nos'), unless it was the Portuguese 'às' ('Ã s crianças').
                        if scalar == "à", i < n, scalars[i] != " ", !(scalars[i] == "s" && (i + 1 == n || scalars[i + 1] == " ")) {
                            out.append(" ")
                        }
                    }
                    continue
                }
            }
            if scalars[i].value >= 0x80, pages.byte(scalars[i], page: page) != nil { inexact = true }
            out.append(scalars[i])
            i += 1
        }
        return decoded > 0 ? (out, !inexact) : nil
    }

    /// True when `scalar`, encoded as UTF-8 and read in the code page, gives back exactly `damaged` (a space
    /// standing for a no-break space).
    private static func roundTrips(_ scalar: Unicode.Scalar, to damaged: ArraySlice<Unicode.Scalar>, page: Int) -> Bool {
        let table = MojibakeCodePages.shared.decode[page]
        return String(scalar).utf8.map { table[Int($0)] }.elementsEqual(damaged) { read, given in
            read == given || (read == Unicode.Scalar(0xA0) && given == " ")
        }
    }

    /// The scalar of a UTF-8 sequence of `length` bytes, nil for overlong forms, surrogates and characters
    /// no text contains.
    private static func strictScalar(_ value: UInt32, length: Int) -> Unicode.Scalar? {
        // C1 controls are kept: text damaged twice passes through them (an undefined byte read as a control).
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, let s = Unicode.Scalar(value) else { return nil }
        switch s.properties.generalCategory {
        case .control: return value >= 0x80 && value <= 0x9F ? s : nil
        case .unassigned, .privateUse, .surrogate: return nil
        default: return s.properties.isNoncharacterCodePoint ? nil : s
        }
    }

    /// The readings reached by undoing one misreading in every code page, distinct texts only.
    static func readings(_ scalars: [Unicode.Scalar], after chain: [Int], exact: Bool = true) -> [Reading] {
        var found: [Reading] = []
        let pages = MojibakeCodePages.shared
        // Only pages in which some character is a lead byte can decode anything.
        let leads = scalars.reduce(UInt16(0)) { bits, s in
            let r = pages.roles(s.value)
            return bits | r.lead2 | r.lead3 | r.lead4
        }
        for page in 0...pages.count where page == pages.count || leads & 1 << page != 0 {
            let undone = page < pages.count ? undo(scalars, page: page) : undoShiftJIS(scalars).map { ($0, true) }
            guard let undone, !found.contains(where: { $0.scalars == undone.scalars }) else { continue }
            // Misread Arabic UTF-8 is all pairs in Windows-1256: an Arabic letter of that page left as it is
            // beside a decoded pair means the pair was correct text too ('عاط\u{AD}ف' holds a pasted soft
            // hyphen, which is byte 0xAD there: 'ط' + 0xAD is 'ح').
            if page == MojibakeCodePages.arabicPage, !undone.exact { continue }
            found.append(Reading(scalars: undone.scalars, badness: MojibakeBadness.score(undone.scalars), pages: chain + [page],
                                 exact: exact && undone.exact))
        }
        return found
    }

    /// The whole cell encoded in Shift_JIS and decoded as UTF-8, when that is valid UTF-8 with a non-ASCII
    /// character ('縺薙ｓ縺ｫ縺｡縺ｯ' for 'こんにちは'). Both steps are exact or fail, so the repair round-trips.
    static func undoShiftJIS(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard scalars.contains(where: { $0.value >= 0xFF61 && $0.value <= 0xFF9F || $0.value >= 0x3000 && $0.value < 0xA000 }) else {
            return nil
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let utf8 = Array(String(text).utf8)
        var bytes = [CChar](repeating: 0, count: utf8.count * 2 + 8)
        let length = utf8.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { cicu_encode(MojibakeCodePages.shiftJIS.icu, $0.baseAddress!, Int32(utf8.count),
                                                                  &bytes, Int32(bytes.count)) }
        }
        guard length > 0, Int(length) <= bytes.count,
              let decoded = String(validating: bytes[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) else { return nil }
        let result = Array(decoded.unicodeScalars)
        return result != scalars && result.contains(where: { $0.value >= 0x80 }) ? result : nil
    }

    /// Orders readings: lower score, then fewer misreadings undone, then more decoded, then commoner letters.
    /// A page that decodes more of the text at the same score is the one it was read in: ISO-8859-1 lacks
    /// the '‘' (0x91) that Windows-1252 reads in 'Ä‘' ('đ'), and must not win by keeping the commoner 'Ä'.
    private static func better(_ a: Reading, _ b: Reading) -> Bool {
        if a.badness != b.badness { return a.badness < b.badness }
        if a.pages.count != b.pages.count { return a.pages.count < b.pages.count }
        if a.scalars.count != b.scalars.count { return a.scalars.count < b.scalars.count }
        return MojibakeBadness.rarity(a.scalars) < MojibakeBadness.rarity(b.scalars)
    }

    /// The best score among readings that differ from `best` and come from another family of code pages: a
    /// different text that reads as well leaves the choice open. A step on the way to `best` is no rival.
    private static func runnerUpScore(_ readings: [Reading], _ best: Reading) -> Int {
        let bestFamilies = best.pages.map(MojibakeCodePages.family)
        return readings.filter { $0.scalars != best.scalars && $0.pages.map(MojibakeCodePages.family) != bestFamilies
            && !best.pages.starts(with: $0.pages) }
            .map(\.badness).min() ?? Int.max
    }

    struct Repair {
        var text: String
        var pages: [Int]
        var safe: Bool
    }

    /// The repair of a text, or nil when it does not read as mojibake. Every chain of one or two misreadings
    /// is tried (text damaged twice passes through a stage that reads no better than the damage); a third
    /// is undone only when it improves the best reading.
    static func repair(_ value: String) -> Repair? {
        let original = Array(value.unicodeScalars)
        let start = MojibakeBadness.score(original)
        guard start >= reportDrop else { return nil }
        let first = readings(original, after: [])
        var candidates = first
        for reading in first {
            for second in readings(reading.scalars, after: reading.pages, exact: reading.exact)
            where !candidates.contains(where: { $0.scalars == second.scalars }) {
                candidates.append(second)
            }
        }
        guard var best = candidates.min(by: better) else { return nil }
        if let deeper = wholeReadingUndone(best, in: candidates) { best = deeper }
        var runnerUp = runnerUpScore(candidates, best)
        let thirds = readings(best.scalars, after: best.pages, exact: best.exact)
        if let third = thirds.min(by: better), third.badness < best.badness {
            best = third
            runnerUp = runnerUpScore(thirds, best)
        }
        // Clearly better: the score drops by `reportDrop` at least and to half or less.
        guard start - best.badness >= reportDrop, best.badness * 2 <= start else { return nil }
        // Correct Arabic text of two or three characters can be whole UTF-8 sequences in Windows-1256 ('د،' is
        // 0xCF 0xA1, 'ϡ'): a reading through that page to a single character is no evidence of damage.
        let single = best.scalars.count == 1 && best.pages.contains(MojibakeCodePages.arabicPage)
        let safe = start - best.badness >= safeDrop && best.badness == 0 && runnerUp > best.badness && best.exact && !single
        var text = String.UnicodeScalarView()
        text.append(contentsOf: best.scalars)
        return Repair(text: String(text), pages: best.pages, safe: safe)
    }

    /// A reading that reads as well after undoing one more misreading of the whole of it, exactly: correct
    /// text almost never consists of nothing but complete UTF-8 sequences of a code page ('äº‘', which is
    /// '云' misread once more, scores as well as '云').
    private static func wholeReadingUndone(_ best: Reading, in candidates: [Reading]) -> Reading? {
        guard best.exact else { return nil }
        return candidates.first { $0.exact && $0.badness == best.badness && $0.pages.count == best.pages.count + 1
            && Array($0.pages.dropLast()) == best.pages }
    }

    static func check(_ value: String) -> ValueFinding? {
        guard let repair = repair(value), repair.text != value else { return nil }
        // Undone last misreading first: the message tells them in the order they happened.
        let chain = repair.pages.reversed().map(MojibakeCodePages.display)
        let how = chain.count > 1 && Set(chain).count == 1 ? "\(chain[0]) twice" : chain.joined(separator: ", then as ")
        return ValueFinding(
            .mojibake,
            "'\(value)' looks like UTF-8 text that was read as \(how) and saved again; the original is probably '\(repair.text)'",
            fix: Fix(repair.safe ? .safe : .unsafe, "Replace with '\(repair.text)'", replacement: repair.text))
    }
}

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
            Detected: UTF-8 read as Windows-1250/1251/1252/1253/1254/1256/1257, ISO-8859-1/2/15, DOS 437/850/852/866, \
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
}
