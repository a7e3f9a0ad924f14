/// How phone findings (invalid-phone, phone-missing-plus) word a number, a region and a reason, so that
/// they read alike: "'<cell>' is not a valid phone number in GB (United Kingdom): it has the wrong number
/// of digits". A region is its code and English name, the default region is called so, and a number the
/// finding offers is quoted.
enum PhoneWording {
    /// 'GB (United Kingdom)'.
    static func region(_ code: String) -> String {
        ICUBridge.regionName(code, in: "en").map { "\(code) (\($0))" } ?? code
    }

    /// Whether libphonenumber's region code names a country: not empty, and not '001', its code of
    /// non-geographic numbers (+800, +882…).
    static func namesRegion(_ code: String) -> Bool { !code.isEmpty && code != "001" }

    /// 'the default region US (United States)'.
    static func defaultRegion(_ code: String) -> String { "the default region " + region(code) }

    /// Where libphonenumber judged an invalid number, as a message names it: 'DO (Dominican Republic)', 'the
    /// North American Numbering Plan (+1)'; nil when no one region claims it (or the non-geographic '001').
    /// A NANP number with a non-geographic area code (800, 888, 900…) belongs to every NANP country, yet
    /// libphonenumber gives an invalid one the first region whose leading digits it starts with: DO's
    /// include 8001 (its own 800-14x toll-free range), so '+1 800 123 4567' would be "in DO".
    static func judgedPlace(_ info: ICUBridge.PhoneInfo) -> String? {
        guard namesRegion(info.region) else { return nil }
        if info.countryCode == 1, info.e164.hasPrefix("+1"), nanpServiceAreaCodes.contains(String(info.e164.dropFirst(2).prefix(3))) {
            return "the North American Numbering Plan (+1)"
        }
        return region(info.region)
    }

    /// NANPA's easily recognizable codes, which no one NANP country holds: personal communications (5XX),
    /// Canadian (600, 622) and US (710) non-geographic services, 700, toll-free (8XX) and premium (900).
    private static let nanpServiceAreaCodes: Set<String> = [
        "500", "522", "533", "544", "566", "577", "588", "600", "622", "700", "710",
        "800", "833", "844", "855", "866", "877", "888", "900",
    ]

    /// Where an invalid number was judged, as " in GB (United Kingdom)": the region libphonenumber judged it
    /// in (see `judgedPlace`); for a number with its own country code that no one region claims (or a
    /// non-geographic one), " for its country code"; else the default region, or nothing without one.
    static func place(judged info: ICUBridge.PhoneInfo, ownCountryCode: Bool, defaultRegion code: String?) -> String {
        if let judged = judgedPlace(info) { return " in " + judged }
        if ownCountryCode || !info.region.isEmpty { return " for its country code" }
        return code.map { " in " + defaultRegion($0) } ?? ""
    }

    /// "'<cell>' is not a valid phone number<place>: <reason>".
    static func invalid(_ value: String, place: String = "", reason: String) -> String {
        "'\(value)' is not a valid phone number\(place): \(reason)"
    }
}
