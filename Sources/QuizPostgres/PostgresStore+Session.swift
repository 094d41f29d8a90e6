#if PostgreSQL
import Foundation
import PostgresNIO
import QuizRecords

/// What a running session writes: each call one statement or one short transaction, committed on return.
extension PostgresStore {
    /// Records a new attempt and its questions; in the same transaction, the caller's other in-progress
    /// attempt of the same kind, bank, test and lesson becomes `abandoned` (row-level security keeps
    /// "the caller's": a learner's new attempt never touches another learner's). The learner is the
    /// role connected, whatever `attempt.learner` says. An id already taken throws `.idTaken`.
    public func create(_ attempt: AttemptRecord, questions: [AttemptQuestionRecord]) throws(StoreError) {
        do {
            try transaction { () throws(StoreError) in
                _ = try runLocked("""
                    UPDATE attempt SET status = \(AttemptRecord.Status.abandoned.rawValue)
                    WHERE kind = \(attempt.kind.rawValue) AND bank = \(attempt.bank)
                      AND test IS NOT DISTINCT FROM \(attempt.test) AND lesson IS NOT DISTINCT FROM \(attempt.lesson)
                      AND status = \(AttemptRecord.Status.inProgress.rawValue) AND id <> \(attempt.id)
                    """)
                _ = try runLocked(Self.insertAttempts([attempt], skippingTaken: false))
                for chunk in Self.chunks(questions, columns: Self.questionColumns.count) {
                    _ = try runLocked(Self.insertQuestions(chunk))
                }
                if attempt.status != .inProgress {
                    _ = try runLocked(Self.summarizing([attempt.id]))
                }
            }
        } catch .failed(_, let reason) where reason.hasPrefix(Self.uniqueMark) {
            throw .idTaken(id: attempt.id)
        }
    }

    public func save(_ response: ResponseRecord) throws(StoreError) {
        var bindings = PostgresBindings()
        Self.bind(response, to: &bindings)
        // One statement, which also says whether the attempt has ended (sessions save only before);
        // an ended attempt's summary is then rebuilt from its rows.
        let ended = try fetch(PostgresQuery(unsafeSQL: """
            INSERT INTO response (\(Self.responseColumns.joined(separator: ", ")))
            VALUES (\(Self.placeholders(Self.responseColumns.count)))
            ON CONFLICT (attempt_id, position) DO UPDATE SET
            \(Self.responseColumns.dropFirst(2).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            RETURNING (SELECT points IS NOT NULL FROM attempt WHERE attempt.id = response.attempt_id)
            """, binds: bindings)) { try $0.decode(Bool?.self) }
        if ended.first == true {
            try run(Self.summarizing([response.attemptID]))
        }
    }

    public func saveClock(attemptID: String, remaining: Double?, elapsed: Double) throws(StoreError) {
        let changed = try fetch("""
            UPDATE attempt SET remaining = \(remaining), elapsed = \(elapsed) WHERE id = \(attemptID) RETURNING id
            """) { try $0.decode(String.self) }
        if changed.isEmpty { throw .notFound(prefix: attemptID) }
    }

    public func finish(attemptID: String, status: AttemptRecord.Status, submittedAt: Date?, elapsed: Double,
                       remaining: Double?) throws(StoreError) {
        let changed = try fetch("""
            UPDATE attempt a SET status = \(status.rawValue), submitted_at = \(submittedAt.map(Self.millis)),
                elapsed = \(elapsed), remaining = \(remaining), \(unescaped: PostgresSchema.summary)
            WHERE id = \(attemptID) RETURNING id
            """) { try $0.decode(String.self) }
        if changed.isEmpty { throw .notFound(prefix: attemptID) }
    }

    public func markShown(lesson: String, section: String, at date: Date) throws(StoreError) {
        try run("""
            INSERT INTO section_progress (lesson, section, shown_at) VALUES (\(lesson), \(section), \(Self.millis(date)))
            ON CONFLICT (learner, lesson, section)
            DO UPDATE SET shown_at = coalesce(section_progress.shown_at, excluded.shown_at)
            """)
    }

    public func markDone(lesson: String, section: String, at date: Date) throws(StoreError) {
        let date = Self.millis(date)
        try run("""
            INSERT INTO section_progress (lesson, section, shown_at, done_at)
            VALUES (\(lesson), \(section), \(date), \(date))
            ON CONFLICT (learner, lesson, section)
            DO UPDATE SET shown_at = coalesce(section_progress.shown_at, excluded.shown_at),
                          done_at = coalesce(section_progress.done_at, excluded.done_at)
            """)
    }

