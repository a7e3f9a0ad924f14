import Foundation
import SwiftCSV

enum SwiftCSVRun {
    /// SwiftCSV's streaming enumerator over the whole file loaded as one String (its only input form).
    static func enumerate(path: String, bytes: Int, delimiter: UInt8) throws -> Measurement {
        try measure("SwiftCSV", bytes: bytes) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            // rowLimit 1: the initializer parses only the header, enumerateAsArray streams the rest.
            let csv = try CSV<Enumerated>(string: text, delimiter: delimiter == 0x09 ? .tab : .comma,
                                          loadColumns: false, rowLimit: 1)
            var records = 1, fields = csv.header.count
            var checksum: UInt64 = 0
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { row in
                records += 1
                fields += row.count
                for cell in row {
                    checksum &+= UInt64(cell.utf8.count)
                    if let first = cell.utf8.first { checksum &+= UInt64(first) }
                }
            }
            return (records, fields, checksum, "enumerateAsArray")
        }
    }

    /// SwiftCSV's default use: `CSV<Enumerated>(url:)` materializes every row, then `rows` is iterated.
    static func rows(path: String, bytes: Int, delimiter: UInt8) throws -> Measurement {
        try measure("SwiftCSV-rows", bytes: bytes) {
            let csv = try CSV<Enumerated>(url: URL(fileURLWithPath: path), delimiter: delimiter == 0x09 ? .tab : .comma,
                                          loadColumns: false)
            var records = 1, fields = csv.header.count
            var checksum: UInt64 = 0
            for row in csv.rows {
                records += 1
                fields += row.count
                for cell in row {
                    checksum &+= UInt64(cell.utf8.count)
                    if let first = cell.utf8.first { checksum &+= UInt64(first) }
                }
            }
            return (records, fields, checksum, "rows")
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
