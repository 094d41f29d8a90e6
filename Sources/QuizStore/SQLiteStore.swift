import Foundation
import GRDB
import QuizRecords

/// The attempts store in one SQLite file: attempts, responses and study
/// progress, shared by every `quiz` process of one learner.
///
/// Each method is one short write transaction, committed before it returns,
/// so a killed process loses nothing already answered. The file is opened in
/// WAL mode with a busy timeout: several processes may read and write it at
/// once, and a reader never waits for a writer.
public final class SQLiteStore: AttemptStore {
    /// Where the database lives.
    public let url: URL
    public var location: String { url.path }
    let pool: DatabasePool

    /// How long a write waits for another process's write before failing.
    static let busyTimeout: TimeInterval = 5

    /// Opens the store at `url`, creating its folder (0700) and file (0600) on
    /// first use and bringing its schema up to date.
    ///
    /// A file this build cannot own is left byte for byte as it was:
    /// `.newerVersion` when a newer quiz wrote it, `.corrupt` when it is not a
    /// quiz store, `.unwritable` when the place cannot be written.
    public convenience init(url: URL) throws(StoreError) {
        try Self.check(url: url)
        try self.init(checked: url)
    }

    /// The refusals of ``init(url:)`` that come before the store is opened for writing: creates the
    /// folder and file on first use, and decides, without writing a byte to an existing file, whether
    /// it may be opened (`.newerVersion`, `.corrupt`, `.unwritable` as there). A session checks the
    /// store before it shows anything, and opens it (``init(checked:)``) while its first question is shown.
    public static func check(url: URL) throws(StoreError) {
        let file = StoreFile(url: url)
        try file.prepare()
        try file.inspect()
    }

    /// Opens a store that ``check(url:)`` let pass, bringing its schema up to date.
    public init(checked url: URL) throws(StoreError) {
        self.url = url
        let file = StoreFile(url: url)

        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.label = "quiz.store"
        do {
            pool = try DatabasePool(path: url.path, configuration: configuration)
        } catch {
            throw StoreError.wrapping(error, path: url.path)
        }
        file.restrictCompanions()
        try migrate()
        file.restrictCompanions()
    }

    /// Runs the migrations this file lacks. Two processes opening a new store at
    /// once may both try "v1"; the loser fails on tables the winner made, and a
    /// second run then finds everything applied.
    private func migrate() throws(StoreError) {
        let migrator = StoreSchema.migrator
        do {
            do {
                try migrator.migrate(pool)
            } catch {
                try migrator.migrate(pool)
            }
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerVersion(location: url.path) }
        } catch {
            throw StoreError.wrapping(error, path: url.path)
        }
    }

    /// Runs `body` in one immediate write transaction, committed before returning.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw StoreError.wrapping(error, path: url.path)
        }
    }

    /// Runs `body` in one read transaction: a consistent snapshot of the file.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrapping(error, path: url.path)
        }
    }
}
