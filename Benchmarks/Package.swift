// swift-tools-version:6.0
// Benchmarks and fuzzing for importlint, kept out of the main package so that `swift test` and CI never
// build the comparison parsers. Run from this folder:
//   swift run -c release importlint-bench /tmp/bench/people-1m.tsv
//   swift run -c release ClusterBench 100000
//   ../Scripts/fuzz.sh 600
import Foundation
import PackageDescription

// A path dependency's package identity is its folder's name (wt-bench, main, a CI clone's name...).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "importlint-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "importlint-bench",
            dependencies: [
                .product(name: "ImportLintCore", package: root),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ]
        ),
        .executableTarget(
            name: "ClusterBench",
            dependencies: [.product(name: "ImportLintCore", package: root)]
        ),
        // libFuzzer target: built only by Scripts/fuzz.sh with -sanitize=fuzzer,address.
        .executableTarget(
            name: "importlint-fuzz",
            dependencies: ["FuzzMain", .product(name: "ImportLintCore", package: root)]
        ),
        // The fuzz executable's main(), which starts libFuzzer's driver.
        .target(name: "FuzzMain"),
    ]
)
