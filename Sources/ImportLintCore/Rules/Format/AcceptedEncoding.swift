/// How a profile's `accepts: encodings:` judges a file's encoding, for the encoding rules' severity and
/// the clause that ends their message.
struct EncodingVerdict: Equatable {
    var severity: Severity
    var clause: String

    /// nil when the profile does not list encodings (or there is none): the rule's own severity holds.
    static func judge(_ encodingName: String, profile: Profile?) -> EncodingVerdict? {
        guard let profile, let accepted = profile.accepts?.encodings, !accepted.isEmpty else { return nil }
        let target = profile.target.name
        if profile.accepts?.acceptsEncoding(encodingName) == true {
            return EncodingVerdict(severity: .info, clause: "\(target) reads \(encodingName), but most other tools expect UTF-8")
        }
        return EncodingVerdict(severity: .error, clause: "\(target) reads only \(accepted.joined(separator: " or ")), so the import fails")
    }
}
