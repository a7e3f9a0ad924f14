import CPhoneNumber
import Foundation
import Testing

/// The phone verdicts (parse error, validity, possible-ness, type, country code and its source, E.164 form,
/// region of an invalid number) must be libphonenumber's own, field by field, whichever path computed them.
/// `cphonenumber_analyze_reference` asks plain libphonenumber; `cphonenumber_analyze` takes the fast path
/// where it applies. `Scripts/phone-differential.sh` runs the generated comparison at 1,000,000 numbers.
@Suite struct PhoneDifferentialTests {
    /// Numbers compared by `swift test`; IMPORTLINT_PHONE_DIFFERENTIAL_COUNT raises it for a full run.
    static var count: Int {
        ProcessInfo.processInfo.environment["IMPORTLINT_PHONE_DIFFERENTIAL_COUNT"].flatMap(Int.init) ?? 30_000
    }

    /// Shapes at the edges of the fast path: national prefixes and Italian leading zeros after '+',
    /// national-prefix patterns that match after a country code (RU 8, NANPA 1, AR, MX), shared country
    /// codes, non-geographic codes, a '+' before a leading zero, too short and too long numbers.
    static let edges = [
        "+44 20 7946 0000", "+44 (0) 20 7946 0000", "+44 (0)7700 900123", "+39 06 1234 5678", "+39 333 123 4567",
        "+7 800 555 35 35", "+7 8 800 555 35 35", "+7 912 345 67 89", "+7 701 123 45 67", "+1 1713 441 8299",
        "+1 (713) 441-8299", "+1 268 464 1234", "+1 684 733 1234", "+1 800 234 5678", "+1 900 234 5678",
        "+54 9 11 2345 6789", "+54 11 2345 6789", "+54 9 15 2345 6789", "+52 1 55 1234 5678", "+52 55 1234 5678",
        "+262 262 16 12 34", "+262 269 60 12 34", "+590 690 00 12 34", "+599 9 123 4567", "+599 715 1234",
        "+358 18 12345", "+47 79 12 34 56", "+61 8 9162 1234", "+212 528 12 34 56", "+290 22158", "+290 8 1234",
        "+800 1234 5678", "+808 1234 5678", "+870 301 234 567", "+881 6 123 45678", "+882 3421 2345",
        "+883 5100 1234 5678", "+979 1 234 5678", "+0842218222098", "+00 44 20 7946 0000", "+44", "+441",
        "+4420", "+44 20 7946 0000 0000 0000", "+1 713 441 8299 ext. 12", "+1.713.441.8299", "+ 44 20 7946 0000",
        "+(44) 20 7946 0000", "+44-20-7946-0000", "+31 (6) 1348 7607", "+34 (93) 377 7985", "+13126015233",
        "+34607576445", "+9999999999", "+969 123 4567", "+1 (713) 441 8299)", "+44 20 7946 000.", "  +44 20 7946 0000",
        "+86 10 1234 5678", "+86 0 10 1234 5678", "+55 11 91234 5678", "+55 0 11 91234 5678", "+64 21 123 4567",
    ]

    @Test(arguments: edges)
    func edgeShapes(_ number: String) {
        for region in ["", "US", "GB", "RU", "AR", "IT"] {
            #expect(PhoneVerdicts(number, region: region, fast: true) == PhoneVerdicts(number, region: region, fast: false),
                    "'\(number)' with default region '\(region)'")
        }
    }

    @Test func generatedNumbersGetLibphonenumbersVerdicts() {
        var generator = PhoneSampleGenerator(seed: 20_261_201)
        let started = Date()
        var mismatches: [String] = []
        var regions = Set<String>(), plusLed = 0, valid = 0
        for _ in 0..<Self.count {
            let sample = generator.next()
            regions.insert(sample.sourceRegion)
            let fast = PhoneVerdicts(sample.number, region: sample.defaultRegion, fast: true)
            let reference = PhoneVerdicts(sample.number, region: sample.defaultRegion, fast: false)
            if sample.number.hasPrefix("+") { plusLed += 1 }
            if reference.isValid { valid += 1 }
            if fast != reference, mismatches.count < 20 {
                mismatches.append("'\(sample.number)' [\(sample.defaultRegion)]: \(fast) vs libphonenumber \(reference)")
            }
        }
        print("""
            phone differential: \(Self.count) numbers (\(plusLed) '+'-led, \(valid) valid) from \(regions.count) regions, \
            \(mismatches.count) mismatches, \(String(format: "%.1f", Date().timeIntervalSince(started))) s
            """)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        #expect(regions.count >= 50)
        #expect(valid * 5 > Self.count, "the generator should produce a fair share of valid numbers")
    }
}

/// Everything cphonenumber_info holds, comparable.
struct PhoneVerdicts: Equatable, CustomStringConvertible {
    var parseError: Int32, isValid: Bool, isPossible: Bool, type: Int32, countryCode: Int32, countryCodeSource: Int32
    var e164: String, region: String, extensionDigits: String