    /// Stores finished attempts in one transaction, many rows per statement; an attempt whose id is
    /// already in the store is skipped with its questions and responses, so copying twice adds nothing.
    /// Every attempt belongs to the role connected.
    public func importAttempts(_ batch: [AttemptRows]) throws(StoreError) {
        guard !batch.isEmpty else { return }
        try transaction { () throws(StoreError) in
            var added: Set<String> = []
            for chunk in Self.chunks(batch.map(\.attempt), columns: Self.attemptColumns.count - 1) {
                let ids = try fetchLocked(Self.insertAttempts(chunk, skippingTaken: true)) { try $0.decode(String.self) }
                added.formUnion(ids)
            }
            let kept = batch.filter { added.contains($0.attempt.id) }
            for chunk in Self.chunks(kept.flatMap(\.questions), columns: Self.questionColumns.count) {
                _ = try runLocked(Self.insertQuestions(chunk))
            }
            for chunk in Self.chunks(kept.flatMap(\.responses), columns: Self.responseColumns.count) {
                var bindings = PostgresBindings(capacity: chunk.count * Self.responseColumns.count)
                for response in chunk { Self.bind(response, to: &bindings) }
                _ = try runLocked(PostgresQuery(unsafeSQL: """
                    INSERT INTO response (\(Self.responseColumns.joined(separator: ", ")))
                    VALUES \(Self.rows(chunk.count, columns: Self.responseColumns.count))
                    """, binds: bindings))
            }
            let ended = kept.filter { $0.attempt.status != .inProgress }.map(\.attempt.id)
            for chunk in Self.chunks(ended, columns: 1) {
                _ = try runLocked(Self.summarizing(Array(chunk)))
            }
        }
    }

    /// Rewrites the summary of the attempts `ids` from their rows (`PostgresSchema.summary`).
    static func summarizing(_ ids: [String]) -> PostgresQuery {
        "UPDATE attempt a SET \(unescaped: PostgresSchema.summary) WHERE a.id = ANY(\(ids))"
    }
    // MARK: Statements

    /// Starts the reason of a `.failed` that was a unique violation (SQLSTATE 23505).
    static let uniqueMark = "duplicate key"

    /// The columns a client writes (`learner` is the server's), in the order they are bound.
    static let writtenAttemptColumns = Array(attemptColumns.dropLast())

    static func insertAttempts(_ attempts: some Collection<AttemptRecord>, skippingTaken: Bool) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: attempts.count * writtenAttemptColumns.count)
        for attempt in attempts {
            bindings.append(attempt.id)
            bindings.append(attempt.kind.rawValue)
            bindings.append(attempt.bank)
            bindings.append(attempt.test)
            bindings.append(attempt.lesson)
            bindings.append(attempt.title)
            bindings.append(attempt.seed)
            bindings.append(millis(attempt.startedAt))
            bindings.append(attempt.submittedAt.map(millis))
            bindings.append(attempt.timeLimit)
            bindings.append(attempt.remaining)
            bindings.append(attempt.elapsed)
            bindings.append(attempt.status.rawValue)
            bindings.append(attempt.passMark)
            bindings.append(attempt.penalty)
        }
        return PostgresQuery(unsafeSQL: """
            INSERT INTO attempt (\(writtenAttemptColumns.joined(separator: ", ")))
            VALUES \(rows(attempts.count, columns: writtenAttemptColumns.count))
            \(skippingTaken ? "ON CONFLICT (id) DO NOTHING RETURNING id" : "")
            """, binds: bindings)
    }

    static let questionColumns = ["attempt_id", "position", "question_id", "section", "lesson", "presentation",
                                  "max_points"]

    static func insertQuestions(_ questions: some Collection<AttemptQuestionRecord>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: questions.count * questionColumns.count)
        for question in questions {
            bindings.append(question.attemptID)
            bindings.append(question.position)
            bindings.append(question.questionID)
            bindings.append(question.section)
            bindings.append(question.lesson)
            bindings.append(question.presentation)
            bindings.append(question.maxPoints)
        }
        return PostgresQuery(unsafeSQL: """
            INSERT INTO attempt_question (\(questionColumns.joined(separator: ", ")))
            VALUES \(rows(questions.count, columns: questionColumns.count))
            """, binds: bindings)
    }

    static let responseColumns = ["attempt_id", "position", "response", "points", "correct", "time_spent", "flagged",
                                  "tries", "first_try_correct", "answered_at"]

    static func bind(_ response: ResponseRecord, to bindings: inout PostgresBindings) {
        bindings.append(response.attemptID)
        bindings.append(response.position)
        bindings.append(response.response)
        bindings.append(response.points)
        bindings.append(response.correct)
        bindings.append(response.timeSpent)
        bindings.append(response.flagged)
        bindings.append(response.tries)
        bindings.append(response.firstTryCorrect)
        bindings.append(response.answeredAt.map(millis))
    }

    /// `$1, $2, …` for one row.
    static func placeholders(_ count: Int, from start: Int = 1) -> String {
        (start..<start + count).map { "$\($0)" }.joined(separator: ", ")
    }

    /// `($1, …), ($n+1, …), …` for `count` rows of `columns` values.
    static func rows(_ count: Int, columns: Int) -> String {
        (0..<count).map { "(\(placeholders(columns, from: $0 * columns + 1)))" }.joined(separator: ", ")
    }

    /// Slices small enough for one statement (the protocol carries at most 65,535 values).
    static func chunks<T>(_ items: [T], columns: Int) -> [ArraySlice<T>] {
        let size = max(1, 60_000 / columns)
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// `date` to the whole millisecond, as every store keeps times.
    static func millis(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
#endif
