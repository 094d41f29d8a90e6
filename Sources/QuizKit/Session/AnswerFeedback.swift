/// How one answer was marked, with what the session reveals about it at this point.
///
/// What is set depends on the moment: a practice test with immediate feedback gives the right
/// answer (when missed) and the explanation; a quick check's first wrong try gives only the
/// author's feedback on the choice and `tryAgain`; its second wrong try gives everything.
public struct AnswerFeedback: Sendable, Equatable {
    /// How a grade reads to the learner.
    public enum Verdict: Sendable, Equatable {
        case right, partlyRight, wrong
    }

    public var kind: SessionKind
    /// 1-based place of the question in the session.
    public var position: Int
    public var grade: Grade
    /// The author's feedback on the choice(s) picked, when written.
    public var choiceFeedback: String?
    /// The right answer in the author's words, with the letters this learner saw; nil when not revealed.
    public var rightAnswer: String?
    /// The author's explanation, when written and revealed.
    public var explanation: String?
    /// The learner gets one more try at the same question.
    public var tryAgain: Bool

    public init(kind: SessionKind, position: Int, grade: Grade, choiceFeedback: String? = nil, rightAnswer: String? = nil,
                explanation: String? = nil, tryAgain: Bool = false) {
        self.kind = kind
        self.position = position
        self.grade = grade
        self.choiceFeedback = choiceFeedback
        self.rightAnswer = rightAnswer
        self.explanation = explanation
        self.tryAgain = tryAgain
    }

    /// Right only for full points; partly right for some points.
    public var verdict: Verdict {
        grade.correct == true ? .right : grade.points > 0 ? .partlyRight : .wrong
    }
}
