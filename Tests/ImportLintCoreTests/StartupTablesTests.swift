import CICU
import Testing
@testable import ImportLintCore

/// Start-up shortcuts past ICU's costlier tables must give ICU's own answers.
@Suite struct StartupTablesTests {
    /// A locale's region is known without ICU's region table when it is in ICU's ISO 3166 list
    /// (`region_known` in CICU/text.c): the region table must know every code of that list.
    @Test func everyISOCountryIsARegionICUKnows() {
        let codes = (0..<cicu_region_count()).compactMap { cicu_region_code($0).map { String(cString: $0) } }
        #expect(codes.count > 240)
        for code in codes {
            #expect(ICUBridge.regionAlpha2(code) == code, "ICU's region table does not know \(code)")
            #expect(ICUBridge.checkLocale("en-\(code)").regionKnown)
        }
        #expect(!ICUBridge.checkLocale("en-XY").regionKnown)
        #expect(ICUBridge.checkLocale("es-419").regionKnown)
    }

    /// The code pages are read from ICU in one conversion each; undefined bytes stay undefined.
    @Test func codePagesReadAsICUDefinesThem() {
        let pages = MojibakeCodePages.shared
        let index = { (icu: String) in MojibakeCodePages.pages.firstIndex { $0.icu == icu }! }
        #expect(pages.decode[index("windows-1252")][0x80] == "\u{20AC}")
        #expect(pages.decode[index("windows-1251")][0xC0] == "\u{0410}")
        #expect(pages.decode[index("windows-1253")][0xD2] == nil && pages.decode[index("windows-1253")][0xFF] == nil)
        #expect(pages.decode[index("macintosh")][0xF0] == "\u{F8FF}")
        #expect((0..<0x80).allSatisfy { pages.decode[index("windows-1252")][$0]?.value == UInt32($0) })
        // ICU's DOS pages move three controls about.
        #expect(pages.decode[index("ibm-437")][0x1A] == "\u{1C}" && pages.decode[index("ibm-437")][0x7F] == "\u{1A}")
        #expect(pages.byte("\u{0410}", page: index("windows-1251")) == 0xC0)
        #expect(pages.byte("\u{0410}", page: index("windows-1252")) == nil)
    }
}
