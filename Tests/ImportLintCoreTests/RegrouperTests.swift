import Foundation
import Testing
@testable import ImportLintCore

/// `Regrouper` moves each key's later groups up to its first; the lines of the written file are then named
/// in the regrouped one by `lineMover`, which walks the groups for lines asked in increasing order.
@Suite struct RegrouperTests {
    /// Rows of one line each, with keys from `keys` (nil: an empty key cell), written one after another
    /// after a header line; returns the regrouper after assembly and the regrouped file's lines.
    static func regroup(_ keys: [String?]) throws -> (Regrouper, [String]) {
        let directory = NSTemporaryDirectory()
        let written = try OutputFile.temporary(in: directory, name: "regroup")
        let target = try OutputFile.temporary(in: directory, name: "regrouped")
        defer {
            AtomicFile.discard(written.path)
            AtomicFile.discard(target.path)
        }
        let regrouper = Regrouper()
        try written.write(Array("key\n".utf8))
        let headerEnd = written.offset
        for (i, key) in keys.enumerated() {
            let cell = Array((key ?? "").utf8)
            regrouper.row(key: cell.withUnsafeBufferPointer(Regrouper.key), offset: written.offset, line: i + 2, record: i + 1)
            try written.write(Array("\(key ?? "")\t\(i + 2)\n".utf8))
        }
        try written.flush()
        try regrouper.assemble(from: written, headerEnd: headerEnd, end: written.offset, endLine: keys.count + 2,
                               endRecord: keys.count + 1, into: target)
        try target.finish().wait()
        let text = try String(contentsOfFile: target.path, encoding: .utf8)
        return (regrouper, text.split(separator: "\n").map(String.init))
    }

    /// Every written line is named where the regrouped file holds it, by the walk as by the search, in
    /// increasing order and when a line before the last one asked is asked (the walk then searches).
    @Test func lineMoverNamesWhereEachLineMoved() throws {
        var keys: [String?] = []
        for i in 0..<400 { keys.append(i % 11 == 0 ? nil : ["Ann", "bob", "ANN", "eve", "Bob", "zoë", "ZOË"][(i / 3 + i % 5) % 7]) }
        let (regrouper, lines) = try Self.regroup(keys)
        #expect(regrouper.movedRows > 100)
        let mover = regrouper.lineMover()
        for line in 1...(keys.count + 1) {
            let moved = mover(line)
            #expect(moved == regrouper.movedLine(line), "line \(line)")
            // The row written on `line` (its second cell) is on `moved` in the regrouped file.
            if line > 1 { #expect(lines[moved - 1].hasSuffix("\t\(line)"), "line \(line) moved to \(moved): \(lines[moved - 1])") }
        }
        let asked = [5, 300, 7, 8, 399, 2, 2, 250, 401]
        let again = regrouper.lineMover()
        for line in asked { #expect(again(line) == regrouper.movedLine(line), "line \(line) asked out of order") }
    }
}
