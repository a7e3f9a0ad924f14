import CFieldScan
import Foundation

/// VAL002: practical RFC 5321/5322 address syntax, the subset mail systems and 4me actually accept.
///
/// Accepted: one '@'; a dot-atom local part of at most 64 bytes (ASCII letters, digits and
/// !#$%&'*+/=?^_`{|}~- separated by single dots); a domain of at least two dot-separated labels, each 1–63
/// characters of letters, digits and inner hyphens, where letters may be non-ASCII (IDN) and the last label
/// is not all digits; at most 254 bytes in all. Quoted local parts and address literals ('[192.0.2.1]') are
/// warnings: RFC 5321 allows them, the targets do not say. A non-ASCII local part (SMTPUTF8) is a warning.
enum EmailRule {
    private static let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        if isPlainValidASCII(value) { return DirectoryValues.validAddress(value, settings: context.directory) }
        if let leaked = DirectoryValues.malformedAddress(value, column: context.column.name) { return [leaked] }
        if let (quoted, domain) = quotedLocalPart(value) {
            // The domain is judged as any other address's: the quotes excuse only the part before the '@'.
            if let (problem, _) = problem(in: "x@" + domain) {
                return [ValueFinding(.invalidEmail, "'\(value)' is not a valid email address: \(problem)")]
            }
            guard isQuotedString(quoted) else {
                return [ValueFinding(.invalidEmail, "'\(value)' is not a valid email address: the quoted part before the '@' holds a '\"' that is not escaped")]
            }
            // RFC 5321 allows it; neither vendor says whether its import does.
            return [ValueFinding(.invalidEmail, "'\(value)' has a quoted local part (the part before the '@' in quotes, which RFC 5321 allows); whether \(context.target.name) accepts one is not documented, and many systems that check addresses reject it", severity: .warning)]
        }
        if let (problem, fix) = problem(in: value) {
            return [ValueFinding(.invalidEmail, "'\(value)' is not a valid email address: \(problem)", fix: fix)]
        }
        if value.hasSuffix("]") {
            // RFC 5321 allows it; neither vendor says whether its import does.
            return [ValueFinding(.invalidEmail, "'\(value)' has an address literal (an IP address in brackets instead of a domain, which RFC 5321 allows); whether \(context.target.name) accepts one is not documented, and few mail systems deliver to them", severity: .warning)]
        }
        var findings = DirectoryValues.validAddress(value, settings: context.directory)
        let nonASCII = value.unicodeScalars.prefix(while: { $0 != "@" }).filter { $0.value >= 0x80 }
        if !nonASCII.isEmpty {
            // Letters make an internationalized address; anything else (a pasted U+FEFF) is damage.
            let letters = nonASCII.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
            let message = letters
                ? "'\(value)' has non-ASCII letters before the '@' (an internationalized address, RFC 6531); whether \(context.target.name) accepts one is not documented, and many mail systems do not deliver to them"
                : "'\(value)' has characters that are not ASCII before the '@'; whether \(context.target.name) accepts them is not documented, and many mail systems reject such addresses"
            findings.insert(ValueFinding(.invalidEmail, message, severity: .warning), at: 0)
        }
        return findings
    }

    /// 'email' or 'email @account': a person referenced by primary email, optionally of another account
    /// (4me's Manager and Person columns).
    static func checkManager(_ value: String, context: ValueContext) -> [ValueFinding] {
        if let range = value.range(of: " @", options: .backwards) {
            let address = String(value[..<range.lowerBound]).trimmingWhitespace()
            let account = String(value[range.upperBound...])
            let accountOK = !account.isEmpty && account.unicodeScalars.allSatisfy {
                ($0.value < 0x80 && $0.properties.isAlphabetic) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
            }
            if !accountOK {
                return [ValueFinding(.invalidEmail, "'\(value)': the account after ' @' ('\(account)') is not a valid account id")]
            }
            return check(address, context: context).map { f in
                var f = f
                f.message = "\(context.column.name) " + f.message
                // A fix of the address keeps the account it refers to.
                if var fix = f.fix, let repaired = fix.replacement {
                    let whole = "\(repaired) @\(account)"
                    fix.description = fix.description.replacingOccurrences(of: "'\(repaired)'", with: "'\(whole)'")
                    fix.replacement = whole
                    f.fix = fix
                }
                return f
            }
        }
        return check(value, context: context)
    }

    /// A byte-level accept for the common case, an ASCII address that passes every check of
    /// `problem(in:)`; anything it does not accept goes through the full check and its messages. People
    /// files hold a million distinct addresses, so this path decides the linter's speed.
    static func isPlainValidASCII(_ value: String) -> Bool {
        var copy = value
        return copy.withUTF8 { isPlainValidASCII($0) }
    }

    static func isPlainValidASCII(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        plainAtSign(b, localPart: emailAtext) >= 0
    }

    /// Where the '@' of an address `isPlainValidASCII` accepts is, when its local part has no '#' (the mark
    /// of a guest UPN; the domain cannot hold one): -1 for any other value. The email column's quick accept
    /// in one pass over the bytes.
    @inline(__always)
    static func plainAtSignWithoutHash(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        plainAtSign(b, localPart: emailAtextButHash)
    }

    /// The '@' index of a plain valid ASCII address whose local-part bytes all have the class bit
    /// `localPart`, -1 otherwise.
    @inline(__always)
    private static func plainAtSign(_ b: UnsafeBufferPointer<UInt8>, localPart: UInt8) -> Int {
        let at = plainLocalPartEnd(b, localPart: localPart)
        return at >= 0 && isPlainDomain(UnsafeBufferPointer(rebasing: b[(at + 1)...])) ? at : -1
    }

    /// The local-part byte classes of `plainLocalPartEnd`: atext, and atext but '#'.
    static let localPartWithHash = emailAtext
    static let localPartWithoutHash = emailAtextButHash

    /// The '@' index of a value of plain address length (5 to 254 bytes) whose bytes before it are a
    /// plain local part (bytes of class `localPart` separated by single dots, at most 64), -1 otherwise.
    /// The address is plain when `isPlainDomain` accepts the bytes after the '@' too.
    @inline(__always)
    static func plainLocalPartEnd(_ b: UnsafeBufferPointer<UInt8>, localPart: UInt8 = emailAtextButHash) -> Int {
        let n = b.count
        guard n >= 5, n <= 254, let p = b.baseAddress else { return -1 }
        // Most local parts are letters, digits and dots ending within 32 bytes: judged 16 bytes a step.
        let judged = Int(cfs_local_part_end32(p, Int64(n)))
        return judged != -2 ? judged : plainLocalPartEndByWords(p, n, localPart: localPart)
    }

    /// `plainLocalPartEnd` for the addresses the SIMD test left undecided (short, long or unusual local
    /// parts): out of line, so that its callers' common path keeps few registers to save.
    @inline(never)
    private static func plainLocalPartEndByWords(_ p: UnsafePointer<UInt8>, _ n: Int, localPart: UInt8) -> Int {
        // Local part: atext separated by single dots, not starting or ending with one.
        var i = 0
        var previousDot = true
        // Eight bytes at a time while they are letters, digits and single dots, as most local parts are,
        // up to the '@'. Any other word is left to the byte loop, from its start: it gives the answer.
        while i &+ 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            guard word & ASCIIWord.high == 0 else { break }
            let dots = ASCIIWord.bytes(word, from: 0x2E, to: 0x2E)
            let others = ~(ASCIIWord.bytes(word | 0x2020_2020_2020_2020, from: 0x61, to: 0x7A)
                           | ASCIIWord.bytes(word, from: 0x30, to: 0x39) | dots) & ASCIIWord.high
            // The bytes before the first other one: their dots must be single and not first.
            let k = others.trailingZeroBitCount >> 3
            let ownDots = k == 8 ? dots : dots & ((1 << (UInt64(k) << 3)) &- 1)
            guard !(previousDot && ownDots & 0x80 != 0), ownDots & (ownDots << 8) == 0 else { break }
            if k == 8 {
                previousDot = ownDots >> 63 != 0
                i &+= 8
                continue
            }
            guard p[i &+ k] == 0x40 else { break }
            if k > 0 { previousDot = ownDots >> (UInt64(k) << 3 &- 1) & 1 != 0 }
            i &+= k
            return i > 0 && i <= 64 && !previousDot ? i : -1
        }
        let classes = emailByteClasses
        // Each loop tests the common byte (atext, a letter) first: it decides the speed of a whole lint.
        while i < n {
            let c = p[i]
            i += 1
            if classes[Int(c)] & localPart != 0 {
                previousDot = false
            } else if c == 0x2E && !previousDot {
                previousDot = true
            } else if c == 0x40 {
                i -= 1
                break
            } else {
                return -1
            }
        }
        guard i < n, i > 0, i <= 64, !previousDot else { return -1 }
        return i
    }

    /// Whether the bytes after an address's '@' are a plain domain: at least two labels of letters, digits
    /// and inner hyphens, the last one of 2+ letters. Depends on those bytes alone, so a verdict can be
    /// remembered per domain.
    @inline(__always)
    static func isPlainDomain(_ d: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = d.baseAddress else { return false }
        let n = d.count
        let classes = emailByteClasses
        var i = 0
        var labels = 0
        var labelLength = 0
        var labelAllLetters = true
        var previous: UInt8 = 0x2E
        while i < n {
            let c = p[i]
            i += 1
            let k = classes[Int(c)]
            if k & emailLetter != 0 {
                labelLength += 1
            } else if c == 0x2E {
                guard labelLength >= 1, labelLength <= 63, previous != 0x2D else { return false }
                labels += 1
                labelLength = 0
                labelAllLetters = true
            } else {
                guard k & emailDomain != 0, labelLength > 0 || c != 0x2D else { return false }
                labelAllLetters = false
                labelLength += 1
            }
            previous = c
        }
        return labelLength >= 2 && labelLength <= 63 && previous != 0x2D && labelAllLetters && labels >= 1
    }

    /// '"john smith"@widget.com': a quoted part before the last '@' (with its quotes), and a domain without
    /// spaces after it; nil for other values.
    static func quotedLocalPart(_ value: String) -> (quoted: Substring, domain: Substring)? {
        guard value.hasPrefix("\""), let close = value.range(of: "\"@", options: .backwards),
              close.lowerBound > value.startIndex else { return nil }
        let domain = value[close.upperBound...]
        guard !domain.isEmpty && !domain.contains("@") && !domain.contains(where: \.isWhitespace) else { return nil }
        return (value[..<value.index(after: close.lowerBound)], domain)
    }

    /// RFC 5321's Quoted-string: in the quotes, a '"' or '\' only after a '\' that escapes it.
    private static func isQuotedString(_ quoted: Substring) -> Bool {
        var escaped = false
        for byte in quoted.utf8.dropFirst().dropLast() {
            if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { return false }
        }
        return !escaped
    }

    /// The value with its full-width ASCII forms ('＠', '．', U+FF01...U+FF5E) and ideographic full stops
    /// ('。', '｡') written in ASCII, and the full-width characters it had; nil when it has none. An address
    /// never holds them (IDNA maps them to ASCII in a domain), so the ASCII text is what was meant.
    static func widthFolded(_ value: String) -> (String, String)? {
        var out = String.UnicodeScalarView(), typed: [Unicode.Scalar] = []
        for s in value.unicodeScalars {
            let ascii: Unicode.Scalar? = (0xFF01...0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)
                : (s.value == 0x3002 || s.value == 0xFF61 ? "." : nil)
            if ascii != nil, !typed.contains(s) { typed.append(s) }
            out.append(ascii ?? s)
        }
        guard !typed.isEmpty else { return nil }
        let named = typed.prefix(3).map { "'\($0)' (\(Confusables.hex($0)))" }.joined(separator: ", ")
        return (String(out), typed.count > 3 ? named + "..." : named)
    }

    /// RFC 5321's address literal: '[192.0.2.1]' or '[IPv6:2001:db8::1]'.
    private static func isAddressLiteral(_ domain: String) -> Bool {
        guard domain.hasPrefix("["), domain.hasSuffix("]"), domain.count > 2 else { return false }
        let inner = domain.dropFirst().dropLast()
        if inner.lowercased().hasPrefix("ipv6:") {
            let address = inner.dropFirst(5)
            return address.filter { $0 == ":" }.count >= 2 && address.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        let octets = inner.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { (1...3).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0)! <= 255 }
    }

    static func problem(in value: String) -> (String, Fix?)? {
        // Common wrappers around a good address: 'mailto:', a trailing dot. ('Name <...>' is
        // display-name-address's, checked before.)
        func suggestion(_ candidate: String, _ what: String) -> (String, Fix?) {
            let inner = problem(in: candidate) == nil
            return (what, inner ? Fix(.unsafe, "Replace with '\(candidate)'", replacement: candidate) : nil)
        }
        if value.lowercased().hasPrefix("mailto:") {
            return suggestion(String(value.dropFirst(7)), "it starts with 'mailto:'")
        }
        let ats = value.filter { $0 == "@" }.count
        // 'ann@x.com, bob@x.com' and 'ann@x.com bob@x.com' are lists, whatever else is wrong with them.
        if ats > 1, value.contains(where: { $0 == ";" || $0 == "," || $0.isWhitespace }) {
            return ("it holds several addresses; give one per cell", nil)
        }
        if value.contains(where: { $0.isWhitespace }) {
            let squeezed = value.filter { !$0.isWhitespace }
            return suggestion(squeezed, "it contains a space")
        }
        // Full-width letters before an ASCII '@' alone make an internationalized local part (a warning below).
        if let (ascii, typed) = widthFolded(value), value.lastIndex(of: "@").map({ widthFolded(String(value[$0...])) != nil }) ?? true {
            return suggestion(ascii, "it is typed in full-width characters (\(typed)), as a Japanese, Chinese or Korean input method in full-width mode writes them; with half-width characters it is '\(ascii)'")
        }
        if ats == 0 { return ("it has no '@'", nil) }
        if ats > 1 { return ("it has \(ats) '@' signs", nil) }
        let at = value.firstIndex(of: "@")!
        let local = String(value[..<at])
        let domain = String(value[value.index(after: at)...])
        if local.isEmpty { return ("nothing before the '@'", nil) }
        if domain.isEmpty { return ("nothing after the '@'", nil) }
        if local.hasPrefix("\"") { return ("quoted local parts are not accepted", nil) }
        if local.utf8.count > 64 { return ("the part before the '@' is \(local.utf8.count) bytes long (at most 64)", nil) }
        if value.utf8.count > 254 { return ("it is \(value.utf8.count) bytes long (at most 254)", nil) }
        if local.hasPrefix(".") || local.hasSuffix(".") { return ("the part before the '@' starts or ends with a dot", nil) }
        if local.contains("..") { return ("two dots in a row before the '@'", nil) }
        if let bad = local.unicodeScalars.first(where: { $0.value < 0x80 && $0 != "." && !atext.contains($0) }) {
            return ("'\(bad)' is not allowed before the '@'", nil)
        }
        if domain.hasPrefix("[") {
            return isAddressLiteral(domain) ? nil : ("'\(domain)' after the '@' is not an IP address in brackets", nil)
        }
        if domain.hasSuffix(".") {
            return suggestion(String(value.dropLast()), "the domain ends with a dot")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return ("the domain '\(domain)' has no dot", nil) }
        for label in labels {
            if label.isEmpty { return ("the domain '\(domain)' has an empty label ('..')", nil) }
            if label.count > 63 { return ("a domain label is longer than 63 characters", nil) }
            if label.hasPrefix("-") || label.hasSuffix("-") { return ("the domain label '\(label)' starts or ends with a hyphen", nil) }
            if let bad = label.unicodeScalars.first(where: {
                !($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-"
                  || $0.properties.generalCategory == .nonspacingMark || $0.properties.generalCategory == .spacingMark)
            }) {
                return ("'\(bad)' is not allowed in the domain", nil)
            }
        }
        if let tld = labels.last, tld.allSatisfy(\.isNumber) { return ("the domain '\(domain)' ends in a number", nil) }
        if let tld = labels.last, tld.count < 2 { return ("the top-level domain '\(tld)' is one letter", nil) }
        return nil
    }
}

