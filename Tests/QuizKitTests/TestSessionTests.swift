import Testing
@testable import QuizKit

/// A practice test driven by lines and a test clock: `now` is whatever the test says it is.
struct TestSessionTests {
    static let section = "Polling — Client Pull"

    /// `count` single-choice questions (B is right in each), 1 point each.
    static func session(_ count: Int = 3, limit: Double? = 60, penalty: Double = 0, immediate: Bool = false,
                        questions: [Question]? = nil, answers: [SessionAnswer]? = nil,
                        elapsed: Double = 0) -> TestSession {
        let list = questions ?? (1...count).map { Sample.single(id: "q\($0)", explanation: "Because \($0).") }
        let settings = TestSession.Settings(title: "Practice test", subtitle: "Networking", seed: 7, timeLimit: limit,
                                            passMark: 70, penalty: penalty, immediateFeedback: immediate)
        return TestSession(settings: settings, questions: list.enumerated().map { Sample.item($1, $0 + 1) },
                           answers: answers, elapsed: elapsed)
    }

    /// Question `n` of a default session as the engine puts it on screen.
    static func screen(_ n: Int, of count: Int = 3, left: Double? = 60, flagged: Bool = false,
                       _ occasion: QuestionScreen.Occasion = .next, given: String? = nil) -> SessionEvent {
        let options = (1...4).map { QuestionView.Option(label: String(Array("ABCD")[$0 - 1]), text: "choice \($0)") }
        return .question(QuestionScreen(occasion: occasion, position: n, count: count,
                                        header: .practiceTest(timeLeft: left, section: section, flagged: flagged),
                                        view: QuestionView(prompt: "Question q\(n)?", options: options, form: nil),
                                        givenAnswer: given))
    }

    /// The time left in the header of the first question on screen.
    static func timeLeft(_ events: [SessionEvent]) -> Double?? {
        for case .question(let screen) in events {
            if case .practiceTest(let left, _, _) = screen.header { return left }
        }
        return nil
    }

    // MARK: Time

