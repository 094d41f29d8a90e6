import QuizYAML

/// A practice test defined in a bank: which questions it draws, its time limit and pass mark.
public struct PracticeTest: Sendable, Identifiable, Equatable {
    public var id: String
    public var title: String
    /// Seconds; nil means untimed.
    public var timeLimit: Int?
    public var pick: Pick
    public var pool: PoolFilter
    public var shuffle: Bool
    /// Pass mark in percent, 0...100.
    public var passMark: Double
    /// Fraction of a question's points taken off a single, multiple or truefalse response that earns nothing.
    public var penalty: Double
    public var feedback: FeedbackTiming
    public var isValid: Bool
    public var place: Places

    public init(id: String, title: String, timeLimit: Int? = nil, pick: Pick = .all, pool: PoolFilter = PoolFilter(),
                shuffle: Bool = true, passMark: Double = 70, penalty: Double = 0, feedback: FeedbackTiming = .end,
                isValid: Bool = true, place: Places = Places()) {
        self.id = id
        self.title = title
        self.timeLimit = timeLimit
        self.pick = pick
        self.pool = pool
        self.shuffle = shuffle
        self.passMark = passMark
        self.penalty = penalty
        self.feedback = feedback
        self.isValid = isValid
        self.place = place
    }
}

/// How many questions a test draws from its pool.
public enum Pick: Sendable, Equatable {
    case all
    case count(Int)
    case perSection(Int)
}

/// Which questions of the bank a test may draw. Filters combine with AND; each list matches any of its values.
public struct PoolFilter: Sendable, Equatable {
    public var sections: [String]?
    public var tags: [String]?
    public var difficulty: [Difficulty]?

    public init(sections: [String]? = nil, tags: [String]? = nil, difficulty: [Difficulty]? = nil) {
        self.sections = sections
        self.tags = tags
        self.difficulty = difficulty
    }
}

public enum FeedbackTiming: String, Sendable, CaseIterable {
    case end, immediate
}
