import Foundation
import GRDB
import QuizRecords

// The records are defined without any database in mind (so that every store
// shares them); their table names and columns are this store's business, and
// they are declared here, the one module that imports GRDB.

/// A stored value that is not one this build knows: the file was written by something else.
struct UnknownValue: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "unknown \(column) \"\(value)\"" }
}

extension AttemptRecord: FetchableRecord, PersistableRecord {
    public enum Columns: String, ColumnExpression {
        case id, kind, bank, test, lesson, title, seed
        case startedAt = "started_at"
        case submittedAt = "submitted_at"
        case timeLimit = "time_limit"
        case remaining, elapsed, status
        case passMark = "pass_mark"
        case penalty, learner
    }

    public static let databaseTableName = "attempt"

    /// Every column, in the order `init(streamed:)` reads them.
    static let columnNames = ["id", "kind", "bank", "test", "lesson", "title", "seed", "started_at", "submitted_at",
                              "time_limit", "remaining", "elapsed", "status", "pass_mark", "penalty", "learner"]

    public init(row: Row) throws {
        try self.init(streamed: row[Columns.id.rawValue] as String, row: row, named: true)
    }

    /// From a row holding `columnNames` in order, read by position (cheaper than by name on long walks).
    init(streamed row: Row) throws {
        try self.init(streamed: row[0] as String, row: row, named: false)
    }

    private init(streamed id: String, row: Row, named: Bool) throws {
        func value<T: DatabaseValueConvertible>(_ index: Int) -> T {
            named ? row[Self.columnNames[index]] : row[index]
        }
        func optional<T: DatabaseValueConvertible>(_ index: Int) -> T? {
            named ? row[Self.columnNames[index]] : row[index]
        }
        let kindText: String = value(1)
        let statusText: String = value(12)
        guard let kind = Kind(rawValue: kindText) else { throw UnknownValue(column: "kind", value: kindText) }
        guard let status = Status(rawValue: statusText) else { throw UnknownValue(column: "status", value: statusText) }
        self.init(id: id, kind: kind, bank: value(2), test: optional(3), lesson: optional(4), title: value(5),
                  seed: value(6), startedAt: value(7), submittedAt: optional(8), timeLimit: optional(9),
                  remaining: optional(10), elapsed: value(11), status: status, passMark: value(13), penalty: value(14),
                  learner: optional(15))
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.id] = id
        container[Columns.kind] = kind.rawValue
        container[Columns.bank] = bank
        container[Columns.test] = test
        container[Columns.lesson] = lesson
        container[Columns.title] = title
        container[Columns.seed] = seed
        container[Columns.startedAt] = startedAt
        container[Columns.submittedAt] = submittedAt
        container[Columns.timeLimit] = timeLimit
        container[Columns.remaining] = remaining
        container[Columns.elapsed] = elapsed
        container[Columns.status] = status.rawValue
        container[Columns.passMark] = passMark
        container[Columns.penalty] = penalty
        container[Columns.learner] = learner
    }
}

extension AttemptQuestionRecord: FetchableRecord, PersistableRecord {
    public enum Columns: String, ColumnExpression {
        case attemptID = "attempt_id"
        case position
        case questionID = "question_id"
        case section, lesson, presentation
        case maxPoints = "max_points"
    }

    public static let databaseTableName = "attempt_question"

    public init(row: Row) throws {
        self.init(attemptID: row[Columns.attemptID], position: row[Columns.position], questionID: row[Columns.questionID],
                  section: row[Columns.section], lesson: row[Columns.lesson], presentation: row[Columns.presentation],
                  maxPoints: row[Columns.maxPoints])
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.attemptID] = attemptID
        container[Columns.position] = position
        container[Columns.questionID] = questionID
        container[Columns.section] = section
        container[Columns.lesson] = lesson
        container[Columns.presentation] = presentation
        container[Columns.maxPoints] = maxPoints
    }
}

extension ResponseRecord: FetchableRecord, PersistableRecord {
    public enum Columns: String, ColumnExpression {
        case attemptID = "attempt_id"
        case position, response, points, correct
        case timeSpent = "time_spent"
        case flagged, tries
        case firstTryCorrect = "first_try_correct"
        case answeredAt = "answered_at"
    }

    public static let databaseTableName = "response"

    /// Decoded by hand: item analysis reads millions of responses.
    public init(row: Row) throws {
        self.init(attemptID: row[Columns.attemptID], position: row[Columns.position], response: row[Columns.response],
                  points: row[Columns.points], correct: row[Columns.correct], timeSpent: row[Columns.timeSpent],
                  flagged: row[Columns.flagged], tries: row[Columns.tries], firstTryCorrect: row[Columns.firstTryCorrect],
                  answeredAt: row[Columns.answeredAt])
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.attemptID] = attemptID
        container[Columns.position] = position
        container[Columns.response] = response
        container[Columns.points] = points
        container[Columns.correct] = correct
        container[Columns.timeSpent] = timeSpent
        container[Columns.flagged] = flagged
        container[Columns.tries] = tries
        container[Columns.firstTryCorrect] = firstTryCorrect
        container[Columns.answeredAt] = answeredAt
    }
}

extension SectionProgressRecord: FetchableRecord, PersistableRecord {
    public enum Columns: String, ColumnExpression {
        case lesson, section
        case shownAt = "shown_at"
        case doneAt = "done_at"
    }

    public static let databaseTableName = "section_progress"

    public init(row: Row) throws {
        self.init(lesson: row[Columns.lesson], section: row[Columns.section], shownAt: row[Columns.shownAt],
                  doneAt: row[Columns.doneAt])
    }

    public func encode(to container: inout PersistenceContainer) {
        container[Columns.lesson] = lesson
        container[Columns.section] = section
        container[Columns.shownAt] = shownAt
        container[Columns.doneAt] = doneAt
    }
}
