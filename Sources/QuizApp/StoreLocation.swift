import Foundation
import QuizPostgres
import QuizRecords
import QuizStore

/// The attempts store a learner named, and the one place that opens it.
///
/// `--store NAME` wins, then `$QUIZ_STORE`, then `$XDG_DATA_HOME/quiz/quiz.sqlite`,
/// then `~/.local/share/quiz/quiz.sqlite` (empty variables count as unset). A name
/// starting with `postgresql://` or `postgres://` is a PostgreSQL database (in a build
/// with the `PostgreSQL` trait); anything else is a SQLite file. Nothing above this
/// type knows which kind it opened.
public struct StoreLocation: Sendable, Equatable {
    /// The store file; for a database server, the default file's place (where the local cache goes).
    public let url: URL
    /// The server URL as named (password included), when the store is on PostgreSQL.
    private let server: String?

    public init(named name: String?,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                home: URL = FileManager.default.homeDirectoryForCurrentUser) {
        let chosen = [name, environment["QUIZ_STORE"]].compactMap { $0 }.first { !$0.isEmpty }
        let data: URL
        if let path = environment["XDG_DATA_HOME"], !path.isEmpty {
            data = URL(fileURLWithPath: path, isDirectory: true)
        } else {
            data = home.appendingPathComponent(".local/share", isDirectory: true)
        }
        let defaultFile = data.appendingPathComponent("quiz/quiz.sqlite")
        if let chosen, PostgresURL.isPostgres(chosen) {
            server = chosen
            url = defaultFile
        } else {
            server = nil
            url = chosen.map { URL(fileURLWithPath: $0) } ?? defaultFile
        }
    }

    /// Whether the store is on a database server rather than in a file.
    public var isServer: Bool { server != nil }

    /// The store as messages name it: the file's path, or the server URL without its password.
    public var name: String {
        server.map(PostgresURL.redacting) ?? url.path
    }

    /// Where decoded banks are cached: `cache/` beside the store file (beside the default file
    /// for a store on a server: the cache is this machine's).
    public var cacheFolder: URL {
        url.deletingLastPathComponent().appendingPathComponent("cache")
    }

    /// Opens the store, creating it (or its tables) on first use.
    public func open() throws(StoreError) -> any AttemptStore {
        guard let server else { return try SQLiteStore(url: url) }
        #if PostgreSQL
        return try PostgresStore(url: server)
        #else
        do {
            _ = try PostgresURL(server)
        } catch {
            throw .badLocation(location: name, reason: error.reason)
        }
        throw .notBuilt(location: name)
        #endif
    }
}
