// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "quiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "quiz", targets: ["quiz"]),
        .library(name: "QuizKit", targets: ["QuizKit"]),
        .library(name: "QuizLint", targets: ["QuizLint"]),
        .library(name: "QuizInterop", targets: ["QuizInterop"]),
        .library(name: "QuizApp", targets: ["QuizApp"]),
    ],
    // `swift build --traits PostgreSQL` adds stores on a PostgreSQL server (docs/teachers.md); the
    // default build compiles no SwiftNIO.
    traits: [
        .trait(name: "PostgreSQL", description: "Attempts stores on a PostgreSQL server (postgresql:// URLs), through postgres-nio"),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "QuizYAML", dependencies: ["CLibYAML"]),
        // cmark-gfm's extensions library ships no .pc file; the module map links it.
        .systemLibrary(
            name: "CCMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "QuizMarkdown", dependencies: ["CCMarkGFM"]),
        .target(name: "QuizKit", dependencies: ["QuizYAML", "QuizMarkdown"]),
        .target(name: "QuizLint", dependencies: ["QuizKit", "QuizYAML"]),
        .target(
            name: "QuizInterop",
            dependencies: ["QuizKit", "QuizMarkdown", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .target(name: "QuizRecords"),
        .target(name: "QuizStore", dependencies: ["QuizRecords", .product(name: "GRDB", package: "GRDB.swift")]),
        // Its store code is compiled only with the PostgreSQL trait; without it, only the URL parsing.
        .target(
            name: "QuizPostgres",
            dependencies: [
                "QuizRecords",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
        .target(
            name: "QuizApp",
            dependencies: ["QuizKit", "QuizLint", "QuizInterop", "QuizRecords", "QuizStore", "QuizPostgres"]
        ),
        // Lint speed against a bare libyaml scan: Benchmarks/README.md.
        .executableTarget(
            name: "quiz-bench",
            dependencies: ["QuizKit", "QuizLint", "QuizYAML", "QuizRecords", "QuizStore"],
            path: "Benchmarks/quiz-bench"
        ),
        .executableTarget(
            name: "quiz",
            dependencies: [
                "QuizApp", "QuizKit", "QuizLint", "QuizInterop", "QuizRecords", "QuizMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Coverage-guided fuzzing (Scripts/fuzz, docs/testing.md); its corpus is replayed by QuizFuzzTests.
        .target(name: "QuizFuzzing", dependencies: ["QuizKit", "QuizLint", "QuizYAML"]),
        .executableTarget(name: "quiz-fuzz", dependencies: ["QuizFuzzing"]),
        .testTarget(name: "QuizFuzzTests", dependencies: ["QuizFuzzing", "QuizKit", "QuizLint"], exclude: ["Corpus", "Regressions"]),
        .testTarget(name: "QuizMarkdownTests", dependencies: ["QuizMarkdown"]),
        .testTarget(name: "QuizYAMLTests", dependencies: ["QuizYAML"], exclude: ["Fixtures"]),
        .target(name: "QuizTestSupport", path: "Tests/QuizTestSupport"),
        .testTarget(name: "QuizKitTests", dependencies: ["QuizKit", "QuizYAML", "QuizTestSupport"], exclude: ["Expected"]),
        .testTarget(
            name: "QuizInteropTests",
            dependencies: [
                "QuizInterop", "QuizKit", "QuizYAML", "QuizTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Fixtures", "Expected"]
        ),
        .testTarget(name: "QuizAppTests", dependencies: ["QuizApp", "QuizKit", "QuizRecords", "QuizStore", "QuizPostgres"]),
        .testTarget(
            name: "QuizCLITests",
            dependencies: ["quiz", "QuizKit", "QuizTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "QuizLintTests", dependencies: ["QuizLint", "QuizKit", "QuizTestSupport"], exclude: ["Expected"]),
        // The checks every AttemptStore passes, run by the SQLite and the PostgreSQL suites.
        .target(name: "StoreContract", dependencies: ["QuizRecords"], path: "Tests/StoreContract"),
        .testTarget(
            name: "QuizStoreTests",
            dependencies: ["QuizStore", "QuizRecords", "QuizKit", "StoreContract", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        // Runs against the server in QUIZ_TEST_PG (Scripts/pg-test-cluster); skips without it.
        .testTarget(
            name: "QuizPostgresTests",
            dependencies: [
                "quiz", "QuizPostgres", "QuizRecords", "QuizApp", "StoreContract",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
