import Foundation

/// One accepted finding, identified by content rather than line number so that it survives rows being added
/// or moved: file path + rule + field + the cell values the diagnostic quotes (as a SHA-256 `hash`, or the
/// plain `value` when written by hand). A diagnostic without values is identified by its message with digits
/// blanked out (line numbers change; the finding does not).
public struct Suppression: Codable, Sendable, Hashable {
    public var path: String
    public var rule: String
    public var field: String?
    public var hash: String?
    public var value: String?

    public init(path: String, rule: String, field: String?, hash: String?, value: String? = nil) {
        self.path = path
        self.rule = rule
        self.field = field
        self.hash = hash
        self.value = value
    }

    public var summary: String {
        "\(rule) in \(path)\(field.map { " (\($0))" } ?? "")"
    }
}

/// The suppressions file of `--write-suppressions` / `--suppressions`.
public struct SuppressionFile: Codable, Sendable {
    public var version: Int
    public var suppressions: [Suppression]

    public init(suppressions: [Suppression]) {
        version = 1
        self.suppressions = suppressions
    }
}

public enum Suppressions {
    /// What a diagnostic's identity is made of, before hashing.
    static func content(_ d: Diagnostic) -> String {
        if !d.values.isEmpty { return d.values.joined(separator: "\u{1F}") }
        return String(String.UnicodeScalarView(d.message.unicodeScalars.map { $0.properties.numericType != nil ? "#" : $0 }))
    }

    /// `hmac-sha256:` and the HMAC of the content under the salt (see `SuppressionSalt`); files written
    /// before salting hold `sha256:` and the plain digest, which still match.
    public static func fingerprint(_ d: Diagnostic, salt: [UInt8]?) -> String {
        guard let salt else { return "sha256:" + SHA256.hex(content(d)) }
        return "hmac-sha256:" + SuppressionSalt.hex(SHA256.hmac(key: salt, message: Array(content(d).utf8)))
    }

    static func normalize(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    /// One entry per distinct finding of the reports, in report order.
    public static func entries(for reports: [FileReport], salt: [UInt8]?) -> [Suppression] {
        var seen = Set<Suppression>()
        var out: [Suppression] = []
        for report in reports {
            for d in report.diagnostics {
                let entry = Suppression(path: normalize(report.path), rule: d.rule, field: d.field, hash: fingerprint(d, salt: salt))
                if seen.insert(entry).inserted { out.append(entry) }
            }
        }
        return out
    }

    /// The entries of a suppressions file and the salt its fingerprints need (nil when none is salted).
    public static func loadWithSalt(_ path: String) throws -> (entries: [Suppression], salt: [UInt8]?) {
        let entries = try load(path)
        guard entries.contains(where: { $0.hash?.hasPrefix("hmac-") == true }) else { return (entries, nil) }
        guard let salt = try SuppressionSalt.load(for: path) else {
            throw ConfigError("\(path): salted suppressions need \(SuppressionSalt.path(for: path)), written with them")
        }
        return (entries, salt)
    }

    public static func load(_ path: String) throws -> [Suppression] {
        guard let data = StreamedFile.contents(atPath: path) else { throw ConfigError("\(path): cannot read suppressions file") }
        do {
            let file = try JSONDecoder().decode(SuppressionFile.self, from: data)
            guard file.version == 1 else { throw ConfigError("\(path): unsupported suppressions version \(file.version)") }
            for (i, s) in file.suppressions.enumerated() where s.hash == nil && s.value == nil {
                throw ConfigError("\(path): suppression \(i + 1) (\(s.summary)) has neither \"hash\" nor \"value\"")
            }
            return file.suppressions
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError("\(path): invalid suppressions file: \(error)")
        }
    }

    public static func write(_ entries: [Suppression], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(SuppressionFile(suppressions: entries))
        do {
            try OutputTarget(path).write(String(decoding: data, as: UTF8.self) + "\n")
        } catch let error as InputError {
            throw ConfigError("cannot write suppressions: \(error.description)")
        }
    }

    static func matches(_ s: Suppression, _ d: Diagnostic, path: String, salt: [UInt8]?) -> Bool {
        guard s.path == path, s.rule == d.rule || s.rule == d.code, s.field == d.field else { return false }
        if let hash = s.hash { return hash == fingerprint(d, salt: hash.hasPrefix("hmac-") ? salt : nil) }
        if let value = s.value { return d.values == [value] || content(d) == value || d.values.joined(separator: " + ") == value }
        return false
    }

    /// Removes suppressed diagnostics. Returns how many were removed and the entries for the linted files
    /// that no longer match anything (entries for files not linted in this run are not judged).
    public static func apply(_ entries: [Suppression], to results: inout [LintResult], salt: [UInt8]?) -> (suppressed: Int, stale: [Suppression]) {
        let filter = SuppressionFilter(entries, salt: salt)
        var suppressed = 0
        for r in results.indices {
            let path = results[r].report.path
            results[r].report.diagnostics.removeAll { d in
                let hit = filter.suppresses(d, path: path)
                if hit { suppressed += 1 }
                return hit
            }
        }
        return (suppressed, filter.stale(linted: results.map(\.report.path)))
    }
}
