import Foundation
import Yams

/// A configuration problem, reported as `path:line: message` with exit status 2.
public struct ConfigError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// One `.importlint.yml`. Every key is optional; an unknown key is an error (a misspelled key must not
/// silently do nothing). Globs and paths are relative to the file's folder.
public struct ConfigFile: Sendable {
    public static let fileName = ".importlint.yml"
    public static let keys = ["profile", "profiles", "select", "ignore", "severity", "per-file-ignores",
                              "default-region", "known-organizations", "locales", "fail-on", "baseline", "allowed-tlds", "service-accounts", "exclude"]

    public let path: String
    /// Absolute folder of the file; globs and relative paths start here.
    public let directory: String
    public var profile: String?
    /// Profile per glob, first match wins.
    public var profiles: [GlobEntry<String>] = []
    public var select: [String]?
    public var ignore: [String] = []
    public var severity: [String: Severity] = [:]
    public var perFileIgnores: [GlobEntry<[String]>] = []
    public var defaultRegion: String?
    /// Absolute path.
    public var knownOrganizations: String?
    /// Locale tags the account offers beyond the profile's documented list.
    public var locales: [String] = []
    public var failOn: Severity?
    /// Fraction of the baseline's records (0.1 = 10%).
    public var baselineThreshold: Double?
    /// Lowercase top-level domains accepted beyond IANA's list (undeliverable-email-domain).
    public var allowedTLDs: [String] = []
    /// Patterns added to and removed from the shipped service-account list.
    public var serviceAccountsAdded: [String] = []
    public var serviceAccountsRemoved: [String] = []
    /// Files and folders that commands given a folder (or the file itself) leave out.
    public var exclude: [Glob] = []

    public struct GlobEntry<Value: Sendable>: Sendable {
        public let glob: Glob
        public let value: Value
    }

