extension Array where Element == String {
    /// Names as a sentence lists them: 'A', 'A and B', 'A, B and C' (`conjunction` instead of 'and').
    func listed(_ conjunction: String = "and") -> String {
        count < 2 ? joined() : dropLast().joined(separator: ", ") + " \(conjunction) " + last!
    }
}
