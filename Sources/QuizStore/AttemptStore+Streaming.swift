import Foundation
import GRDB

/// Visiting every attempt of a test without holding them all in memory, for
/// item analysis over many thousands of attempts.
extension AttemptStore {
    /// Calls `body` once per attempt of `bank`/`test`, oldest first, with its
    /// questions and its responses by position. The questions come without their
    /// `presentation` (an empty string) and the responses without `answeredAt`:
    /// item analysis needs neither, and reading them costs a third of the walk.
    ///
    /// Three cursors walk side by side in the same order — attempts, and the
    /// questions and responses of those attempts joined to them — so only one attempt's rows
    /// are in memory at a time; the whole walk sees one consistent snapshot
    /// even while other processes write.
    /// `body` must not call back into the store (GRDB accesses are not
    /// reentrant), and an error it throws ends the walk and is rethrown as is.
    ///
    /// - Parameters:
    ///   - since: keep attempts started at or after this instant.
    ///   - statuses: keep attempts with one of these statuses; empty keeps every status.
    public func forEachAttempt(
        bank: String, test: String, since: Date? = nil,
        statuses: [String] = [AttemptRecord.Status.submitted, AttemptRecord.Status.expired],
        body: (AttemptRecord, [AttemptQuestionRecord], [ResponseRecord]) throws -> Void
    ) throws {
        var conditions = ["attempt.bank = ?", "attempt.test = ?"]
        var arguments: StatementArguments = [bank, test]
        if let since {
            conditions.append("attempt.started_at >= ?")
            arguments += [since]
        }
        if !statuses.isEmpty {
            let marks = Array(repeating: "?", count: statuses.count).joined(separator: ", ")
            conditions.append("attempt.status IN (\(marks))")
            arguments += StatementArguments(statuses)
        }
        let filter = "WHERE \(conditions.joined(separator: " AND "))"
        let order = "ORDER BY attempt.started_at, attempt.rowid"
        do {
            try pool.read { db in
                // Columns are named in a fixed order and read by position: looking each one up
                // by name costs more than the rest of the walk.
                let attempts = try Row.fetchCursor(
                    db, sql: "SELECT \(Self.attemptColumns) FROM attempt \(filter) \(order)", arguments: arguments
                ).map { AttemptRecord(streamed: $0) }
                let responses = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT \(Self.responseColumns) FROM attempt
                        JOIN response ON response.attempt_id = attempt.id
                        \(filter) \(order), response.position
                        """,
                    arguments: arguments
                ).map { ResponseRecord(streamed: $0) }
                let questions = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT attempt_question.attempt_id, attempt_question.position, attempt_question.question_id,
                               attempt_question.section, attempt_question.lesson, attempt_question.max_points
                        FROM attempt
                        JOIN attempt_question ON attempt_question.attempt_id = attempt.id
                        \(filter) \(order), attempt_question.position
                        """,
                    arguments: arguments
                ).map { row in
                    AttemptQuestionRecord(attemptID: row[0], position: row[1], questionID: row[2], section: row[3],
                                          lesson: row[4], presentation: "", maxPoints: row[5])
                }
                var pending = try responses.next()
                var pendingQuestion = try questions.next()
                var batch: [ResponseRecord] = []
                var shown: [AttemptQuestionRecord] = []
                while let attempt = try attempts.next() {
                    batch.removeAll(keepingCapacity: true)
                    shown.removeAll(keepingCapacity: true)
                    while let response = pending, response.attemptID == attempt.id {
                        batch.append(response)
                        pending = try responses.next()
                    }
                    while let question = pendingQuestion, question.attemptID == attempt.id {
                        shown.append(question)
                        pendingQuestion = try questions.next()
                    }
                    try body(attempt, shown, batch)
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.wrapping(error, path: url.path)
        }
    }

    static let attemptColumns = ["id", "kind", "bank", "test", "lesson", "title", "seed", "started_at", "submitted_at",
                                 "time_limit", "remaining", "elapsed", "status", "pass_mark", "penalty"]
        .map { "attempt.\($0)" }.joined(separator: ", ")
    static let responseColumns = ["attempt_id", "position", "response", "points", "correct", "time_spent", "flagged",
                                  "tries", "first_try_correct"]
        .map { "response.\($0)" }.joined(separator: ", ")
}

extension AttemptRecord {
    /// From a row of `AttemptStore.attemptColumns`, by position.
    init(streamed row: Row) {
        self.init(id: row[0], kind: row[1], bank: row[2], test: row[3], lesson: row[4], title: row[5], seed: row[6],
                  startedAt: row[7], submittedAt: row[8], timeLimit: row[9], remaining: row[10], elapsed: row[11],
                  status: row[12], passMark: row[13], penalty: row[14])
    }
}

extension ResponseRecord {
    /// From a row of `AttemptStore.responseColumns`, by position (`answeredAt` is not read).
    init(streamed row: Row) {
        self.init(attemptID: row[0], position: row[1], response: row[2], points: row[3], correct: row[4], timeSpent: row[5],
                  flagged: row[6], tries: row[7], firstTryCorrect: row[8], answeredAt: nil)
    }
}
