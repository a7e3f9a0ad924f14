/// A cell that starts or ends with U+3000 IDEOGRAPHIC SPACE, the space a Japanese, Chinese or Korean input
/// method types in full-width mode ('渡辺　', '　鈴木 一郎'): `surrounding-whitespace`'s finding, found
/// among the text checks since only cells with non-ASCII bytes can hold it. No target documents whether it
/// trims this space, and a full-width space can be meant, so removing it is unsafe. Spaces inside the value
/// stay. A cell that starts or ends with a space `Whitespace.trim` removes is left to `SurroundingWhitespaceRule`
/// (one finding a cell, with its safe fix); an ideographic space it uncovers is reported on the next lint.
enum IdeographicSpaceAtEdges {
    static let space: Unicode.Scalar = "\u{3000}"

    static func check(_ value: String) -> ValueFinding? {
        let scalars = value.unicodeScalars
        guard let head = scalars.first, let tail = scalars.last,
              !Whitespace.isTrimmable(head), !Whitespace.isTrimmable(tail) else { return nil }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isEdgeSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isEdgeSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        let leading = scalars[..<start].contains(space), trailing = scalars[end...].contains(space)
        guard leading || trailing else { return nil }
        let trimmed = String(scalars[start..<end])
        let which = trimmed.isEmpty ? "is only whitespace, an ideographic space among it" : leading ? (trailing ? "starts and ends with an ideographic space" : "starts with an ideographic space") : "ends with an ideographic space"
        return ValueFinding(.surroundingWhitespace,
                            "'\(value)' \(which) (U+3000, the full-width space an input method types in full-width mode); whether the import trims it is not documented, and as written the value does not match the same text without it",
                            fix: Fix(.unsafe, trimmed.isEmpty ? "Empty the cell" : "Trim to '\(trimmed)'", replacement: trimmed))
    }

    /// The ideographic space and what `Whitespace.trim` removes, so that '渡辺 　' is trimmed whole.
    private static func isEdgeSpace(_ u: Unicode.Scalar) -> Bool { u == space || Whitespace.isTrimmable(u) }
}
