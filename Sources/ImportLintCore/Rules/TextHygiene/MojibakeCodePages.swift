import CICU

/// The single-byte code pages a UTF-8 text is realistically misread as, with ICU's byte → character tables
/// turned around: for every non-ASCII character, the byte it has in each code page. Built once per process.
struct MojibakeCodePages: Sendable {
    /// ICU converter name, the name used in messages, and the family. Windows-1252 and the ISO Latin pages
    /// it extends form one family: where their readings tie, Windows-1252 (Excel, Windows PowerShell) is by
    /// far the commoner misreading and is taken. Every other page is its own family: Windows-1250 and
    /// ISO-8859-2 both occur in practice, so a tie between them leaves the repair a guess.
    static let pages: [(icu: String, display: String, family: Int)] = [
        ("windows-1252", "Windows-1252", 0), ("ISO-8859-1", "ISO-8859-1 (Latin-1)", 0), ("ISO-8859-15", "ISO-8859-15", 0),
        ("windows-1250", "Windows-1250 (Central European)", 1), ("ISO-8859-2", "ISO-8859-2 (Latin-2)", 11),
        ("windows-1251", "Windows-1251 (Cyrillic)", 2), ("windows-1253", "Windows-1253 (Greek)", 3),
        ("windows-1254", "Windows-1254 (Turkish)", 4), ("windows-1257", "Windows-1257 (Baltic)", 5),
        ("ibm-850", "DOS code page 850", 6), ("ibm-437", "DOS code page 437", 12), ("ibm-852", "DOS code page 852", 7),
        ("ibm-866", "DOS code page 866 (Cyrillic)", 8), ("macintosh", "Mac Roman", 9), ("KOI8-R", "KOI8-R", 10),
        ("windows-1256", "Windows-1256 (Arabic)", 13),
    ]

    /// Japanese Windows reads a UTF-8 file as Shift_JIS (Windows-31J): undone on the whole cell, after the
    /// single-byte pages, as page number `pages.count`.
    static let shiftJIS = (icu: "ibm-943_P15A-2003", display: "Shift_JIS")
    static var shiftJISPage: Int { pages.count }

    static let arabicPage = pages.firstIndex { $0.icu == "windows-1256" }!

    static func display(_ page: Int) -> String { page < pages.count ? pages[page].display : shiftJIS.display }
    static func family(_ page: Int) -> Int { page < pages.count ? pages[page].family : 100 + page }

    static let shared = MojibakeCodePages()

    /// The characters of Windows-1252 bytes 0x80–0xBF but the no-break space: what follows a misread lead.
    static let windows1252Continuations: Set<UInt32> = Set((0x80...0xBF).compactMap { byte in
        shared.decode[0][byte].map(\.value) }).subtracting([0xA0])

    /// Per code page, the character of each byte (nil where the page leaves the byte undefined).
    let decode: [[Unicode.Scalar?]]
    /// By scalar value, 1 + the row of `bytes` and `masks` of a non-ASCII character the pages hold, 0 for
    /// others; every page's characters are in the BMP. An array, not a dictionary: filling one took 0.9 M
    /// instructions at every start.
    private let rows: [UInt16]
    /// Row-major: the byte of a character in each code page, 0 when the page cannot hold it.
    private let bytes: [UInt8]
    /// Per row, bit p set when the character's byte in page p is a UTF-8 lead (2-, 3-, 4-byte) or continuation.
    private let masks: [RoleMasks]
    /// `masks` for U+0080–U+024F directly, the characters of most non-ASCII cells: no hashing per character.
    private let latinMasks: [RoleMasks]

    struct RoleMasks: Sendable {
        var lead2: UInt16 = 0, lead3: UInt16 = 0, lead4: UInt16 = 0, continuation: UInt16 = 0
    }

    var count: Int { decode.count }
    /// Bit p set when page p has the no-break space at byte 0xA0.
    let noBreakSpaceAtA0: UInt16

