#if PostgreSQL
import Foundation
import QuizPostgres
import QuizRecords
import StoreContract
import Testing

/// Two learners and a teacher as three roles, added with the plain SQL a course owner writes.
@Suite("PostgreSQL store: learners and teachers", .enabled(if: TestServer.url != nil, TestServer.skipMessage),
       .timeLimit(.minutes(2)))
struct ClassRolesTests {
    struct Class {
        let fixture: PostgresFixture
        let alice: String, bob: String, tess: String
        let aliceStore: PostgresStore, bobStore: PostgresStore, tessStore: PostgresStore
        let aliceAttempt: AttemptRecord, bobAttempt: AttemptRecord
    }

    /// The owner sets the store up; alice and bob each take a test and answer; tess teaches.
    static func classroom() throws -> Class {
        let fixture = try PostgresFixture()
        _ = try fixture.open()  // the course owner's first run creates the tables and the group roles
        let (alice, alicePassword) = try fixture.role("alice", in: ["quiz_learner"])
        let (bob, bobPassword) = try fixture.role("bob", in: ["quiz_learner"])
        let (tess, tessPassword) = try fixture.role("tess", in: ["quiz_teacher"])
        let aliceStore = try PostgresStore(url: fixture.url(role: alice, password: nil), password: alicePassword)
        let bobStore = try PostgresStore(url: fixture.url(role: bob, password: nil), password: bobPassword)
        let tessStore = try PostgresStore(url: fixture.url(role: tess, password: nil), password: tessPassword)
        var made: [AttemptRecord] = []
        for (index, store) in [aliceStore, bobStore].enumerated() {
            let attempt = StoreContract.attempt(startedAt: StoreContract.time(Double(index)))
            try store.create(attempt, questions: StoreContract.questions(of: attempt.id))
            try store.save(StoreContract.response(attempt.id, 1))
            try store.finish(attemptID: attempt.id, status: .submitted, submittedAt: StoreContract.time(60),
                             elapsed: 60, remaining: 360)
            try store.markShown(lesson: "websockets-sse-polling", section: "polling", at: StoreContract.time(Double(index)))
            made.append(attempt)
        }
        return Class(fixture: fixture, alice: alice, bob: bob, tess: tess, aliceStore: aliceStore, bobStore: bobStore,
                     tessStore: tessStore, aliceAttempt: made[0], bobAttempt: made[1])
    }

