// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "importlint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "importlint", targets: ["importlint"]),
        .library(name: "ImportLintCore", targets: ["ImportLintCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        // System ICU behind a plain-C header: Foundation on Linux ships its own ICU module, and
        // Swift-visible <unicode/...> headers clash with it, so only the .c files include them.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The tokenizer's scanner: C for SSE2/NEON without compiler flags (both are baseline), and AVX2 chosen
        // at run time through a function attribute.
        .target(name: "CFieldScan"),
        // libphonenumber is C++; an extern "C" header keeps Swift away from its C++ API.
        .target(
            name: "CPhoneNumber",
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("stdc++")]
        ),
        .target(
            name: "ImportLintCore",
            // No unsafeFlags: SwiftPM refuses them in a package that others depend on by version
            // (Scripts/test-as-dependency.sh checks that one can).
            dependencies: ["CICU", "CFieldScan", "CPhoneNumber", .product(name: "Yams", package: "Yams")],
            // The generated rule index sits beside the rules it lists, for people browsing the source.
            exclude: ["Rules/README.md"]
        ),
        .executableTarget(
            name: "importlint",
            dependencies: ["ImportLintCore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The tests parse fixture options with the CLI's own commands, and compare the phone fast path with
        // plain libphonenumber through the C wrapper.
        .testTarget(
            name: "ImportLintCoreTests",
            dependencies: ["ImportLintCore", "importlint", "CPhoneNumber"]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
