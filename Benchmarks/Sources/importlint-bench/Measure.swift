#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One timed pass of one parser over the file.
struct Measurement {
    var name: String
    var wallSeconds: Double
    var cpuSeconds: Double
    var records: Int
    var fields: Int
    var bytes: Int
    /// Peak resident set of the whole process (getrusage ru_maxrss), in KiB.
    var peakRSSKiB: Int
    /// Anything the pass computed, printed so that the work cannot be optimized away.
    var checksum: UInt64
    var note: String = ""

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / wallSeconds }
    var recordsPerSecond: Double { Double(records) / wallSeconds }

    /// The line a child process prints for the driver.
    var resultLine: String {
        "RESULT\t\(name)\t\(wallSeconds)\t\(cpuSeconds)\t\(records)\t\(fields)\t\(bytes)\t\(peakRSSKiB)\t\(checksum)\t\(note)"
    }

    init(name: String, wallSeconds: Double, cpuSeconds: Double, records: Int, fields: Int, bytes: Int,
         peakRSSKiB: Int, checksum: UInt64, note: String = "") {
        self.name = name
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.records = records
        self.fields = fields
        self.bytes = bytes
        self.peakRSSKiB = peakRSSKiB
        self.checksum = checksum
        self.note = note
    }

    init?(resultLine: Substring) {
        let parts = resultLine.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count >= 9, parts[0] == "RESULT", let wall = Double(parts[2]), let cpu = Double(parts[3]),
              let records = Int(parts[4]), let fields = Int(parts[5]), let bytes = Int(parts[6]),
              let rss = Int(parts[7]), let checksum = UInt64(parts[8]) else { return nil }
        self.init(name: String(parts[1]), wallSeconds: wall, cpuSeconds: cpu, records: records, fields: fields,
                  bytes: bytes, peakRSSKiB: rss, checksum: checksum,
                  note: parts.count > 9 ? parts[9...].joined(separator: "\t") : "")
    }
}

#if canImport(Glibc)
let rusageSelf = __rusage_who_t(RUSAGE_SELF.rawValue)
#else
let rusageSelf = RUSAGE_SELF
#endif

enum Clock {
    static func wall() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// User plus system CPU time of this process: less sensitive than wall time to other processes.
    static func cpu() -> Double {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident set size of this process in KiB (Linux reports ru_maxrss in KiB, macOS in bytes).
    static func peakRSSKiB() -> Int {
        var usage = rusage()
        getrusage(rusageSelf, &usage)
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) / 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}

/// Times `body`, which returns (records, fields, checksum, note).
func measure(_ name: String, bytes: Int, _ body: () throws -> (Int, Int, UInt64, String)) rethrows -> Measurement {
    let wall0 = Clock.wall(), cpu0 = Clock.cpu()
    let (records, fields, checksum, note) = try body()
    let wall = Clock.wall() - wall0, cpu = Clock.cpu() - cpu0
    return Measurement(name: name, wallSeconds: wall, cpuSeconds: cpu, records: records, fields: fields, bytes: bytes,
                       peakRSSKiB: Clock.peakRSSKiB(), checksum: checksum, note: note)
}

/// Picks tab or comma by counting them on the first line (the files compared here are plain exports).
func sniffDelimiter(path: String) -> UInt8 {
    guard let f = fopen(path, "rb") else { return 0x2C }
    defer { fclose(f) }
    var tabs = 0, commas = 0
    while true {
        let c = fgetc(f)
        if c == EOF || c == 0x0A || c == 0x0D { break }
        if c == 0x09 { tabs += 1 } else if c == 0x2C { commas += 1 }
    }
    return tabs > commas ? 0x09 : 0x2C
}

func fileSize(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Int(st.st_size)
}
