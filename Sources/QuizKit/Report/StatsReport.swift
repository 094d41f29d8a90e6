import Foundation

/// The item analysis of one test, as the stats contract defines it (`quiz-stats/1`).
///
/// Every key is always written: a figure that cannot be computed (no
/// attempts, no variance) is `null`, never left out, and so is `choices` for
/// a question that has none (every type but single and multiple), so each
/// question object has the same six keys. Figures are unrounded.
public struct StatsReport: Sendable, Equatable, Encodable {
    public var schema = "quiz-stats/1"
    public var bank: String
    public var test: String
    public var attempts: Int
    public var meanPercent: Double?
    /// Population standard deviation of the attempts' percents.
    public var sdPercent: Double?
    /// Cronbach's alpha over the questions shown in every attempt.
    public var alpha: Double?
    /// In the order the questions were given, which is bank order.
    public var questions: [QuestionStats]
    /// How many different learners took the attempts, among those that record who took them;
    /// nil when none does (attempts recorded before stores kept it). An addition to `quiz-stats/1`.
    public var learners: Int? = nil
    /// Attempts that do not record who took them; not encoded (the text format counts each as
    /// another learner when it judges whether there are enough attempts).
    public var unnamedAttempts = 0

    public init(bank: String, test: String, attempts: Int, meanPercent: Double?, sdPercent: Double?,
                alpha: Double?, questions: [QuestionStats]) {
        self.bank = bank
        self.test = test
        self.attempts = attempts
        self.meanPercent = meanPercent
        self.sdPercent = sdPercent
        self.alpha = alpha
        self.questions = questions
    }

    enum CodingKeys: String, CodingKey {
        case schema, bank, test, attempts, alpha, questions, learners
        case meanPercent = "mean_percent", sdPercent = "sd_percent"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(bank, forKey: .bank)
        try c.encode(test, forKey: .test)
        try c.encode(attempts, forKey: .attempts)
        try c.encode(learners, forKey: .learners)
        try c.encode(Self.figure(meanPercent), forKey: .meanPercent)
        try c.encode(Self.figure(sdPercent), forKey: .sdPercent)
        try c.encode(Self.figure(alpha), forKey: .alpha)
        try c.encode(questions, forKey: .questions)
    }

    /// One question's figures over the attempts that were shown it.
    ///
    /// `choices` counts picks by the letter of each choice as written in the
    /// bank (`A` the first), every letter present even when nobody picked it;
    /// a multiple response adds one to each letter it picked.
    public struct QuestionStats: Sendable, Equatable, Encodable {
        public var id: String
        public var attempts: Int
        /// Mean points ÷ maximum; nil when no attempt was shown the question.
        public var facility: Double?
        /// Pearson r of its points against the rest of the test; nil without variance on either side.
        public var discrimination: Double?
        /// Nil for questions other than single and multiple.
        public var choices: [String: Int]?
        public var unanswered: Int

        public init(id: String, attempts: Int, facility: Double?, discrimination: Double?,
                    choices: [String: Int]?, unanswered: Int) {
            self.id = id
            self.attempts = attempts
            self.facility = facility
            self.discrimination = discrimination
            self.choices = choices
            self.unanswered = unanswered
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(StatsReport.figure(facility), forKey: .facility)
            try c.encode(StatsReport.figure(discrimination), forKey: .discrimination)
            try c.encode(choices, forKey: .choices)
            try c.encode(unanswered, forKey: .unanswered)
        }

        enum CodingKeys: String, CodingKey { case id, attempts, facility, discrimination, choices, unanswered }
    }

    /// A figure as the contract writes it: a plain number, `null` when absent.
    static func figure(_ x: Double?) -> JSONValue {
        guard let x, x.isFinite else { return .null }
        return .number(x)
    }

    /// The whole report as JSON: keys sorted, pretty-printed, ending in a newline.
    public func json() throws -> String {
        try JSONDocument.pretty(self)
    }
}
