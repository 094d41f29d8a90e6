import Foundation

/// Files the tests read: small fixtures beside this file, and the shared
/// corpora in the `shared` folder beside the package folder.
///
/// Both are found from `#filePath`, so the tests do not depend on the
/// directory `swift test` runs in.
enum Fixture {
    /// `Tests/QuizYAMLTests/Fixtures`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The package root: two folders above this test target.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `shared/corpora/yaml_invalid` beside the package folder; it may be absent.
    static let invalidCorpus = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/yaml_invalid")

    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}
