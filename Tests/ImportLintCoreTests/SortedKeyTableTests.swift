import Testing
@testable import ImportLintCore

/// `SortedKeyTable`: a table is read only when every line is well formed and its keys ascend by bytes.
@Suite struct SortedKeyTableTests {
    @Test func looksUpKeysOfEachKind() throws {
        let table = try #require(SortedKeyTable("# comment\nname\tnew york\tUS\nname\tnew york city\tUS\ncode\tnl\tNL\nname\tparis\tFR\n",
                                                kinds: ["name", "code"]))
        #expect(table.value(of: "new york", kind: 0) == "US")
        #expect(table.value(of: "paris", kind: 0) == "FR")
        #expect(table.value(of: "nl", kind: 1) == "NL")
        #expect(table.value(of: "nl", kind: 0) == nil)
        #expect(table.value(of: "new", kind: 0) == nil)
        #expect(table.startsKey("new", kind: 0))
        #expect(!table.startsKey("par", kind: 0))
    }

    @Test func refusesUnsortedKeysUnknownKindsAndControlBytes() {
        #expect(SortedKeyTable("name\tparis\tFR\nname\tberlin\tDE\n", kinds: ["name"]) == nil)
        #expect(SortedKeyTable("town\tparis\tFR\n", kinds: ["name"]) == nil)
        #expect(SortedKeyTable("name\tberlin\tDE\r\nname\tparis\tFR\r\n", kinds: ["name"]) == nil)
    }
}
