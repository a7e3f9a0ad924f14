import Foundation
import Yams

public struct ProfileError: Error, CustomStringConvertible {
    public let description: String
}

/// Finds profiles by built-in name or file path, and the reference tables they name.
public enum ProfileLoader {
    public static var builtInNames: [String] { EmbeddedRules.profiles.keys.sorted() }

    public static var builtIn: [Profile] {
        builtInNames.compactMap { EmbeddedRules.profiles[$0] }
    }

    /// A built-in name (`4me-people`) or the path of a YAML profile file.
    public static func load(_ nameOrPath: String) throws -> Profile {
        if let profile = EmbeddedRules.profiles[nameOrPath] { return profile }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw ProfileError(description: "unknown profile '\(nameOrPath)' (built in: \(builtInNames.joined(separator: ", ")); or give a path to a .yml file)")
        }
        guard let data = StreamedFile.contents(atPath: nameOrPath), let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(description: "\(nameOrPath): cannot read profile file")
        }
        return try parse(text, origin: nameOrPath)
    }

    static func parse(_ text: String, origin: String) throws -> Profile {
        if let line = YAMLNesting.tooDeep(text) {
            throw ProfileError(description: "\(origin):\(line): nesting deeper than \(YAMLNesting.limit) levels; a profile never needs that many")
        }
        do {
            return try YAMLDecoder().decode(Profile.self, from: text)
        } catch let error as DecodingError {
            throw ProfileError(description: "\(origin): invalid profile: \(describe(error))")
        } catch {
            throw ProfileError(description: "\(origin): invalid profile: \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(key.stringValue)' at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(context.debugDescription) at \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let p = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return p.isEmpty ? "top level" : p
    }

    /// Lines of a reference table (`rules/tables/NAME` built in, or a path), without comments and blanks.
    public static func tableLines(_ nameOrPath: String) throws -> [String] {
        let text: String
        if let embedded = EmbeddedRules.files["tables/\(nameOrPath)"] ?? EmbeddedRules.files["tables/\(nameOrPath).txt"]
            ?? EmbeddedRules.files["tables/\(nameOrPath).tsv"] {
            text = embedded
        } else if let data = StreamedFile.contents(atPath: nameOrPath), let s = String(data: data, encoding: .utf8) {
            text = s
        } else {
            throw ProfileError(description: "unknown reference table '\(nameOrPath)'")
        }
        return lines(of: text).filter { !$0.hasPrefix("#") && !isBlank($0) }
    }

    /// The text's lines, split where `Character.isNewline` splits (LF, VT, FF, CR, NEL, LS, PS; a CRLF
    /// leaves an empty line between, and empty lines are dropped), scanning bytes: Character-wise
    /// splitting and Foundation's trimming made reading the TLD list a tenth of a small file's run.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        forEachLine(of: text) { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    /// Calls `body` with the bytes of each non-empty line of `lines(of:)`, making no String.
    static func forEachLine(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0, i = 0
            func cut(_ end: Int, _ next: Int) {
                if end > start { body(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
                start = next
                i = next
            }
            while i < bytes.count {
                let b = bytes[i]
                if b >= 0x0A && b <= 0x0D {
                    cut(i, i + 1)
                } else if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                    cut(i, i + 2)
                } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    cut(i, i + 3)
                } else {
                    i += 1
                }
            }
            cut(bytes.count, bytes.count)
        }
    }

    /// Whether the line is only `CharacterSet.whitespaces` (which has U+200B besides tab and the Zs spaces);
    /// a line with an ASCII byte other than space or tab is not, and most lines have one in their first byte.
    static func isBlank(_ line: String) -> Bool {
        guard line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 }) else { return false }
        return line.unicodeScalars.allSatisfy(CharacterSet.whitespaces.contains)
    }
}
