import CICU
import CPhoneNumber

/// Swift face of the plain-C ICU and libphonenumber wrappers used by the value rules.
enum ICUBridge {
    /// Calls a C function of the shape `(input, inputLength, out, capacity) -> neededLength`, growing the buffer.
    private static func transform(_ s: String,
                                  _ body: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        var input = Array(s.utf8CString)
        let length = Int32(input.count - 1)
        var capacity = max(64, Int(length) * 2 + 16)
        for _ in 0..<3 {
            var out = [CChar](repeating: 0, count: capacity)
            let n = input.withUnsafeMutableBufferPointer { inp in
                out.withUnsafeMutableBufferPointer { o in body(inp.baseAddress!, length, o.baseAddress!, Int32(capacity)) }
            }
            if n < 0 { return nil }
            if Int(n) < capacity {
                return String(decoding: out[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(n) + 1
        }
        return nil
    }

    /// Calls a C function of the shape `(input, out, capacity) -> length`, -1 or 0 meaning none.
    private static func lookup(_ s: String, capacity: Int = 256,
                               _ body: (UnsafePointer<CChar>, UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
        var out = [CChar](repeating: 0, count: capacity)
        let n = s.withCString { cs in out.withUnsafeMutableBufferPointer { body(cs, $0.baseAddress!, Int32(capacity)) } }
        if n <= 0 || Int(n) >= capacity { return nil }
        return cString(out)
    }

    static func cString(_ buffer: [CChar]) -> String {
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[0..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The version of the system ICU ("72.1"): locale data such as region names differs between versions.
    static let version: String = {
        var buffer = [CChar](repeating: 0, count: 32)
        cicu_version(&buffer, Int32(buffer.count))
        return cString(buffer)
    }()

    // MARK: Text

    /// NFC of UTF-8 text through ICU, or nil when it is already NFC (or ICU fails: then nothing is
    /// reported and nothing rewritten).
    static func nfc(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var capacity = bytes.count * 3 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            let n = out.withUnsafeMutableBufferPointer { o in
                bytes.withMemoryRebound(to: CChar.self) { src in
                    o.withMemoryRebound(to: CChar.self) { dst in
                        cicu_nfc_utf8(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count))
                    }
                }
            }
            if n <= 0 { return nil }
            if Int(n) > capacity { capacity = Int(n) + 16; continue }
            out.removeSubrange(Int(n)...)
            return out.elementsEqual(bytes) ? nil : out
        }
    }

    static func nfc(_ s: String) -> String? {
        var copy = s
        return copy.withUTF8 { nfc($0) }.map { String(decoding: $0, as: UTF8.self) }
    }
    static func skeleton(_ s: String) -> String? { transform(s) { cicu_skeleton($0, $1, $2, $3) } }
    static func script(of scalar: Unicode.Scalar) -> Int32 { cicu_script(scalar.value) }

    static func scriptName(_ code: Int32) -> String {
        var out = [CChar](repeating: 0, count: 16)
        return cicu_script_name(code, &out, 16) == 1 ? cString(out) : "Zyyy"
    }

    // MARK: Locales

    struct LocaleCheck {
        var wellFormed: Bool
        var languageKnown: Bool
        var regionKnown: Bool
        var scriptKnown: Bool
        var canonical: String
    }

    static func checkLocale(_ tag: String) -> LocaleCheck {
        var out = [CChar](repeating: 0, count: 128)
        let flags = tag.withCString { cicu_locale_check($0, &out, 128) }
        return LocaleCheck(wellFormed: flags & 1 != 0, languageKnown: flags & 2 != 0, regionKnown: flags & 4 != 0,
                           scriptKnown: flags & 8 != 0, canonical: cString(out))
    }

    /// The script `tag` most likely stands for ('zh-TW' → 'Hant', 'zh' → 'Hans'), nil when ICU cannot tell.
    static func likelyScript(_ tag: String) -> String? { lookup(tag, capacity: 16) { cicu_locale_likely_script($0, $1, $2) } }

    // MARK: Time zones

    static func canonicalTimeZone(_ id: String) -> String? { lookup(id) { cicu_tz_canonical($0, $1, $2) } }
    static func timeZoneForWindows(_ id: String) -> String? { lookup(id) { cicu_tz_from_windows($0, $1, $2) } }

    static func timeZoneOffset(_ id: String) -> (rawMs: Int32, dst: Bool)? {
        var raw: Int32 = 0, dst: Int32 = 0
        let ok = id.withCString { cicu_tz_offset($0, &raw, &dst) }
        return ok == 1 ? (raw, dst != 0) : nil
    }

    // MARK: Regions

    static func regionAlpha2(_ code: String) -> String? { lookup(code, capacity: 8) { cicu_region_alpha2($0, $1, $2) } }

    static var territories: [String] {
        (0..<cicu_territory_count()).compactMap { i in
            var out = [CChar](repeating: 0, count: 8)
            return cicu_territory_code(i, &out, 8) == 1 ? cString(out) : nil
        }
    }

    static func regionName(_ alpha2: String, in language: String) -> String? {
        language.withCString { lang in lookup(alpha2) { cicu_region_display_name($0, lang, $1, $2) } }
    }

    // MARK: Phone numbers

    struct PhoneInfo {
        var parseError: Int32
        var isValid: Bool
        var isPossible: Bool
        var type: Int32
        var countryCodeSource: Int32
        /// The country calling code the number was read with (1 for '+1 800 …'), 0 when it was not parsed.
        var countryCode: Int32
        var e164: String
        /// Where an invalid number was judged ("" for a valid one, and when no region claims it).
        var region: String
        /// The extension written after the number ("12" of '212-555-0147 ext. 12'), "" when none.
        var extensionDigits: String

        /// The E.164 form, followed by the extension when the number has one (E.164 has no place for it,
        /// and a fix must not drop it): '+12125550147 ext. 12'.
        var e164KeepingExtension: String { extensionDigits.isEmpty ? e164 : "\(e164) ext. \(extensionDigits)" }
    }

    static func phone(_ number: String, defaultRegion: String?) -> PhoneInfo {
        var info = cphonenumber_info()
        number.withCString { n in
            if let region = defaultRegion, !region.isEmpty {
                region.withCString { cphonenumber_analyze(n, $0, &info) }
            } else {
                cphonenumber_analyze(n, nil, &info)
            }
        }
        func text<T>(_ tuple: T) -> String {
            withUnsafeBytes(of: tuple) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes[0..<end], as: UTF8.self)
            }
        }
        return PhoneInfo(parseError: info.parseError, isValid: info.isValid != 0, isPossible: info.isPossible != 0,
                         type: info.type, countryCodeSource: info.countryCodeSource, countryCode: info.countryCode,
                         e164: text(info.e164),
                         region: text(info.region), extensionDigits: text(info.extension))
    }
}
