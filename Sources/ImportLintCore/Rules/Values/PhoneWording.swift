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

    /// Where an invalid number was judged, as " in GB (United Kingdom)": the region libphonenumber judged it
    /// in; for a number with its own country code that no one region claims (or a non-geographic one),
    /// " for its country code"; else the default region, or nothing without one.
    static func place(judgedIn judged: String, ownCountryCode: Bool, defaultRegion code: String?) -> String {
        if namesRegion(judged) { return " in " + region(judged) }
        if ownCountryCode || !judged.isEmpty { return " for its country code" }
        return code.map { " in " + defaultRegion($0) } ?? ""
    }

    /// "'<cell>' is not a valid phone number<place>: <reason>".
    static func invalid(_ value: String, place: String = "", reason: String) -> String {
        "'\(value)' is not a valid phone number\(place): \(reason)"
    }
}
