import Foundation
import GRDB
import QuizRecords
import QuizStore
import Testing

@Suite("Opening a store", .timeLimit(.minutes(1)))
struct StoreOpeningTests {
    @Test("first use creates the folder 0700 and the file 0600, in WAL mode")
    func createsPrivateFiles() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let url = fixture.folder.appendingPathComponent("data/quiz/quiz.sqlite")
        let store = try SQLiteStore(url: url)
        try store.create(StoreFixture.attempt(), questions: [])

        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(try StoreFixture.mode(of: url) == 0o600)
        #expect(try StoreFixture.mode(of: url.deletingLastPathComponent()) == 0o700)
        #expect(try StoreFixture.mode(of: fixture.folder.appendingPathComponent("data")) == 0o700)
        for suffix in ["-wal", "-shm"] {
            let companion = URL(fileURLWithPath: url.path + suffix)
            #expect(FileManager.default.fileExists(atPath: companion.path), "\(suffix) exists while open")
            #expect(try StoreFixture.mode(of: companion) == 0o600, "\(suffix) is private")
        }
        let queue = try DatabaseQueue(path: url.path)
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("an existing store opens again with its data, and an empty file becomes a store")
    func reopens() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let attempt = StoreFixture.attempt()
        try fixture.open().create(attempt, questions: [])
        #expect(try fixture.open().attempt(id: attempt.id) == attempt)

        _ = FileManager.default.createFile(atPath: fixture.url("empty.sqlite").path, contents: Data())
        let empty = try fixture.open("empty.sqlite")
        #expect(try empty.attempts().isEmpty)
    }

    @Test("a store written by a newer quiz is refused and left unchanged")
    func refusesNewerVersion() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let url = fixture.url()
        try fixture.open().create(StoreFixture.attempt(), questions: [])
        do {
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')")
            }
            try queue.close()
        }
        let before = try StoreFixture.bytes(of: url)

        #expect(throws: StoreError.newerVersion(location: url.path)) { try SQLiteStore(url: url) }
        #expect(try StoreFixture.bytes(of: url) == before)
    }

    enum Damage: String, CaseIterable, Sendable {
        case randomBytes, textFile, otherProgramsDatabase
    }

    @Test("a file that is not a quiz store is refused and left unchanged", arguments: Damage.allCases)
    func refusesCorrupt(_ damage: Damage) throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let url = fixture.url()
        switch damage {
        case .randomBytes:
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) }
            try Data(bytes).write(to: url)
        case .textFile:
            try Data("attempts:\n  - this is not a database\n".utf8).write(to: url)
        case .otherProgramsDatabase:
            let queue = try DatabaseQueue(path: url.path)
            try queue.write { db in try db.execute(sql: "CREATE TABLE bookmarks (url TEXT)") }
            try queue.close()
        }
        let before = try StoreFixture.bytes(of: url)

        #expect(throws: StoreError.corrupt(location: url.path)) { try SQLiteStore(url: url) }
        #expect(try StoreFixture.bytes(of: url) == before)
    }

    @Test("a place that cannot be written gives .unwritable")
    func refusesUnwritable() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let blocker = fixture.url("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let url = blocker.appendingPathComponent("quiz/quiz.sqlite")
        let error = #expect(throws: StoreError.self) { try SQLiteStore(url: url) }
        guard case .unwritable(let path, _) = error else {
            Issue.record("expected .unwritable, got \(String(describing: error))")
            return
        }
        #expect(path == url.path)

        let folderInTheWay = fixture.url("folder.sqlite")
        try FileManager.default.createDirectory(at: folderInTheWay, withIntermediateDirectories: false)
        let second = #expect(throws: StoreError.self) { try SQLiteStore(url: folderInTheWay) }
        guard case .unwritable = second else {
            Issue.record("expected .unwritable, got \(String(describing: second))")
            return
        }
    }
}
