/// Everything item analysis keeps about one question across attempts, in
/// memory that does not grow with their number.
///
/// Facility is mean points ÷ mean maximum, which is mean points ÷ the
/// question's maximum whenever that maximum is the same in every attempt, and
/// still right (Σ points ÷ Σ max) when a test changed it between attempts.
struct QuestionTally: Sendable, Equatable {
    let id: String
    let type: QuestionType
    /// Points (x) against the rest of the attempt's points (y).
    private(set) var pointsAndRest = RunningCorrelation()
    private(set) var meanMax = 0.0
    private(set) var unanswered = 0
    /// Picks per choice as written; empty for questions without choices.
    private(set) var picks: [Int]

    init(_ question: Question) {
        id = question.id
        type = question.type
        picks = Array(repeating: 0, count: question.kind.choices.count)
    }

    var attempts: Int { pointsAndRest.count }

    mutating func add(_ item: ItemSample, attemptTotal: Double) {
        pointsAndRest.add(item.points, attemptTotal - item.points)
        meanMax += (item.max - meanMax) / Double(attempts)
        guard let response = item.response else {
            unanswered += 1
            return
        }
        switch response {
        case .single(let choice): pick(choice)
        case .multiple(let choices): Set(choices).forEach { pick($0) }
        default: break
        }
    }

    private mutating func pick(_ choice: Int) {
        if picks.indices.contains(choice) { picks[choice] += 1 }
    }

    /// This question's line of the report.
    var stats: StatsReport.QuestionStats {
        let facility = attempts > 0 && meanMax != 0 ? pointsAndRest.x.mean / meanMax : nil
        var choices: [String: Int]?
        if type == .single || type == .multiple {
            choices = Dictionary(picks.enumerated().map { (ChoiceLetter.name($0.offset), $0.element) },
                                 uniquingKeysWith: +)
        }
        return StatsReport.QuestionStats(id: id, attempts: attempts, facility: facility,
                                         discrimination: pointsAndRest.r, choices: choices, unanswered: unanswered)
    }

    /// Scalars held, for checking that memory stays flat as attempts grow.
    var storedValueCount: Int { RunningCorrelation.storedValueCount + 2 + picks.count }
}
