#if PostgreSQL
import Foundation
import PostgresNIO
import QuizRecords

/// Finding attempts and what they hold. Ties in start time go to the attempt recorded first.
/// A learner's role sees only its own rows (row-level security); a teacher's sees every row.
extension PostgresStore {
    /// At most this many candidate ids are carried by `StoreError.ambiguous`.
    static let candidateLimit = 20

    static let attemptColumns = ["id", "kind", "bank", "test", "lesson", "title", "seed", "started_at",
                                 "submitted_at", "time_limit", "remaining", "elapsed", "status", "pass_mark",
                                 "penalty", "learner"]
    static let attemptSelect = "SELECT \(attemptColumns.map { "attempt.\($0)" }.joined(separator: ", ")) FROM attempt"

    public func attempt(id: String) throws(StoreError) -> AttemptRecord? {
        try fetch(PostgresQuery(unsafeSQL: "\(Self.attemptSelect) WHERE id = $1", binds: Self.binds(id)),
                  Self.attempt(from:)).first
    }

    public func attempt(matching prefix: String) throws(StoreError) -> AttemptRecord {
        let wanted = prefix.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty, wanted.allSatisfy(\.isHexDigit) else {
            throw .notFound(prefix: prefix)
        }
        let found = try fetch(PostgresQuery(
            unsafeSQL: "\(Self.attemptSelect) WHERE id LIKE $1 ORDER BY id LIMIT \(Self.candidateLimit)",
            binds: Self.binds(wanted + "%")), Self.attempt(from:))
        switch found.count {
        case 0: throw .notFound(prefix: wanted)
        case 1: return found[0]
        default: throw .ambiguous(prefix: wanted, candidates: found.map(\.id))
        }
    }

    public func latestAttempt(_ filter: AttemptFilter) throws(StoreError) -> AttemptRecord? {
        let (condition, bindings) = Self.condition(filter)
        return try fetch(PostgresQuery(
            unsafeSQL: "\(Self.attemptSelect) \(condition) ORDER BY started_at DESC, recorded DESC LIMIT 1",
            binds: bindings), Self.attempt(from:)).first
    }

    public func attempts(_ filter: AttemptFilter) throws(StoreError) -> [AttemptRecord] {
        let (condition, bindings) = Self.condition(filter)
        return try fetch(PostgresQuery(unsafeSQL: "\(Self.attemptSelect) \(condition) ORDER BY started_at, recorded",
                                       binds: bindings), Self.attempt(from:))
    }

    public func questions(of attemptID: String) throws(StoreError) -> [AttemptQuestionRecord] {
        try fetch("""
            SELECT attempt_id, position, question_id, section, lesson, presentation, max_points
            FROM attempt_question WHERE attempt_id = \(attemptID) ORDER BY position
            """) { row in
            AttemptQuestionRecord(attemptID: try row[0].decode(String.self), position: try row[1].decode(Int.self),
                                  questionID: try row[2].decode(String.self), section: try row[3].decode(String.self),
                                  lesson: try row[4].decode(String.self), presentation: try row[5].decode(String.self),
                                  maxPoints: try row[6].decode(Double.self))
        }
    }

    public func responses(of attemptID: String) throws(StoreError) -> [ResponseRecord] {
        try fetch(PostgresQuery(unsafeSQL: """
            SELECT \(Self.responseColumns.joined(separator: ", ")) FROM response WHERE attempt_id = $1 ORDER BY position
            """, binds: Self.binds(attemptID))) { row in
            var response = try Self.response(from: row)
            response.answeredAt = try row[9].decode(Date?.self)
            return response
        }
    }

    public func progress(lesson: String) throws(StoreError) -> [SectionProgressRecord] {
        try fetch("""
            SELECT lesson, section, shown_at, done_at FROM section_progress
            WHERE lesson = \(lesson) AND learner = current_user ORDER BY shown_at, recorded
            """) { row in
            SectionProgressRecord(lesson: try row[0].decode(String.self), section: try row[1].decode(String.self),
                                  shownAt: try row[2].decode(Date?.self), doneAt: try row[3].decode(Date?.self))
        }
    }

