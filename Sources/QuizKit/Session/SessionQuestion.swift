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

/// What a session asks its driver to do: print, read, save, or stop.
public enum SessionEvent: Sendable, Equatable {
    /// Text to print as is (complete lines).
    case show(String)
    /// Print the `> ` prompt, flush, and read one line.
    case awaitLine
    /// The answer at this position changed: save it now.
    case answered(position: Int)
    /// The flag at this position changed: save it now.
    case flagged(position: Int)
    /// The session is over.
    case ended(SessionEnd)
}

public enum SessionEnd: String, Sendable, Equatable {
    /// Submitted by the learner or by end of input.
    case submitted
    /// The time limit ran out.
    case expired
    /// `quit`: the attempt stays in progress and can be resumed.
    case quit
    /// A quick-check round reached its end.
    case finished
}
