import Foundation
import Testing
@testable import ImportLintCore

@Suite struct ConfigTests {
    @Test func parsesEveryKey() throws {
        let dir = try TestSupport.temporaryDirectory()
        try TestSupport.write("Widget USA\n", to: dir.appendingPathComponent("orgs.txt"))
        let config = try ConfigFile.parse("""
            profile: receptionist
            profiles:
              "4me/*.tsv": 4me-people
            select: [ALL]
            ignore: unknown-column, STR006
            severity:
              removed-identifiers: error
              blank-line: off
            per-file-ignores:
              "legacy/**/*.csv": [byte-order-mark]
            default-region: nl
            known-organizations: orgs.txt
            locales: [en-GB, de-CH]
            fail-on: warning
            baseline:
              threshold: 12.5%
            """, path: dir.appendingPathComponent(".importlint.yml").path)
        #expect(config.locales == ["en-GB", "de-CH"])
        #expect(config.profile == "receptionist")
        #expect(config.profile(for: dir.appendingPathComponent("4me/a.tsv").path) == "4me-people")
        #expect(config.profile(for: dir.appendingPathComponent("other/a.tsv").path) == "receptionist")
        #expect(config.select == ["ALL"])
        #expect(config.ignore == ["unknown-column", "STR006", "blank-line"])
        #expect(config.severity == ["removed-identifiers": .error])
        #expect(config.ignores(for: dir.appendingPathComponent("legacy/2024/x.csv").path) == ["byte-order-mark"])
        #expect(config.ignores(for: dir.appendingPathComponent("x.csv").path).isEmpty)
        #expect(config.defaultRegion == "NL")
        #expect(config.knownOrganizations == dir.appendingPathComponent("orgs.txt").standardizedFileURL.path)
        #expect(config.failOn == .warning)
        #expect(config.baselineThreshold == 0.125)
    }

