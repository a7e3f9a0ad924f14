import Dispatch

/// The tables nearly every run reads before its first record: the built-in profiles (parsed from YAML)
/// and the country names. Started before the command line is parsed, they are built on another thread
/// meanwhile, instead of one after the other on the thread that then lints.
public enum Preload {
    public static func start() {
        DispatchQueue.global().async {
            _ = ProfileLoader.builtIn
            _ = CountryNames.shared
        }
    }
}
