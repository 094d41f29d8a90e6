/// A timed or untimed practice test as an I/O-free state machine.
///
/// The driver feeds it lines and the time (`now`, seconds on any monotonic
/// clock) and carries out the events it returns. The deadline is
/// `deadline`: a driver waiting for a line must stop waiting then and call
/// `timeUp(now:)`. A line that arrives after the deadline does not count.
public struct TestSession: Sendable {
    public struct Settings: Sendable {
        public var title: String
        public var subtitle: String
        public var seed: UInt64
        /// Seconds; nil when untimed.
        public var timeLimit: Double?
        public var passMark: Double
        public var penalty: Double
        public var immediateFeedback: Bool

        public init(title: String, subtitle: String, seed: UInt64, timeLimit: Double?, passMark: Double,
                    penalty: Double, immediateFeedback: Bool) {
            self.title = title
            self.subtitle = subtitle
            self.seed = seed
            self.timeLimit = timeLimit
            self.passMark = passMark
            self.penalty = penalty
            self.immediateFeedback = immediateFeedback
        }
    }

    enum Phase: Sendable, Equatable {
        case question
        case confirm
        case over(SessionEnd)
    }

    public let settings: Settings
    public let questions: [SessionQuestion]
    public private(set) var answers: [SessionAnswer]
    /// Index of the question on screen.
    public private(set) var current = 0
    var phase = Phase.question
    /// Seconds used before this run (a resumed attempt's earlier runs).
    let elapsedBefore: Double
    /// Clock reading when this run started.
    private var startedAt = 0.0
    /// Clock reading when the current question was last shown.
    private var shownAt = 0.0

    /// `elapsed` is the time already used (when resuming); `answers` what was already given.
    public init(settings: Settings, questions: [SessionQuestion], answers: [SessionAnswer]? = nil, elapsed: Double = 0) {
        self.settings = settings
        self.questions = questions
        self.answers = answers ?? questions.map { .empty(max: $0.question.points) }
        self.elapsedBefore = elapsed
    }

    // MARK: Time

    /// Seconds used so far, this run included.
    public func elapsed(at now: Double) -> Double { elapsedBefore + max(0, now - startedAt) }

    /// Seconds left, or nil when untimed.
    public func remaining(at now: Double) -> Double? {
        settings.timeLimit.map { max(0, $0 - elapsed(at: now)) }
    }

    /// The clock reading at which time runs out, or nil when untimed.
    public var deadline: Double? {
        settings.timeLimit.map { startedAt + $0 - elapsedBefore }
    }

    public var isOver: Bool { if case .over = phase { true } else { false } }
    public var end: SessionEnd? { if case .over(let e) = phase { e } else { nil } }

    public var unansweredCount: Int { answers.count { $0.response == nil } }

    /// The score of what has been answered.
    public var score: TestScore {
        Scorer.total(grades: answers.map(\.grade), passMark: settings.passMark)
    }

    // MARK: Driving

    /// Starts (or resumes) the session: the banner and the first question to answer.
    public mutating func start(now: Double) -> [SessionEvent] {
        startedAt = now
        shownAt = now
        if expired(now) { return timeUp(now: now) }
        var text = "\(settings.title) · \(settings.subtitle)\n"
        var facts = ["\(questions.count) question\(questions.count == 1 ? "" : "s")"]
        if let limit = settings.timeLimit {
            let left = remaining(at: now) ?? limit
            facts.append(left < limit ? "\(Self.clock(left)) of \(Self.clock(limit)) left" : Self.clock(limit))
        } else {
            facts.append("untimed")
        }
        facts.append("pass mark \(Figures.plain(settings.passMark))%")
        facts.append("seed \(settings.seed)")
        text += facts.joined(separator: " · ") + "\n"
        text += "Answer with a letter (or as asked); type help for commands.\n"
        // A resumed attempt with every question answered is where a finished first pass is: at Submit?.
        guard let open = answers.firstIndex(where: { $0.response == nil }) else {
            return [.show(text + "\n")] + askToSubmit(now: now)
        }
        current = open
        return [.show(text + "\n")] + show(now: now)
    }

