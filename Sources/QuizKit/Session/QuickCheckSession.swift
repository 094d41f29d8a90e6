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
        return show(now: now)
    }

    public mutating func receive(_ raw: String, now: Double) -> [SessionEvent] {
        guard !isOver else { return [] }
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let command = SessionCommand(line) {
            switch command {
            case .help: return [.show(SessionCommand.checkHelp), .awaitLine]
            case .hint:
                let hint = questions[current].question.hint.map { "Hint: \($0.trimmingTrailingNewlines())\n" } ?? "No hint for this one.\n"
                return [.show(hint), .awaitLine]
            case .skip: return next(now: now, from: current + 1)
            case .quit:
                isOver = true
                return [.ended(.quit)]
            default:
                return [.show("Here you can answer, or type hint, skip or quit.\n"), .awaitLine]
            }
        }
        let item = questions[current]
        let response: Response
        do { response = try ResponseParser.parse(line, for: item.question, shown: item.presentation) } catch {
            return [.show(error.message + "\n")] + show(now: now, restart: false)
        }
        var a = answers[current]
        a.tries += 1
        a.timeSpent += max(0, now - shownAt)
        shownAt = now
        a.response = response
        a.grade = Scorer.grade(item.question, response)
        if a.tries == 1 { a.firstTryCorrect = a.grade.correct == true }
        answers[current] = a
        var events: [SessionEvent] = [.answered(position: item.position)]
        let explanation = item.question.explanation.map { " " + $0.trimmingTrailingNewlines() } ?? ""
        if a.grade.correct == true {
            events.append(.show("Right.\(explanation)\n"))
        } else if a.tries == 1 {
            var text = a.grade.points > 0 ? "Partly right" : "Not quite"
            if let feedback = Self.feedback(for: response, item.question) { text += ": \(feedback)" } else { text += "." }
            events.append(.show(text + "\nTry once more.\n"))
            events.append(.awaitLine)
            return events
        } else {
            var text = "The answer: \(QuestionView.rightAnswer(item)).\(explanation)"
            if let feedback = Self.feedback(for: response, item.question) { text = "Not quite: \(feedback)\n" + text }
            events.append(.show(text + "\n"))
        }
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
        return [.show("\n")] + show(now: now)
    }

    private mutating func show(now: Double, restart: Bool = true) -> [SessionEvent] {
        if restart { shownAt = now }
        let item = questions[current]
        return [.show("Quick check \(current + 1) of \(questions.count)\n" + QuestionView.body(item)), .awaitLine]
    }
}
