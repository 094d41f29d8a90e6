/// Item analysis of one test over its attempts (`quiz stats`): how easy each
/// question is, whether it separates strong from weak learners, how its
/// choices were picked, and how consistent the test is as a whole.
///
/// It streams: `add(_:)` folds an attempt into running figures and keeps
/// nothing of the attempt itself, so memory depends on the bank and the
/// length of a test, never on how many attempts are read. Means, variances
/// and correlations use Welford's updates rather than raw power sums, which
/// lose their digits to cancellation when a spread is small next to its mean
/// (see `RunningCorrelation`); Cronbach's alpha keeps the co-moment matrix of
/// the questions shown in every attempt so far (see `AlphaMoments`).
///
/// Questions are reported in the order given to `init`, every one of them,
/// so a question no attempt was shown appears with 0 attempts and `null`
/// figures. Items whose id is not among them still count in their attempt's
/// total (the rest of the test a discrimination compares against) but are
/// otherwise ignored; a question listed twice in one attempt counts once.
public struct ItemAnalysis: Sendable {
    public let bank: String
    public let test: String
    private var tallies: [QuestionTally]
    private let positions: [String: Int]
    private var percents = RunningVariance()
    private var alphaMoments = AlphaMoments()

    /// - Parameter questions: the questions the test can draw, in bank order;
    ///   they give each question's type and choice letters.
    public init(bank: String, test: String, questions: [Question]) {
        self.bank = bank
        self.test = test
        tallies = questions.map(QuestionTally.init)
        var positions: [String: Int] = [:]
        for (position, question) in questions.enumerated() where positions[question.id] == nil {
            positions[question.id] = position
        }
        self.positions = positions
    }

    /// The number of attempts added so far.
    public var attempts: Int { percents.count }

    /// Folds one submitted or expired attempt into the figures.
    public mutating func add(_ attempt: AttemptSample) {
        var seen = Set<String>()
        let items = attempt.items.filter { seen.insert($0.questionID).inserted }
        let total = items.reduce(0) { $0 + $1.points }
        var shown = [Double?](repeating: nil, count: tallies.count)
        for item in items {
            guard let position = positions[item.questionID] else { continue }
            tallies[position].add(item, attemptTotal: total)
            shown[position] = item.points
        }
        alphaMoments.add(shown)
        percents.add(attempt.percent)
    }

    /// The figures over every attempt added so far.
    public func result() -> StatsReport {
        StatsReport(bank: bank, test: test, attempts: attempts,
                    meanPercent: attempts > 0 ? percents.mean : nil,
                    sdPercent: percents.variance.map { $0.squareRoot() },
                    alpha: alphaMoments.alpha,
                    questions: tallies.map(\.stats))
    }

    /// Scalars the accumulator holds. It is fixed by the questions and the
    /// first attempt, and must not grow as further attempts are added.
    var storedValueCount: Int {
        tallies.reduce(0) { $0 + $1.storedValueCount } + positions.count
            + RunningVariance.storedValueCount + alphaMoments.storedValueCount
    }
}

/// What item analysis needs from one submitted or expired attempt: its percent
/// and, for each question it was shown, what that question earned.
///
/// `items` lists only the questions this attempt was shown; a question drawn
/// into some attempts and not others is simply missing from the others, and
/// item analysis counts each question over the attempts that were shown it.
public struct AttemptSample: Sendable, Equatable {
    /// The attempt's score in percent, unrounded (`TestScore.percent`).
    public var percent: Double
    public var items: [ItemSample]

    public init(percent: Double, items: [ItemSample]) {
        self.percent = percent
        self.items = items
    }
}

/// One question as one attempt saw it: the points it earned out of its
/// maximum, and the response in the author's terms.
///
/// `points` may be negative when the test takes a penalty; `response` is nil
/// when the learner left the question unanswered.
public struct ItemSample: Sendable, Equatable {
    public var questionID: String
    public var points: Double
    public var max: Double
    public var response: Response?

    public init(questionID: String, points: Double, max: Double, response: Response?) {
        self.questionID = questionID
        self.points = points
        self.max = max
        self.response = response
    }
}
