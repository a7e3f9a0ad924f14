import Dispatch

/// The tables nearly every lint reads, built on another thread while the command line is parsed (3-4 ms
/// of ArgumentParser on one core), instead of on the threads that then lint: each is built once per
/// process, and a thread that wants one being built waits for it. In the order a lint first reads them:
/// the rule catalog (the selection's check), the built-in profiles' header matchers (profile detection),
/// the service-account list (the value rules' set-up), the mojibake code pages and IANA's domains (the
/// first cells), and the country, city and legal-form tables (clustering, after the parts).
public enum Preload {
    public static func start() {
        DispatchQueue.global().async {
            _ = RuleCatalog.all
            for profile in ProfileLoader.builtIn { _ = HeaderMatcher.of(profile) }
            _ = ServiceAccounts.standard
            _ = MojibakeCodePages.shared
            EmailDomains.prepareTable()
            ClusterRule.prepareTables()
        }
    }
}
