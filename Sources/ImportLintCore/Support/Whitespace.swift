import Foundation

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// `trimmingCharacters(in: .whitespaces)` (Unicode's space separators and tab), without Foundation's
    /// work, some 20,000 instructions a call, when both ends are printable ASCII, as in nearly every header
    /// cell, table line and name: matching a header's cells to the profiles was a twentieth of a small
    /// file's run in that call.
    func trimmingWhitespace() -> String {
        let plain = { (byte: UInt8?) in byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        return plain(utf8.first) && plain(utf8.last) ? String(self) : trimmingCharacters(in: .whitespaces)
    }
}