extension RuleDescriptor {
    public static let invalidEmail = RuleDescriptor(
        code: "VAL002", name: "invalid-email", severity: .error, fix: .sometimes,
        summary: "An email column holds something that is not a single, deliverable-looking address",
        explanation: """
            Primary Email is how 4me matches a person on import (and Person links contact details to people); \
            The Receptionist matches on Email and sends notifications to it. An address with a space, no '@', \
            two addresses in one cell or a display name makes the record fail, or creates a new person \
            instead of updating the existing one. Internationalized domain names are accepted.
            """,
        triggeringExample: "Primary Email,Name\nann.widget.com,Ann\n",
        cleanExample: "Primary Email,Name\nann@widget.com,Ann\n")
}

/// Byte-parallel tests of eight ASCII bytes in a word.
enum ASCIIWord {
    static let high: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The high bit of each byte of `word` (all below 0x80) that lies in `low...high` (1 to 0x7F): no
    /// byte's sum or difference carries into the next.
    @inline(__always)
    static func bytes(_ word: UInt64, from low: UInt8, to high: UInt8) -> UInt64 {
        (word &+ ones &* UInt64(0x80 &- low)) & (ones &* UInt64(0x80 &+ high) &- word) & Self.high
    }
}

private let emailAtext: UInt8 = 1, emailDomain: UInt8 = 2, emailLetter: UInt8 = 4, emailAtextButHash: UInt8 = 8

/// Per byte: atext (local part), domain character, ASCII letter, atext but '#'. A raw table allocated once: the accept loop
/// reads it for every byte of a million addresses. Written once at initialization, then only read, so
/// sharing it across threads is safe.
nonisolated(unsafe) private let emailByteClasses: UnsafePointer<UInt8> = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    let atextSymbols = Array("!#$%&'*+-/=?^_`{|}~".utf8)
    for b in 0..<256 {
        let c = UInt8(b)
        let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
        let digit = c >= 0x30 && c <= 0x39
        var k: UInt8 = 0
        if letter || digit || atextSymbols.contains(c) { k |= c == 0x23 ? emailAtext : emailAtext | emailAtextButHash }
        if letter || digit || c == 0x2D { k |= emailDomain }
        if letter { k |= emailLetter }
        table[b] = k
    }
    return UnsafePointer(table)
}()
