/// A question put before the learner: the question as laid out for this attempt, and where it stands.
///
/// The same question can come back `again` right after a line that was not an answer; that is
/// the one case where it does not open a new screen.
public struct QuestionScreen: Sendable, Equatable {
    /// Why the question is shown now.
    public enum Occasion: Sendable, Equatable {
        /// The first question of a run.
        case first
        /// The learner moved to it: after an answer, `skip`, `next`, `prev`, `goto`, or declining to submit.
        case next
        /// Shown again after a line that was not an answer.
        case again
    }

    /// What stands above the prompt.
    public enum Header: Sendable, Equatable {
        /// A practice test's question: seconds left (nil when untimed), the lesson section, and its flag.
        case practiceTest(timeLeft: Double?, section: String, flagged: Bool)
        /// A quick check.
        case quickCheck
    }

    public var occasion: Occasion
    /// 1-based place in the session.
    public var position: Int
    /// Questions in the session.
    public var count: Int
    public var header: Header
    public var view: QuestionView
    /// The answer already given, written as the learner would type it; nil when unanswered.
    public var givenAnswer: String?

    public init(occasion: Occasion, position: Int, count: Int, header: Header, view: QuestionView, givenAnswer: String? = nil) {
        self.occasion = occasion
        self.position = position
        self.count = count
        self.header = header
        self.view = view
        self.givenAnswer = givenAnswer
    }
}
