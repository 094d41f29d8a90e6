/// The quick checks of one section as an I/O-free state machine.
///
/// Feedback comes at once. A wrong answer shows the chosen choice's feedback
/// and asks again; after a second wrong try the answer and explanation are
/// shown and the round moves on. Only the first try counts toward accuracy.
public struct QuickCheckSession: Sendable {
    public let questions: [SessionQuestion]
    public private(set) var answers: [SessionAnswer]
    public private(set) var current = 0
    public private(set) var isOver = false
    private var shownAt = 0.0

    public init(questions: [SessionQuestion], answers: [SessionAnswer]? = nil) {
        self.questions = questions
        self.answers = answers ?? questions.map { .empty(max: $0.question.points) }
    }

    /// True when every quick check has been answered (right, or wrong twice).
    public var isComplete: Bool { answers.allSatisfy { $0.response != nil && ($0.grade.correct == true || $0.tries >= 2) } }

    /// Shows the first quick check not yet done.
    public mutating func start(now: Double) -> [SessionEvent] {
        guard let first = answers.firstIndex(where: { !Self.done($0) }) else {
            isOver = true
            return [.ended(.finished)]
        }
        current = first
        return show(now: now, occasion: .first)
    }

    public mutating func receive(_ raw: String, now: Double) -> [SessionEvent] {
        guard !isOver else { return [] }
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let command = SessionCommand(line) {
            switch command {
            case .help: return [.help(.quickCheck), .awaitLine]
            case .hint: return [.hint(questions[current].question.hint?.trimmingTrailingNewlines()), .awaitLine]
            case .skip: return next(now: now, from: current + 1)
            case .quit:
                isOver = true
                return [.ended(.quit)]
            default:
                return [.notice(.testCommandInQuickCheck), .awaitLine]
            }
        }
        let item = questions[current]
        let response: Response
        do { response = try ResponseParser.parse(line, for: item.question, shown: item.presentation) } catch {
            return [.invalidAnswer(error.message)] + show(now: now, occasion: .again)
        }
        var a = answers[current]
        a.tries += 1
        a.timeSpent += max(0, now - shownAt)
        shownAt = now
        a.response = response
        a.grade = Scorer.grade(item.question, response)
        if a.tries == 1 { a.firstTryCorrect = a.grade.correct == true }
        answers[current] = a
        let explanation = item.question.explanation?.trimmingTrailingNewlines()
        let right = a.grade.correct == true
        let tryAgain = !right && a.tries == 1
        let feedback = AnswerFeedback(
            kind: .quickCheck, position: item.position, grade: a.grade,
            choiceFeedback: right ? nil : Self.feedback(for: response, item.question),
            rightAnswer: right || tryAgain ? nil : QuestionView.rightAnswer(item),
            explanation: tryAgain ? nil : explanation, tryAgain: tryAgain)
        let events: [SessionEvent] = [.answered(position: item.position), .feedback(feedback)]
        if tryAgain { return events + [.awaitLine] }
        return events + next(now: now, from: current + 1)
    }

    /// End of input: the round stops; what was answered is already saved.
    public mutating func endOfInput() -> [SessionEvent] {
        guard !isOver else { return [] }
        isOver = true
        return [.ended(.quit)]
    }

    static func done(_ a: SessionAnswer) -> Bool { a.response != nil && (a.grade.correct == true || a.tries >= 2) }

    /// Feedback the author wrote for the picked choice(s), if any.
    static func feedback(for response: Response, _ q: Question) -> String? {
        let picked: [Int]
        switch response {
        case .single(let i): picked = [i]
        case .multiple(let list): picked = list
        default: return nil
        }
        let notes = picked.compactMap { i in q.kind.choices.indices.contains(i) ? q.kind.choices[i].feedback : nil }
        return notes.isEmpty ? nil : notes.map { $0.trimmingTrailingNewlines() }.joined(separator: " ")
    }

    private mutating func next(now: Double, from index: Int) -> [SessionEvent] {
        let order = Array(index..<questions.count)
        guard let target = order.first(where: { !Self.done(answers[$0]) }) else {
            isOver = true
            return [.ended(.finished)]
        }
        current = target
        return show(now: now, occasion: .next)
    }

    /// The check on screen; shown `again` after a line that was not an answer, its time keeps running.
    private mutating func show(now: Double, occasion: QuestionScreen.Occasion) -> [SessionEvent] {
        if occasion != .again { shownAt = now }
        let screen = QuestionScreen(occasion: occasion, position: current + 1, count: questions.count, header: .quickCheck,
                                    view: QuestionView(questions[current]))
        return [.question(screen), .awaitLine]
    }
}
