/// The positions of a practice test's questions by state, as `list` shows them.
///
/// A flagged question is also answered or unanswered, so it appears in two lists.
public struct QuestionList: Sendable, Equatable {
    public var answered: [Int]
    public var unanswered: [Int]
    public var flagged: [Int]

    public init(answered: [Int], unanswered: [Int], flagged: [Int]) {
        self.answered = answered
        self.unanswered = unanswered
        self.flagged = flagged
    }
}
