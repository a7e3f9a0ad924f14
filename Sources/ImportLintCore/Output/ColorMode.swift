/// `--color auto|always|never`. An explicit `always` or `never` wins. `auto` follows the environment:
/// a non-empty `NO_COLOR` turns colors off, else a non-empty `FORCE_COLOR` turns them on, else colors
/// are used when the report goes to a terminal.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never

    public func enabled(environment: [String: String], toTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if let force = environment["FORCE_COLOR"], !force.isEmpty { return true }
            return toTerminal
        }
    }
}
