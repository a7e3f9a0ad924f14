import ArgumentParser
import Foundation
import Testing
@testable import ImportLintCore
@testable import importlint

/// A temporary file that cannot be written completely fails the command and replaces nothing (issue 11,
/// item 8): fsync and close failures through the library's fault hook (no file system fails them on
/// demand), and a real full disk on a tiny tmpfs.
@Suite struct WriteFailureTests {
    static let export = "Primary Email,Name\nann@widget.test, Ann \nbob@widget.test,Bob\n"

    /// Files of `dir` other than `keep`: temporary files left behind show up here.
    static func leftovers(_ dir: URL, keep: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !keep.contains($0) }
    }

    @Test(arguments: [InjectedWriteFault.Step.sync, .close])
    func failedSyncOrCloseFailsFixAndKeepsTheInput(step: InjectedWriteFault.Step) throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = try TestSupport.write(Self.export, to: dir.appendingPathComponent("people.csv")).path
        let previous = try TestSupport.write("old output\n", to: dir.appendingPathComponent("out.csv")).path
        let fault = InjectedWriteFault(directory: OutputTarget(file).temporaryDirectory, step: step, errno: EIO)
        for arguments in [[file, "--in-place"], [file, "-o", previous]] {
            let command = try FixCommand.parse(arguments + ["--no-config"])
            // Each file's error is printed and ends the run with status 2.
            #expect(throws: ExitCode(2), "\(arguments)") {
                try InjectedWriteFault.during(fault) { try command.run() }
            }
            #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.export)
            #expect(try String(contentsOfFile: previous, encoding: .utf8) == "old output\n")
            #expect(try Self.leftovers(dir, keep: ["people.csv", "out.csv"]) == [])
        }
        // Without the fault the same command writes: the failure above was the injected one.
        try FixCommand.parse([file, "--in-place", "--no-config"]).run()
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "Primary Email,Name\nann@widget.test,Ann\nbob@widget.test,Bob\n")
    }

    /// Reports, mappings and suppressions go through the same temporary file.
    @Test func failedSyncKeepsAnExistingReport() throws {
        let dir = try TestSupport.temporaryDirectory()
        let report = try TestSupport.write("previous report\n", to: dir.appendingPathComponent("report.json")).path
        let target = OutputTarget(report)
        let fault = InjectedWriteFault(directory: target.temporaryDirectory, step: .sync, errno: ENOSPC)
        #expect { try InjectedWriteFault.during(fault) { try target.write("new report\n") } } throws: { error in
            "\(error)".contains("cannot write") && "\(error)".contains(String(cString: strerror(ENOSPC)))
        }
        #expect(try String(contentsOfFile: report, encoding: .utf8) == "previous report\n")
        #expect(try Self.leftovers(dir, keep: ["report.json"]) == [])
    }

    /// A tmpfs of 64 KB, mounted for the test (root only): the real ENOSPC of a full disk.
    static let canMount: Bool = {
        guard getuid() == 0, let dir = try? TestSupport.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard (try? TestSupport.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.path]))?.status == 0 else { return false }
        _ = try? TestSupport.run("/bin/umount", [dir.path])
        return true
    }()

    @Test(.enabled(if: canMount, "needs root and mount(8) to make a tiny tmpfs"))
    func fullDiskFailsFixAndKeepsTheInput() throws {
        let bin = try CLITests.importlint()
        let disk = try TestSupport.temporaryDirectory()
        #expect(try TestSupport.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]).status == 0)
        defer {
            _ = try? TestSupport.run("/bin/umount", [disk.path])
            try? FileManager.default.removeItem(at: disk)
        }
        // 45 KB fits once, not twice: the temporary copy runs out of space.
        var text = "Primary Email,Name\n"
        for i in 0..<1_800 { text += "p\(i)@widget.test, Ann \n" }
        let file = try TestSupport.write(text, to: disk.appendingPathComponent("people.csv")).path
        let r = try TestSupport.run(bin, ["fix", "people.csv", "--in-place", "--no-config"], cwd: disk)
        #expect(r.status == 2, "\(r.stdout)\(r.stderr)")
        #expect(r.stderr.contains(String(cString: strerror(ENOSPC))), "\(r.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
        #expect(try Self.leftovers(disk, keep: ["people.csv"]) == [])
    }
}
