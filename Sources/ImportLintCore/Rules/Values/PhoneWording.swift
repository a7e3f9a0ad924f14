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
    /// A service number (toll-free, premium…) of a country code that several countries share belongs to all
    /// of them, yet libphonenumber gives an invalid one the first region whose leading digits it starts
    /// with: DO's include 8001 (its own 800-14x range), so '+1 800 123 4567' was "in DO"; RU's include 8, so
    /// '+7 800 …' (Kazakhstan's toll-free numbers too) was "in RU"; RE's include 8, so '+262 80…' (Mayotte's
    /// too) was "in RE".
    static func judgedPlace(_ info: ICUBridge.PhoneInfo) -> String? {
        guard namesRegion(info.region) else { return nil }
        let national = info.e164.dropFirst(1 + String(info.countryCode).count)
        if info.e164.hasPrefix("+\(info.countryCode)"),
           let shared = sharedServiceRanges.first(where: { $0.code == info.countryCode && $0.prefixes.contains { national.hasPrefix($0) } }) {
            return shared.plan
        }
        return region(info.region)
    }

    /// Service ranges that the countries of one country code share (libphonenumber's metadata gives them to
    /// each): NANPA's easily recognizable codes (personal 5XX, Canadian 600 and 622, 700, US 710, toll-free
    /// 8XX, premium 900); Russia's and Kazakhstan's 800, 808, 809 and 810; Réunion's and Mayotte's 80.
    private static let sharedServiceRanges: [(code: Int32, prefixes: [String], plan: String)] = [
        (1, ["500", "522", "533", "544", "566", "577", "588", "600", "622", "700", "710",
             "800", "833", "844", "855", "866", "877", "888", "900"], "the North American Numbering Plan (+1)"),
        (7, ["800", "808", "809", "810"], "the numbering plan of Russia and Kazakhstan (+7)"),
        (262, ["80"], "the numbering plan of Réunion and Mayotte (+262)"),
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
