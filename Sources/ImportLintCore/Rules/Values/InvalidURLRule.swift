/// VAL012: absolute http(s) URLs.
/// Decision: in a column whose kind came from another cell (4me's Contact URI for protocol 'website'), a
/// scheme-less 'www.example.com' is what 4me's own example uses, so it is accepted there; in URL columns
/// proper (Picture URI, Image: the system downloads them) it is an error with an unsafe 'https://' fix.
enum URLRule {
    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        if context.column.dataURL, value.lowercased().hasPrefix("data:") {
            // data:[<media type>][;base64],<data>: 4me's Picture URI takes the picture inline.
            return value.contains(",") ? [] : [ValueFinding(.invalidURL, "'\(value.prefix(40))' is not a data: URL: it has no ',' before the data")]
        }
        if value.contains(where: { $0.isWhitespace }) {
            return [ValueFinding(.invalidURL, "'\(value)' is not a URL: it contains a space")]
        }
        let lower = value.lowercased()
        for scheme in ["https://", "http://"] where lower.hasPrefix(scheme) {
            let rest = value.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
            // An IP literal ('[2001:db8::1]:8080', RFC 3986) is a host whose colons are no port's.
            if hostAndPort.hasPrefix("[") {
                guard let close = hostAndPort.firstIndex(of: "]"), Self.isIPv6Literal(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]) else {
                    return [ValueFinding(.invalidURL, "'\(value)' has a malformed IP address in brackets")]
                }
                return []
            }
            let host = hostAndPort.split(separator: ":").first ?? ""
            if host.isEmpty { return [ValueFinding(.invalidURL, "'\(value)' has no host name")] }
            if !host.contains(".") && host.lowercased() != "localhost" {
                return [ValueFinding(.invalidURL, "'\(value)' has no domain name ('\(host)' has no dot); it is not publicly reachable")]
            }
            if host.hasPrefix(".") || host.contains("..") {
                return [ValueFinding(.invalidURL, "'\(value)' has a malformed host name '\(host)'")]
            }
            if host.hasSuffix(".") {
                // 'widget.com.' is a fully qualified DNS name, which RFC 3986 and browsers accept.
                return [ValueFinding(.invalidURL, "'\(value)' ends its host name with a dot ('\(host)', a fully qualified DNS name): valid, but some web servers and certificates answer only to the name without it", severity: .warning)]
            }
            return []
        }
        if let colon = value.firstIndex(of: ":"), colon != value.startIndex, value[..<colon].allSatisfy({ $0.isLetter }),
           value[value.index(after: colon)...].hasPrefix("//") || ["ftp", "file", "mailto"].contains(value[..<colon].lowercased()) {
            return [ValueFinding(.invalidURL, "'\(value)' is a \(value[..<colon]) URL; an http or https URL is expected")]
        }
        let hostPart = value.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let looksLikeHost = hostPart.contains(".") && !hostPart.hasPrefix(".") && !hostPart.contains("@")
            && hostPart.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" }
        if looksLikeHost {
            if context.column.kindBy != nil { return [] }
            let fixed = "https://" + value
            return [ValueFinding(.invalidURL, "'\(value)' has no scheme; an absolute URL such as '\(fixed)' is expected",
                                 fix: Fix(.unsafe, "Replace with '\(fixed)'", replacement: fixed))]
        }
        return [ValueFinding(.invalidURL, "'\(value)' is not an absolute http or https URL")]
    }

    /// Hex digits and colons with at least two colons, and an embedded IPv4 tail ('::ffff:192.0.2.1'):
    /// the shape of RFC 4291's text forms.
    private static func isIPv6Literal(_ text: Substring) -> Bool {
        text.filter { $0 == ":" }.count >= 2 && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }

    /// A byte-level answer for the common cell ('https://cdn.example.com/avatars/1.jpg'), so that no String
    /// is made for it: printable ASCII, 'http://' or 'https://' in any case, then a host with a dot, not at
    /// either end nor doubled, and no user or port part. `check` finds nothing in such a value.
    static func isPlainWebURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func hasScheme(_ scheme: StaticString) -> Bool {
            guard bytes.count >= scheme.utf8CodeUnitCount else { return false }
            for k in 0..<scheme.utf8CodeUnitCount {
                let b = bytes[k]
                if (b >= 0x41 && b <= 0x5A ? b | 0x20 : b) != scheme.utf8Start[k] { return false }
            }
            return true
        }
        guard !bytes.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return false }
        let hostStart = hasScheme("https://") ? 8 : hasScheme("http://") ? 7 : 0
        guard hostStart > 0 else { return false }
        var end = hostStart
        var sawDot = false
        while end < bytes.count, bytes[end] != 0x2F, bytes[end] != 0x3F, bytes[end] != 0x23 {
            switch bytes[end] {
            case 0x40, 0x3A: return false  // '@', ':'
            case 0x2E:
                if end == hostStart || bytes[end - 1] == 0x2E { return false }
                sawDot = true
            default: break
            }
            end += 1
        }
        return sawDot && bytes[end - 1] != 0x2E
    }
}

extension RuleDescriptor {
    public static let invalidURL = RuleDescriptor(
        code: "VAL012", name: "invalid-url", severity: .error, fix: .sometimes,
        summary: "A URL column holds something other than an absolute http or https URL",
        explanation: """
            4me's Picture URI and The Receptionist's Image are downloaded by the target system, so they must be \
            absolute, publicly reachable http(s) URLs (4me's Picture URI may also be a data: URL holding the \
            picture). A file path, a relative link or a name without a domain \
            leaves the person without a picture, and some imports reject the record.
            """,
        triggeringExample: "Primary Email,Name,Picture URI\nann@widget.com,Ann,C:\\photos\\ann.jpg\n",
        cleanExample: "Primary Email,Name,Picture URI\nann@widget.com,Ann,https://widget.com/photos/ann.jpg\n")
}