    private init() {
        precondition(Self.pages.count <= 16, "the role masks hold a bit per code page in a UInt16")
        var decode: [[Unicode.Scalar?]] = []
        for page in Self.pages {
            var table = [UInt32](repeating: 0xFFFF_FFFF, count: 256)
            let known = table.withUnsafeMutableBufferPointer { cicu_single_byte_table(page.icu, $0.baseAddress!) }
            precondition(known == 1, "ICU lacks the code page \(page.icu)")
            decode.append(table.map { Unicode.Scalar($0) })
        }
        var rows = [UInt16](repeating: 0, count: 0x10000)
        var bytes: [UInt8] = []
        var masks: [RoleMasks] = []
        let n = decode.count
        for (p, table) in decode.enumerated() {
            for byte in 0x80...0xFF {
                guard let scalar = table[byte], scalar.value >= 0x80 else { continue }
                precondition(scalar.value <= 0xFFFF, "a code page holds a character beyond the BMP")
                let row: Int
                if rows[Int(scalar.value)] != 0 {
                    row = Int(rows[Int(scalar.value)]) - 1
                } else {
                    row = masks.count
                    rows[Int(scalar.value)] = UInt16(row + 1)
                    bytes.append(contentsOf: repeatElement(0, count: n))
                    masks.append(RoleMasks())
                }
                // A character a page holds twice keeps its first byte, as an encoder would write.
                guard bytes[row * n + p] == 0 else { continue }
                bytes[row * n + p] = UInt8(byte)
                let bit = UInt16(1) << p
                switch byte {
                case 0x80...0xBF: masks[row].continuation |= bit
                case 0xC2...0xDF: masks[row].lead2 |= bit
                case 0xE0...0xEF: masks[row].lead3 |= bit
                case 0xF0...0xF4: masks[row].lead4 |= bit
                default: break
                }
            }
        }
        self.decode = decode
        noBreakSpaceAtA0 = decode.indices.reduce(0) { bits, p in decode[p][0xA0]?.value == 0xA0 ? bits | 1 << p : bits }
        self.rows = rows
        self.bytes = bytes
        self.masks = masks
        latinMasks = (0x80..<0x250).map { v in rows[v] != 0 ? masks[Int(rows[v]) - 1] : RoleMasks() }
    }

    /// The byte `scalar` has in code page `page`, or nil when the page cannot hold it.
    @inline(__always)
    func byte(_ scalar: Unicode.Scalar, page: Int) -> UInt8? {
        let v = scalar.value
        if v < 0x80 { return UInt8(v) }
        guard let row = row(v) else { return nil }
        let b = bytes[row * decode.count + page]
        return b == 0 ? nil : b
    }

    /// `roles` of U+0000–U+017F by scalar value, in raw memory, for the letters `TextHygiene.isPlainLatinText`
    /// accepts (U+00C0–U+017F): read for every accented letter of a directory export, where reaching
    /// `shared`'s arrays cost a call each. Written once at initialization, then only read.
    nonisolated(unsafe) static let latinRoles: UnsafePointer<RoleMasks> = {
        let table = UnsafeMutablePointer<RoleMasks>.allocate(capacity: 0x180)
        for v in 0..<UInt32(0x180) { (table + Int(v)).initialize(to: shared.roles(v)) }
        return UnsafePointer(table)
    }()

    @inline(__always)
    func roles(_ value: UInt32) -> RoleMasks {
        if value < 0x250 { return value < 0x80 ? RoleMasks() : latinMasks[Int(value) - 0x80] }
        guard let row = row(value) else { return RoleMasks() }
        return masks[row]
    }

    @inline(__always)
    private func row(_ value: UInt32) -> Int? {
        guard value <= 0xFFFF, case let entry = rows[Int(value)], entry != 0 else { return nil }
        return Int(entry) - 1
    }
}

/// Watches characters one by one and says when the last ones, mapped back to the bytes of one of the code
/// pages, form a complete UTF-8 multi-byte sequence: the only shape mojibake can take. Correct text rarely
/// does (an accented letter followed by a symbol or by a letter of the right code page range).
struct MojibakeSequenceTracker {
    /// Pages in which the characters so far end with a lead and 0, 1 or 2 continuations still owed.
    private var owe1: UInt16 = 0, owe2: UInt16 = 0, owe3: UInt16 = 0

    /// No sequence is open: then ASCII characters leave the tracker as it is and return false.
    var isIdle: Bool { owe1 | owe2 | owe3 == 0 }

    /// Adds a character; true when it completes a would-be UTF-8 sequence in some page (a space may stand for
    /// the no-break space of byte 0xA0: 'Ã ' for 'à').
    @inline(__always)
    mutating func add(_ value: UInt32) -> Bool {
        if value < 0x80 { return addASCII(value, noBreakSpaceAtA0: MojibakeCodePages.shared.noBreakSpaceAtA0) }
        return add(roles: MojibakeCodePages.shared.roles(value))
    }

    /// `add` of an ASCII character, with `MojibakeCodePages.noBreakSpaceAtA0` read once by the caller.
    @inline(__always)
    mutating func addASCII(_ value: UInt32, noBreakSpaceAtA0: UInt16) -> Bool {
        if value == 0x20, owe1 & noBreakSpaceAtA0 != 0 { return true }
        owe1 = 0; owe2 = 0; owe3 = 0
        return false
    }

    /// `add` of a non-ASCII character, given its roles (`MojibakeCodePages.roles`).
    @inline(__always)
    mutating func add(roles r: MojibakeCodePages.RoleMasks) -> Bool {
        if owe1 & r.continuation != 0 { return true }
        owe1 = owe2 & r.continuation | r.lead2
        owe2 = owe3 & r.continuation | r.lead3
        owe3 = r.lead4
        return false
    }
}
