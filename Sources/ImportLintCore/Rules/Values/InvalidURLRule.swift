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
                guard let close = hostAndPort.firstIndex(of: "]"), Self.isIPv6Address(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]) else {
                    return [ValueFinding(.invalidURL, "'\(value)' has a malformed IP address in brackets")]
                }
                // After ']' the authority ends, or a port follows: ':' and digits (RFC 3986's port = *DIGIT).
                let afterHost = hostAndPort[hostAndPort.index(after: close)...]
                guard afterHost.isEmpty || (afterHost.first == ":" && afterHost.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })) else {
                    return [ValueFinding(.invalidURL, "'\(value)' has '\(afterHost)' after the IP address in brackets, where only a port (':' and digits) or the path may follow")]
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

    /// An IPv6 address in RFC 4291's text forms (RFC 3986's IPv6address): eight groups of one to four hex
    /// digits, or fewer with one '::' standing for the rest, the last two groups perhaps an IPv4 address
    /// ('::ffff:192.0.2.1'). '[1:2:3]' is none.
    static func isIPv6Address(_ text: Substring) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> Int? {
            if part.isEmpty { return 0 }
            var parts = part.split(separator: ":", omittingEmptySubsequences: false)
            var count = 0
            if let last = parts.last, last.contains(".") {
                guard isIPv4Address(last) else { return nil }
                parts.removeLast()
                count = 2
            }
            guard parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return nil }
            return count + parts.count
        }
        // An IPv4 tail ends the address: it may not stand before '::'.
        guard let tail = groups(halves[halves.count - 1]), halves.count == 1 || !halves[0].contains(".") else { return false }
        guard halves.count == 2 else { return tail == 8 }
        guard let head = groups(halves[0]) else { return false }
        return head + tail <= 7
    }

    /// Four decimal numbers 0-255 joined by dots, with no leading zero (RFC 3986's dec-octet).
    private static func isIPv4Address(_ text: Substring) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            guard (1...3).contains(octet.count), octet.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(octet), n <= 255 else { return false }
            return octet.count == 1 || octet.first != "0"
        }
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
