import Foundation

/// The learner's latest response to one question of an attempt, keyed by
/// attempt and position.
///
/// Saving again for the same position replaces the row, so a changed answer or
/// a cleared one (`response == nil`) overwrites what was there.
public struct ResponseRecord: Hashable, Sendable {
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
}