    @Test("the banner and the first question, with the whole limit in the header")
    func startShowsBannerThenFirstQuestion() {
        var s = Self.session(limit: 420)
        let events = s.start(now: 0)
        #expect(events == [
            .banner(TestBanner(title: "Practice test", subtitle: "Networking", questionCount: 3, timeLimit: 420,
                               remaining: nil, passMark: 70, seed: 7, questionTypes: [.single])),
            Self.screen(1, left: 420, .first), .awaitLine,
        ])
    }

    @Test("headers carry the time left at the moment the question is shown")
    func headersCountDown() {
        var s = Self.session(limit: 420)
        _ = s.start(now: 0)
        #expect(Self.timeLeft(s.receive("nonsense", now: 0.5)) == 419.5)
        #expect(Self.timeLeft(s.receive("b", now: 61)) == 359)
    }

    @Test("an untimed test has no clock in its headers, no deadline and says so for time")
    func untimed() {
        var s = Self.session(limit: nil)
        let start = s.start(now: 0)
        #expect(start.first == .banner(TestBanner(title: "Practice test", subtitle: "Networking", questionCount: 3,
                                                  timeLimit: nil, remaining: nil, passMark: 70, seed: 7, questionTypes: [.single])))
        #expect(start.suffix(2) == [Self.screen(1, left: nil, .first), .awaitLine])
        #expect(s.deadline == nil)
        #expect(s.remaining(at: 1_000_000) == nil)
        #expect(s.receive("time", now: 5) == [.time(.untimed), .awaitLine])
        #expect(s.receive("b", now: 1_000_000).contains(.answered(position: 1)))
    }

    @Test("a line after the deadline ends the test and does not count")
    func lineAfterDeadline() {
        var s = Self.session(limit: 60)
        _ = s.start(now: 0)
        #expect(s.deadline == 60)
        #expect(s.receive("b", now: 30).first == .answered(position: 1))
        let late = s.receive("b", now: 61)
        #expect(late == [.time(.up), .ended(.expired)])
        #expect(s.answers[1].response == nil)
        #expect(s.answers[0].response == .single(1))
        #expect(s.end == .expired)
        #expect(s.score.points == 1)
        #expect(s.receive("b", now: 62) == [])
    }

    @Test("a line at the deadline itself is already too late")
    func lineAtDeadline() {
        var s = Self.session(limit: 60)
        _ = s.start(now: 0)
        #expect(s.receive("b", now: 60) == [.time(.up), .ended(.expired)])
        #expect(s.answers[0].response == nil)
    }

    @Test("time-up scores what was answered and charges the last question only up to the deadline")
    func timeUpScoresAnswers() {
        var s = Self.session(limit: 60)
        _ = s.start(now: 0)
        _ = s.receive("b", now: 10)
        _ = s.receive("a", now: 20)
        #expect(s.timeUp(now: 75) == [.time(.up), .ended(.expired)])
        #expect(s.isOver)
        #expect(s.score == TestScore(points: 1, max: 3, passMark: 70))
        #expect(s.answers.map(\.timeSpent) == [10, 10, 40])
        #expect(s.timeUp(now: 80) == [])
    }

    @Test("end of input after the deadline is a time-up, not a submit")
    func endOfInputAfterDeadline() {
        var s = Self.session(limit: 60)
        _ = s.start(now: 0)
        #expect(s.endOfInput(now: 90) == [.time(.up), .ended(.expired)])
        #expect(s.end == .expired)
    }

    @Test("a resumed attempt gets the time it had left and opens at the first unanswered question")
    func resumeWithRemainingTime() {
        var given = [SessionAnswer](repeating: .empty(max: 1), count: 3)
        given[0].response = .single(1)
        given[0].grade = Grade(points: 1, max: 1, correct: true)
        given[0].timeSpent = 25
        var s = Self.session(limit: 60, answers: given, elapsed: 40)
        let events = s.start(now: 1000)
        #expect(s.deadline == 1020)
        #expect(s.remaining(at: 1000) == 20)
        #expect(s.remaining(at: 1005) == 15)
        #expect(events.first == .banner(TestBanner(title: "Practice test", subtitle: "Networking", questionCount: 3,
                                                   timeLimit: 60, remaining: 20, passMark: 70, seed: 7, questionTypes: [.single])))
        #expect(Array(events.suffix(2)) == [Self.screen(2, left: 20, .first), .awaitLine])
        #expect(s.current == 1)
        #expect(s.answers[0] == given[0])
        #expect(s.score.points == 1)
        #expect(s.receive("b", now: 1010).first == .answered(position: 2))
        #expect(s.receive("b", now: 1021) == [.time(.up), .ended(.expired)])
        #expect(s.score.points == 2)
    }

    @Test("resuming after the time has run out ends at once without inflating the time on the question")
    func resumePastTheLimit() {
        var s = Self.session(limit: 60, elapsed: 70)
        #expect(s.start(now: 1000) == [.time(.up), .ended(.expired)])
        #expect(s.answers.map(\.timeSpent) == [0, 0, 0])
    }

    @Test("a resumed attempt with every question answered opens at Submit?; n goes back to question 1")
    func resumeAllAnswered() {
        let right = SessionAnswer(response: .single(1), grade: Grade(points: 1, max: 1, correct: true), timeSpent: 5)
        var s = Self.session(limit: 60, answers: [right, right, right], elapsed: 30)
        let events = s.start(now: 0)
        #expect(Array(events.suffix(2)) == [.confirmSubmit(unanswered: 0), .awaitLine])
        #expect(s.answers.map(\.timeSpent) == [5, 5, 5])
        #expect(s.receive("n", now: 3) == [Self.screen(1, left: 27, given: "B"), .awaitLine])
        _ = s.receive("submit", now: 4)
        #expect(s.receive("y", now: 5) == [.ended(.submitted)])
        #expect(s.score.points == 3)
    }

    @Test("a test without questions asks to submit instead of failing")
    func noQuestions() {
        var s = Self.session(questions: [])
        #expect(s.start(now: 0).suffix(2) == [.confirmSubmit(unanswered: 0), .awaitLine])
        #expect(s.receive("y", now: 1) == [.ended(.submitted)])
        #expect(s.score.max == 0)
    }

    @Test("time tells what is left of the limit")
    func timeCommand() {
        var s = Self.session(limit: 60)
        _ = s.start(now: 0)
        #expect(s.receive("time", now: 15.4) == [.time(.left(remaining: 44.6, limit: 60)), .awaitLine])
        #expect(s.receive("TIME", now: 15) == [.time(.left(remaining: 45, limit: 60)), .awaitLine])
    }

    // MARK: Moving around

    @Test("after a valid answer or skip comes the next question in attempt order")
    func answerAndSkipMoveOn() {
        var s = Self.session()
        _ = s.start(now: 0)
        #expect(s.receive("b", now: 1) == [.answered(position: 1), Self.screen(2, left: 59), .awaitLine])
        #expect(s.receive("skip", now: 2) == [Self.screen(3, left: 58), .awaitLine])
        #expect(s.answers[1].response == nil)
        #expect(s.answers[1].timeSpent == 1)
    }

    @Test("after the last question comes the first unanswered one")
    func afterLastFirstUnanswered() {
        var s = Self.session(4, limit: nil)
        _ = s.start(now: 0)
        _ = s.receive("b", now: 1)
        _ = s.receive("skip", now: 2)
        _ = s.receive("skip", now: 3)
        #expect(s.current == 3)
        #expect(s.receive("b", now: 4) == [.answered(position: 4), Self.screen(2, of: 4, left: nil), .awaitLine])
        #expect(s.receive("skip", now: 5) == [Self.screen(3, of: 4, left: nil), .awaitLine])
    }

    @Test("when none is left after the last question the learner is asked to submit")
    func noneLeftAsksToSubmit() {
        var s = Self.session()
        _ = s.start(now: 0)
        _ = s.receive("b", now: 1)
        _ = s.receive("b", now: 2)
        #expect(s.receive("b", now: 3) == [.answered(position: 3), .confirmSubmit(unanswered: 0), .awaitLine])
        #expect(s.receive("Y", now: 4) == [.ended(.submitted)])
        #expect(s.end == .submitted)
        #expect(s.score.points == 3)
    }

    @Test("prev, next and goto move; the edges and numbers out of range say why not")
    func prevNextGoto() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        #expect(s.receive("prev", now: 1) == [.notice(.atFirstQuestion), .awaitLine])
        #expect(s.receive("next", now: 1) == [Self.screen(2, left: nil), .awaitLine])
        #expect(s.receive("prev", now: 2) == [Self.screen(1, left: nil), .awaitLine])
        #expect(s.receive("goto 3", now: 3) == [Self.screen(3, left: nil), .awaitLine])
        #expect(s.receive("next", now: 4) == [.notice(.atLastQuestion), .awaitLine])
        #expect(s.receive("goto 4", now: 4) == [.notice(.noSuchQuestion(number: 4, count: 3)), .awaitLine])
        #expect(s.receive("goto 0", now: 4) == [.notice(.noSuchQuestion(number: 0, count: 3)), .awaitLine])
        #expect(s.receive("  GoTo   2 ", now: 5) == [Self.screen(2, left: nil), .awaitLine])
        #expect(s.receive("back", now: 6) == [Self.screen(1, left: nil), .awaitLine], "back is another word for prev")
        #expect(s.receive("BACK", now: 6) == [.notice(.atFirstQuestion), .awaitLine])
        #expect(s.answers.allSatisfy { $0.response == nil })
    }

    @Test("goto without a number asks for one instead of being taken as an answer")
    func gotoWithoutNumber() {
        let questions = [Sample.short(.text("x")), Sample.short(.text("y"))]
        var s = Self.session(limit: nil, questions: questions)
        _ = s.start(now: 0)
        #expect(s.receive("goto", now: 1) == [.notice(.gotoNeedsNumber(count: 2)), .awaitLine])
        #expect(s.answers[0].response == nil)
    }

    @Test("flag marks the question in its header and in list; flag again unmarks it")
    func flagAndList() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        _ = s.receive("b", now: 1)
        #expect(s.receive("flag", now: 2) == [.flagged(position: 2, isFlagged: true), .awaitLine])
        #expect(s.answers[1].flagged)
        #expect(s.receive("list", now: 3)
                == [.questionList(QuestionList(answered: [1], unanswered: [2, 3], flagged: [2])), .awaitLine])
        _ = s.receive("next", now: 4)
        #expect(s.receive("prev", now: 5) == [Self.screen(2, left: nil, flagged: true), .awaitLine])
        #expect(s.receive("flag", now: 6) == [.flagged(position: 2, isFlagged: false), .awaitLine])
        #expect(!s.answers[1].flagged)
        #expect(s.receive("list", now: 7)
                == [.questionList(QuestionList(answered: [1], unanswered: [2, 3], flagged: [])), .awaitLine])
    }

    @Test("submit with unanswered questions asks, garbage asks again, n goes back, y submits")
    func submitWithUnanswered() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        _ = s.receive("skip", now: 1)
        _ = s.receive("b", now: 2)
        #expect(s.receive("submit", now: 3) == [.confirmSubmit(unanswered: 2), .awaitLine])
        #expect(s.receive("maybe", now: 4) == [.notice(.submitExpectsYesOrNo), .confirmSubmit(unanswered: 2), .awaitLine])
        #expect(s.receive(" No ", now: 5) == [Self.screen(1, left: nil), .awaitLine])
        #expect(!s.isOver)
        _ = s.receive("submit", now: 6)
        #expect(s.receive("yes", now: 7) == [.ended(.submitted)])
        #expect(s.end == .submitted)
        #expect(s.score == TestScore(points: 1, max: 3, passMark: 70))
    }

    @Test("n at Submit? with nothing unanswered goes back to the first flagged question")
    func declineWithNothingUnanswered() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        _ = s.receive("b", now: 1)
        _ = s.receive("flag", now: 2)
        _ = s.receive("b", now: 3)
        _ = s.receive("b", now: 4)
        #expect(s.receive("n", now: 5) == [Self.screen(2, left: nil, flagged: true, given: "B"), .awaitLine])
    }

    @Test("end of input submits, at a question or at the confirmation")
    func endOfInputSubmits() {
        var atQuestion = Self.session()
        _ = atQuestion.start(now: 0)
        _ = atQuestion.receive("b", now: 5)
        #expect(atQuestion.endOfInput(now: 9) == [.ended(.submitted)])
        #expect(atQuestion.end == .submitted)
        #expect(atQuestion.answers.map(\.timeSpent) == [5, 4, 0])

        var atConfirm = Self.session()
        _ = atConfirm.start(now: 0)
        _ = atConfirm.receive("submit", now: 1)
        #expect(atConfirm.endOfInput(now: 2) == [.ended(.submitted)])
        #expect(atConfirm.endOfInput(now: 3) == [])
    }

    @Test("time spent at Submit? is on no question; n brings back the last one on screen")
    func confirmationTimeIsOnNoQuestion() {
        var back = Self.session(limit: nil)
        _ = back.start(now: 0)
        for t in 1...3 { _ = back.receive("b", now: Double(t)) }
        _ = back.receive("n", now: 50)
        _ = back.endOfInput(now: 60)
        #expect(back.answers.map(\.timeSpent) == [1, 1, 11])

        var done = Self.session(limit: 60)
        _ = done.start(now: 0)
        for t in 1...3 { _ = done.receive("b", now: Double(t)) }
        _ = done.receive("maybe", now: 20)
        _ = done.timeUp(now: 60)
        #expect(done.answers.map(\.timeSpent) == [1, 1, 1])
    }

    @Test("quit ends the run and keeps what was given")
    func quit() {
        var s = Self.session()
        _ = s.start(now: 0)
        _ = s.receive("b", now: 1)
        #expect(s.receive("quit", now: 2) == [.ended(.quit)])
        #expect(s.end == .quit)
        #expect(s.answers[0].response == .single(1))
        #expect(s.receive("b", now: 3) == [])
    }

    @Test("an interrupt stops the run as a quit and charges the time on screen")
    func interrupt() {
        var s = Self.session()
        _ = s.start(now: 0)
        s.interrupt(now: 12)
        #expect(s.end == .quit)
        #expect(s.answers[0].timeSpent == 12)
    }

    @Test("a line that is no answer gets one line on what is expected, then the whole question again")
    func garbageLine() {
        var s = Self.session()
        _ = s.start(now: 0)
        #expect(s.receive("the second one", now: 1)
                == [.invalidAnswer("Answer with one letter from A to D."), Self.screen(1, left: 59, .again), .awaitLine])
        #expect(s.receive("e", now: 2)
                == [.invalidAnswer("\"E\" is not a choice: answer with a letter from A to D."), Self.screen(1, left: 58, .again),
                    .awaitLine])
        #expect(!s.isOver)
        #expect(s.current == 0)
        #expect(s.answers[0].response == nil)
    }

    @Test("a command word is the command; with = in front it is a short answer")
    func equalsSignMakesAnAnswer() {
        let questions = [Sample.short(.text("skip")), Sample.short(.text("x")), Sample.short(.text("=="))]
        var s = Self.session(limit: nil, questions: questions)
        _ = s.start(now: 0)
        #expect(s.receive("=skip", now: 1).first == .answered(position: 1))
        #expect(s.answers[0].response == .short("skip"))
        #expect(s.answers[0].grade.correct == true)
        #expect(s.receive("skip", now: 2).contains(.answered(position: 2)) == false)
        #expect(s.answers[1].response == nil)
        #expect(s.current == 2)
        #expect(s.receive("===", now: 3).first == .answered(position: 3))
        #expect(s.answers[2].response == .short("=="))
        #expect(s.answers[2].grade.correct == true)
    }

    @Test("a new answer replaces the old one and is graded again")
    func changingAnAnswerRegrades() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        _ = s.receive("a", now: 1)
        #expect(s.answers[0].grade == Grade(points: 0, max: 1, correct: false))
        #expect(s.receive("goto 1", now: 2) == [Self.screen(1, left: nil, given: "A"), .awaitLine])
        #expect(s.receive("b", now: 3).first == .answered(position: 1))
        #expect(s.answers[0].response == .single(1))
        #expect(s.answers[0].grade == Grade(points: 1, max: 1, correct: true))
        #expect(s.score.points == 1)
    }

    @Test("help lists the commands; hint says a test has none")
    func helpAndHint() {
        var s = Self.session()
        _ = s.start(now: 0)
        for line in ["help", "?"] {
            #expect(s.receive(line, now: 1) == [.help(.practiceTest), .awaitLine])
        }
        #expect(s.receive("hint", now: 2) == [.notice(.noHintsInTests), .awaitLine])
        #expect(s.current == 0)
    }

    @Test("order and match questions list their scrambled items and read answers against what was shown")
    func orderAndMatchOnScreen() {
        let order = Sample.item(Sample.order(3), 1, shown: Presentation(items: [2, 0, 1]))
        let match = Sample.item(Sample.match(2), 2, shown: Presentation(options: [1, 0]))
        let settings = TestSession.Settings(title: "T", subtitle: "S", seed: 1, timeLimit: nil, passMark: 70,
                                            penalty: 0, immediateFeedback: false)
        var s = TestSession(settings: settings, questions: [order, match])
        func option(_ label: String, _ text: String) -> QuestionView.Option { .init(label: label, text: text) }
        let header = QuestionScreen.Header.practiceTest(timeLeft: nil, section: Self.section, flagged: false)
        #expect(s.start(now: 0).suffix(2) == [
            .question(QuestionScreen(occasion: .first, position: 1, count: 2, header: header, view: QuestionView(
                prompt: "?", options: [option("1", "step 3"), option("2", "step 1"), option("3", "step 2")],
                form: .order(count: 3)))),
            .awaitLine,
        ])
        #expect(s.receive("2 3 1", now: 1) == [.answered(position: 1), .question(QuestionScreen(
            occasion: .next, position: 2, count: 2, header: header, view: QuestionView(
                prompt: "?", options: [option("1", "left 1"), option("2", "left 2"), option("A", "right 2"), option("B", "right 1")],
                form: .pairs(count: 2)))),
            .awaitLine])
        _ = s.receive("1b 2a", now: 2)
        #expect(s.answers.map(\.grade.correct) == [true, true])
    }

    // MARK: Scoring

    @Test("a penalty takes points off a wrong choice, never off an unanswered question or a short answer")
    func penalty() {
        let questions = [Sample.single(id: "q1", points: 2), Sample.single(id: "q2"), Sample.short(.text("x")),
                         Sample.single(id: "q4")]
        var s = Self.session(limit: nil, penalty: 0.5, questions: questions)
        _ = s.start(now: 0)
        _ = s.receive("a", now: 1)
        _ = s.receive("skip", now: 2)
        _ = s.receive("y", now: 3)
        _ = s.receive("b", now: 4)
        #expect(s.answers.map(\.grade.points) == [-1, 0, 0, 1])
        #expect(s.score.points == 0)
        #expect(s.score.max == 5)
        #expect(s.score.percent == 0)
    }

    @Test("no feedback before submit unless the test asks for it")
    func feedbackAtTheEnd() {
        var s = Self.session(limit: nil)
        _ = s.start(now: 0)
        #expect(s.receive("a", now: 1) == [.answered(position: 1), Self.screen(2, left: nil), .awaitLine])
    }

    @Test("immediate feedback says right or not, the answer as shown, and the explanation")
    func immediateFeedback() {
        let shuffled = Presentation(choices: [2, 0, 1, 3])
        let settings = TestSession.Settings(title: "T", subtitle: "S", seed: 1, timeLimit: nil, passMark: 70,
                                            penalty: 0, immediateFeedback: true)
        let questions = [Sample.item(Sample.single(id: "q1", explanation: "Because 1."), 1, shown: shuffled),
                         Sample.item(Sample.single(id: "q2", explanation: "Because 2."), 2, shown: shuffled),
                         Sample.item(Sample.multiple(4, answers: [0, 2], partial: true), 3)]
        var s = TestSession(settings: settings, questions: questions)
        _ = s.start(now: 0)
        #expect(s.receive("c", now: 1).prefix(2) == [.answered(position: 1), .feedback(AnswerFeedback(
            kind: .practiceTest, position: 1, grade: Grade(points: 1, max: 1, correct: true), explanation: "Because 1."))])
        #expect(s.receive("a", now: 2).prefix(2) == [.answered(position: 2), .feedback(AnswerFeedback(
            kind: .practiceTest, position: 2, grade: Grade(points: 0, max: 1, correct: false), rightAnswer: "C) choice 2",
            explanation: "Because 2."))])
        let partly = s.receive("a", now: 3)
        #expect(partly.prefix(2) == [.answered(position: 3), .feedback(AnswerFeedback(
            kind: .practiceTest, position: 3, grade: Grade(points: 0.5, max: 1, correct: false),
            rightAnswer: "A) choice 1; C) choice 3"))])
        if case .feedback(let feedback) = partly[1] { #expect(feedback.verdict == .partlyRight) }
        #expect(s.score.points == 1.5)
    }
}