    /// Members of `quiz_teacher` read every row; so do superusers, roles that bypass row-level
    /// security, and the role that set the store up (its owner). A learner's role sees only its own.
    public func requireClassAccess() throws(StoreError) {
        let allowed = try fetch("""
            SELECT pg_has_role(current_user, 'quiz_teacher', 'USAGE') OR rolsuper OR rolbypassrls
                   OR EXISTS (SELECT FROM pg_class WHERE oid = 'attempt'::regclass
                              AND pg_has_role(current_user, relowner, 'USAGE'))
            FROM pg_roles WHERE rolname = current_user
            """) { try $0.decode(Bool.self) }
        if allowed.first != true { throw .needsTeacher(location: location) }
    }

    // MARK: Rows

    /// `WHERE …` for `filter` (empty when it keeps everything), with its values bound from `$1`.
    static func condition(_ filter: AttemptFilter) -> (String, PostgresBindings) {
        var conditions: [String] = []
        var bindings = PostgresBindings()
        for (column, value) in [("kind", filter.kind?.rawValue), ("bank", filter.bank), ("test", filter.test),
                                ("lesson", filter.lesson)] {
            guard let value else { continue }
            bindings.append(value)
            conditions.append("attempt.\(column) = $\(bindings.count)")
        }
        if let since = filter.since {
            bindings.append(since)
            conditions.append("attempt.started_at >= $\(bindings.count)")
        }
        if !filter.statuses.isEmpty {
            let marks = filter.statuses.map { status -> String in
                bindings.append(status.rawValue)
                return "$\(bindings.count)"
            }
            conditions.append("attempt.status IN (\(marks.joined(separator: ", ")))")
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), bindings)
    }

    static func binds(_ values: String...) -> PostgresBindings {
        var bindings = PostgresBindings()
        for value in values { bindings.append(value) }
        return bindings
    }

    /// An attempt from a row of `attemptColumns`, in order.
    static func attempt(from row: PostgresRandomAccessRow) throws -> AttemptRecord {
        let kindText = try row[1].decode(String.self)
        let statusText = try row[12].decode(String.self)
        guard let kind = AttemptRecord.Kind(rawValue: kindText),
              let status = AttemptRecord.Status(rawValue: statusText)
        else { throw UnknownValue() }
        return AttemptRecord(
            id: try row[0].decode(String.self), kind: kind, bank: try row[2].decode(String.self),
            test: try row[3].decode(String?.self), lesson: try row[4].decode(String?.self),
            title: try row[5].decode(String.self), seed: try row[6].decode(Int64.self),
            startedAt: try row[7].decode(Date.self), submittedAt: try row[8].decode(Date?.self),
            timeLimit: try row[9].decode(Int?.self), remaining: try row[10].decode(Double?.self),
            elapsed: try row[11].decode(Double.self), status: status, passMark: try row[13].decode(Double.self),
            penalty: try row[14].decode(Double.self), learner: try row[15].decode(String?.self))
    }

    /// A response from a row of `responseColumns`, in order, without `answeredAt`.
    static func response(from row: PostgresRandomAccessRow) throws -> ResponseRecord {
        ResponseRecord(
            attemptID: try row[0].decode(String.self), position: try row[1].decode(Int.self),
            response: try row[2].decode(String?.self), points: try row[3].decode(Double.self),
            correct: try row[4].decode(Bool?.self), timeSpent: try row[5].decode(Double.self),
            flagged: try row[6].decode(Bool.self), tries: try row[7].decode(Int.self),
            firstTryCorrect: try row[8].decode(Bool?.self))
    }

    /// A kind or status this build does not know: the database was written by something else.
    struct UnknownValue: Error {}
}
#endif
