import Foundation

/// VAL004: 4me takes Ruby on Rails time zone names ('Central Time (US & Canada)', 'Paris') or an IANA id,
/// which it maps onto a Rails name by UTC offset (losing the daylight-saving rules): an IANA id is a
/// warning (info where no name at its offset observes daylight saving time), a Windows id or display name
/// (not accepted) an error.
///
/// IANA ids (and their aliases, 'US/Central') and Windows ids ('Central Standard Time', via ICU's CLDR
/// mapping) are matched to Rails names by ICU canonical id. Several Rails names share a zone (London and
/// Edinburgh); they behave identically, so the choice does not change behaviour: the name that matches the
/// id's city (else the name whose own id it is, else the name of its own IANA id's city: 'Kolkata' for
/// 'Asia/Calcutta') is chosen and the fix is safe; without such a name the first in table order is chosen and the
/// fix is unsafe. Windows display names ('(UTC+01:00) Amsterdam, Berlin, ...') get an unsafe fix to the
/// first listed city that is a Rails name; without one, and for a bare UTC offset ('UTC+1'), the finding
/// lists the names with that standard offset (no fix: the daylight-saving rules are a guess). Offsets are
/// today's (`TimeZoneOffsets`), not ICU 72's.
enum TimeZoneRule {
    struct Table: Sendable {
        /// Rails name → IANA ids (several where Rails releases differ).
        var ianaByName: [String: [String]] = [:]
        /// Rails names in table order.
        var names: [String] = []
        /// ICU canonical id → Rails names in table order.
        var namesByCanonical: [String: [String]] = [:]
    }

    /// Names only the newest released Rails has (Asuncion, 8.1): 4me may run an older one. Read apart from
    /// `table`, which asks ICU about every name: an accepted name is looked up here, and most files' names
    /// are accepted.
    static let newest = newestNames(rows((try? ProfileLoader.tableLines("rails-time-zones")) ?? []))

    /// A time-zone table's lines split at their tab bytes: a tab is a grapheme cluster of its own, so this is
    /// where a split by Characters cuts, without walking the table's Characters (a million instructions of a
    /// one-record lint).
    static func rows(_ lines: [String]) -> [[Substring]] {
        lines.map { line in
            line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { line[$0.startIndex..<$0.endIndex] }
        }
    }

    /// The names (first column) of `rows` that a third column marks as known only to the newest release.
    static func newestNames(_ rows: [[Substring]]) -> Set<String> {
        Set(rows.filter { $0.count >= 3 && !$0[2].isEmpty }.map { String($0[0]) })
    }

    static let table: Table = {
        var t = Table()
        for parts in rows((try? ProfileLoader.tableLines("rails-time-zones")) ?? []) {
            guard parts.count >= 2 else { continue }
            let name = String(parts[0]), iana = String(parts[1])
            if t.ianaByName[name] == nil { t.names.append(name) }
            t.ianaByName[name, default: []].append(iana)
            let canonical = ICUBridge.canonicalTimeZone(iana) ?? iana
            if !(t.namesByCanonical[canonical] ?? []).contains(name) { t.namesByCanonical[canonical, default: []].append(name) }
        }
        return t
    }()

    /// Why a fix to `name` is a guess when only the newest released Rails has it (4me runs a Rails version
    /// it does not publish, which may be older); nil for any other name. A profile with its own table
    /// marks such names itself: one that lists a name without the mark accepts it outright.
    private static func newestNote(_ name: String, context: ValueContext) -> String? {
        let newestNames = context.timeZoneNames.isEmpty ? newest : context.newestTimeZoneNames
        return newestNames.contains(name)
            ? "a name only the newest released Rails has (which Rails \(context.target.name) runs is not published)" : nil
    }

    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        let accepted = context.timeZoneNames.isEmpty ? Set(table.names) : context.timeZoneNames
        if accepted.contains(value) {
            // Accepted by the newest Rails only: an older one, which 4me may run, does not know it.
            guard let newest = newestNote(value, context: context) else { return [] }
            return [ValueFinding(.invalidTimeZone, "'\(value)' is \(newest); an older Rails does not know it", severity: .warning)]
        }
        let acceptedSorted = table.names.filter(accepted.contains) + accepted.subtracting(table.names).sorted()