/// The largest layouts the format allows are shown and answered without running out of letters.
@Suite struct LargestLayoutTests {
    @Test func aMatchQuestionWithTenPairs() throws {
        let pairs = (1...10).map { MatchPair("left \($0)", "right \($0)") }
        let question = Question(id: "m", section: "s", prompt: "Match.", kind: .match(pairs: pairs))
        var rng = SeededGenerator(seed: 3)
        let item = SessionQuestion(position: 1, question: question, presentation: Presentation.make(for: question, rng: &rng),
                                   sectionTitle: "S", review: "r")
        #expect(QuestionView(item).options.map(\.label).suffix(10) == "ABCDEFGHIJ".map(String.init))
        let right = QuestionView.rightAnswer(item)
        let typed = String(right.prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
        let response = try ResponseParser.parse(typed, for: question, shown: item.presentation)
        #expect(Scorer.grade(question, response).correct == true)
    }
}

/// Review findings in the engine.
@Suite struct SessionEdgeTests {
    static func session(immediate: Bool) -> TestSession {
        let q = Question(id: "q", section: "s", prompt: "Pick?", kind: .single(choices: [Choice("one"), Choice("two")], answer: 1), shuffle: false)
        let item = SessionQuestion(position: 1, question: q, presentation: Presentation.asWritten(for: q), sectionTitle: "S", review: "r")
        let q2 = Question(id: "q2", section: "s", prompt: "Again?", kind: .truefalse(answer: true))
        let item2 = SessionQuestion(position: 2, question: q2, presentation: Presentation.asWritten(for: q2), sectionTitle: "S", review: "r")
        let settings = TestSession.Settings(title: "T", subtitle: "B", seed: 1, timeLimit: nil, passMark: 70, penalty: 0, immediateFeedback: immediate)
        return TestSession(settings: settings, questions: [item, item2])
    }