    public static func load(_ path: String) throws -> ConfigFile {
        guard let data = StreamedFile.contents(atPath: path) else { throw ConfigError("\(path): cannot read configuration file") }
        guard let text = String(data: data, encoding: .utf8) else { throw ConfigError("\(path): configuration is not UTF-8") }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws -> ConfigFile {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var config = ConfigFile(path: path, directory: absolute.deletingLastPathComponent().path)
        if let line = YAMLNesting.tooDeep(text) {
            throw ConfigError("\(path):\(line): nesting deeper than \(YAMLNesting.limit) levels; a configuration never needs that many")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigError("\(path): invalid YAML: \(String(describing: error).split(separator: "\n").joined(separator: " "))")
        }
        guard let root else { return config }  // an empty file configures nothing
        let p = NodeReader(path: path)
        for (keyNode, value) in try p.mapping(root, what: "the configuration") {
            guard let key = keyNode.string else { throw p.error(keyNode, "configuration keys must be strings") }
            switch key {
            case "profile": config.profile = try p.resolvedProfile(value, directory: config.directory)
            case "profiles":
                config.profiles = try p.mapping(value, what: "'profiles' (glob: profile)").map { glob, profile in
                    GlobEntry(glob: try p.glob(glob), value: try p.resolvedProfile(profile, directory: config.directory))
                }
            case "select": config.select = try p.rules(value)
            case "ignore": config.ignore = try p.rules(value)
            case "severity":
                for (rule, level) in try p.mapping(value, what: "'severity' (rule: error|warning|info|off)") {
                    let name = try p.rules(rule)
                    guard let text = level.string?.lowercased() else { throw p.error(level, "severity must be error, warning, info or off") }
                    if text == "off" { config.ignore += name; continue }
                    guard let s = Severity(rawValue: text) else { throw p.error(level, "unknown severity '\(text)' (use error, warning, info or off)") }
                    for n in name { config.severity[n] = s }
                }
            case "exclude":
                config.exclude = try p.strings(value, what: "an exclude glob").map { Glob($0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0) }
            case "per-file-ignores":
                config.perFileIgnores = try p.mapping(value, what: "'per-file-ignores' (glob: [rules])").map { glob, rules in
                    GlobEntry(glob: try p.glob(glob), value: try p.rules(rules))
                }
            case "default-region":
                let region = try p.string(value, what: "default-region")
                guard region.count == 2, region.allSatisfy(\.isLetter) else {
                    throw p.error(value, "default-region must be an ISO 3166 alpha-2 code such as US or NL")
                }
                config.defaultRegion = region.uppercased()
            case "known-organizations":
                let file = p.resolve(try p.string(value, what: "known-organizations"), directory: config.directory)
                guard FileManager.default.fileExists(atPath: file) else { throw p.error(value, "known-organizations file \(file) not found") }
                config.knownOrganizations = file
            case "locales":
                let items: [Node] = value.sequence.map(Array.init) ?? [value]
                for item in items {
                    let tag = try p.string(item, what: "a locale tag")
                    guard tag.count <= 35, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                        throw p.error(item, "'\(tag)' is not a locale tag (write BCP 47 tags such as en-GB)")
                    }
                    config.locales.append(tag)
                }
            case "fail-on":
                let text = try p.string(value, what: "fail-on").lowercased()
                guard let s = Severity(rawValue: text) else { throw p.error(value, "fail-on must be error, warning or info") }
                config.failOn = s
            case "baseline":
                for (k, v) in try p.mapping(value, what: "'baseline'") {
                    guard k.string == "threshold" else { throw p.error(k, "unknown key 'baseline.\(k.string ?? "?")' (known: threshold)") }
                    config.baselineThreshold = try p.percentage(v)
                }
            case "allowed-tlds":
                config.allowedTLDs = try p.strings(value, what: "allowed-tlds").map { tld in
                    let name = (tld.hasPrefix(".") ? String(tld.dropFirst()) : tld).lowercased()
                    guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                        throw p.error(value, "allowed-tlds: '\(tld)' is not a top-level domain (such as corp or .example)")
                    }
                    return name
                }
            case "service-accounts":
                for (k, v) in try p.mapping(value, what: "'service-accounts' (add: [patterns], remove: [patterns])") {
                    let patterns = try p.strings(v, what: "service-accounts.\(k.string ?? "?")")
                    for pattern in patterns where ServiceAccountPattern(pattern) == nil {
                        throw p.error(v, "service-accounts: '\(pattern)' must name an account, with at most one '*'")
                    }
                    switch k.string {
                    case "add": config.serviceAccountsAdded = patterns
                    case "remove": config.serviceAccountsRemoved = patterns
                    default: throw p.error(k, "unknown key 'service-accounts.\(k.string ?? "?")' (known: add, remove)")
                    }
                }
            default:
                throw p.error(keyNode, "unknown key '\(key)' (known: \(keys.joined(separator: ", ")))")
            }
        }
        return config
    }

    /// The profile for a file: the first matching `profiles` glob, else `profile`.
    public func profile(for file: String) -> String? {
        let relative = relativePath(file)
        return profiles.first { $0.glob.matches(relative) }?.value ?? profile
    }

    /// Rules that `per-file-ignores` turns off for a file.
    public func ignores(for file: String) -> [String] {
        let relative = relativePath(file)
        return perFileIgnores.filter { $0.glob.matches(relative) }.flatMap(\.value)
    }

    /// Whether an `exclude` glob matches the file or folder (its path relative to this file's folder, or its name).
    public func excludes(_ path: String) -> Bool {
        let relative = relativePath(path)
        let name = (relative as NSString).lastPathComponent
        return exclude.contains { $0.matches(relative) || $0.matches(name) }
    }

    /// The file's path relative to the configuration's folder ('/'-separated); absolute when outside it.
    public func relativePath(_ file: String) -> String {
        let absolute = URL(fileURLWithPath: file).standardizedFileURL.path
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }
}

/// Reads YAML nodes with errors that name the configuration file and line.
private struct NodeReader {
    let path: String

    func error(_ node: Node, _ message: String) -> ConfigError {
        ConfigError("\(path):\(node.mark?.line ?? 1): \(message)")
    }

