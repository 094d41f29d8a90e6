import Foundation
import QuizRecords
import QuizStore

/// The attempts store a learner named, and the one place that opens it.
///
/// `--store PATH` wins, then `$QUIZ_STORE`, then `$XDG_DATA_HOME/quiz/quiz.sqlite`,
/// then `~/.local/share/quiz/quiz.sqlite` (empty variables count as unset). Every
/// store today is a SQLite file; a store of another kind is chosen here by the
/// form of the name, and nothing above this type changes.
public struct StoreLocation: Sendable, Equatable {
    /// The store file.
    public let url: URL

    public init(named name: String?,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                home: URL = FileManager.default.homeDirectoryForCurrentUser) {
        if let name, !name.isEmpty {
            url = URL(fileURLWithPath: name)
        } else if let path = environment["QUIZ_STORE"], !path.isEmpty {
            url = URL(fileURLWithPath: path)
        } else {
            let data: URL
            if let path = environment["XDG_DATA_HOME"], !path.isEmpty {
                data = URL(fileURLWithPath: path, isDirectory: true)
            } else {
                data = home.appendingPathComponent(".local/share", isDirectory: true)
            }
            url = data.appendingPathComponent("quiz/quiz.sqlite")
        }
    }

    /// Where decoded banks are cached: `cache/` beside the store.
    public var cacheFolder: URL {
        url.deletingLastPathComponent().appendingPathComponent("cache")
    }

    /// Opens the store, creating it on first use.
    public func open() throws(StoreError) -> any AttemptStore {
        try SQLiteStore(url: url)
    }
}