    @Test func withImmediateFeedbackAnAnswerCannotBeChangedAfterItsAnswerWasShown() {
        var s = Self.session(immediate: true)
        _ = s.start(now: 0)
        #expect(s.receive("a", now: 1).contains(.feedback(AnswerFeedback(
            kind: .practiceTest, position: 1, grade: Grade(points: 0, max: 1, correct: false), rightAnswer: "B) two"))))
        _ = s.receive("prev", now: 2)
        #expect(s.receive("b", now: 3) == [.notice(.answerLocked), .awaitLine])
        #expect(s.answers[0].response == .single(0))
        #expect(s.score.points == 0)
    }

    @Test func withoutImmediateFeedbackAnswersCanChange() {
        var s = Self.session(immediate: false)
        _ = s.start(now: 0)
        _ = s.receive("a", now: 1)
        _ = s.receive("prev", now: 2)
        _ = s.receive("b", now: 3)
        #expect(s.answers[0].response == .single(1))
    }

    @Test func gotoAHugeNumberIsTheCommandNotAnAnswer() {
        var s = Self.session(immediate: false)
        _ = s.start(now: 0)
        #expect(s.receive("goto 99999999999999999999", now: 1) == [.notice(.noSuchQuestion(number: nil, count: 2)), .awaitLine])
        #expect(s.answers[0].response == nil)
    }
}

/// A program can take a test from the events alone, without reading any text.
@Suite struct EventDrivenTests {
    @Test func aProgramAnswersEveryQuestionFromTheQuestionScreens() {
        let questions = [Sample.single(id: "q1"), Sample.truefalse(true), Sample.order(3), Sample.numeric(2)]
        let settings = TestSession.Settings(title: "T", subtitle: "S", seed: 1, timeLimit: nil, passMark: 70,
                                            penalty: 0, immediateFeedback: false)
        var s = TestSession(settings: settings, questions: questions.enumerated().map { Sample.item($1, $0 + 1) })
        var events = s.start(now: 0)
        var seen: [Int] = []
        for step in 1...20 where !s.isOver {
            var line = "y"
            for case .question(let screen) in events {
                seen.append(screen.position)
                switch screen.view.form {
                case .trueOrFalse: line = "t"
                case .number: line = "2"
                case .order: line = screen.view.options.map(\.label).joined(separator: " ")
                default: line = screen.view.options.first?.label ?? "x"
                }
            }
            events = s.receive(line, now: Double(step))
        }
        #expect(seen == [1, 2, 3, 4])
        #expect(s.end == .submitted)
        #expect(s.answers.allSatisfy { $0.response != nil })
    }
}
