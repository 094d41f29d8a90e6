import Foundation
import GRDB

/// Visiting every attempt of a test without holding them all in memory, for
/// item analysis over many thousands of attempts.
extension AttemptStore {
    /// Calls `body` once per attempt of `bank`/`test`, oldest first, with its
    /// questions and its responses by position.
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
                let attempts = try AttemptRecord.fetchCursor(
                    db, sql: "SELECT attempt.* FROM attempt \(filter) \(order)", arguments: arguments)
                let responses = try ResponseRecord.fetchCursor(
                    db,
                    sql: """
                        SELECT response.* FROM attempt
                        JOIN response ON response.attempt_id = attempt.id
                        \(filter) \(order), response.position
                        """,
                    arguments: arguments)
                let questions = try AttemptQuestionRecord.fetchCursor(
                    db,
                    sql: """
                        SELECT attempt_question.* FROM attempt
                        JOIN attempt_question ON attempt_question.attempt_id = attempt.id
                        \(filter) \(order), attempt_question.position
                        """,
                    arguments: arguments)
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
}
