import Foundation

/// VAL004: 4me takes Ruby on Rails time zone names ('Central Time (US & Canada)', 'Paris').
///
/// IANA ids (and their aliases, 'US/Central') and Windows ids ('Central Standard Time', via ICU's CLDR
/// mapping) are matched to Rails names by ICU canonical id. Several Rails names share a zone (London and
/// Edinburgh); they behave identically, so the choice does not change behaviour: the name that matches the
/// id's city (or its own IANA id's city: 'Kolkata' for 'Asia/Calcutta') is chosen and the fix is safe; without such a name the first in table order is chosen and the
/// fix is unsafe. Windows display names ('(UTC+01:00) Amsterdam, Berlin, ...') get an unsafe fix to the
/// first listed city that is a Rails name.
enum TimeZoneRule {
    struct Table: Sendable {
        /// Rails name → IANA ids (several where Rails releases differ).
        var ianaByName: [String: [String]] = [:]
        /// Rails names in table order.
        var names: [String] = []
        /// ICU canonical id → Rails names in table order.
        var namesByCanonical: [String: [String]] = [:]
    }

    static let table: Table = {
        var t = Table()
        for line in (try? ProfileLoader.tableLines("rails-time-zones")) ?? [] {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { continue }
            let name = parts[0], iana = parts[1]
            if t.ianaByName[name] == nil { t.names.append(name) }
            t.ianaByName[name, default: []].append(iana)
            let canonical = ICUBridge.canonicalTimeZone(iana) ?? iana
            if !(t.namesByCanonical[canonical] ?? []).contains(name) { t.namesByCanonical[canonical, default: []].append(name) }
        }
        return t
    }()

    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        let accepted = context.timeZoneNames.isEmpty ? Set(table.names) : context.timeZoneNames
        if accepted.contains(value) { return [] }
        let acceptedSorted = table.names.filter(accepted.contains) + accepted.subtracting(table.names).sorted()

        if let match = acceptedSorted.first(where: { $0.lowercased() == value.lowercased() }) {
            return [ValueFinding(.invalidTimeZone, "'\(value)' differs from the time zone name '\(match)' in case",
                                 fix: Fix(.safe, "Replace with '\(match)'", replacement: match))]
        }

        // IANA id or alias, then Windows id.
        var origin: String?
        var canonical: String?
        if let c = ICUBridge.canonicalTimeZone(value) {
            origin = "an IANA time zone id"
            canonical = c
        } else if let iana = ICUBridge.timeZoneForWindows(value) {
            origin = "a Windows time zone id"
            canonical = ICUBridge.canonicalTimeZone(iana) ?? iana
        }
        if let origin, let canonical {
            let candidates = (table.namesByCanonical[canonical] ?? []).filter(accepted.contains)
            if candidates.isEmpty {
                var message = "'\(value)' is \(origin) (\(canonical)); no time zone name \(context.target.name) knows maps to it"
                let sameOffset = suggestionsByOffset(canonical, accepted: acceptedSorted)
                if !sameOffset.isEmpty { message += "; names with the same UTC offset: \(ValueText.quotedList(sameOffset))" }
                return [ValueFinding(.invalidTimeZone, message)]
            }
            let city = (value.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") }) ?? ""
            let canonicalCity = (canonical.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") }) ?? ""
            func ownCity(_ name: String) -> Bool {
                (table.ianaByName[name] ?? []).contains { $0.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } == name }
            }
            let byCity = candidates.first { $0 == city || $0 == canonicalCity } ?? candidates.first(where: ownCity)
            let chosen = byCity ?? candidates[0]
            let safe = candidates.count == 1 || byCity != nil
            var message = "'\(value)' is \(origin); \(context.target.name) expects the name '\(chosen)'"
            if candidates.count > 1 {
                message += " (\(ValueText.quotedList(candidates.filter { $0 != chosen })) \(candidates.count == 2 ? "is" : "are") the same zone)"
            }
            return [ValueFinding(.invalidTimeZone, message,
                                 fix: Fix(safe ? .safe : .unsafe, "Replace with '\(chosen)'", replacement: chosen))]
        }

        // Windows display name: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna'.
        if value.hasPrefix("("), let close = value.firstIndex(of: ")") {
            let cities = value[value.index(after: close)...].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let city = cities.first(where: accepted.contains) {
                return [ValueFinding(.invalidTimeZone, "'\(value)' is a Windows time zone display name; \(context.target.name) expects a name such as '\(city)'",
                                     fix: Fix(.unsafe, "Replace with '\(city)'", replacement: city))]
            }
        }

        var message = "'\(value)' is not a time zone name \(context.target.name) knows"
        let close = ValueText.closest(value, in: acceptedSorted)
        if !close.isEmpty { message += "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?" }
        return [ValueFinding(.invalidTimeZone, message)]
    }

    private static func suggestionsByOffset(_ zone: String, accepted: [String]) -> [String] {
        guard let target = ICUBridge.timeZoneOffset(zone) else { return [] }
        return accepted.filter { name in
            guard let iana = table.ianaByName[name]?.first, let o = ICUBridge.timeZoneOffset(iana) else { return false }
            return o.rawMs == target.rawMs && o.dst == target.dst
        }.prefix(3).map { $0 }
    }
}

extension RuleDescriptor {
    public static let invalidTimeZone = RuleDescriptor(
        code: "VAL004", name: "invalid-time-zone", severity: .error, fix: .sometimes,
        summary: "A time zone that is not one of the Rails names 4me accepts",
        explanation: """
            4me's Time Zone field takes Ruby on Rails time zone names such as 'Central Time (US & Canada)' or \
            'Paris'. IANA ids ('America/Chicago') and Windows ids ('Central Standard Time'), which directory \
            exports usually contain, are rejected, so the person keeps the account's default zone and sees \
            wrong times for requests and their own work hours. Ids that map to exactly one zone get a fix.
            """,
        triggeringExample: "Primary Email,Name,Time Zone\nann@widget.com,Ann,America/Chicago\n",
        cleanExample: "Primary Email,Name,Time Zone\nann@widget.com,Ann,Central Time (US & Canada)\n")
}
