import Testing
@testable import QuizKit

/// Quick checks: feedback at once, two tries, only the first counts.
struct QuickCheckSessionTests {
    /// Three checks: q1 (feedback on A, explanation, hint), q2 (bare), q3 (B right, explanation). B is right in each.
    static func round(answers: [SessionAnswer]? = nil) -> QuickCheckSession {
        let questions = [
            Sample.single(id: "q1", explanation: "Because 1.", hint: "Think of the header.",
                          feedback: ["Polling asks again and again.", nil, "Not a push."]),
            Sample.single(id: "q2"),
            Sample.single(id: "q3", explanation: "Because 3."),
        ]
        return QuickCheckSession(questions: questions.enumerated().map { Sample.item($1, $0 + 1) }, answers: answers)
    }

    static func screen(_ n: Int, of count: Int = 3, _ occasion: QuestionScreen.Occasion = .next) -> SessionEvent {
        let options = (1...4).map { QuestionView.Option(label: String(Array("ABCD")[$0 - 1]), text: "choice \($0)") }
        return .question(QuestionScreen(occasion: occasion, position: n, count: count, header: .quickCheck,
                                        view: QuestionView(prompt: "Question q\(n)?", options: options, form: nil)))
    }

    /// How the engine marks an answer to check `position`.
    static func marked(_ position: Int, right: Bool, choiceFeedback: String? = nil, rightAnswer: String? = nil,
                       explanation: String? = nil, tryAgain: Bool = false) -> SessionEvent {
        .feedback(AnswerFeedback(kind: .quickCheck, position: position, grade: Grade(points: right ? 1 : 0, max: 1, correct: right),
                                 choiceFeedback: choiceFeedback, rightAnswer: rightAnswer, explanation: explanation,
                                 tryAgain: tryAgain))
    }

    @Test("start shows the first check")
    func start() {
        var r = Self.round()
        #expect(r.start(now: 0) == [Self.screen(1, .first), .awaitLine])
        #expect(!r.isComplete)
    }