    func mapping(_ node: Node, what: String) throws -> [(Node, Node)] {
        guard let map = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return map.map { ($0.key, $0.value) }
    }

    func string(_ node: Node, what: String) throws -> String {
        guard let s = node.scalar?.string, !s.isEmpty else { throw error(node, "\(what) must be a non-empty string") }
        return s
    }

    /// A sequence of non-empty strings, or one string.
    func strings(_ node: Node, what: String) throws -> [String] {
        try (node.sequence.map(Array.init) ?? [node]).map { try string($0, what: what) }
    }

    /// A list of rule selectors (sequence or comma-separated string), each checked against the catalog.
    func rules(_ node: Node) throws -> [String] {
        let items: [Node] = node.sequence.map(Array.init) ?? [node]
        var names: [String] = []
        for item in items {
            guard let text = item.scalar?.string else { throw error(item, "expected rule names, codes or code prefixes") }
            for part in text.split(separator: ",").map({ $0.trimmingWhitespace() }) where !part.isEmpty {
                guard RuleCatalog.all.contains(where: { RuleSelection.matches(part, $0) }) else {
                    throw error(item, "no rule matches '\(part)' (see `importlint rules`)")
                }
                names.append(part)
            }
        }
        return names
    }

    func glob(_ node: Node) throws -> Glob {
        Glob(try string(node, what: "a glob"))
    }

    func resolve(_ path: String, directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
    }

    /// A built-in profile name, or a profile file path resolved against the configuration's folder.
    func resolvedProfile(_ node: Node, directory: String) throws -> String {
        let name = try string(node, what: "a profile")
        if ProfileLoader.builtInNames.contains(name) { return name }
        let file = resolve(name, directory: directory)
        guard FileManager.default.fileExists(atPath: file) else {
            throw error(node, "unknown profile '\(name)' (built in: \(ProfileLoader.builtInNames.joined(separator: ", ")); or a .yml path)")
        }
        return file
    }

    /// `10%`, `10` (percent) or `12.5%`, as a fraction.
    func percentage(_ node: Node) throws -> Double {
        var text = try string(node, what: "threshold").trimmingWhitespace()
        if text.hasSuffix("%") { text.removeLast() }
        guard let value = Double(text.trimmingWhitespace()), value >= 0, value <= 100 else {
            throw error(node, "threshold must be a percentage between 0% and 100%, such as 10%")
        }
        return value / 100
    }
}

/// A path glob: `*` and `?` stay within one folder, `**` crosses folders, `{a,b}` alternates, `[...]` is a
/// class. A glob without '/' matches the file name at any depth (like .gitignore).
public struct Glob: Sendable {
    public let pattern: String
    private let regex: String

    public init(_ pattern: String) {
        self.pattern = pattern
        var p = pattern.hasPrefix("./") ? String(pattern.dropFirst(2)) : pattern
        if !p.contains("/") { p = "**/" + p }
        var out = "^"
        var chars = Array(p)
        var i = 0
        var braces = 0
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "*":
                if i + 1 < chars.count && chars[i + 1] == "*" {
                    if i + 2 < chars.count && chars[i + 2] == "/" { out += "(?:.*/)?"; i += 2 } else { out += ".*"; i += 1 }
                } else { out += "[^/]*" }
            case "?": out += "[^/]"
            case "{": out += "(?:"; braces += 1
            case "}" where braces > 0: out += ")"; braces -= 1
            case "," where braces > 0: out += "|"
            case "[":
                if let close = chars[(i + 1)...].firstIndex(of: "]") {
                    var body = String(chars[(i + 1)..<close])
                    if body.hasPrefix("!") { body = "^" + body.dropFirst() }
                    out += "[" + body.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    i = close
                } else { out += "\\[" }
            default:
                out += NSRegularExpression.escapedPattern(for: String(c))
            }
            i += 1
        }
        chars = []
        regex = out + "$"
    }

    public func matches(_ path: String) -> Bool {
        path.range(of: regex, options: .regularExpression) != nil
    }
}
