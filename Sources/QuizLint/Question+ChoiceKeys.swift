import QuizKit

extension Question.Kind {
    /// The positions of the right choices of a single- or multiple-choice question; nil for other types.
    var choiceKeys: [Int]? {
        switch self {
        case .single(_, let answer): [answer]
        case .multiple(_, let answers): answers
        default: nil
        }
    }
}