    /// One line from the learner.
    public mutating func receive(_ raw: String, now: Double) -> [SessionEvent] {
        guard !isOver else { return [] }
        if expired(now) { return timeUp(now: now) }
        let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if phase == .confirm { return confirm(line, now: now) }
        if let command = SessionCommand(line) { return run(command, now: now) }
        let item = questions[current]
        if settings.immediateFeedback && answers[current].response != nil {
            // Its feedback showed the right answer: a second answer would only copy it.
            return [.show("You have answered this one and seen its answer; type next, or submit.\n"), .awaitLine]
        }
        do {
            // The `=` that makes a command word a short answer is the parser's to take off, once.
            let response = try ResponseParser.parse(line, for: item.question, shown: item.presentation)
            return answer(response, now: now)
        } catch {
            return [.show(error.message + "\n")] + show(now: now, restart: false)
        }
    }

    /// End of input: submits what was answered.
    public mutating func endOfInput(now: Double) -> [SessionEvent] {
        guard !isOver else { return [] }
        if expired(now) { return timeUp(now: now) }
        account(now)
        phase = .over(.submitted)
        return [.ended(.submitted)]
    }

    /// The deadline passed: scores what was answered.
    public mutating func timeUp(now: Double) -> [SessionEvent] {
        guard !isOver else { return [] }
        account(min(now, deadline ?? now))
        phase = .over(.expired)
        return [.show("\nTime is up.\n"), .ended(.expired)]
    }

    /// The driver is stopping (a signal): adds the time on screen to the current question.
    public mutating func interrupt(now: Double) {
        guard !isOver else { return }
        account(now)
        phase = .over(.quit)
    }

    // MARK: Steps

    private func expired(_ now: Double) -> Bool {
        guard let deadline else { return false }
        return now >= deadline
    }

    /// Adds the time since the question was shown to it; time at the `Submit?` prompt is on no question.
    private mutating func account(_ now: Double) {
        guard phase == .question, answers.indices.contains(current) else { return }
        answers[current].timeSpent += max(0, now - shownAt)
        shownAt = now
    }

    private mutating func show(now: Double, restart: Bool = true) -> [SessionEvent] {
        if restart { shownAt = now }
        let item = questions[current]
        var header = "[\(item.position)/\(questions.count)]"
        if let left = remaining(at: now) { header += " \(Self.clock(left)) left" }
        header += " · \(item.sectionTitle)"
        if answers[current].flagged { header += " · flagged" }
        var text = header + "\n" + QuestionView.body(item)
        if let r = answers[current].response {
            text += "(Your answer: \(QuestionView.asTyped(r, item)). Type another to change it, or next.)\n"
        }
        return [.show(text), .awaitLine]
    }

    private mutating func move(to index: Int, now: Double) -> [SessionEvent] {
        account(now)
        current = index
        return [.show("\n")] + show(now: now)
    }

    private mutating func answer(_ response: Response, now: Double) -> [SessionEvent] {
        account(now)
        let item = questions[current]
        answers[current].response = response
        answers[current].tries += 1
        answers[current].grade = Scorer.grade(item.question, response, penalty: settings.penalty)
        var events: [SessionEvent] = [.answered(position: item.position)]
        if settings.immediateFeedback {
            events.append(.show(feedback(item, answers[current].grade)))
        }
        return events + advance(now: now)
    }

    private func feedback(_ item: SessionQuestion, _ grade: Grade) -> String {
        var text = grade.correct == true ? "Right." : grade.points > 0 ? "Partly right." : "Not right."
        if grade.correct != true { text += " The answer: \(QuestionView.rightAnswer(item))." }
        if let e = item.question.explanation { text += "\n" + e.trimmingTrailingNewlines() }
        return text + "\n"
    }

