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
        let left = remaining(at: now)
        let banner = SessionEvent.banner(TestBanner(
            title: settings.title, subtitle: settings.subtitle, questionCount: questions.count,
            timeLimit: settings.timeLimit, remaining: left.flatMap { $0 < (settings.timeLimit ?? 0) ? $0 : nil },
            passMark: settings.passMark, seed: settings.seed,
            questionTypes: QuestionType.allCases.filter { type in questions.contains { $0.question.type == type } }))
        // A resumed attempt with every question answered is where a finished first pass is: at Submit?.
        guard let open = answers.firstIndex(where: { $0.response == nil }) else {
            return [banner] + askToSubmit(now: now)
        }
        current = open
        return [banner] + show(now: now, occasion: .first)
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
            return [.notice(.answerLocked), .awaitLine]
        }
        do {
            // The `=` that makes a command word a short answer is the parser's to take off, once.
            let response = try ResponseParser.parse(line, for: item.question, shown: item.presentation)
            return answer(response, now: now)
        } catch {
            return [.invalidAnswer(error.message)] + show(now: now, occasion: .again)
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
        return [.time(.up), .ended(.expired)]
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

    /// The question on screen; shown `again` after a line that was not an answer, its time keeps running.
    private mutating func show(now: Double, occasion: QuestionScreen.Occasion) -> [SessionEvent] {
        if occasion != .again { shownAt = now }
        let item = questions[current]
        let header = QuestionScreen.Header.practiceTest(timeLeft: remaining(at: now), section: item.sectionTitle,
                                                        flagged: answers[current].flagged)
        let screen = QuestionScreen(occasion: occasion, position: item.position, count: questions.count, header: header,
                                    view: QuestionView(item),
                                    givenAnswer: answers[current].response.map { QuestionView.asTyped($0, item) })
        return [.question(screen), .awaitLine]
    }

    private mutating func move(to index: Int, now: Double) -> [SessionEvent] {
        account(now)
        current = index
        return show(now: now, occasion: .next)
    }

    private mutating func answer(_ response: Response, now: Double) -> [SessionEvent] {
        account(now)
        let item = questions[current]
        answers[current].response = response
        answers[current].tries += 1
        answers[current].grade = Scorer.grade(item.question, response, penalty: settings.penalty)
        var events: [SessionEvent] = [.answered(position: item.position)]
        if settings.immediateFeedback {
            events.append(.feedback(feedback(item, answers[current].grade)))
        }
        return events + advance(now: now)
    }

    private func feedback(_ item: SessionQuestion, _ grade: Grade) -> AnswerFeedback {
        AnswerFeedback(kind: .practiceTest, position: item.position, grade: grade,
                       rightAnswer: grade.correct == true ? nil : QuestionView.rightAnswer(item),
                       explanation: item.question.explanation?.trimmingTrailingNewlines())
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
        return [.confirmSubmit(unanswered: unansweredCount), .awaitLine]
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
            return [.notice(.submitExpectsYesOrNo), .confirmSubmit(unanswered: unansweredCount), .awaitLine]
        }
    }

    private mutating func run(_ command: SessionCommand, now: Double) -> [SessionEvent] {
        switch command {
        case .help:
            return [.help(.practiceTest), .awaitLine]
        case .skip:
            return advance(now: now)
        case .next:
            guard current + 1 < questions.count else {
                return [.notice(.atLastQuestion), .awaitLine]
            }
            return move(to: current + 1, now: now)
        case .prev:
            guard current > 0 else { return [.notice(.atFirstQuestion), .awaitLine] }
            return move(to: current - 1, now: now)
        case .goto(let n):
            guard let n else { return [.notice(.gotoNeedsNumber(count: questions.count)), .awaitLine] }
            guard (1...questions.count).contains(n) else {
                return [.notice(.noSuchQuestion(number: n == Int.max ? nil : n, count: questions.count)), .awaitLine]
            }
            return move(to: n - 1, now: now)
        case .flag:
            answers[current].flagged.toggle()
            return [.flagged(position: questions[current].position, isFlagged: answers[current].flagged), .awaitLine]
        case .list:
            return [.questionList(listing()), .awaitLine]
        case .time:
            guard let left = remaining(at: now), let limit = settings.timeLimit else { return [.time(.untimed), .awaitLine] }
            return [.time(.left(remaining: left, limit: limit)), .awaitLine]
        case .hint:
            return [.notice(.noHintsInTests), .awaitLine]
        case .submit:
            return askToSubmit(now: now)
        case .quit:
            account(now)
            phase = .over(.quit)
            return [.ended(.quit)]
        }
    }

    private func listing() -> QuestionList {
        func positions(_ keep: (SessionAnswer) -> Bool) -> [Int] {
            answers.enumerated().filter { keep($0.element) }.map { questions[$0.offset].position }
        }
        return QuestionList(answered: positions { $0.response != nil }, unanswered: positions { $0.response == nil },
                            flagged: positions(\.flagged))
    }

    /// `M:SS`, rounded down so the clock never promises time that is not there.
    public static func clock(_ seconds: Double) -> String {
        let s = Int(max(0, seconds).rounded(.down))
        if s >= 3600 { return "\(s / 3600):" + String(format: "%02d:%02d", s % 3600 / 60, s % 60) }
        return "\(s / 60):" + String(format: "%02d", s % 60)
    }
}
