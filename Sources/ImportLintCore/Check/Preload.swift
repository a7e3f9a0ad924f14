import Dispatch

/// The country names nearly every run reads before its first clustered value (every built-in profile
/// clusters organization names or checks countries). Started before the command line is parsed, the
/// table is built on another thread meanwhile, instead of on the thread that then lints.
public enum Preload {
    public static func start() {
        DispatchQueue.global().async {
            _ = CountryNames.shared
        }
    }
}