    @Test func unknownKeysNameFileAndLine() {
        #expect { try ConfigFile.parse("select: [ALL]\n\nfial-on: warning\n", path: "cfg/.importlint.yml") } throws: { error in
            "\(error)".hasPrefix("cfg/.importlint.yml:3: unknown key 'fial-on'")
        }
        #expect { try ConfigFile.parse("baseline:\n  treshold: 5\n", path: "c.yml") } throws: { error in
            "\(error)".hasPrefix("c.yml:2: unknown key 'baseline.treshold'")
        }
        #expect { try ConfigFile.parse("ignore: [no-such-rule]\n", path: "c.yml") } throws: { error in
            "\(error)".hasPrefix("c.yml:1: no rule matches 'no-such-rule'")
        }
        #expect { try ConfigFile.parse("severity:\n  blank-line: fatal\n", path: "c.yml") } throws: { error in
            "\(error)".hasPrefix("c.yml:2: unknown severity 'fatal'")
        }
        #expect { try ConfigFile.parse("locales: [en_GB.UTF-8]\n", path: "c.yml") } throws: { error in
            "\(error)".hasPrefix("c.yml:1: 'en_GB.UTF-8' is not a locale tag")
        }
        #expect { try ConfigFile.parse("select: [ALL\n", path: "c.yml") } throws: { error in
            "\(error)".hasPrefix("c.yml: invalid YAML")
        }
    }

    @Test func starterConfigParsesAndConfiguresNothing() throws {
        let config = try ConfigFile.parse(StarterConfig.text, path: "/tmp/.importlint.yml")
        #expect(config.profile == nil && config.select == nil && config.ignore.isEmpty && config.failOn == nil)
        #expect(config.locales.isEmpty)
        #expect(StarterConfig.text.contains("# locales: "))
        // Uncommented, every example setting is valid too (paths aside).
        let uncommented = StarterConfig.text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let s = String(line)
            let isSetting = s.range(of: #"^# [a-z-]+:( |$)"#, options: .regularExpression) != nil || s.hasPrefix("#   ")
            return isSetting && !s.contains("known-organizations") ? String(s.dropFirst(2)) : s
        }.joined(separator: "\n")
        let full = try ConfigFile.parse(uncommented, path: "/tmp/.importlint.yml")
        #expect(full.profile == "receptionist")
        #expect(full.profiles.count == 3)
        #expect(full.baselineThreshold == 0.10)
    }

    @Test func closestConfigWins() throws {
        let root = try TestSupport.temporaryDirectory()
        try TestSupport.write("fail-on: info\n", to: root.appendingPathComponent(".importlint.yml"))
        try TestSupport.write("fail-on: warning\n", to: root.appendingPathComponent("a/.importlint.yml"))
        // The walk ends at the repository root (see ConfigBoundaryTests).
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let resolver = try ConfigResolver(configPath: nil, noConfig: false)
        #expect(try resolver.config(forFile: root.appendingPathComponent("a/b/c/x.csv").path)?.failOn == .warning)
        #expect(try resolver.config(forFile: root.appendingPathComponent("a/x.csv").path)?.failOn == .warning)
        #expect(try resolver.config(forFile: root.appendingPathComponent("z/x.csv").path)?.failOn == .info)
        #expect(try resolver.config(forFile: root.appendingPathComponent("x.csv").path)?.failOn == .info)

        let none = try ConfigResolver(configPath: nil, noConfig: true)
        #expect(try none.config(forFile: root.appendingPathComponent("a/x.csv").path) == nil)

        let explicit = try ConfigResolver(configPath: root.appendingPathComponent(".importlint.yml").path, noConfig: false)
        #expect(try explicit.config(forFile: root.appendingPathComponent("a/x.csv").path)?.failOn == .info)
    }

    @Test func commandLineOverridesConfiguration() throws {
        let dir = try TestSupport.temporaryDirectory()
        let config = try ConfigFile.parse("""
            select: [STR]
            ignore: [blank-line]
            per-file-ignores:
              "old-*.csv": [STR005]
            fail-on: warning
            default-region: NL
            baseline: {threshold: 20}
            """, path: dir.appendingPathComponent(".importlint.yml").path)
        let plain = CommandLineSettings(base: LintOptions())
        let (options, failOn) = plain.resolve(file: dir.appendingPathComponent("old-people.csv").path, config: config)
        #expect(options.selection.select == ["STR"])
        #expect(options.selection.ignore == ["blank-line", "STR005"])
        #expect(options.defaultRegion == "NL")
        #expect(options.recordCountDropThreshold == 0.20)
        #expect(failOn == .warning)
        #expect(!options.selection.isEnabled(.unknownColumn))

        var base = LintOptions(selection: RuleSelection(select: ["ALL"], ignore: ["ENC"]), defaultRegion: "US")
        base.recordCountDropThreshold = 0.10
        let cli = CommandLineSettings(base: base, failOn: .error, baselineThreshold: 0.05)
        let (o2, f2) = cli.resolve(file: dir.appendingPathComponent("people.csv").path, config: config)
        #expect(o2.selection.select == ["ALL"])
        #expect(o2.selection.ignore == ["blank-line", "ENC"])
        #expect(o2.defaultRegion == "US")
        #expect(o2.recordCountDropThreshold == 0.05)
        #expect(f2 == .error)
    }

    @Test func perFileIgnoresSilenceRulesInMatchingFilesOnly() throws {
        let dir = try TestSupport.temporaryDirectory()
        let config = try ConfigFile.parse("per-file-ignores:\n  \"legacy/*.csv\": [unknown-column]\n",
                                          path: dir.appendingPathComponent(".importlint.yml").path)
        let text = "First Name,Last Name,Email,Shoe Size\nAnn,Lee,ann@widget.com,38\n"
        let settings = CommandLineSettings(base: LintOptions())
        for (name, expected) in [("legacy/a.csv", false), ("current/a.csv", true)] {
            let path = dir.appendingPathComponent(name)
            try TestSupport.write(text, to: path)
            let (options, _) = settings.resolve(file: path.path, config: config)
            let report = try Linter(options: options).lint(.path(path.path)).report
            #expect(report.diagnostics.contains { $0.rule == "unknown-column" } == expected, "\(name)")
        }
    }

    @Test func globs() {
        #expect(Glob("*.csv").matches("a/b/x.csv"))
        #expect(Glob("*.csv").matches("x.csv"))
        #expect(!Glob("a/*.csv").matches("a/b/x.csv"))
        #expect(Glob("a/**/*.csv").matches("a/b/c/x.csv"))
        #expect(Glob("a/**/*.csv").matches("a/x.csv"))
        #expect(Glob("*.{csv,tsv}").matches("x.tsv"))
        #expect(Glob("x?.csv").matches("x1.csv"))
        #expect(!Glob("x?.csv").matches("x12.csv"))
        #expect(Glob("[!a]*.csv").matches("b.csv"))
        #expect(!Glob("[!a]*.csv").matches("a.csv"))
        #expect(Glob("./exports/(old).csv").matches("exports/(old).csv"))
    }
}
