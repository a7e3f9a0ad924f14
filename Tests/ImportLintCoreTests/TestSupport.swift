import Foundation
@testable import ImportLintCore

/// Helpers for the CI-gate tests: temporary folders, running processes, the built `importlint` binary.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Makes the package root the working directory, once: fixture arguments name paths relative to it, as
    /// a user typing them there would (`swift test` usually runs there already).
    static func enterPackageRoot() {
        _ = enteredPackageRoot
    }

    private static let enteredPackageRoot = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)

    /// Every test folder lives in one folder per test process, removed when the process exits, so that runs
    /// of the suite leave nothing behind in the temporary directory.
    private static let processFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("importlint-tests-\(getpid())")
        atexit { try? FileManager.default.removeItem(at: TestSupport.processFolder) }
        return url
    }()

    static func temporaryDirectory() throws -> URL {
        let url = processFolder.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    static func write(_ text: String, to url: URL) throws -> URL {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program (looked up on PATH when not a path) and collects its output.
    static func run(_ program: String, _ arguments: [String], cwd: URL? = nil, stdin: String? = nil,
                    environment: [String: String] = [:]) throws -> ProcessResult {
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        if let cwd { process.currentDirectoryURL = cwd }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so that a full pipe never blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Whether a program is on PATH.
    static func onPath(_ program: String) -> Bool {
        (try? run("/bin/sh", ["-c", "command -v \(program)"]).status) == 0
    }

    /// The `importlint` executable that `swift build` / `swift test` produced, or nil.
    static var importlint: String? {
        for config in ["debug", "release"] {
            let path = packageRoot.appendingPathComponent(".build/\(config)/importlint").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// The charset judge's verdict on `fixtures/legacy-encoding/<name>.csv`.
    static func judgedLegacyFixture(_ name: String) throws -> CharsetGuess {
        CharsetJudge.judge(Array(try Data(contentsOf: packageRoot.appendingPathComponent("fixtures/legacy-encoding/\(name).csv"))))
    }

    /// Lints text as a file of the given name (in memory).
    static func lint(_ text: String, name: String = "people.csv", options: LintOptions = LintOptions()) throws -> LintResult {
        try Linter(options: options).lint(.bytes(Array(text.utf8), displayPath: name))
    }
}
