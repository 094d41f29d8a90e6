import Foundation
import GRDB

/// The learner's latest response to one question of an attempt: a row of
/// `response`, keyed by attempt and position.
///
/// Saving again for the same position replaces the row, so a changed answer or
/// a cleared one (`response == nil`) overwrites what was there.
public struct ResponseRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public var attemptID: String
    /// 1-based position of the question in the attempt.
    public var position: Int
    /// The canonical text form of the answer; nil when unanswered or cleared.
    public var response: String?
    public var points: Double
    /// nil when unanswered; partial credit shows in `points`.
    public var correct: Bool?
    /// Seconds spent on the question, over every visit.
    public var timeSpent: Double
    public var flagged: Bool
    /// How many answers were given (quick checks allow a second try).
    public var tries: Int
    /// Whether the first try was right: what quick-check accuracy counts.
    public var firstTryCorrect: Bool?
    public var answeredAt: Date?

    public init(
        attemptID: String, position: Int, response: String? = nil, points: Double = 0,
        correct: Bool? = nil, timeSpent: Double = 0, flagged: Bool = false, tries: Int = 0,
        firstTryCorrect: Bool? = nil, answeredAt: Date? = nil
    ) {
        self.attemptID = attemptID
        self.position = position
        self.response = response
        self.points = points
        self.correct = correct
        self.timeSpent = timeSpent
        self.flagged = flagged
        self.tries = tries
        self.firstTryCorrect = firstTryCorrect
        self.answeredAt = answeredAt
    }

    /// Decodes a row by hand: item analysis reads millions of responses, and
    /// this is several times faster than the `Decodable` path.
    public init(row: Row) throws {
        typealias Columns = CodingKeys
        attemptID = row[Columns.attemptID]
        position = row[Columns.position]
        response = row[Columns.response]
        points = row[Columns.points]
        correct = row[Columns.correct]
        timeSpent = row[Columns.timeSpent]
        flagged = row[Columns.flagged]
        tries = row[Columns.tries]
        firstTryCorrect = row[Columns.firstTryCorrect]
        answeredAt = row[Columns.answeredAt]
    }

    public static let databaseTableName = "response"

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case attemptID = "attempt_id"
        case position, response, points, correct
        case timeSpent = "time_spent"
        case flagged, tries
        case firstTryCorrect = "first_try_correct"
        case answeredAt = "answered_at"
    }
}
