import Foundation
import QuizRecords
import Testing

/// What every `AttemptStore` owes the commands, checked the same way on each store: the SQLite
/// suite and the PostgreSQL suite call these with a fresh, empty store of their kind.
///
/// `learner` round trips are not here: SQLite keeps the name the client gives, PostgreSQL the role
/// connected; each suite checks its own.
public enum StoreContract {
    /// A fixed instant, `seconds` after 2026-11-29T10:00:00Z (whole milliseconds survive storage).
    public static func time(_ seconds: Double = 0) -> Date {
        Date(timeIntervalSince1970: 1_795_946_400 + seconds)
    }

    public static func attempt(
        id: String = AttemptRecord.newID(), kind: AttemptRecord.Kind = .test,
        bank: String = "websockets-sse-polling", test: String? = "practice",
        lesson: String? = nil, startedAt: Date = time()
    ) -> AttemptRecord {
        AttemptRecord(
            id: id, kind: kind, bank: bank, test: test, lesson: lesson, title: "Practice test",
            seed: 42, startedAt: startedAt, timeLimit: 420, remaining: 420, passMark: 70)
    }

    public static func questions(of attemptID: String, count: Int = 3) -> [AttemptQuestionRecord] {
        (1...count).map { position in
            AttemptQuestionRecord(
                attemptID: attemptID, position: position, questionID: "q\(position)",
                section: "polling--client-pull", lesson: "websockets-sse-polling",
                presentation: #"{"order":[2,1,3]}"#, maxPoints: 1)
        }
    }

    public static func response(_ attemptID: String, _ position: Int, _ text: String? = "B") -> ResponseRecord {
        ResponseRecord(
            attemptID: attemptID, position: position, response: text, points: text == nil ? 0 : 1,
            correct: text.map { $0 == "B" }, timeSpent: 12.5, flagged: false, tries: 1,
            firstTryCorrect: text.map { $0 == "B" }, answeredAt: time(Double(position)))
    }

    /// `attempt` as a store gives it back: with the learner the store records.
    static func stored(_ attempt: AttemptRecord, learner: String?) -> AttemptRecord {
        var attempt = attempt
        attempt.learner = learner
        return attempt
    }

    /// Create, save, change and finish an attempt, and read it all back. `learner` is who the
    /// store records as having taken it (nil when the client names nobody, as here).
    public static func roundTrip(_ store: any AttemptStore, learner: String? = nil) throws {
        let attempt = attempt()
        let questions = questions(of: attempt.id)
        try store.create(attempt, questions: questions)
        #expect(try store.attempt(id: attempt.id) == stored(attempt, learner: learner))
        #expect(try store.questions(of: attempt.id) == questions)

        try store.save(response(attempt.id, 2, "C"))
        try store.save(response(attempt.id, 1, "B"))
        var changed = response(attempt.id, 2, "B")
        changed.flagged = true
        changed.tries = 2
        try store.save(changed)
        #expect(try store.responses(of: attempt.id) == [response(attempt.id, 1, "B"), changed])

        let cleared = response(attempt.id, 1, nil)
        try store.save(cleared)
        #expect(try store.responses(of: attempt.id).first == cleared)

        try store.saveClock(attemptID: attempt.id, remaining: 300.5, elapsed: 119.5)
        var expected = stored(attempt, learner: learner)
        expected.remaining = 300.5
        expected.elapsed = 119.5
        #expect(try store.attempt(id: attempt.id) == expected)

        let submitted = time(372)
        try store.finish(attemptID: attempt.id, status: .submitted, submittedAt: submitted, elapsed: 372.4,
                         remaining: 47.6)
        expected.status = .submitted
        expected.submittedAt = submitted
        expected.elapsed = 372.4
        expected.remaining = 47.6
        #expect(try store.attempt(id: attempt.id) == expected)
        #expect(try store.latestInProgress() == nil)
    }

    /// Dates come back to the millisecond.
    public static func datePrecision(_ store: any AttemptStore) throws {
        let started = Date()
        let attempt = attempt(startedAt: started)
        try store.create(attempt, questions: [])
        let stored = try #require(try store.attempt(id: attempt.id))
        #expect(abs(stored.startedAt.timeIntervalSince(started)) < 0.001)
    }

    /// The clock and the end of an attempt that is not there are `.notFound`.
    public static func unknownAttempt(_ store: any AttemptStore) throws {
        #expect(throws: StoreError.notFound(prefix: "0123456789ab")) {
            try store.saveClock(attemptID: "0123456789ab", remaining: nil, elapsed: 1)
        }
        #expect(throws: StoreError.notFound(prefix: "0123456789ab")) {
            try store.finish(attemptID: "0123456789ab", status: .submitted, submittedAt: nil, elapsed: 1, remaining: nil)
        }
        #expect(try store.attempt(id: "0123456789ab") == nil)
    }

    /// A new attempt abandons the unfinished one of the same test, not of another test.
    public static func abandonsPrevious(_ store: any AttemptStore) throws {
        let first = attempt(startedAt: time(0))
        let other = attempt(test: "final", startedAt: time(1))
        let study = attempt(kind: .study, test: nil, lesson: "websockets-sse-polling", startedAt: time(2))
        let second = attempt(startedAt: time(3))
        for attempt in [first, other, study, second] {
            try store.create(attempt, questions: questions(of: attempt.id))
        }
        #expect(try store.attempt(id: first.id)?.status == .abandoned)
        #expect(try store.attempt(id: other.id)?.status == .inProgress)
        #expect(try store.attempt(id: study.id)?.status == .inProgress)
        #expect(try store.attempt(id: second.id)?.status == .inProgress)
        #expect(try store.latestInProgress()?.id == second.id)
        #expect(try store.latestInProgress(kind: .study)?.id == study.id)
        #expect(try store.latestAttempt()?.id == second.id)
        #expect(try store.latestAttempt(kind: .check) == nil)
    }

    /// Attempts are listed oldest first, filtered by bank, test and kind; ties in the order recorded.
    public static func listing(_ store: any AttemptStore) throws {
        let late = attempt(test: "final", startedAt: time(50))
        let early = attempt(test: "practice", startedAt: time(10))
        let elsewhere = attempt(bank: "http-caching", startedAt: time(30))
        let tie = attempt(bank: "http-caching", test: "tie", startedAt: time(30))
        for attempt in [late, early, elsewhere, tie] { try store.create(attempt, questions: []) }

        #expect(try store.attempts().map(\.id) == [early.id, elsewhere.id, tie.id, late.id])
        #expect(try store.attempts(bank: "websockets-sse-polling").map(\.id) == [early.id, late.id])
        #expect(try store.attempts(bank: "websockets-sse-polling", test: "final").map(\.id) == [late.id])
        #expect(try store.attempts(kind: .study).isEmpty)
        #expect(try store.latestAttempt(AttemptFilter(bank: "http-caching"))?.id == tie.id)
    }

    /// An id prefix finds one attempt, or says none or which ones.
    public static func prefixLookup(_ store: any AttemptStore) throws {
        for id in ["abc111111111", "abc222222222", "def333333333"] {
            try store.create(attempt(id: id, test: id), questions: [])
        }
        #expect(try store.attempt(matching: "d").id == "def333333333")
        #expect(try store.attempt(matching: " ABC2 ").id == "abc222222222")
        #expect(try store.attempt(matching: "abc111111111").id == "abc111111111")
        #expect(throws: StoreError.ambiguous(prefix: "abc", candidates: ["abc111111111", "abc222222222"])) {
            try store.attempt(matching: "abc")
        }
        #expect(throws: StoreError.notFound(prefix: "abd")) { try store.attempt(matching: "abd") }
        #expect(throws: StoreError.notFound(prefix: "")) { try store.attempt(matching: "") }
        #expect(throws: StoreError.notFound(prefix: "ab%")) { try store.attempt(matching: "ab%") }
    }

    /// Study progress keeps the first shown and done times, in the order first shown.
    public static func sectionProgress(_ store: any AttemptStore) throws {
        let lesson = "websockets-sse-polling"
        try store.markShown(lesson: lesson, section: "polling", at: time(1))
        try store.markShown(lesson: lesson, section: "sse", at: time(2))
        try store.markShown(lesson: lesson, section: "polling", at: time(9))
        try store.markDone(lesson: lesson, section: "polling", at: time(3))
        try store.markDone(lesson: lesson, section: "polling", at: time(10))
        try store.markDone(lesson: lesson, section: "websockets", at: time(4))
        try store.markShown(lesson: "other", section: "polling", at: time(5))

        #expect(try store.progress(lesson: lesson) == [
            SectionProgressRecord(lesson: lesson, section: "polling", shownAt: time(1), doneAt: time(3)),
            SectionProgressRecord(lesson: lesson, section: "sse", shownAt: time(2)),
            SectionProgressRecord(lesson: lesson, section: "websockets", shownAt: time(4), doneAt: time(4)),
        ])
        #expect(try store.progress(lesson: "nothing").isEmpty)
    }

    /// Filters every store's lookups and walks must agree with `AttemptFilter.matches`.
    public static let filters: [AttemptFilter] = [
        AttemptFilter(),
        AttemptFilter(kind: .test),
        AttemptFilter(kind: .check, lesson: "demo"),
        AttemptFilter(bank: "demo", test: "t"),
        AttemptFilter(statuses: [.inProgress]),
        AttemptFilter(statuses: [.submitted, .expired]),
        .finished(bank: "demo", test: "t"),
        .finished(bank: "demo", test: "t", since: time(120)),
        AttemptFilter(lesson: "other"),
    ]

    /// The store's queries keep exactly the attempts `filter.matches` keeps.
    public static func keepsWhatTheFilterMatches(_ store: any AttemptStore, _ filter: AttemptFilter) throws {
        var all: [AttemptRecord] = []
        let shapes: [(AttemptRecord.Kind, String?, String?, AttemptRecord.Status)] = [
            (.test, "t", nil, .submitted), (.test, "t", nil, .expired), (.test, "u", nil, .inProgress),
            (.check, nil, "demo", .submitted), (.check, nil, "other", .inProgress), (.study, nil, "demo", .abandoned),
        ]
        for (minute, shape) in shapes.enumerated() {
            var attempt = attempt(kind: shape.0, bank: "demo", test: shape.1, lesson: shape.2,
                                  startedAt: time(Double(minute * 60)))
            attempt.status = shape.3
            try store.importAttempts([AttemptRows(attempt: attempt, questions: questions(of: attempt.id),
                                                  responses: [response(attempt.id, 1)])])
            all.append(attempt)
        }
        let expected = all.filter(filter.matches).map(\.id)
        #expect(try store.attempts(filter).map(\.id) == expected)
        #expect(try store.latestAttempt(filter)?.id == expected.last)
        var walked: [String] = []
        try store.forEachAttempt(filter) { attempt, questions, responses in
            walked.append(attempt.id)
            #expect(questions.count == 3)
            #expect(responses.map(\.position) == [1])
        }
        #expect(walked == expected)
    }

    /// A walk visits submitted and expired attempts in start order, each with its questions (without
    /// presentation) and responses (without answer times) by position; an error from the visitor ends it.
    public static func walk(_ store: any AttemptStore) throws {
        let statuses: [AttemptRecord.Status] = [.submitted, .expired, .abandoned, .submitted, .inProgress, .submitted]
        var made: [AttemptRecord] = []
        for (minute, status) in statuses.enumerated().reversed() {
            var attempt = attempt(startedAt: time(Double(minute * 60)))
            attempt.status = status
            try store.create(attempt, questions: questions(of: attempt.id, count: 4))
            for position in [3, 1, 4] where minute != 3 {
                try store.save(response(attempt.id, position, minute.isMultiple(of: 2) ? "B" : "A"))
            }
            made.insert(attempt, at: 0)
        }
        var visited: [(String, [AttemptQuestionRecord], [ResponseRecord])] = []
        try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice") { attempt, questions, responses in
            visited.append((attempt.id, questions, responses))  // the visitor may not call the store back
        }
        for (id, questions, responses) in visited {
            let stored = try store.responses(of: id).map { response -> ResponseRecord in
                var response = response
                response.answeredAt = nil
                return response
            }
            #expect(responses == stored)
            #expect(responses.map(\.position) == (id == made[3].id ? [] : [1, 3, 4]))
            #expect(questions == Self.questions(of: id, count: 4).map { question -> AttemptQuestionRecord in
                var question = question
                question.presentation = ""
                return question
            })
        }
        #expect(visited.map(\.0) == [made[0], made[1], made[3], made[5]].map(\.id))

        struct Stop: Error {}
        var visits = 0
        #expect(throws: Stop.self) {
            try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice") { _, _, _ in
                visits += 1
                if visits == 2 { throw Stop() }
            }
        }
        #expect(visits == 2)
    }

    /// `stats` and `report --all` read the summary an ended attempt keeps in its row: it follows the
    /// rows however the attempt was written (finished by a session, created ended, imported, a response
    /// saved after the end) and gives the sums walking every response gives.
    public static func summaries(_ store: any AttemptStore) throws {
        var finished = attempt(startedAt: time(0))
        try store.create(finished, questions: questions(of: finished.id, count: 4))
        try store.save(response(finished.id, 1, "B"))
        try store.save(response(finished.id, 3, "A"))
        var cleared = response(finished.id, 4, nil)
        cleared.points = 0
        try store.save(cleared)
        try store.finish(attemptID: finished.id, status: .submitted, submittedAt: time(60), elapsed: 60, remaining: 360)
        finished.status = .submitted

        var created = attempt(startedAt: time(120))
        created.status = .expired
        try store.create(created, questions: questions(of: created.id, count: 2))
        try store.save(response(created.id, 2, "B"))  // after the end: the summary is rebuilt

        var imported = attempt(startedAt: time(240))
        imported.status = .submitted
        try store.importAttempts([AttemptRows(attempt: imported, questions: questions(of: imported.id, count: 3),
                                              responses: [response(imported.id, 1, "B"), response(imported.id, 2, "B")])])

        let open = attempt(startedAt: time(360))
        try store.create(open, questions: questions(of: open.id, count: 3))
        try store.save(response(open.id, 1, "B"))

        // The reference: every response walked and summed one attempt at a time.
        let query = StatsQuery(bank: "websockets-sse-polling", test: "practice", tallied: ["q1", "q2", "q3"],
                               pool: ["q1", "q2", "q3", "q4"])
        var reference = ItemSums(tallied: query.tallied)
        var scores: [AttemptScore] = []
        try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice") { attempt, questions, responses in
            let items = ScoredItems(questions: questions, responses: responses)
            reference.add(learner: attempt.learner, items: items)
            scores.append(AttemptScore(attemptID: attempt.id, points: items.points, max: items.max))
        }
        #expect(scores.map(\.points) == [2, 1, 2])
        #expect(Set(try store.attemptScores(query)) == Set(scores))

        var sums = try store.testAggregates(query)
        var expected = reference.aggregates
        #expect(sums.attempts == 3 && sums.questions.map(\.questionID) == ["q1", "q2", "q3", "q4"])
        #expect(sums.questions.map(\.shown) == [3, 3, 2, 1] && sums.questions.map(\.unanswered) == [1, 1, 1, 1])
        #expect(sums.responses == expected.responses)
        // Sums taken in another order may differ in the last bits.
        for index in sums.questions.indices {
            #expect(abs(sums.questions[index].pointsTimesRest - expected.questions[index].pointsTimesRest) < 1e-9)
            sums.questions[index].pointsTimesRest = expected.questions[index].pointsTimesRest
        }
        sums.learners = expected.learners
        expected.commonTotal = sums.commonTotal
        #expect(sums == expected)
    }
}
