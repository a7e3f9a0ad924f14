/// UTC offsets written where a time zone belongs ('UTC+1', 'GMT-05:00', '+01:00'), and the offset that
/// starts a Windows time zone display name ('(UTC+01:00) Amsterdam, ...'). An offset names no zone (many
/// zones share it, with different daylight-saving rules), so VAL004 can only list the names that have it.
enum UTCOffsetText {
    /// Minutes east of UTC for 'UTC+1', 'UTC+01:00', 'GMT-0500', '+01:00', '−05:30', 'UTC' and 'GMT';
    /// nil for anything else (an hour above 14, minutes that are not 0, 15, 30 or 45).
    static func minutes(_ text: Substring) -> Int? {
        var rest = text
        let prefix = rest.prefix(3).uppercased()
        let prefixed = prefix == "UTC" || prefix == "GMT"
        if prefixed {
            rest = rest.dropFirst(3)
            if rest.isEmpty { return 0 }
        }
        guard let sign = rest.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
        rest = rest.dropFirst()
        guard rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ":") }) else { return nil }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        let hours: Substring, minutes: Substring
        switch parts.count {
        case 1 where rest.count == 4: (hours, minutes) = (rest.prefix(2), rest.suffix(2))
        case 1 where rest.count <= 2: (hours, minutes) = (rest, "00")
        case 2 where parts[1].count == 2: (hours, minutes) = (parts[0], parts[1])
        default: return nil
        }
        guard (1...2).contains(hours.count), let h = Int(hours), let m = Int(minutes), h <= 14, m % 15 == 0, m < 60 else { return nil }
        return (sign == "+" ? 1 : -1) * (h * 60 + m)
    }

    /// The offset of a Windows display name's '(UTC+01:00)' or '(GMT)' start, and the text after it.
    static func displayNameParts(_ value: String) -> (minutes: Int, places: Substring)? {
        guard value.hasPrefix("("), let close = value.firstIndex(of: ")"),
              let minutes = minutes(value[value.index(after: value.startIndex)..<close]) else { return nil }
        return (minutes, value[value.index(after: close)...])
    }

    /// 'UTC+01:00', 'UTC-05:30', 'UTC+00:00'.
    static func written(_ minutes: Int) -> String {
        let magnitude = abs(minutes)
        let hours = magnitude / 60, rest = magnitude % 60
        return "UTC\(minutes < 0 ? "-" : "+")\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }
}
