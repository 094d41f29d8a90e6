import Foundation
import GRDB
import QuizRecords
import QuizStore
import Testing

/// Stores written by a released quiz must open with today's code: `Fixtures/store-v1.sqlite` was written by
/// the first schema and is never rewritten, so a migration that breaks old stores fails here.
@Suite("A store written by a released quiz", .timeLimit(.minutes(1)))
struct ReleasedStoreTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// What `store-v1.sqlite` holds: a submitted practice test, a test left in progress, and a study
    /// attempt with its sections' progress.
    static let written: [(attempt: AttemptRecord, questions: [AttemptQuestionRecord], responses: [ResponseRecord])] = {
        var submitted = StoreFixture.attempt(id: "a1b2c3d4e5f6", startedAt: StoreFixture.time(0))
        submitted.status = .submitted
        submitted.submittedAt = StoreFixture.time(300.25)
        submitted.elapsed = 300.25
        submitted.remaining = 119.75
        submitted.penalty = 0.25
        var open = StoreFixture.attempt(id: "0f0e0d0c0b0a", startedAt: StoreFixture.time(600))
        open.remaining = 400.5
        open.elapsed = 19.5
        let study = StoreFixture.attempt(id: "9a8b7c6d5e4f", kind: .study, test: nil,
                                         lesson: "websockets-sse-polling", startedAt: StoreFixture.time(900))
        return [
            (submitted, StoreFixture.questions(of: submitted.id, count: 3),
             [StoreFixture.response(submitted.id, 1), StoreFixture.response(submitted.id, 2, "A"), StoreFixture.response(submitted.id, 3, nil)]),
            (open, StoreFixture.questions(of: open.id, count: 2), [StoreFixture.response(open.id, 1)]),
            (study, StoreFixture.questions(of: study.id, count: 1), [StoreFixture.response(study.id, 1, "B")]),
        ]
    }()

    /// In the order the sections were first shown.
    static let progress = [
        SectionProgressRecord(lesson: "websockets-sse-polling", section: "what-is-real-time-communication",
                              shownAt: StoreFixture.time(905)),
        SectionProgressRecord(lesson: "websockets-sse-polling", section: "polling--client-pull",
                              shownAt: StoreFixture.time(910), doneAt: StoreFixture.time(960)),
    ]

    /// The names of the migrations of released versions, in order, from the committed list.
    static func releasedMigrations() throws -> [String] {
        try String(contentsOf: fixtures.appendingPathComponent("released-migrations.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func appliedMigrations(_ url: URL) throws -> [String] {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }
    }

    /// A copy of the committed store in the fixture's folder: opening migrates a file (and SQLite adds files
    /// beside it), and the committed one must stay as the release wrote it.
    static func copyOfFirstRelease(in fixture: StoreFixture) throws -> URL {
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("store-v1.sqlite"), to: fixture.url())
        return fixture.url()
    }

    @Test("today's code opens the first release's store and reads every attempt as written")
    func opensTheFirstRelease() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try Self.copyOfFirstRelease(in: fixture)
        let store = try fixture.open()
        #expect(try store.attempts() == Self.written.map(\.attempt))
        #expect(try store.attempts().allSatisfy { $0.learner == nil }, "the first release did not record learners")
        for entry in Self.written {
            #expect(try store.questions(of: entry.attempt.id) == entry.questions)
            #expect(try store.responses(of: entry.attempt.id) == entry.responses)
        }
        #expect(try store.progress(lesson: "websockets-sse-polling") == Self.progress)
        #expect(try store.latestInProgress()?.id == "9a8b7c6d5e4f")
        #expect(try store.latestInProgress(kind: .test)?.id == "0f0e0d0c0b0a")
        #expect(try store.attempt(matching: "a1b2").status == .submitted)
        // Its ended attempt gained the summary `stats` and `report --all` read (migration v3).
        let submitted = Self.written[0]
        #expect(try store.attemptScores(StatsQuery(bank: submitted.attempt.bank, test: submitted.attempt.test!))
                == [AttemptScore(attemptID: submitted.attempt.id, points: submitted.responses.reduce(0) { $0 + $1.points },
                                 max: submitted.questions.reduce(0) { $0 + $1.maxPoints })])
        // And it goes on working: a new response lands beside the old ones.
        try store.save(StoreFixture.response("0f0e0d0c0b0a", 2, "A"))
        #expect(try store.responses(of: "0f0e0d0c0b0a").map(\.position) == [1, 2])
    }

    @Test("the committed store was written by the first release's migrations only")
    func theFixtureIsTheFirstRelease() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        #expect(try Self.appliedMigrations(Self.copyOfFirstRelease(in: fixture)) == ["v1"])
    }

    @Test("released migrations are never renamed, removed or reordered; new ones come after them")
    func migrationsOnlyGrow() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try fixture.open().create(StoreFixture.attempt(), questions: [])
        let today = try Self.appliedMigrations(fixture.url())
        let released = try Self.releasedMigrations()
        #expect(!released.isEmpty)
        #expect(Array(today.prefix(released.count)) == released,
                "today's migrations \(today) must begin with the released ones \(released) (Fixtures/released-migrations.txt)")
    }
}
