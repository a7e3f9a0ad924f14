import Foundation

/// The secret that salts suppression fingerprints: `.importlint-salt` beside the suppressions file, 32
/// random bytes in hex, made when suppressions are first written there. Without it, an unsalted SHA-256 of
/// a short cell value (a PIN, a phone number) is recovered by trying every value; with it, only someone
/// holding the salt file can. Keep the salt file where the suppressions are used (the repository), and
/// out of anything published with the suppressions alone.
public enum SuppressionSalt {
    public static let fileName = ".importlint-salt"

    /// The salt file that goes with a suppressions file.
    public static func path(for suppressionsPath: String) -> String {
        guard let slash = suppressionsPath.lastIndex(of: "/") else { return fileName }
        return String(suppressionsPath[...slash]) + fileName
    }

    /// The salt beside `suppressionsPath`, or nil when there is none.
    public static func load(for suppressionsPath: String) throws -> [UInt8]? {
        let path = path(for: suppressionsPath)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 32, text.count % 2 == 0, let bytes = decodeHex(text) else {
            throw ConfigError("\(path): not a salt file (expected hexadecimal digits)")
        }
        return bytes
    }

    /// The salt beside `suppressionsPath`, made (and written) when there is none yet.
    public static func loadOrCreate(for suppressionsPath: String) throws -> [UInt8] {
        if let salt = try load(for: suppressionsPath) { return salt }
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        do {
            try OutputTarget(path(for: suppressionsPath)).write(hex(salt) + "\n")
        } catch let error as InputError {
            throw ConfigError("cannot write the suppressions salt: \(error.description)")
        }
        return salt
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { b in (b < 16 ? "0" : "") + String(b, radix: 16) }.joined()
    }

    private static func decodeHex(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            guard let h = nibble(high), let l = nibble(low) else { return nil }
            out.append(h << 4 | l)
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x61...0x66: c - 0x61 + 10
        case 0x41...0x46: c - 0x41 + 10
        default: nil
        }
    }
}

extension SHA256 {
    /// HMAC-SHA256 (RFC 2104) of `message` under `key`.
    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > 64 ? digest(key) : key
        block += [UInt8](repeating: 0, count: 64 - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return digest(block.map { $0 ^ 0x5C } + inner)
    }
}
