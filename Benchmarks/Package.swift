// swift-tools-version:6.0
// Separate package so benchmarks never enter the main package's dependency graph.
// Run: cd Benchmarks && swift run -c release ClusterBench [distinct-count]
import PackageDescription

let package = Package(
    name: "importlint-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "importlint", path: "..")],
    targets: [
        .executableTarget(
            name: "ClusterBench",
            dependencies: [.product(name: "ImportLintCore", package: "importlint")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ]
)
