/// A question as it stands in one attempt: its position, its shuffled layout and where to read about it.
public struct SessionQuestion: Sendable {
    /// 1-based position in the attempt.
    public var position: Int
    public var question: Question
    public var presentation: Presentation
    public var sectionTitle: String
    /// `Lessons/FILE.md#section`, for the review list.
    public var review: String

    public init(position: Int, question: Question, presentation: Presentation, sectionTitle: String, review: String) {
        self.position = position
        self.question = question
        self.presentation = presentation
        self.sectionTitle = sectionTitle
        self.review = review
    }
}

/// What a learner has given for one question so far.
public struct SessionAnswer: Sendable, Equatable {
    public var response: Response?
    public var grade: Grade
    public var flagged: Bool
    /// Seconds spent on the question across every visit.
    public var timeSpent: Double
    /// Answers given (quick checks allow two).
    public var tries: Int
    /// Whether the first try was right (quick checks); nil before any try.
    public var firstTryCorrect: Bool?

    public init(response: Response? = nil, grade: Grade, flagged: Bool = false, timeSpent: Double = 0,
                tries: Int = 0, firstTryCorrect: Bool? = nil) {
        self.response = response
        self.grade = grade
        self.flagged = flagged
        self.timeSpent = timeSpent
        self.tries = tries
        self.firstTryCorrect = firstTryCorrect
    }

    /// An unanswered question of the given maximum.
    public static func empty(max: Double) -> SessionAnswer {
        SessionAnswer(grade: Grade(points: 0, max: max, correct: nil))
    }
}
