import Foundation
import Testing
@testable import ImportLintCore

/// Every input is read once: pipes, FIFOs, `-`, `/dev/stdin` and process substitution are copied into a
/// private temporary file when a second pass needs them, for check and fix alike, and the copy goes
/// afterwards, on SIGTERM too (issue 11, items 2 and 8).
@Suite struct InputOnceTests {
    static func shell(_ script: String, in dir: URL, tmp: URL) throws -> TestSupport.ProcessResult {
        try TestSupport.run("/bin/bash", ["-c", script], cwd: dir, environment: ["TMPDIR": tmp.path])
    }

    static func leftovers(_ tmp: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.contains("importlint") }
    }

    @Test func pipesAndFIFOsAreReadOnce() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let tmp = try TestSupport.temporaryDirectory()
        try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("people.csv"))
        let direct = try TestSupport.run(bin, ["check", "people.csv", "--no-config", "--format", "json"], cwd: dir)
        let records = "\"records\" : 2"
        #expect(direct.stdout.contains(records))
        for source in ["/dev/stdin < people.csv", "/dev/stdin < <(cat people.csv)", "- < <(cat people.csv)", "<(cat people.csv)"] {
            let r = try Self.shell("'\(bin)' check --no-config --format json \(source)", in: dir, tmp: tmp)
            #expect(r.status == 1 && r.stdout.contains(records), "\(source): \(r.stdout)\(r.stderr)")
        }
        let fifo = try Self.shell("mkfifo f && (cat people.csv > f &) && timeout 20 '\(bin)' check --no-config --format json f", in: dir, tmp: tmp)
        #expect(fifo.status == 1 && fifo.stdout.contains(records), "\(fifo.stderr)")

        #expect(try TestSupport.run(bin, ["fix", "people.csv", "--no-config", "-o", "direct.csv"], cwd: dir).status == 0)
        let expected = try String(contentsOf: dir.appendingPathComponent("direct.csv"), encoding: .utf8)
        #expect(expected.split(separator: "\n").count == 3)
        for source in ["/dev/stdin < <(cat people.csv)", "- < <(cat people.csv)", "<(cat people.csv)"] {
            let r = try Self.shell("'\(bin)' fix --no-config -o piped.csv \(source)", in: dir, tmp: tmp)
            #expect(r.status == 0, "\(source): \(r.stderr)")
            #expect(try String(contentsOf: dir.appendingPathComponent("piped.csv"), encoding: .utf8) == expected, "\(source)")
        }
        let diff = try Self.shell("cat people.csv | '\(bin)' fix --no-config --diff -", in: dir, tmp: tmp)
        #expect(diff.status == 0 && diff.stderr.hasPrefix("<stdin>: 2 records"), "\(diff.stdout)\(diff.stderr)")
        let inPlace = try Self.shell("cat people.csv | '\(bin)' fix --no-config --in-place /dev/stdin", in: dir, tmp: tmp)
        #expect(inPlace.status == 2 && inPlace.stderr.contains("--in-place cannot replace it"), "\(inPlace.stderr)")
        #expect(try Self.leftovers(tmp).isEmpty)
    }

    /// SIGTERM while the input is still arriving leaves no temporary copy behind.
    @Test func signalRemovesTheTemporaryCopy() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let tmp = try TestSupport.temporaryDirectory()
        let script = """
            mkfifo f
            (printf 'Primary Email,Name\\na@b.test,A\\n'; exec sleep 30) > f 2>/dev/null & writer=$!
            python3 -c "$UNBLOCK" '\(bin)' check --no-config f & pid=$!
            for i in $(seq 100); do ls -A "$TMPDIR" | grep -q importlint && break; sleep 0.1; done
            ls -A "$TMPDIR" | grep -c importlint; kill -TERM $pid; wait $pid; echo "status $?"; kill -KILL $writer
            """
        // The test runner starts processes with signals blocked; the command runs with them unblocked.
        let unblock = "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])"
        let r = try TestSupport.run("/bin/bash", ["-c", script], cwd: dir, environment: ["TMPDIR": tmp.path, "UNBLOCK": unblock])
        #expect(r.stdout.hasPrefix("1\n"), "the copy should exist while the input is read: \(r.stdout)")
        #expect(r.stdout.contains("status 143"), "\(r.stdout)\(r.stderr)")
        #expect(try Self.leftovers(tmp).isEmpty)
    }

    /// Settings files given as `<(...)` are read once too: a run asks for its profile when it validates the
    /// arguments, for each lint and in each fix round, and for the configuration once per file.
    @Test func settingsFromProcessSubstitutionAreReadOnce() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let tmp = try TestSupport.temporaryDirectory()
        try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("people.csv"))
        try TestSupport.write(CLITests.bad, to: dir.appendingPathComponent("more.csv"))
        try TestSupport.write(try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("rules/profiles/receptionist.yml"), encoding: .utf8),
                              to: dir.appendingPathComponent("profile.yml"))
        try TestSupport.write("ignore: [unknown-column]\n", to: dir.appendingPathComponent("config.yml"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: true)
        for (file, substituted) in [("profile.yml", "--profile <(cat profile.yml)"), ("config.yml", "--config <(cat config.yml)")] {
            let option = substituted.components(separatedBy: " ")[0]
            let direct = try Self.shell("'\(bin)' check --format json \(option) \(file) people.csv more.csv", in: dir, tmp: tmp)
            let piped = try Self.shell("'\(bin)' check --format json \(substituted) people.csv more.csv", in: dir, tmp: tmp)
            // The same report, but for the name of the configuration file.
            let sameReport = piped.stdout.replacing(/\/dev\/fd\/[0-9]+/, with: file) == direct.stdout
            #expect(piped.status == direct.status && sameReport, "\(substituted): \(piped.stdout)\(piped.stderr)")
            #expect(try TestSupport.run("/bin/bash", ["-c", "'\(bin)' fix \(option) \(file) -o out people.csv more.csv && mv out/people.csv expected.csv"], cwd: dir).status == 0)
            let fixed = try Self.shell("'\(bin)' fix \(substituted) -o out people.csv more.csv", in: dir, tmp: tmp)
            #expect(fixed.status == 0, "\(substituted): \(fixed.stderr)")
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/people.csv")) == Data(contentsOf: dir.appendingPathComponent("expected.csv")))
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/more.csv")) == Data(contentsOf: dir.appendingPathComponent("expected.csv")))
        }
        #expect(try Self.leftovers(tmp).isEmpty)
    }
}
