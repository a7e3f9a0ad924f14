/// How a profile's `accepts: encodings:` judges a file's encoding, for the encoding rules' severity and
/// the clause that ends their message.
struct EncodingVerdict: Equatable {
    var severity: Severity
    var clause: String

    /// nil when the profile does not list encodings (or there is none): the rule's own severity holds.
    /// `firstBadLine`: the line where the target reading the bytes as UTF-8 first meets a byte that is not
    /// (`LegacyEncoding.firstInvalidLine`): what the target documents it does there is said
    /// (4me aborts the import there and keeps the rows before it), not that the whole import fails.
    static func judge(_ encodingName: String, profile: Profile?, firstBadLine: Int? = nil) -> EncodingVerdict? {
        guard let profile, let accepted = profile.accepts?.encodings, !accepted.isEmpty else { return nil }
        let target = profile.target.name
        if profile.accepts?.acceptsEncoding(encodingName) == true {
            return EncodingVerdict(severity: .info, clause: "\(target) reads \(encodingName), but most other tools expect UTF-8")
        }
        let reads = "\(target) reads only \(accepted.joined(separator: " or "))"
        if let firstBadLine, let effect = profile.accepts?.invalidUTF8 {
            return EncodingVerdict(severity: .error, clause: "\(reads): it "
                + effect.replacingOccurrences(of: "{line}", with: String(firstBadLine)))
        }
        return EncodingVerdict(severity: .error, clause: "\(reads) (its documentation names no other)")
    }
}
