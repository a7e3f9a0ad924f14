import CSV
import Foundation

enum CSVSwiftRun {
    /// yaslab/CSV.swift streaming from an InputStream; every row's cells touched.
    static func run(path: String, bytes: Int, delimiter: UInt8) throws -> Measurement {
        try measure("CSV.swift", bytes: bytes) {
            guard let stream = InputStream(fileAtPath: path) else { throw BenchError("cannot open \(path)") }
            let csv = try CSVReader(stream: stream, delimiter: UnicodeScalar(delimiter))
            var records = 0, fields = 0
            var checksum: UInt64 = 0
            while let row = csv.next() {
                records += 1
                fields += row.count
                for cell in row {
                    checksum &+= UInt64(cell.utf8.count)
                    if let first = cell.utf8.first { checksum &+= UInt64(first) }
                }
            }
            var note = ""
            if let error = csv.error {
                // On Linux, Foundation's InputStream.hasBytesAvailable stays true at the end of a file, so
                // CSV.swift's byte iterator reads once more, gets 0 bytes and reports cannotReadFile after
                // the last row. Any other error is real.
                guard case CSVError.cannotReadFile = error else { throw BenchError("CSV.swift: \(error)") }
                note = "ended with CSVError.cannotReadFile at end of file (Linux InputStream quirk); rows complete"
            }
            return (records, fields, checksum, note)
        }
    }
}
