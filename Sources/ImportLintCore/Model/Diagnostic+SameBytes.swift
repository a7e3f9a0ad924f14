#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding contents compare their texts by UTF-8 bytes. String's == holds canonically equivalent
/// spellings equal (a precomposed "ë" and "e" with a combining diaeresis; combining marks in either
/// order): findings sharing one content that way would quote one another's cells, and the content's
/// hash, which counts the message's bytes, would disagree with its equality.
extension Diagnostic.Content {
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let a = a.utf8, b = b.utf8
        guard a.count == b.count else { return false }
        let compared = a.withContiguousStorageIfAvailable { a in
            b.withContiguousStorageIfAvailable { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
        return (compared ?? nil) ?? a.elementsEqual(b)
    }

    static func sameBytes(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return sameBytes(a, b)
    }

    static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { sameBytes($0, $1) }
    }

    static func sameBytes(_ a: [RelatedLocation], _ b: [RelatedLocation]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.line == $1.line && sameBytes($0.path, $1.path) && sameBytes($0.message, $1.message) }
    }

    /// The texts of an action other than a cell's replacement (an encoding's name, a removed line's
    /// wording) are the rule's own, never a cell's.
    static func sameBytes(_ a: Fix?, _ b: Fix?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        guard a.applicability == b.applicability && sameBytes(a.description, b.description) else { return false }
        if case .replaceCell(let x) = a.action, case .replaceCell(let y) = b.action { return sameBytes(x, y) }
        return a.action == b.action
    }
}
