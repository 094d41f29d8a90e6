import Foundation
import GRDB
import QuizRecords

/// Visiting every attempt of a test without holding them all in memory, for
/// item analysis over many thousands of attempts.
extension SQLiteStore {
    /// Three cursors walk side by side in the same order — attempts, and the questions and
    /// responses of those attempts joined to them — so only one attempt's rows are in memory at
    /// a time; the whole walk sees one consistent snapshot even while other processes write.
    /// The questions come without their `presentation` and the responses without `answeredAt`:
    /// reading them costs a third of the walk.
    public func forEachAttempt(
        _ wanted: AttemptFilter, body: (AttemptRecord, [AttemptQuestionRecord], [ResponseRecord]) throws -> Void
    ) throws {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        for (column, value) in [("kind", wanted.kind?.rawValue), ("bank", wanted.bank), ("test", wanted.test),
                                ("lesson", wanted.lesson)] {
            guard let value else { continue }
            conditions.append("attempt.\(column) = ?")
            arguments += [value]
        }
        if let since = wanted.since {
            conditions.append("attempt.started_at >= ?")
            arguments += [since]
        }
        if !wanted.statuses.isEmpty {
            let marks = Array(repeating: "?", count: wanted.statuses.count).joined(separator: ", ")
            conditions.append("attempt.status IN (\(marks))")
            arguments += StatementArguments(wanted.statuses.map(\.rawValue))
        }
        let filter = conditions.isEmpty ? "" : "WHERE \(conditions.joined(separator: " AND "))"
        let order = "ORDER BY attempt.started_at, attempt.rowid"
        do {
            try pool.read { db in
                // Columns are named in a fixed order and read by position: looking each one up
                // by name costs more than the rest of the walk.
                let attempts = try Row.fetchCursor(
                    db, sql: "SELECT \(Self.attemptColumns) FROM attempt \(filter) \(order)", arguments: arguments
                ).map { try AttemptRecord(streamed: $0) }
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
        } catch let error as UnknownValue {
            throw StoreError.wrapping(error, path: url.path)
        }
    }

    static let attemptColumns = AttemptRecord.columnNames.map { "attempt.\($0)" }.joined(separator: ", ")
    static let responseColumns = ["attempt_id", "position", "response", "points", "correct", "time_spent", "flagged",
                                  "tries", "first_try_correct"]
        .map { "response.\($0)" }.joined(separator: ", ")
}

extension ResponseRecord {
    /// From a row of `SQLiteStore.responseColumns`, by position (`answeredAt` is not read).
    init(streamed row: Row) {
        self.init(attemptID: row[0], position: row[1], response: row[2], points: row[3], correct: row[4], timeSpent: row[5],
                  flagged: row[6], tries: row[7], firstTryCorrect: row[8], answeredAt: nil)
    }
}
