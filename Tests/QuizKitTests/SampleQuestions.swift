import QuizKit

/// Small questions for scoring, parsing and layout tests, built in code.
enum Sample {
    static func choices(_ count: Int) -> [Choice] {
        (0..<count).map { Choice("choice \($0 + 1)") }
    }

    static func single(_ count: Int = 4, answer: Int = 1, points: Double = 1, shuffle: Bool = true) -> Question {
        Question(id: "single", section: "s", prompt: "?", kind: .single(choices: choices(count), answer: answer),
                 points: points, shuffle: shuffle)
    }

    static func multiple(_ count: Int = 5, answers: [Int], partial: Bool = false, points: Double = 1) -> Question {
        Question(id: "multiple", section: "s", prompt: "?", kind: .multiple(choices: choices(count), answers: answers),
                 points: points, scoring: partial ? .partial : .allOrNothing)
    }

    static func truefalse(_ answer: Bool, points: Double = 1) -> Question {
        Question(id: "truefalse", section: "s", prompt: "?", kind: .truefalse(answer: answer), points: points)
    }

    static func short(_ accepted: ShortAnswer...) -> Question {
        Question(id: "short", section: "s", prompt: "?", kind: .short(accepted: accepted))
    }

    static func numeric(_ answer: Double, _ tolerance: Tolerance = .absolute(0)) -> Question {
        Question(id: "numeric", section: "s", prompt: "?", kind: .numeric(answer: answer, tolerance: tolerance))
    }

    static func order(_ texts: [String], partial: Bool = false, points: Double = 1) -> Question {
        Question(id: "order", section: "s", prompt: "?", kind: .order(items: texts.map { Item($0) }),
                 points: points, scoring: partial ? .partial : .allOrNothing)
    }

    static func order(_ count: Int, partial: Bool = false, points: Double = 1) -> Question {
        order((0..<count).map { "step \($0 + 1)" }, partial: partial, points: points)
    }

    static func match(_ rights: [String], partial: Bool = false, points: Double = 1) -> Question {
        let pairs = rights.enumerated().map { MatchPair("left \($0.offset + 1)", $0.element) }
        return Question(id: "match", section: "s", prompt: "?", kind: .match(pairs: pairs),
                        points: points, scoring: partial ? .partial : .allOrNothing)
    }

    static func match(_ count: Int, partial: Bool = false, points: Double = 1) -> Question {
        match((0..<count).map { "right \($0 + 1)" }, partial: partial, points: points)
    }
}

/// A generator that always draws the same number, to drive edge cases.
struct ConstantGenerator: RandomNumberGenerator {
    var value: UInt64

    mutating func next() -> UInt64 { value }
}

extension Sample {
    /// A question as a session shows it: at `position`, laid out as written unless `shown` says otherwise.
    static func item(_ question: Question, _ position: Int, section: String = "Polling — Client Pull",
                     shown: Presentation? = nil) -> SessionQuestion {
        SessionQuestion(position: position, question: question, presentation: shown ?? .asWritten(for: question),
                        sectionTitle: section, review: "Lessons/net.md#polling")
    }

    /// A single-choice question with its own id; `choice 2` (B) is right.
    static func single(id: String, explanation: String? = nil, hint: String? = nil,
                       feedback: [String?] = [], points: Double = 1) -> Question {
        let choices = (0..<4).map { Choice("choice \($0 + 1)", feedback: feedback.indices.contains($0) ? feedback[$0] : nil) }
        return Question(id: id, section: "s", prompt: "Question \(id)?", kind: .single(choices: choices, answer: 1),
                        explanation: explanation, hint: hint, points: points)
    }
}
