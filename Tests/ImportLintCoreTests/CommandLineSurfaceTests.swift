import Foundation
import Testing
@testable import importlint

/// Every command's arguments, names, help and defaults as ArgumentParser describes them
/// (`importlint --experimental-dump-help`), against docs/command-line.json: the options name their long flags
/// explicitly, and a name that drifted from the property's would change nothing else a test sees.
/// IMPORTLINT_UPDATE_GOLDENS=1 rewrites the file after a deliberate change to the command line.
@Suite struct CommandLineSurfaceTests {
    @Test func commandLineIsAsDocumented() throws {
        let path = TestSupport.packageRoot.appendingPathComponent("docs/command-line.json")
        try Golden.check(Array((ImportLintCommand._dumpHelp() + "\n").utf8), path, "the command line's description")
    }
}