    @Test("each learner sees only their own attempts through the store; the teacher sees both")
    func throughTheStore() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        #expect(try room.aliceStore.attempts().map(\.id) == [room.aliceAttempt.id])
        #expect(try room.aliceStore.attempts().map(\.learner) == [room.alice])
        #expect(try room.bobStore.attempts().map(\.id) == [room.bobAttempt.id])
        #expect(try room.aliceStore.attempt(id: room.bobAttempt.id) == nil)
        #expect(try room.aliceStore.responses(of: room.bobAttempt.id).isEmpty)
        #expect(try room.aliceStore.questions(of: room.bobAttempt.id).isEmpty)
        #expect(throws: StoreError.notFound(prefix: room.bobAttempt.id)) {
            try room.aliceStore.attempt(matching: room.bobAttempt.id)
        }
        var walked: [String] = []
        try room.aliceStore.forEachAttempt(AttemptFilter()) { attempt, _, _ in walked.append(attempt.id) }
        #expect(walked == [room.aliceAttempt.id])

        #expect(try room.tessStore.attempts().map(\.id) == [room.aliceAttempt.id, room.bobAttempt.id])
        #expect(try room.tessStore.attempts().map(\.learner) == [room.alice, room.bob])
        #expect(try room.tessStore.responses(of: room.bobAttempt.id).count == 1)
    }

    @Test("a learner cannot change another learner's attempt, and a teacher changes nothing")
    func writesStayOwn() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        #expect(throws: StoreError.self) { try room.aliceStore.save(StoreContract.response(room.bobAttempt.id, 2)) }
        #expect(throws: StoreError.notFound(prefix: room.bobAttempt.id)) {
            try room.aliceStore.saveClock(attemptID: room.bobAttempt.id, remaining: 1, elapsed: 1)
        }
        #expect(throws: StoreError.self) { try room.tessStore.save(StoreContract.response(room.bobAttempt.id, 2)) }
        #expect(throws: StoreError.self) {
            let attempt = StoreContract.attempt()
            try room.tessStore.create(attempt, questions: [])
        }
        // A new attempt of the same test abandons only the learner's own unfinished one.
        let bobsOpen = StoreContract.attempt(test: "final")
        try room.bobStore.create(bobsOpen, questions: [])
        try room.aliceStore.create(StoreContract.attempt(test: "final"), questions: [])
        #expect(try room.bobStore.attempt(id: bobsOpen.id)?.status == .inProgress)
        #expect(try room.fixture.admin.strings("SELECT count(*)::text FROM response") == ["2"])
    }

    @Test("report --all and stats tell a learner in one line that they need the teacher role; a teacher gets the class")
    func classReadsNeedTheTeacherRole() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        #expect(throws: StoreError.needsTeacher(location: room.aliceStore.location)) {
            try room.aliceStore.requireClassAccess()
        }
        try room.tessStore.requireClassAccess()
        try room.fixture.open().requireClassAccess()

        let course = try Quiz.course()
        defer { try? FileManager.default.removeItem(at: course) }
        for arguments in [["stats", "demo/practice"], ["report", "--all", "--test", "demo/practice", "--format", "csv"]] {
            let learner = try Quiz.run(arguments + ["--root", course.path, "--store",
                                                    room.fixture.text(room.fixture.url(role: room.alice, password: nil))],
                                       environment: ["PGPASSWORD": try #require(room.fixture.passwords[room.alice])])
            #expect(learner.status != 0)
            #expect(learner.stderr.split(separator: "\n").count == 1, "\(learner.stderr)")
            #expect(learner.stderr.contains("needs the quiz_teacher role"), "\(learner.stderr)")
            let teacher = try Quiz.run(arguments + ["--root", course.path, "--store",
                                                    room.fixture.text(room.fixture.url(role: room.tess, password: nil))],
                                       environment: ["PGPASSWORD": try #require(room.fixture.passwords[room.tess])])
            #expect(!teacher.stderr.contains("quiz_teacher") && !teacher.stderr.contains("cannot reach"), "\(teacher.stderr)")
        }
    }

    @Test("the teacher's class figures count each learner once, however many attempts each has")
    func classFiguresCountLearners() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        // Alice takes the test twice more; bob's one attempt stays.
        for n in 2...3 {
            let attempt = StoreContract.attempt(startedAt: StoreContract.time(Double(100 * n)))
            try room.aliceStore.create(attempt, questions: StoreContract.questions(of: attempt.id))
            try room.aliceStore.save(StoreContract.response(attempt.id, 1))
            try room.aliceStore.finish(attemptID: attempt.id, status: .submitted, submittedAt: StoreContract.time(Double(100 * n + 60)),
                                       elapsed: 60, remaining: 360)
        }
        let query = StatsQuery(bank: room.aliceAttempt.bank, test: room.aliceAttempt.test ?? "")
        let sums = try room.tessStore.testAggregates(query)
        #expect(sums.attempts == 4 && sums.learners == 2 && sums.unnamed == 0)
        #expect(sums.total.count == 4 && sums.questions.allSatisfy { $0.shown == 4 })
    }

    @Test("study progress is kept per learner")
    func progressPerLearner() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        try room.aliceStore.markDone(lesson: "websockets-sse-polling", section: "polling", at: StoreContract.time(5))
        #expect(try room.aliceStore.progress(lesson: "websockets-sse-polling").map(\.doneAt) == [StoreContract.time(5)])
        #expect(try room.bobStore.progress(lesson: "websockets-sse-polling").map(\.doneAt) == [nil])
    }

    @Test("querying the tables directly as each role shows the same: own rows for learners, every row for the teacher")
    func plainSQL() throws {
        let room = try Self.classroom()
        defer { withExtendedLifetime(room.fixture) {} }
        func connect(_ role: String) throws -> SQLConnection {
            let password = try #require(room.fixture.passwords[role])
            return try SQLConnection(room.fixture.url(role: role, password: password))
        }
        let alice = try connect(room.alice)
        defer { alice.close() }
        #expect(try alice.strings("SELECT id FROM attempt") == [room.aliceAttempt.id])
        #expect(try alice.strings("SELECT DISTINCT attempt_id FROM response") == [room.aliceAttempt.id])
        #expect(try alice.strings("SELECT DISTINCT attempt_id FROM attempt_question") == [room.aliceAttempt.id])
        #expect(try alice.strings("SELECT learner FROM section_progress") == [room.alice])
        #expect(try alice.strings("UPDATE attempt SET status = 'abandoned' WHERE id = '\(room.bobAttempt.id)' RETURNING id").isEmpty)
        #expect(throws: (any Error).self) {
            try alice.execute("INSERT INTO attempt (id, kind, bank, title, seed, started_at, status, pass_mark, learner) "
                + "VALUES ('0000000000aa', 'test', 'b', 't', 1, now(), 'submitted', 50, '\(room.bob)')")
        }
        #expect(throws: (any Error).self) { try alice.execute("DELETE FROM attempt") }

        let tess = try connect(room.tess)
        defer { tess.close() }
        #expect(try tess.strings("SELECT id FROM attempt ORDER BY started_at") == [room.aliceAttempt.id, room.bobAttempt.id])
        #expect(try tess.strings("SELECT count(*)::text FROM response") == ["2"])
        #expect(throws: (any Error).self) { try tess.execute("UPDATE attempt SET status = 'abandoned'") }
        #expect(try room.fixture.admin.strings("SELECT status FROM attempt WHERE id = '\(room.bobAttempt.id)'") == ["submitted"])
    }
}
#endif
