/// What item analysis (`quiz stats`) needs from one test's finished attempts, summed by the store.
///
/// A store computes these from the summary each ended attempt keeps in its row (``ScoredItems``):
/// a database server in SQL, so a million attempts never leave the server row by row: what comes back is a handful of rows
/// per question. Everything the analysis reports follows from these sums by arithmetic alone
/// (see `TestStatistics`).
///
/// An attempt's items are the questions drawn into it; an item's points are its response's
/// points, 0 when it has no response; the attempt's total `t` is the sum of its items' points.
public struct TestAggregates: Sendable, Equatable {
    /// Finished attempts matched.
    public var attempts: Int
    /// Different learners among the attempts that record one.
    public var learners: Int
    /// Attempts that record no learner.
    public var unnamed: Int
    /// The attempts' percents (points ÷ maximum × 100, floored at 0; 0 when the maximum is not positive).
    public var percent: Moments
    /// The attempts' totals t.
    public var total: Moments
    /// One row per question id drawn into any of the attempts, in id order.
    public var questions: [QuestionAggregates]
    /// How often each response text was given, for the question ids the query asked to tally.
    public var responses: [ResponseCount]
    /// The totals over only the questions drawn into every attempt, when those are not every item
    /// of every attempt (then they are `total`); nil when not asked for.
    public var commonTotal: Moments?

    public init(attempts: Int, learners: Int, unnamed: Int, percent: Moments, total: Moments,
                questions: [QuestionAggregates], responses: [ResponseCount], commonTotal: Moments? = nil) {
        self.attempts = attempts
        self.learners = learners
        self.unnamed = unnamed
        self.percent = percent
        self.total = total
        self.questions = questions
        self.responses = responses
        self.commonTotal = commonTotal
    }

    /// Count, sum, sum of squares, least and greatest of a set of numbers. A set whose least
    /// and greatest are equal has no spread, exactly, whatever rounding did to the sums.
    public struct Moments: Sendable, Equatable {
        public var count: Int
        public var sum: Double
        public var squares: Double
        public var min: Double?
        public var max: Double?

        public init(count: Int, sum: Double, squares: Double, min: Double?, max: Double?) {
            self.count = count
            self.sum = sum
            self.squares = squares
            self.min = min
            self.max = max
        }

        public static let empty = Moments(count: 0, sum: 0, squares: 0, min: nil, max: nil)

        /// The moments of `count` values from SQL's SUM, SUM of squares, MIN and MAX columns,
        /// which are NULL when no rows were summed: empty when there were none.
        public static func summed(count: Int, sum: Double?, squares: Double?, min: Double?, max: Double?) -> Moments {
            count > 0 ? Moments(count: count, sum: sum ?? 0, squares: squares ?? 0, min: min, max: max) : .empty
        }

        /// Σ (x − mean)²: 0 exactly when every value is the same, never negative.
        public var squaredDeviations: Double {
            guard count > 0, let min, let max, min != max else { return 0 }
            return Swift.max(0, squares - sum * sum / Double(count))
        }
    }
}

/// One question's sums over the attempts it was drawn into: x its points, r the rest of the
/// attempt's total (t − x).
public struct QuestionAggregates: Sendable, Equatable {
    public var questionID: String
    /// Attempts the question was drawn into.
    public var shown: Int
    /// Σ of its maximum points.
    public var maxSum: Double
    /// Items without a response, or with a cleared one.
    public var unanswered: Int
    /// Σx, Σx², least and greatest x.
    public var points: TestAggregates.Moments
    /// Σr, Σr², least and greatest r.
    public var rest: TestAggregates.Moments
    /// Σ x·r.
    public var pointsTimesRest: Double

    public init(questionID: String, shown: Int, maxSum: Double, unanswered: Int, points: TestAggregates.Moments,
                rest: TestAggregates.Moments, pointsTimesRest: Double) {
        self.questionID = questionID
        self.shown = shown
        self.maxSum = maxSum
        self.unanswered = unanswered
        self.points = points
        self.rest = rest
        self.pointsTimesRest = pointsTimesRest
    }
}

extension TestAggregates.Moments {
    /// The moments of two sets together.
    public func adding(_ other: Self) -> Self {
        guard count > 0 else { return other }
        guard other.count > 0 else { return self }
        return Self(count: count + other.count, sum: sum + other.sum, squares: squares + other.squares,
                    min: [min, other.min].compactMap { $0 }.min(), max: [max, other.max].compactMap { $0 }.max())
    }
}

extension QuestionAggregates {
    /// The sums of one question over two sets of its items.
    public func adding(_ other: Self) -> Self {
        QuestionAggregates(questionID: questionID, shown: shown + other.shown, maxSum: maxSum + other.maxSum,
                           unanswered: unanswered + other.unanswered, points: points.adding(other.points),
                           rest: rest.adding(other.rest), pointsTimesRest: pointsTimesRest + other.pointsTimesRest)
    }
}

/// How many items of one question hold exactly this response text.
public struct ResponseCount: Sendable, Equatable {
    public var questionID: String
    public var response: String
    public var count: Int

    public init(questionID: String, response: String, count: Int) {
        self.questionID = questionID
        self.response = response
        self.count = count
    }
}
