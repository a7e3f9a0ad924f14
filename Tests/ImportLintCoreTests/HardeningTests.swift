import Foundation
import Testing
@testable import ImportLintCore

/// Smaller hardening items of issue 11 (item 8).
@Suite struct HardeningTests {
    /// 10 KB of nesting used to overflow the YAML parser's stack (SIGSEGV); now a one-line error.
    @Test func deepYAMLIsAClearError() throws {
        let flow = "select: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let block = "select:\n" + String(repeating: "- ", count: 5_000) + "x\n"
        for text in [flow, block] {
            #expect { try ConfigFile.parse(text, path: "deep.yml") } throws: { error in
                "\(error)".contains("deep.yml:") && "\(error)".contains("nesting deeper than 64 levels")
            }
        }
        let profile = "name: x\ncolumns: " + String(repeating: "{a: ", count: 5_000) + "1" + String(repeating: "}", count: 5_000) + "\n"
        #expect { try ProfileLoader.parse(profile, origin: "deep-profile.yml") } throws: { error in
            "\(error)".contains("deep-profile.yml:2: nesting deeper")
        }
        // Brackets in quotes and comments do not count; ordinary nesting passes.
        let quoted = "select: ['" + String(repeating: "[", count: 100) + "'] # " + String(repeating: "{", count: 100) + "\n"
        #expect(YAMLNesting.tooDeep(quoted) == nil)
        #expect(YAMLNesting.tooDeep(StarterConfig.text) == nil)
        for name in ProfileLoader.builtInNames { #expect(throws: Never.self) { try ProfileLoader.load(name) } }
    }

    /// `-o LINK` where LINK points at a file not yet made: the file is made and the link stays a link.
    @Test func danglingLinkStaysALink() throws {
        let dir = try TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let link = dir.appendingPathComponent("out.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "sub/report.txt")
        try OutputTarget(link).write("report\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: link)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try String(contentsOf: dir.appendingPathComponent("sub/report.txt"), encoding: .utf8) == "report\n")
    }
}