    /// After an answer or `skip`: the next question; after the last, the first unanswered; else the confirmation.
    private mutating func advance(now: Double) -> [SessionEvent] {
        if current + 1 < questions.count { return move(to: current + 1, now: now) }
        if let open = answers.firstIndex(where: { $0.response == nil }) { return move(to: open, now: now) }
        return askToSubmit(now: now)
    }

    private mutating func askToSubmit(now: Double) -> [SessionEvent] {
        account(now)
        phase = .confirm
        let open = unansweredCount
        return [.show(open == 0 ? "Submit? (y/n)\n" : "Submit with \(open) unanswered? (y/n)\n"), .awaitLine]
    }

    private mutating func confirm(_ line: String, now: Double) -> [SessionEvent] {
        switch line.lowercased() {
        case "y", "yes":
            phase = .over(.submitted)
            return [.ended(.submitted)]
        case "n", "no":
            phase = .question
            shownAt = now
            let target = answers.firstIndex { $0.response == nil } ?? answers.firstIndex { $0.flagged } ?? current
            return move(to: target, now: now)
        default:
            let open = unansweredCount
            return [.show("Type y to submit or n to go back.\n" + (open == 0 ? "Submit? (y/n)\n" : "Submit with \(open) unanswered? (y/n)\n")), .awaitLine]
        }
    }

    private mutating func run(_ command: SessionCommand, now: Double) -> [SessionEvent] {
        switch command {
        case .help:
            return [.show(SessionCommand.testHelp), .awaitLine]
        case .skip:
            return advance(now: now)
        case .next:
            guard current + 1 < questions.count else {
                return [.show("This is the last question; type submit when you are done.\n"), .awaitLine]
            }
            return move(to: current + 1, now: now)
        case .prev:
            guard current > 0 else { return [.show("This is the first question.\n"), .awaitLine] }
            return move(to: current - 1, now: now)
        case .goto(let n):
            guard let n else { return [.show("Type goto and a question number, 1–\(questions.count).\n"), .awaitLine] }
            guard (1...questions.count).contains(n) else {
                return [.show("There is no question \(n == Int.max ? "that big" : String(n)); choose 1–\(questions.count).\n"), .awaitLine]
            }
            return move(to: n - 1, now: now)
        case .flag:
            answers[current].flagged.toggle()
            let n = questions[current].position
            return [.flagged(position: n),
                    .show(answers[current].flagged ? "Flagged \(n); list shows flagged questions.\n" : "Unflagged \(n).\n"), .awaitLine]
        case .list:
            return [.show(listing()), .awaitLine]
        case .time:
            guard let left = remaining(at: now) else { return [.show("This test has no time limit.\n"), .awaitLine] }
            return [.show("\(Self.clock(left)) left of \(Self.clock(settings.timeLimit ?? 0)).\n"), .awaitLine]
        case .hint:
            return [.show("Hints are for quick checks; a practice test has none.\n"), .awaitLine]
        case .submit:
            return askToSubmit(now: now)
        case .quit:
            account(now)
            phase = .over(.quit)
            return [.ended(.quit)]
        }
    }

    private func listing() -> String {
        func numbers(_ keep: (SessionAnswer) -> Bool) -> String {
            let picked = answers.enumerated().filter { keep($0.element) }.map { String(questions[$0.offset].position) }
            return picked.isEmpty ? "none" : picked.joined(separator: " ")
        }
        return "Answered: \(numbers { $0.response != nil })\n"
            + "Unanswered: \(numbers { $0.response == nil })\n"
            + "Flagged: \(numbers { $0.flagged })\n"
    }

    /// `M:SS`, rounded down so the clock never promises time that is not there.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(max(0, seconds).rounded(.down))
        if s >= 3600 { return "\(s / 3600):" + String(format: "%02d:%02d", s % 3600 / 60, s % 60) }
        return "\(s / 60):" + String(format: "%02d", s % 60)
    }
}
