/// Today's standard UTC offset and daylight saving time of the zones VAL004 reasons about by offset
/// (rules/tables/time-zone-offsets.tsv, read from tzdata 2025b). ICU 72, which this project builds with,
/// carries tzdata 2022e: an hour off since for Kazakhstan, Chihuahua, Greenland and Paraguay, and wrong about
/// daylight saving time in Mexico, Egypt and Fiji. The table holds every Rails name's zone and every zone
/// changed since 2022e, so ICU's answer is used only for a zone whose offset has not changed.
enum TimeZoneOffsets {
    struct Offset: Sendable {
        /// Standard time, minutes east of UTC.
        var minutes: Int
        /// Whether the clock changes during the year.
        var dst: Bool
        /// When and in which tzdata release this changed after ICU 72's data; nil when it did not.
        var changed: String?
    }

    /// Rows by their id and by ICU's canonical id of it (ICU 72 calls America/Nuuk 'America/Godthab').
    static let rows: [String: Offset] = {
        var byId: [String: Offset] = [:]
        for parts in TimeZoneRule.rows((try? ProfileLoader.tableLines("time-zone-offsets")) ?? []) {
            guard parts.count >= 3, let minutes = UTCOffsetText.minutes(parts[1]) else { continue }
            let offset = Offset(minutes: minutes, dst: parts[2] == "yes", changed: parts.count > 3 ? String(parts[3]) : nil)
            let id = String(parts[0])
            for key in [id, ICUBridge.canonicalTimeZone(id)].compactMap({ $0 }) where byId[key]?.changed == nil {
                byId[key] = offset
            }
        }
        return byId
    }()

    /// `zone`'s offset today: the table's, else ICU's (unchanged since tzdata 2022e); nil for a zone neither knows.
    static func offset(_ zone: String) -> Offset? {
        if let row = rows[zone] { return row }
        guard let canonical = ICUBridge.canonicalTimeZone(zone) else { return nil }
        if let row = rows[canonical] { return row }
        return ICUBridge.timeZoneOffset(canonical).map { Offset(minutes: Int($0.rawMs) / 60_000, dst: $0.dst) }
    }
}
