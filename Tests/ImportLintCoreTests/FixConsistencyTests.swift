import Foundation
import Testing
@testable import ImportLintCore

/// `fix` applies exactly the plan it made from the bytes it read (issue 11, item 1): a file replaced or
/// rewritten during the run gets nothing written, and a second `fix --in-place` on a file being fixed
/// refuses instead of interleaving.
@Suite struct FixConsistencyTests {
    /// Big enough that a debug build spends seconds on it, so the changes below land mid-run.
    static func export(rows: Int, name: (Int) -> String) -> String {
        var text = "Primary Email,Name,Job Title\n"
        for i in 0..<rows { text += "p\(i)@widget.test, \(name(i)) ,Clerk\n" }
        return text
    }

    @Test func fingerprintSeesEveryKindOfChange() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = try TestSupport.write("a,b\n1,2\n", to: dir.appendingPathComponent("x.csv")).path
        let first = try InputFingerprint.of(path: file)
        #expect(try InputFingerprint.of(path: file) == first)
        // Same size, rewritten in place.
        try Data("a,b\n1,3\n".utf8).write(to: URL(fileURLWithPath: file))
        #expect(try InputFingerprint.of(path: file) != first)
        // Replaced by another file with the original content.
        let other = try TestSupport.write("a,b\n1,2\n", to: dir.appendingPathComponent("y.csv")).path
        let second = try InputFingerprint.of(path: file)
        #expect(rename(other, file) == 0)
        #expect(try InputFingerprint.of(path: file) != second)
    }

    /// The guard digests the input as the fixer's lint reads it, in whatever pieces the reads return, and
    /// compares that with a digest read in 64 KB pieces: the digest must not depend on the pieces.
    @Test func digestDoesNotDependOnHowTheBytesAreSplit() {
        func digest(_ bytes: [UInt8], cuts: [Int]) -> Key128 {
            var digest = ContentDigest()
            bytes.withUnsafeBufferPointer { all in
                var start = 0
                for end in cuts.sorted() + [bytes.count] {
                    digest.combine(UnsafeBufferPointer(rebasing: all[start..<end]))
                    start = end
                }
            }
            return digest.finalize()
        }
        var random = SeededRNG(seed: 15)
        for size in [0, 1, 7, 31, 32, 33, 64, 65, 100, 1000, 4099] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = digest(bytes, cuts: [])
            for _ in 0..<25 {
                let cuts = (0..<Int.random(in: 1...6, using: &random)).map { _ in Int.random(in: 0...size, using: &random) }
                #expect(digest(bytes, cuts: cuts) == whole, "\(size) bytes cut at \(cuts)")
            }
            guard size > 0 else { continue }
            var changed = bytes
            changed[Int.random(in: 0..<size, using: &random)] ^= 1 << UInt8.random(in: 0...7, using: &random)
            #expect(digest(changed, cuts: []) != whole, "\(size) bytes, one bit changed")
            #expect(digest(bytes + [0], cuts: []) != whole, "\(size) bytes and a NUL")
        }
    }

    /// What the guard compares: the digest of the bytes the fixer's lint read is the file's digest.
    @Test func fixerDigestsTheBytesItsLintRead() throws {
        let dir = try TestSupport.temporaryDirectory()
        let text = Self.export(rows: 3_000) { "Ann \($0)" }
        let file = try TestSupport.write(text, to: dir.appendingPathComponent("people.csv")).path
        let outcome = try Fixer(options: FixOptions()).fix(.path(file), temporaryDirectory: dir.path)
        if let temporary = outcome.temporaryPath { AtomicFile.discard(temporary) }
        let read = try #require(outcome.inputRead)
        #expect(read.bytes == text.utf8.count)
        #expect(read.digest == (try InputFingerprint.of(path: file)).digest)
    }

    /// Read on two cores, each part digests its own bytes: the guard compares the joined digest with the
    /// file read the same way, and the fixed file is the one a lint in one piece gives.
    @Test func fixerDigestsBothPartsOfAnInputReadOnTwoCores() throws {
        let dir = try TestSupport.temporaryDirectory()
        let text = Self.export(rows: 3_000) { "Ann \($0)" }
        let file = try TestSupport.write(text, to: dir.appendingPathComponent("people.csv")).path
        func fixed(splitAt offset: Int?) throws -> (read: (digest: Key128, bytes: Int, cut: Int?), output: Data) {
            var options = FixOptions()
            options.lint.splitOffset = offset
            let outcome = try Fixer(options: options).fix(.path(file), temporaryDirectory: dir.path)
            let temporary = try #require(outcome.temporaryPath)
            defer { AtomicFile.discard(temporary) }
            return (try #require(outcome.inputRead), try Data(contentsOf: URL(fileURLWithPath: temporary)))
        }
        let whole = try fixed(splitAt: nil)
        let split = try fixed(splitAt: text.utf8.count / 2)
        let cut = try #require(split.read.cut)
        #expect(split.read.bytes == text.utf8.count)
        #expect(split.read.digest == (try InputFingerprint.of(path: file, cut: cut)).digest)
        #expect(split.read.digest != whole.read.digest)
        #expect(split.output == whole.output)
        // One byte changed after the cut, or just before it.
        for position in [cut + 10, cut - 1] {
            var changed = Array(text.utf8)
            changed[position] = changed[position] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
            try Data(changed).write(to: URL(fileURLWithPath: file))
            #expect(try InputFingerprint.of(path: file, cut: cut).digest != split.read.digest, "byte \(position)")
        }
    }

    @Test func fileReplacedDuringTheRunGetsNothingWritten() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        let original = Self.export(rows: 40_000) { "Ann \($0)" }
        let neighbour = Self.export(rows: 40_000) { "Bob \($0 + 1)" }
        try TestSupport.write(original, to: dir.appendingPathComponent("people.csv"))
        try TestSupport.write(neighbour, to: dir.appendingPathComponent("next.csv"))
        for arguments in [["--in-place"], ["-o", "fixed.csv"]] {
            try TestSupport.write(original, to: dir.appendingPathComponent("people.csv"))
            let script = """
                '\(bin)' fix --no-config people.csv \(arguments.joined(separator: " ")) & pid=$!
                # Replace the file once the fixer has planned and started writing (its temporary file exists).
                for i in $(seq 1200); do ls -A | grep -q 'importlint-' && break; sleep 0.05; done
                cp next.csv swap.csv; mv swap.csv people.csv; wait $pid; echo "status $?"
                """
            let r = try TestSupport.run("/bin/bash", ["-c", script], cwd: dir)
            #expect(r.stdout.contains("status 2"), "\(arguments): \(r.stdout) \(r.stderr)")
            #expect(r.stderr.contains("changed while it was being fixed"), "\(r.stderr)")
            #expect(try String(contentsOf: dir.appendingPathComponent("people.csv"), encoding: .utf8) == neighbour)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("fixed.csv").path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("importlint") }.isEmpty)
    }

    @Test func secondInPlaceFixRefuses() throws {
        let bin = try CLITests.importlint()
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write(Self.export(rows: 40_000) { "Ann \($0)" }, to: dir.appendingPathComponent("people.csv"))
        let script = """
            '\(bin)' fix --no-config people.csv --in-place 2>first.err & first=$!
            # Start the second once the first holds the lock: it writes its temporary file after taking it.
            # (Probing with flock would take the lock for a moment, and a first fixer starting just then
            # would refuse instead.)
            for i in $(seq 6000); do ls -A | grep -q 'importlint-' && break; sleep 0.01; done
            '\(bin)' fix --no-config people.csv --in-place; echo "second $?"; wait $first; echo "first $?"
            """
        let r = try TestSupport.run("/bin/bash", ["-c", script], cwd: dir)
        #expect(r.stdout.contains("second 2") && r.stdout.contains("first 0"), "\(r.stdout) \(r.stderr) \((try? String(contentsOf: dir.appendingPathComponent("first.err"), encoding: .utf8)) ?? "")")
        #expect(r.stderr.contains("another importlint is fixing this file"), "\(r.stderr)")
        let fixed = try String(contentsOf: dir.appendingPathComponent("people.csv"), encoding: .utf8)
        #expect(fixed == Self.export(rows: 40_000) { "Ann \($0)" }.replacingOccurrences(of: ", Ann", with: ",Ann").replacingOccurrences(of: " ,Clerk", with: ",Clerk"))
    }
}
