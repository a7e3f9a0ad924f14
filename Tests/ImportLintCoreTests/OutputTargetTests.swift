import Foundation
import Testing
@testable import ImportLintCore

/// Reports and fixed files replace regular files atomically but never replace a device, pipe or link.
/// The write tests use a FIFO of their own: a regression must not break the machine's /dev/null.
@Suite struct OutputTargetTests {
    private func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Reads a FIFO to its end on another thread while `body` writes to it.
    private func readingFIFO(_ path: String, while body: () throws -> Void) throws -> String {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var received = Data()
        Thread.detachNewThread {
            if let handle = FileHandle(forReadingAtPath: path) { received = handle.readDataToEndOfFile() }
            done.signal()
        }
        try body()
        done.wait()
        return String(decoding: received, as: UTF8.self)
    }

    @Test func devicesAreStreamsAndDescriptorPathsDescriptors() {
        #expect(OutputTarget("/dev/null") == .stream("/dev/null"))
        #expect(OutputTarget("/dev/stdout") == .descriptor(1, path: "/dev/stdout"))
        #expect(OutputTarget("-") == .descriptor(1, path: "-"))
        #expect(OutputTarget("/dev/fd/7") == .descriptor(7, path: "/dev/fd/7"))
        #expect(OutputTarget("/proc/self/fd/2") == .descriptor(2, path: "/proc/self/fd/2"))
    }

    /// `-o /dev/fd/N` writes where descriptor N stands, as a shell's `>>` expects, without truncating.
    @Test func aDescriptorPathAppendsAtTheDescriptorsPosition() throws {
        let dir = try TestSupport.temporaryDirectory()
        let log = dir.appendingPathComponent("log.txt").path
        try TestSupport.write("earlier line\n", to: URL(fileURLWithPath: log))
        let handle = try #require(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        try OutputTarget("/dev/fd/\(handle.fileDescriptor)").write("report\n")
        handle.closeFile()
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "earlier line\nreport\n")
    }

    /// A regular file is replaced whole wherever it is, /dev/shm included: a shorter report leaves no tail.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/shm"), "needs /dev/shm"))
    func aRegularFileUnderDevIsReplaced() throws {
        let path = "/dev/shm/importlint-test-\(UUID().uuidString).json"
        defer { unlink(path) }
        try OutputTarget(path).write(String(repeating: "x", count: 1000))
        guard case .file = OutputTarget(path) else { Issue.record("a regular file is a file target"); return }
        try OutputTarget(path).write("short")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
    }

    @Test func aFIFOIsWrittenInPlace() throws {
        let dir = try TestSupport.temporaryDirectory()
        let fifo = dir.appendingPathComponent("report.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(OutputTarget(fifo) == .stream(fifo))
        let text = try readingFIFO(fifo) { try OutputTarget(fifo).write("{\"files\" : []}\n") }
        #expect(text == "{\"files\" : []}\n")
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aFileIsReplacedKeepingItsModeAndLinks() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("report.json").path
        try TestSupport.write("old", to: URL(fileURLWithPath: file))
        chmod(file, 0o640)
        let link = dir.appendingPathComponent("latest.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)

        try OutputTarget(link).write("new\n")
        #expect(fileType(link) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        var info = stat()
        stat(file, &info)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["latest.json", "report.json"])

        let fresh = dir.appendingPathComponent("fresh.json").path
        try OutputTarget(fresh).write("x")
        #expect(try String(contentsOfFile: fresh, encoding: .utf8) == "x")
        #expect(throws: InputError.self) { try OutputTarget(dir.appendingPathComponent("missing/r.json").path).write("x") }
    }

    @Test
    func checkAndFixWriteIntoAFIFO() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let input = try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("people.csv"))
        let fifo = dir.appendingPathComponent("out.pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)

        let report = try readingFIFO(fifo) {
            let r = try TestSupport.run(bin, ["check", input.path, "--format", "json", "-o", fifo, "--no-config"], cwd: dir)
            #expect(r.status == 1, "\(r.stderr)")
        }
        #expect(report.contains("\"duplicate-identifier\""))
        #expect(fileType(fifo) == S_IFIFO)

        let fixed = try readingFIFO(fifo) {
            let r = try TestSupport.run(bin, ["fix", input.path, "-o", fifo], cwd: dir)
            #expect(r.status == 0, "\(r.stderr)")
        }
        #expect(fixed.hasPrefix("First Name,Last Name,Email"))
        #expect(fileType(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.pipe", "people.csv"])
    }
}
