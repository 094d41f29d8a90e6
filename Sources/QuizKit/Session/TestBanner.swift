/// The facts that open a practice test, shown before its first question.
///
/// `remaining` is set only for a resumed attempt that has used part of its time limit,
/// so the learner sees how much is left rather than the whole limit.
public struct TestBanner: Sendable, Equatable {
    public var title: String
    public var subtitle: String
    public var questionCount: Int
    /// Seconds; nil when untimed.
    public var timeLimit: Double?
    /// Seconds left, when less than the whole limit.
    public var remaining: Double?
    /// Percent.
    public var passMark: Double
    public var seed: UInt64
    /// The types of the test's questions, each once, in `QuestionType`'s order: what the opening cue names.
    public var questionTypes: [QuestionType]

    public init(title: String, subtitle: String, questionCount: Int, timeLimit: Double?, remaining: Double?,
                passMark: Double, seed: UInt64, questionTypes: [QuestionType] = []) {
        self.title = title
        self.subtitle = subtitle
        self.questionCount = questionCount
        self.timeLimit = timeLimit
        self.remaining = remaining
        self.passMark = passMark
        self.seed = seed
        self.questionTypes = questionTypes
    }
}
