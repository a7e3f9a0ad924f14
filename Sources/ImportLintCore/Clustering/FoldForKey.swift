import CICU

/// Folds text for comparison (case, NFKC, diacritics, Arabic/Persian letter variants, zero-width
/// joiners, look-alike letters). Pure ASCII, the common case in directory exports, skips ICU.
enum FoldForKey {
    static func fold(_ text: String) -> String { fold(text, with: cicu_fold_for_key) }

    /// `fold` with ICU's folding function given: tests compare `cicu_fold_for_key_transliterating`.
    static func fold(_ text: String, with fold: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32) -> Int32) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii { return text.lowercased() }
        var utf8 = Array(text.utf8)
        let length = Int32(utf8.count)
        var capacity = utf8.count * 4 + 64
        while true {
            var out = [CChar](repeating: 0, count: capacity)
            let written = utf8.withUnsafeMutableBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { cInput in
                    fold(cInput.baseAddress, length, &out, Int32(capacity))
                }
            }
            if written >= 0 {
                return String(decoding: out[0..<Int(written)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            if written == Int32.min { return text.lowercased() }  // ICU failed: degrade, never crash
            capacity = Int(-written) + 16
            utf8 = Array(text.utf8)
        }
    }
}
