extension Mojibake {
    /// Quotation marks that are continuation bytes of Windows-1252 and its neighbours ('Å»' is 'Ż', 'Ã«' is
    /// 'ë'), and also close a quotation in correct text ('Avdeling «PÅ»', 'Projekt ”SKÅ” AB'). A mark that
    /// closes a pair in the text is no byte of a misread letter.
    enum QuotationMarks {
        /// The family of a quotation mark: « and » (either way round: Danish writes »PÅ«), ‹ and ›, and the
        /// double quotes “ ” „ (Swedish opens and closes with ”).
        static func family(_ s: Unicode.Scalar) -> Int? {
            switch s.value {
            case 0xAB, 0xBB: return 0
            case 0x2039, 0x203A: return 1
            case 0x201C, 0x201D, 0x201E: return 2
            default: return nil
            }
        }

        /// The positions among `consumed` (quotation marks a repair reads as part of a letter) to keep as
        /// they are: those of a family whose marks left in the text are odd in number, so that each consumed
        /// one would leave a quotation open ('«PÅ»' would become '«PŻ'). When the marks left pair up
        /// ('«Å»ywiec»' for '«Żywiec»'), the consumed ones were bytes of letters.
        static func pairedAmong(_ scalars: [Unicode.Scalar], consumed: [Int]) -> Set<Int> {
            guard !consumed.isEmpty else { return [] }
            var left = [0, 0, 0]
            for s in scalars { if let f = family(s) { left[f] += 1 } }
            for i in consumed { left[family(scalars[i])!] -= 1 }
            return Set(consumed.filter { left[family(scalars[$0])!] % 2 == 1 })
        }
    }
}