        if let match = acceptedSorted.first(where: { $0.lowercased() == value.lowercased() }) {
            let newest = newestNote(match, context: context)
            var message = "'\(value)' differs from the time zone name '\(match)' only in case; whether \(context.target.name) matches it is not documented"
            if let newest { message += "; '\(match)' is \(newest)" }
            return [ValueFinding(.invalidTimeZone, message,
                                 fix: Fix(newest == nil ? .safe : .unsafe, "Replace with '\(match)'", replacement: match), severity: .warning)]
        }

        // IANA id or alias (accepted by 4me, mapped by UTC offset: a warning), then Windows id (rejected).
        var origin: String?
        var canonical: String?
        var severity: Severity?
        if let abbreviation = icuOnlyId(value, target: context.target.name) { return [abbreviation] }
        if let c = ICUBridge.canonicalTimeZone(value) {
            // Only a zone that observes daylight saving time has rules to lose; one that does not (Etc/UTC,
            // America/Regina) may instead get the rules of a name at its offset (London, Central Time).
            let clockStaysRight = Self.noDaylightSavingAtOffset(of: c, accepted: acceptedSorted)
            let effect = clockStaysRight
                ? "(neither it nor a name with that offset observes daylight saving time, so its clock stays right)"
                : TimeZoneOffsets.offset(c)?.dst == false
                ? "(it observes no daylight saving time, but a name with that offset does, so it may get that name's daylight-saving rules)"
                : "(losing the daylight-saving rules)"
            origin = "an IANA time zone id, which \(context.target.name) maps onto one of its names by UTC offset alone \(effect)"
            canonical = c
            // Whichever name the offset picks keeps the person's clock right: only the name shown differs.
            severity = clockStaysRight ? .info : .warning
        } else if let iana = windowsZonesMovedSinceICU72[value] ?? ICUBridge.timeZoneForWindows(value) {
            origin = "a Windows time zone id, which \(context.target.name) does not accept"
            canonical = ICUBridge.canonicalTimeZone(iana) ?? iana
        }
        if let origin, let canonical {
            let candidates = (table.namesByCanonical[canonical] ?? []).filter(accepted.contains)
            if candidates.isEmpty {
                var message = "'\(value)' is \(origin); no \(context.target.name) time zone name stands for \(value)"
                let sameOffset = suggestionsByOffset(canonical, accepted: acceptedSorted)
                if !sameOffset.isEmpty { message += "; names with the same UTC offset: \(ValueText.quotedList(sameOffset))" }
                return [ValueFinding(.invalidTimeZone, message, severity: severity)]
            }
            let city = (value.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") }) ?? ""
            let canonicalCity = (canonical.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") }) ?? ""
            func ownCity(_ name: String) -> Bool {
                (table.ianaByName[name] ?? []).contains { $0.split(separator: "/").last.map { $0.replacingOccurrences(of: "_", with: " ") } == name }
            }
            // The city's name, else the name whose own id is the value ('Beijing' is Asia/Shanghai, 'Chongqing'
            // only its alias Asia/Chongqing), else the name of its own id's city.
            // A Windows id names no city: its zone's id picks the name ('China Standard Time' is Asia/Shanghai,
            // 'Beijing').
            let byCity = candidates.first { $0 == city || $0 == canonicalCity }
                ?? candidates.first { (table.ianaByName[$0] ?? []).contains(value) || (table.ianaByName[$0] ?? []).contains(canonical) }
                ?? candidates.first(where: ownCity)
            let chosen = byCity ?? candidates[0]
            // Where the IANA id is accepted, replacing it with a name only the newest Rails has is a guess.
            let newest = newestNote(chosen, context: context)
            let safe = (candidates.count == 1 || byCity != nil) && newest == nil
            var message = "'\(value)' is \(origin); its \(context.target.name) name is '\(chosen)'"
            if candidates.count > 1 {
                message += " (\(ValueText.quotedList(candidates.filter { $0 != chosen })) \(candidates.count == 2 ? "is" : "are") the same zone)"
            }
            if let newest { message += ", \(newest)" }
            return [ValueFinding(.invalidTimeZone, message,
                                 fix: Fix(safe ? .safe : .unsafe, "Replace with '\(chosen)'", replacement: chosen), severity: severity)]
        }

        // Windows display name: '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna'.
        if let display = UTCOffsetText.displayNameParts(value) {
            let windowsName = "'\(value)' is a Windows time zone display name, which \(context.target.name) does not accept"
            // A place whose zone has another standard offset is a namesake ('La Paz' in '(UTC-07:00) La Paz,
            // Mazatlan' is Mexico's; 4me's 'La Paz' is Bolivia's, UTC-4).
            let places = displayPlaces(display.places).filter(accepted.contains)
            // A place whose zone's offset changed since is a display name older than the change: whether the
            // person's clock keeps the old offset or the new one is a guess.
            let moved = places.lazy.compactMap { name in
                offset(ofName: name).flatMap { now in
                    now.minutes == display.minutes || !standardTimeChanged(name, now: now) ? nil : now.changed.map { (name, now.minutes, $0) }
                }
            }.first
            let movedNote = moved.map { name, minutes, changed in
                "; '\(name)' is a \(context.target.name) time zone name, but its zone's standard time is \(UTCOffsetText.written(minutes)) (changed \(changed)), not this older display name's \(UTCOffsetText.written(display.minutes)): which of the two the person's clock keeps is a guess"
            } ?? ""
            if let city = places.first(where: { offset(ofName: $0)?.minutes == display.minutes }) {
                return [ValueFinding(.invalidTimeZone, "\(windowsName); its \(context.target.name) name is '\(city)'\(movedNote)",
                                     fix: Fix(.unsafe, "Replace with '\(city)'", replacement: city))]
            }
            let none = moved != nil ? movedNote : places.isEmpty
                ? ", and none of the places it lists is a \(context.target.name) time zone name"
                : ", and the \(context.target.name) time zone names among its places (\(ValueText.quotedList(places))) have another standard time"
            return [ValueFinding(.invalidTimeZone, windowsName + none + namesWithOffset(display.minutes, accepted: acceptedSorted))]
        }
        // An offset names no zone: which one, and so which daylight-saving rules, is a guess (no fix).
        if let minutes = UTCOffsetText.minutes(value[...]) {
            return [ValueFinding(.invalidTimeZone, "'\(value)' is a UTC offset, not a time zone: \(context.target.name) takes one of its time zone names or an IANA id, and an offset does not say which daylight-saving rules apply"
                + namesWithOffset(minutes, accepted: acceptedSorted))]
        }

        if let iana = unreleasedRailsNames[value] {
            // 4me runs a Rails it does not name, most likely a released one; a name only Rails' main branch
            // has may or may not work there, so a warning, and never a fix's target.
            let sameOffset = suggestionsByOffset(iana, accepted: acceptedSorted)
            return [ValueFinding(.invalidTimeZone, "'\(value)' (\(iana)) is a time zone name only in Rails' unreleased main branch; no released Rails has it, and which Rails \(context.target.name) runs is not published"
                + (sameOffset.isEmpty ? "" : "; names with the same UTC offset: \(ValueText.quotedList(sameOffset))"), severity: .warning)]
        }
        if let newer = newerIANAId(value, context: context, accepted: acceptedSorted) { return [newer] }
        var message = "'\(value)' is not a time zone name \(context.target.name) knows"
        let close = ValueText.closest(value, in: acceptedSorted)
        if !close.isEmpty { message += "; did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?" }
        return [ValueFinding(.invalidTimeZone, message)]
    }

    /// Ids ICU knows that IANA's tzdata does not: the three-letter ids Java once had ('PST', 'BST', 'IST',
    /// 'CST', 'ART' ...) and the 'SystemV/' ids tzdata no longer has. They are abbreviations, not IANA
    /// ids, so not among the values 4me documents; ICU reads them one way ('BST' Bangladesh, 'IST' India,
    /// 'ART' Egypt), where HR feeds mean British Summer Time, Irish or Israel Standard Time, Argentina: an
    /// error without a fix. EST, MST and HST are tzdata's own and stay IANA ids.
    private static let javaLegacyIds: Set<String> = [
        "ACT", "AET", "AGT", "ART", "AST", "BET", "BST", "CAT", "CNT", "CST", "CTT", "EAT", "ECT", "IET", "IST",
        "JST", "MIT", "NET", "NST", "PLT", "PNT", "PRT", "PST", "SST", "VST",
    ]

    /// Links IANA removed that ICU 72 still reads (tzdata 2017c removed Canada/East-Saskatchewan, 2020b
    /// US/Pacific-New): ICU's list beyond tzdata 2025b's is these two, the Java ids and the SystemV ids.
    private static let removedLinks: Set<String> = ["Canada/East-Saskatchewan", "US/Pacific-New"]

    private static func icuOnlyId(_ value: String, target: String) -> ValueFinding? {
        let start = "'\(value)' is not a time zone name \(target) knows, nor an IANA id:"
        if value.lowercased().hasPrefix("systemv/") {
            return ValueFinding(.invalidTimeZone, "\(start) IANA's tzdata no longer has the SystemV ids (ICU still reads them); write the \(target) name of the person's zone")
        }
        if removedLinks.contains(value) {
            return ValueFinding(.invalidTimeZone, "\(start) IANA's tzdata removed this link (ICU still reads it); write the \(target) name of the person's zone")
        }
        guard javaLegacyIds.contains(value.uppercased()) else { return nil }
        return ValueFinding(.invalidTimeZone, "\(start) it is an abbreviation (an old Java id that ICU still reads, not in IANA's tzdata), and abbreviations are ambiguous (IST is India's, Ireland's and Israel's); write the \(target) name of the person's zone")
    }

    /// IANA ids added after the tzdata of ICU 72 (2022e), which this project builds with, and the tzdata
    /// release that added each (IANA tz NEWS, read 2026-12): ICU here does not know them, but the target
    /// maps any IANA id its own data knows by UTC offset. Any other id ICU does not know stays an error.
    static let idsNewerThanICU72 = ["America/Ciudad_Juarez": "2022g", "America/Coyhaique": "2025b"]

    /// A warning for an id IANA added after this build's ICU data: an error would claim what no document says.
    /// Its offset is time-zone-offsets.tsv's, which lists the names it may be mapped onto.
    private static func newerIANAId(_ value: String, context: ValueContext, accepted: [String]) -> ValueFinding? {
        guard let release = idsNewerThanICU72[value] else { return nil }
        let sameOffset = suggestionsByOffset(value, accepted: accepted)
        return ValueFinding(.invalidTimeZone, "'\(value)' is an IANA time zone id added in tzdata \(release), newer than this build's time zone data (ICU 72's): \(context.target.name) maps an IANA id onto one of its names by UTC offset alone, provided its own data knows it (which version that is, is not published)"
            + (sameOffset.isEmpty ? "" : "; names with the same UTC offset: \(ValueText.quotedList(sameOffset))"), severity: .warning)
    }

    /// Windows ids whose zone CLDR's windowsZones.xml changed after the CLDR of ICU 72, which this project
    /// builds with: that ICU still names the old zone, whose clock now differs by an hour, so its answer
    /// would be a safe fix to a wrong name. CLDR 43: Chihuahua moved to UTC-6 and left 'Mountain Standard
    /// Time (Mexico)' (UTC-7) to Mazatlan; CLDR 45: Kazakhstan moved to UTC+5 (Almaty) and left 'Central
    /// Asia Standard Time' (UTC+6) to Bishkek, which no Rails name stands for.
    static let windowsZonesMovedSinceICU72 = [
        "Mountain Standard Time (Mexico)": "America/Mazatlan", "Central Asia Standard Time": "Asia/Bishkek",
    ]

    /// Names Rails' main branch adds that no released Rails has (rules/tables/rails-time-zones.tsv says so).
    private static let unreleasedRailsNames = ["Alberta": "America/Edmonton", "Pacific Time (Canada)": "America/Vancouver"]

    /// The places of a display name ('Yangon (Rangoon)' is also 'Yangon' and 'Rangoon'; Windows XP wrote
    /// '(GMT) Greenwich Mean Time : Dublin, Edinburgh, ...'); Windows' UTC zone is '(UTC) Coordinated
    /// Universal Time'.
    private static func displayPlaces(_ places: Substring) -> [String] {
        var names: [String] = []
        for place in places.split(whereSeparator: { $0 == "," || $0 == ":" }).map({ $0.trimmingWhitespace() }) {
            names.append(place == "Coordinated Universal Time" ? "UTC" : place)
            if place.hasSuffix(")"), let open = place.range(of: " (") {
                names.append(String(place[..<open.lowerBound]))
                names.append(String(place[open.upperBound..<place.index(before: place.endIndex)]))
            }
        }
        return names
    }

    /// "; names with the standard time UTC+01:00: 'Amsterdam', 'Belgrade', 'Berlin', …" ('UTC' first for an
    /// offset of zero), or "" when no name has the offset.
    private static func namesWithOffset(_ minutes: Int, accepted: [String]) -> String {
        var names = accepted.filter { name in offset(ofName: name)?.minutes == minutes }
        if minutes == 0, let utc = names.firstIndex(of: "UTC") { names.insert(names.remove(at: utc), at: 0) }
        guard !names.isEmpty else { return "" }
        return "; names with the standard time \(UTCOffsetText.written(minutes)): \(ValueText.quotedList(Array(names.prefix(3))))\(names.count > 3 ? ", …" : "")"
    }

    /// Whether neither `zone` nor any accepted name with its standard offset observes daylight saving time:
    /// mapped by offset alone, it then keeps its local time (Asia/Tokyo), where America/Phoenix may take
    /// Mountain Time's rules.
    /// A name whose offset is unknown (a profile's own table may list names outside Rails') counts as one that may.
    private static func noDaylightSavingAtOffset(of zone: String, accepted: [String]) -> Bool {
        guard let target = TimeZoneOffsets.offset(zone), !target.dst else { return false }
        return accepted.allSatisfy { name in offset(ofName: name).map { $0.minutes != target.minutes || !$0.dst } ?? false }
    }

    /// A name's standard offset and whether it observes daylight saving time today; nil for a name of a
    /// profile's own table, which no zone stands behind.
    private static func offset(ofName name: String) -> TimeZoneOffsets.Offset? {
        nameOffsets[name]
    }

    /// Whether `name`'s standard time moved since ICU 72's data; a change of daylight saving time alone
    /// (Mazatlan, Mexico City, Cairo, Fiji) leaves the display name's offset right.
    private static func standardTimeChanged(_ name: String, now: TimeZoneOffsets.Offset) -> Bool {
        guard let iana = table.ianaByName[name]?.first, let canonical = ICUBridge.canonicalTimeZone(iana),
              let old = ICUBridge.timeZoneOffset(canonical) else { return true }
        return Int(old.rawMs) / 60_000 != now.minutes
    }

    /// Each Rails name's offset (`offset(ofName:)`), looked up once rather than for every value judged.
    private static let nameOffsets: [String: TimeZoneOffsets.Offset] = Dictionary(
        table.names.compactMap { name in table.ianaByName[name]?.first.flatMap(TimeZoneOffsets.offset).map { (name, $0) } },
        uniquingKeysWith: { first, _ in first })

    private static func suggestionsByOffset(_ zone: String, accepted: [String]) -> [String] {
        guard let target = TimeZoneOffsets.offset(zone) else { return [] }
        return accepted.filter { name in
            guard let o = offset(ofName: name) else { return false }
            return o.minutes == target.minutes && o.dst == target.dst
        }.prefix(3).map { $0 }
    }
}

extension RuleDescriptor {
    public static let invalidTimeZone = RuleDescriptor(
        code: "VAL004", name: "invalid-time-zone", severity: .error, fix: .sometimes,
        summary: "A time zone that is not one of 4me's names (the Rails names): a Windows id or name, or an IANA id",
        explanation: """
            4me's Time Zone field takes the names of its time zone enumeration, the Ruby on Rails names such as \
            'Central Time (US & Canada)' or 'Paris' (rules/tables/rails-time-zones.tsv, Rails 8.1). It also \
            accepts an IANA id ('America/Phoenix') but maps it onto a name by UTC offset alone, so the \
            daylight-saving rules can be lost (Phoenix may become Mountain Time): a warning, with a fix to the \
            zone's own name; info where neither the zone nor any name with its UTC offset observes daylight \
            saving time ('Asia/Kolkata'), since any name the offset picks keeps the clock right. Windows ids ('W. Europe Standard Time') and display names ('(UTC-06:00) Central \
            Time (US & Canada)'), which directory exports often contain, are not accepted: an error, with a fix \
            where one name fits (a Windows id is read as CLDR maps it today: 'Mountain Standard Time (Mexico)' is \
            Mazatlan, not Chihuahua, which has kept UTC-6 since 2022). A fix is safe when exactly one name, or the one named after the id's city, \
            stands for the zone, and unsafe when that name is one only the newest released Rails has ('Asuncion', \
            Rails 8.1: 4me may run an older one); such a name as written is a warning without a fix, saying \
            so. A name in another case ('amsterdam') is a warning with a safe fix \
            (unsafe toward such a newest name): whether 4me matches it is not documented. Offsets are today's \
            (rules/tables/time-zone-offsets.tsv, tzdata 2025b), not those of this build's ICU data (tzdata \
            2022e): Almaty and Astana are UTC+5 since 2024, Greenland UTC-2 since 2023, Asuncion UTC-3 all \
            year since 2024, and Mexico keeps no daylight saving time since 2022. A display name that still \
            shows a place's old offset ('(UTC+06:00) Astana') is older than the change: no fix, and the \
            message says when the offset changed.
            """,
        triggeringExample: "Primary Email,Name,Time Zone\nann@widget.com,Ann,Central Standard Time\n",
        cleanExample: "Primary Email,Name,Time Zone\nann@widget.com,Ann,Central Time (US & Canada)\n")
}