    @Test("right at the first try: Right. with the explanation, then the next check")
    func rightFirstTry() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("b", now: 4)
                == [.answered(position: 1), Self.marked(1, right: true, explanation: "Because 1."), Self.screen(2), .awaitLine])
        #expect(r.answers[0].firstTryCorrect == true)
        #expect(r.answers[0].tries == 1)
        #expect(r.answers[0].timeSpent == 4)
        #expect(r.current == 1)
    }

    @Test("wrong at the first try: the chosen choice's feedback and one more try at the same check")
    func wrongFirstTry() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("a", now: 1)
                == [.answered(position: 1), Self.marked(1, right: false, choiceFeedback: "Polling asks again and again.", tryAgain: true),
                    .awaitLine])
        #expect(r.current == 0)
        #expect(r.answers[0].tries == 1)
        #expect(r.answers[0].firstTryCorrect == false)
        #expect(!r.isComplete)
    }

    @Test("wrong at the first try without feedback written for that choice")
    func wrongFirstTryNoFeedback() {
        var r = Self.round()
        _ = r.start(now: 0)
        _ = r.receive("b", now: 1)
        #expect(r.receive("d", now: 2) == [.answered(position: 2), Self.marked(2, right: false, tryAgain: true), .awaitLine])
    }

    @Test("wrong twice: the feedback, the right answer and the explanation, then the next check")
    func wrongTwice() {
        var r = Self.round()
        _ = r.start(now: 0)
        _ = r.receive("a", now: 1)
        #expect(r.receive("c", now: 3) == [
            .answered(position: 1),
            Self.marked(1, right: false, choiceFeedback: "Not a push.", rightAnswer: "B) choice 2", explanation: "Because 1."),
            Self.screen(2), .awaitLine,
        ])
        #expect(r.answers[0].tries == 2)
        #expect(r.answers[0].firstTryCorrect == false)
        #expect(r.answers[0].grade.correct == false)
        #expect(r.answers[0].timeSpent == 3)
        #expect(r.current == 1)
    }

    @Test("right at the second try is right, but the first try is what counts")
    func rightSecondTry() {
        var r = Self.round()
        _ = r.start(now: 0)
        _ = r.receive("a", now: 1)
        #expect(r.receive("b", now: 2).prefix(2) == [.answered(position: 1), Self.marked(1, right: true, explanation: "Because 1.")])
        #expect(r.answers[0].tries == 2)
        #expect(r.answers[0].firstTryCorrect == false)
        #expect(r.answers[0].grade.correct == true)
    }

    @Test("hint shows the author's hint, or says there is none; neither is a try")
    func hint() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("hint", now: 1) == [.hint("Think of the header."), .awaitLine])
        _ = r.receive("b", now: 2)
        #expect(r.receive("HINT", now: 3) == [.hint(nil), .awaitLine])
        #expect(r.answers[1].tries == 0)
    }

    @Test("skip moves on and leaves the check not done; the round still finishes")
    func skip() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("skip", now: 1) == [Self.screen(2), .awaitLine])
        _ = r.receive("b", now: 2)
        #expect(r.receive("b", now: 3) == [.answered(position: 3), Self.marked(3, right: true, explanation: "Because 3."), .ended(.finished)])
        #expect(r.isOver)
        #expect(r.answers[0].response == nil)
        #expect(!r.isComplete)
    }

    @Test("answering every check finishes the round and completes the section")
    func finishAll() {
        var r = Self.round()
        _ = r.start(now: 0)
        _ = r.receive("b", now: 1)
        _ = r.receive("a", now: 2)
        _ = r.receive("a", now: 3)
        #expect(!r.isComplete)
        #expect(r.receive("b", now: 4).last == .ended(.finished))
        #expect(r.isComplete)
        #expect(r.answers.map(\.firstTryCorrect) == [true, false, true])
        #expect(r.answers.map(\.tries) == [1, 2, 1])
        #expect(r.receive("b", now: 5) == [])
    }

    @Test("a round starts at the first check not done: one wrong try is not done, two are")
    func startsAtFirstNotDone() {
        var given = [SessionAnswer](repeating: .empty(max: 1), count: 3)
        given[0] = SessionAnswer(response: .single(0), grade: Grade(points: 0, max: 1, correct: false), tries: 2,
                                 firstTryCorrect: false)
        given[1] = SessionAnswer(response: .single(0), grade: Grade(points: 0, max: 1, correct: false), tries: 1,
                                 firstTryCorrect: false)
        var r = Self.round(answers: given)
        #expect(r.start(now: 0) == [Self.screen(2, .first), .awaitLine])
        #expect(r.receive("a", now: 1).contains(Self.marked(2, right: false, rightAnswer: "B) choice 2")))
        #expect(r.answers[1].firstTryCorrect == false)
    }

    @Test("a round with every check done ends as soon as it starts")
    func everythingDone() {
        let right = SessionAnswer(response: .single(1), grade: Grade(points: 1, max: 1, correct: true), tries: 1,
                                  firstTryCorrect: true)
        var r = Self.round(answers: [right, right, right])
        #expect(r.isComplete)
        #expect(r.start(now: 0) == [.ended(.finished)])
        #expect(r.isOver)
    }

    @Test("quit and end of input stop the round with what was answered kept")
    func quitAndEndOfInput() {
        var r = Self.round()
        _ = r.start(now: 0)
        _ = r.receive("b", now: 1)
        #expect(r.receive("quit", now: 2) == [.ended(.quit)])
        #expect(r.answers[0].response == .single(1))

        var e = Self.round()
        _ = e.start(now: 0)
        #expect(e.endOfInput() == [.ended(.quit)])
        #expect(e.endOfInput() == [])
    }

    @Test("test-only commands are refused with the commands that work here", arguments: ["next", "prev", "submit", "list", "time", "flag", "goto 2"])
    func testCommands(_ line: String) {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive(line, now: 1) == [.notice(.testCommandInQuickCheck), .awaitLine])
        #expect(r.current == 0)
    }

    @Test("help explains answers and the commands of a quick check")
    func help() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("?", now: 1) == [.help(.quickCheck), .awaitLine])
    }

    @Test("a line that is no answer: one line on what is expected, then the whole check again, and no try used")
    func garbageLine() {
        var r = Self.round()
        _ = r.start(now: 0)
        #expect(r.receive("b c", now: 1)
                == [.invalidAnswer("Pick only one: answer with one letter from A to D."), Self.screen(1, .again), .awaitLine])
        #expect(r.answers[0].tries == 0)
    }

    @Test("= in front of a command word makes it a short answer, taken off once")
    func equalsSign() {
        let questions = [Question(id: "w", section: "s", prompt: "Which word?", kind: .short(accepted: [.text("hint")])),
                         Question(id: "op", section: "s", prompt: "Which operator?", kind: .short(accepted: [.text("==")]))]
        var r = QuickCheckSession(questions: questions.enumerated().map { Sample.item($1, $0 + 1) })
        _ = r.start(now: 0)
        #expect(r.receive("=hint", now: 1).prefix(2) == [.answered(position: 1), Self.marked(1, right: true)])
        #expect(r.receive("===", now: 2).prefix(2) == [.answered(position: 2), Self.marked(2, right: true)])
        #expect(r.answers[1].response == .short("=="))
    }

    @Test("partly right at the first try is not right: one more try")
    func partlyRight() {
        let q = Question(id: "m", section: "s", prompt: "Which?", kind: .multiple(choices: Sample.choices(4), answers: [0, 2]),
                         scoring: .partial)
        var r = QuickCheckSession(questions: [Sample.item(q, 1)])
        _ = r.start(now: 0)
        let first = r.receive("a", now: 1)
        #expect(first == [.answered(position: 1), .feedback(AnswerFeedback(
            kind: .quickCheck, position: 1, grade: Grade(points: 0.5, max: 1, correct: false), tryAgain: true)), .awaitLine])
        #expect(r.answers[0].firstTryCorrect == false)
        #expect(r.receive("a c", now: 2) == [.answered(position: 1), Self.marked(1, right: true), .ended(.finished)])
        #expect(r.isComplete)
    }
}
