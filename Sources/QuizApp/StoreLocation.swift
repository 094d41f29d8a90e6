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

    public init(named name: String?, environment: [String: String],
                home: @autoclosure () -> URL = FileManager.default.homeDirectoryForCurrentUser) {
        self.init(named: name, variable: { environment[$0] }, home: home)
    }

    /// The store `name` (or the environment, or the default place) names, from this process's environment.
    /// Only the two variables it needs are read, and the home folder only when the default place is.
    public init(named name: String?) {
        self.init(named: name, variable: { getenv($0).map { String(cString: $0) } },
                  home: { FileManager.default.homeDirectoryForCurrentUser })
    }

    private init(named name: String?, variable: (String) -> String?, home: () -> URL) {
        let chosen = [name, variable("QUIZ_STORE")].compactMap { $0 }.first { !$0.isEmpty }
        let data: URL
        if let path = variable("XDG_DATA_HOME"), !path.isEmpty {
            data = URL(fileURLWithPath: path, isDirectory: true)
        } else {
            data = home().appendingPathComponent(".local/share", isDirectory: true)
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

/// The store being opened on another thread while a session reads its content and draws its
/// questions, in two steps: the check that refuses a store (one a newer quiz wrote, a file that is
/// not a quiz store, a place that cannot be written), which a session waits for before it shows
/// anything, then opening it for writing (and bringing its schema up to date), which only the
/// attempt's record waits for.
public final class StoreOpening: @unchecked Sendable {
    private let checked = DispatchGroup()
    private let opened = DispatchGroup()
    private var checkResult: Result<Void, StoreError>?
    private var openResult: Result<any AttemptStore, StoreError>?

    /// Starts opening the store at `location`.
    public init(_ location: StoreLocation) {
        checked.enter()
        opened.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            if location.isServer {
                self.openResult = Result(catching: { () throws(StoreError) -> any AttemptStore in try location.open() })
                self.checkResult = self.openResult!.map { _ in () }
                self.checked.leave()
            } else {
                self.checkResult = Result(catching: { () throws(StoreError) -> Void in try SQLiteStore.check(url: location.url) })
                self.checked.leave()
                self.openResult = self.checkResult!.flatMap { _ -> Result<any AttemptStore, StoreError> in
                    Result(catching: { () throws(StoreError) -> any AttemptStore in try SQLiteStore(checked: location.url) })
                }
            }
            self.opened.leave()
        }
    }

    /// Waits for the check; throws the reason the store is refused.
    public func check() throws(StoreError) {
        checked.wait()
        try checkResult!.get()
    }

    /// The open store, waiting for it; throws what checking or opening it threw.
    public func store() throws(StoreError) -> any AttemptStore {
        opened.wait()
        return try openResult!.get()
    }

    /// Waits until the opening has finished, whatever it gave: a command that stops early (a refused
    /// bank) lets a store being created or migrated finish before the process exits.
    public func settle() {
        opened.wait()
    }
}
