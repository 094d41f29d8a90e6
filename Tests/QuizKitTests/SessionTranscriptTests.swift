import QuizTestSupport
import Testing
@testable import QuizKit

/// The terminal text of session events: each kind pinned to its lines, and whole sessions against expected files.
struct SessionTranscriptTests {
    static let golden = Golden(besides: #filePath)
    static let section = "Polling — Client Pull"

    static func view(_ prompt: String = "Which status code accepts an upgrade?", form: QuestionView.AnswerForm? = nil) -> QuestionView {
        QuestionView(prompt: prompt, options: [.init(label: "A", text: "200 OK"), .init(label: "B", text: "101 Switching Protocols")],
                     form: form)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var event: SessionEvent
        var text: String
        var testDescription: String { text.debugDescription }
    }

    static let cases: [Case] = [
        Case(event: .banner(TestBanner(title: "Practice test", subtitle: "Networking", questionCount: 21, timeLimit: 420,
                                       remaining: nil, passMark: 70, seed: 48213, questionTypes: [.single])),
             text: "Practice test · Networking\n21 questions · 7:00 · pass mark 70% · seed 48213\n"
                 + "Answer with a letter; type help for commands.\n\n"),
        Case(event: .banner(TestBanner(title: "T", subtitle: "S", questionCount: 1, timeLimit: 3600, remaining: 1234.9,
                                       passMark: 62.5, seed: 1, questionTypes: [.single, .truefalse, .numeric])),
             text: "T · S\n1 question · 20:34 of 1:00:00 left · pass mark 62.5% · seed 1\n"
                 + "Answer with a letter, t/f, or a number, as each question asks; type help for commands.\n\n"),
        Case(event: .banner(TestBanner(title: "T", subtitle: "S", questionCount: 2, timeLimit: nil, remaining: nil,
                                       passMark: 70, seed: 9, questionTypes: [.short, .order])),
             text: "T · S\n2 questions · untimed · pass mark 70% · seed 9\n"
                 + "Answer with a word or phrase or numbers in order, as each question asks; type help for commands.\n\n"),
        Case(event: .question(QuestionScreen(occasion: .first, position: 3, count: 21,
                                             header: .practiceTest(timeLeft: 342.9, section: section, flagged: false), view: view())),
             text: "[3/21] 5:42 left · \(section)\nWhich status code accepts an upgrade?\n  A) 200 OK\n  B) 101 Switching Protocols\n"),
        Case(event: .question(QuestionScreen(occasion: .next, position: 2, count: 3,
                                             header: .practiceTest(timeLeft: nil, section: "S", flagged: true), view: view(),
                                             givenAnswer: "B")),
             text: "\n[2/3] · S · flagged\nWhich status code accepts an upgrade?\n  A) 200 OK\n  B) 101 Switching Protocols\n"
                 + "(Your answer: B. Type another to change it, or next.)\n"),
        Case(event: .question(QuestionScreen(occasion: .again, position: 1, count: 3, header: .quickCheck,
                                             view: view("Pick all.", form: .letters))),
             text: "Quick check 1 of 3\nPick all.\n  A) 200 OK\n  B) 101 Switching Protocols\n(Pick every right choice: letters, e.g. a c.)\n"),
        Case(event: .invalidAnswer("Answer with one letter from A to D."), text: "Answer with one letter from A to D.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .practiceTest, position: 1, grade: Grade(points: 1, max: 1, correct: true),
                                             explanation: "Because.\n")),
             text: "Right.\nBecause.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .practiceTest, position: 1, grade: Grade(points: 0.5, max: 1, correct: false),
                                             rightAnswer: "A) x; C) y")),
             text: "Partly right. The answer: A) x; C) y.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .practiceTest, position: 1, grade: Grade(points: -0.5, max: 1, correct: false),
                                             rightAnswer: "B) two", explanation: "Why.")),
             text: "Not right. The answer: B) two.\nWhy.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .quickCheck, position: 1, grade: Grade(points: 1, max: 1, correct: true),
                                             explanation: "Browsers need text/event-stream.")),
             text: "Right. Browsers need text/event-stream.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .quickCheck, position: 1, grade: Grade(points: 0, max: 1, correct: false),
                                             choiceFeedback: "JSON is for whole documents.", tryAgain: true)),
             text: "Not quite: JSON is for whole documents.\nTry once more.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .quickCheck, position: 1, grade: Grade(points: 0.5, max: 1, correct: false),
                                             tryAgain: true)),
             text: "Partly right.\nTry once more.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .quickCheck, position: 1, grade: Grade(points: 0, max: 1, correct: false),
                                             choiceFeedback: "Not a push.", rightAnswer: "B) text/event-stream", explanation: "Why.")),
             text: "Not quite: Not a push.\nThe answer: B) text/event-stream. Why.\n"),
        Case(event: .feedback(AnswerFeedback(kind: .quickCheck, position: 1, grade: Grade(points: 0, max: 1, correct: false),
                                             rightAnswer: "true")),
             text: "The answer: true.\n"),
        Case(event: .time(.left(remaining: 44.6, limit: 60)), text: "0:44 left of 1:00.\n"),
        Case(event: .time(.untimed), text: "This test has no time limit.\n"),
        Case(event: .time(.up), text: "\nTime is up.\n"),
        Case(event: .questionList(QuestionList(answered: [1, 4], unanswered: [2, 3], flagged: [])),
             text: "Answered: 1 4\nUnanswered: 2 3\nFlagged: none\n"),
        Case(event: .confirmSubmit(unanswered: 0), text: "Submit? (y/n)\n"),
        Case(event: .confirmSubmit(unanswered: 2), text: "Submit with 2 unanswered? (y/n)\n"),
        Case(event: .hint("Think of the header.\n"), text: "Hint: Think of the header.\n"),
        Case(event: .hint(nil), text: "No hint for this one.\n"),
        Case(event: .notice(.atFirstQuestion), text: "This is the first question.\n"),
        Case(event: .notice(.atLastQuestion), text: "This is the last question; type submit when you are done.\n"),
        Case(event: .notice(.gotoNeedsNumber(count: 2)), text: "Type goto and a question number, 1–2.\n"),
        Case(event: .notice(.noSuchQuestion(number: 0, count: 3)), text: "There is no question 0; choose 1–3.\n"),
        Case(event: .notice(.noSuchQuestion(number: nil, count: 3)), text: "There is no question that big; choose 1–3.\n"),
        Case(event: .notice(.answerLocked), text: "You have answered this one and seen its answer; type next, or submit.\n"),
        Case(event: .notice(.noHintsInTests), text: "Hints are for quick checks; a practice test has none.\n"),
        Case(event: .notice(.testCommandInQuickCheck), text: "Here you can answer, or type hint, skip or quit.\n"),
        Case(event: .notice(.submitExpectsYesOrNo), text: "Type y to submit or n to go back.\n"),
        Case(event: .flagged(position: 2, isFlagged: true), text: "Flagged 2; list shows flagged questions.\n"),
        Case(event: .flagged(position: 2, isFlagged: false), text: "Unflagged 2.\n"),
        Case(event: .awaitLine, text: "> "),
        Case(event: .answered(position: 1), text: ""),
        Case(event: .ended(.submitted), text: ""),
    ]

    @Test("each event kind prints its lines", arguments: cases)
    func eventText(_ c: Case) {
        #expect(SessionTranscript.render(c.event) == c.text)
    }

    @Test("every answer form has its line under the options", arguments: [
        (QuestionView.AnswerForm.letters, "(Pick every right choice: letters, e.g. a c.)"),
        (.trueOrFalse, "(true or false)"), (.number, "(a number)"),
        (.order(count: 4), "(Give every number 1–4 once, in order from first to last.)"),
        (.text, "(type your answer)"),
        (.pairs(count: 3), "(Pair each of 1–3 with a letter, e.g. 1B 2A.)"),
    ])
    func answerForms(_ form: QuestionView.AnswerForm, _ line: String) {
        #expect(SessionTranscript.render(QuestionView(prompt: "?", options: [], form: form)) == "?\n\(line)\n")
    }

    @Test("help names every command of its kind of session")
    func help() {
        let test = SessionTranscript.render(.help(.practiceTest))
        for word in ["skip", "prev", "next", "goto N", "flag", "list", "time", "submit", "quit", "=next"] {
            #expect(test.contains(word), "test help lacks \(word)")
        }
        let check = SessionTranscript.render(.help(.quickCheck))
        for word in ["hint", "skip", "quit", "="] { #expect(check.contains(word), "quick-check help lacks \(word)") }
        #expect(!check.contains("submit"))
    }

    /// What a terminal shows for a run: the engine's text, with each line the learner typed after its `> `.
    static func transcript(_ start: [SessionEvent], _ lines: [(String, Double)],
                           _ receive: (String, Double) -> [SessionEvent]) -> String {
        var out = SessionTranscript.render(start)
        for (line, now) in lines {
            out += line + "\n" + SessionTranscript.render(receive(line, now))
        }
        return out
    }

    @Test("a short practice test reads as the learner sees it")
    func practiceTestTranscript() throws {
        let questions = [
            Sample.item(Sample.single(id: "q1", explanation: "Because 1."), 1, shown: Presentation(choices: [2, 0, 1, 3])),
            Sample.item(Sample.order(3), 2, shown: Presentation(items: [2, 0, 1])),
            Sample.item(Sample.truefalse(true), 3, section: "Server-Sent Events (SSE) — Server Push"),
        ]
        let settings = TestSession.Settings(title: "Practice test", subtitle: "Networking", seed: 7, timeLimit: 420,
                                            passMark: 70, penalty: 0, immediateFeedback: false)
        var s = TestSession(settings: settings, questions: questions)
        let start = s.start(now: 0)
        let text = Self.transcript(start, [
            ("help", 2), ("the second one", 5), ("c", 9), ("2 1", 12), ("2 3 1", 20), ("flag", 21), ("list", 22),
            ("prev", 23), ("goto 9", 24), ("time", 25.5), ("goto 3", 26), ("submit", 30), ("maybe", 31), ("n", 32),
            ("t", 40), ("y", 41),
        ]) { s.receive($0, now: $1) }
        try Self.golden.check(text, matches: "session.practice-test.txt")
        #expect(s.end == .submitted)
    }

    @Test("a practice test with immediate feedback that runs out of time")
    func immediateFeedbackTranscript() throws {
        let questions = [Sample.item(Sample.single(id: "q1", explanation: "Because 1."), 1),
                         Sample.item(Sample.numeric(2.5, .absolute(0.1)), 2)]
        let settings = TestSession.Settings(title: "Drill", subtitle: "Numbers", seed: 3, timeLimit: 60,
                                            passMark: 50, penalty: 0, immediateFeedback: true)
        var s = TestSession(settings: settings, questions: questions)
        let start = s.start(now: 0)
        var text = Self.transcript(start, [("a", 10), ("prev", 11), ("b", 12), ("next", 13), ("two", 14)]) {
            s.receive($0, now: $1)
        }
        text += SessionTranscript.render(s.timeUp(now: 60))
        try Self.golden.check(text, matches: "session.immediate-feedback.txt")
    }

    @Test("a round of quick checks reads as the learner sees it")
    func quickCheckTranscript() throws {
        let questions = [
            Sample.single(id: "q1", explanation: "Because 1.", hint: "Think of the header.",
                          feedback: ["Polling asks again and again.", nil, "Not a push."]),
            Sample.single(id: "q2", explanation: "Because 2."),
            Sample.match(2),
        ]
        var r = QuickCheckSession(questions: questions.enumerated().map { Sample.item($1, $0 + 1) })
        let start = r.start(now: 0)
        let text = Self.transcript(start, [
            ("?", 1), ("hint", 2), ("a", 3), ("c", 4), ("next", 5), ("b c", 6), ("b", 7), ("skip", 8),
        ]) { r.receive($0, now: $1) }
        try Self.golden.check(text, matches: "session.quick-check.txt")
        #expect(r.isOver)
    }
}
