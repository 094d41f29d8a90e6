#if PostgreSQL
import Foundation
import PostgresNIO
import QuizRecords

/// Visiting every attempt of a filter without holding them all in memory.
extension PostgresStore {
    /// How many attempts one round trip brings.
    static let walkBatch = 500

    /// One server-side cursor, inside one read-only transaction (one consistent snapshot), brings the
    /// attempts in batches, each with its questions and responses gathered by the server as JSON
    /// arrays; only one batch is in memory at a time. The questions come without `presentation` and
    /// the responses without `answeredAt`, as on SQLite.
    public func forEachAttempt(
        _ filter: AttemptFilter, body: (AttemptRecord, [AttemptQuestionRecord], [ResponseRecord]) throws -> Void
    ) throws {
        let (condition, bindings) = Self.condition(filter)
        let declare = PostgresQuery(unsafeSQL: """
            DECLARE quiz_walk NO SCROLL CURSOR FOR
            \(Self.attemptSelect.replacingOccurrences(of: " FROM attempt", with: ""))
                , coalesce((SELECT json_agg(json_build_array(q.position, q.question_id, q.section, q.lesson,
                                                             q.max_points) ORDER BY q.position)
                            FROM attempt_question q WHERE q.attempt_id = attempt.id), '[]')::text
                , coalesce((SELECT json_agg(json_build_array(r.position, r.response, r.points, r.correct,
                                                             r.time_spent, r.flagged, r.tries, r.first_try_correct)
                                            ORDER BY r.position)
                            FROM response r WHERE r.attempt_id = attempt.id), '[]')::text
            FROM attempt \(condition) ORDER BY attempt.started_at, attempt.recorded
            """, binds: bindings)
        lock.lock()
        defer { lock.unlock() }
        _ = try runLocked("BEGIN READ ONLY")
        do {
            _ = try runLocked(declare)
            while true {
                let rows = try runLocked(PostgresQuery(unsafeSQL: "FETCH \(Self.walkBatch) FROM quiz_walk"))
                let batch = try decode(rows) { row in
                    let attempt = try Self.attempt(from: row)
                    return (attempt, try Self.questions(json: row[16].decode(String.self), of: attempt.id),
                            try Self.responses(json: row[17].decode(String.self), of: attempt.id))
                }
                for (attempt, questions, responses) in batch {
                    try body(attempt, questions, responses)
                }
                if rows.count < Self.walkBatch { break }
            }
            _ = try runLocked("COMMIT")
        } catch {
            _ = try? runLocked("ROLLBACK")
            throw error
        }
    }

    private static func array(_ json: String) throws -> [[Any]] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else {
            throw UnknownValue()
        }
        return rows
    }

    static func questions(json: String, of attemptID: String) throws -> [AttemptQuestionRecord] {
        try array(json).map { item in
            guard item.count == 5, let position = item[0] as? Int, let id = item[1] as? String,
                  let section = item[2] as? String, let lesson = item[3] as? String,
                  let points = (item[4] as? NSNumber)?.doubleValue
            else { throw UnknownValue() }
            return AttemptQuestionRecord(attemptID: attemptID, position: position, questionID: id, section: section,
                                         lesson: lesson, presentation: "", maxPoints: points)
        }
    }

    static func responses(json: String, of attemptID: String) throws -> [ResponseRecord] {
        try array(json).map { item in
            guard item.count == 8, let position = item[0] as? Int,
                  let points = (item[2] as? NSNumber)?.doubleValue, let spent = (item[4] as? NSNumber)?.doubleValue,
                  let flagged = item[5] as? Bool, let tries = item[6] as? Int
            else { throw UnknownValue() }
            return ResponseRecord(attemptID: attemptID, position: position, response: item[1] as? String,
                                  points: points, correct: item[3] as? Bool, timeSpent: spent, flagged: flagged,
                                  tries: tries, firstTryCorrect: item[7] as? Bool)
        }
    }
}
#endif