    init(_ number: String, region defaultRegion: String, fast: Bool) {
        var info = cphonenumber_info()
        number.withCString { n in
            defaultRegion.withCString { r in
                if fast { cphonenumber_analyze(n, r, &info) } else { cphonenumber_analyze_reference(n, r, &info) }
            }
        }
        func text<T>(_ tuple: T) -> String {
            withUnsafeBytes(of: tuple) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        parseError = info.parseError
        isValid = info.isValid != 0
        isPossible = info.isPossible != 0
        type = info.type
        countryCode = info.countryCode
        countryCodeSource = info.countryCodeSource
        e164 = text(info.e164)
        region = text(info.region)
        extensionDigits = text(info.extension)
    }

    var description: String {
        "error \(parseError) valid \(isValid) possible \(isPossible) type \(type) cc \(countryCode)/\(countryCodeSource) \(e164) \(region) ext \(extensionDigits)"
    }
}

/// Numbers as people write them: libphonenumber's example numbers of every type for every region it
/// supports, in E.164, international, national and RFC 3966 form, with digits changed, dropped or added
/// (invalid, short and long numbers), other separators and parentheses, '00'/'011' instead of '+',
/// extensions, and random '+' digit strings; read with no default region, the number's own or another.
struct PhoneSampleGenerator {
    struct Sample {
        var number: String, defaultRegion: String, sourceRegion: String
    }

    private var random: SeededRNG
    private let regions: [String]
    private var examples: [String: String] = [:]
    private static let defaultRegions = ["", "US", "GB", "DE", "FR", "IT", "BR", "IN", "AU", "JP", "RU", "AR", "MX", "CN"]
    private static let endings = [" ext. 123", " x12", ";ext=5", " ext 4567", "#", "  ", " - ", "/x2", " ,,12"]

    init(seed: UInt64) {
        random = SeededRNG(seed: seed)
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = cphonenumber_supported_regions(&buffer, Int32(buffer.count))
        precondition(length > 0, "libphonenumber lists its regions")
        regions = Self.text(buffer).split(separator: ",").map(String.init)
    }

    /// A C string the bridge wrote into `buffer`, up to its terminating NUL.
    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private mutating func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }

    private mutating func example(_ region: String, type: Int32, style: Int32) -> String? {
        let key = "\(region) \(type) \(style)"
        if let known = examples[key] { return known.isEmpty ? nil : known }
        var buffer = [CChar](repeating: 0, count: 64)
        let found = cphonenumber_example(region, type, style, &buffer, Int32(buffer.count)) == 1
        examples[key] = found ? Self.text(buffer) : ""
        return found ? Self.text(buffer) : nil
    }

    mutating func next() -> Sample {
        let region = regions[pick(regions.count)]
        var number: [Character]
        if pick(5) == 0 {
            number = ["+"] + (0..<(3 + pick(16))).map { _ in Character(String(pick(10))) }
        } else {
            let style = Int32(pick(4))
            guard let text = example(region, type: Int32(pick(11)), style: style) ?? example(region, type: 0, style: style)
                ?? example(region, type: 1, style: style) else { return next() }
            number = Array(text)
        }
        for _ in 0..<pick(4) {
            let digits = number.indices.filter { number[$0].isASCII && number[$0].isNumber }
            guard !digits.isEmpty else { break }
            let at = digits[pick(digits.count)]
            switch pick(6) {
            case 0..<4: number[at] = Character(String(pick(10)))
            case 4: number.remove(at: at)
            default: number.insert(Character(String(pick(10))), at: at)
            }
        }
        switch pick(6) {
        case 1: number = number.map { $0 == " " || $0 == "-" ? "." : $0 }
        case 2: number = number.map { $0 == " " ? "-" : $0 }
        case 3: number = number.map { $0 == "-" ? " " : $0 }
        case 4: number.removeAll { $0 == " " || $0 == "-" }
        default: break
        }
        // '+31 6 1348 7607' → '+31 (6) 1348 7607'
        if pick(8) == 0, let open = number.firstIndex(of: " "), let close = number[(open + 1)...].firstIndex(of: " ") {
            number.insert(")", at: close)
            number.insert("(", at: open + 1)
        }
        if number.first == "+" {
            switch pick(10) {
            case 0: number = ["0", "0"] + number.dropFirst()
            case 1: number = ["0", "1", "1"] + number.dropFirst()
            case 2: number = ["+", " "] + number.dropFirst()
            case 3: number = ["+"] + number
            default: break
            }
        }
        if pick(10) == 0 { number += Array(Self.endings[pick(Self.endings.count)]) }
        let defaultRegion = pick(3) == 0 ? region : Self.defaultRegions[pick(Self.defaultRegions.count)]
        return Sample(number: String(number), defaultRegion: defaultRegion, sourceRegion: region)
    }
}
