/// Turns session events into the text a learner reads at a terminal: the one place where a
/// session's English is written.
///
/// Rendering is a pure function of one event; the result is complete lines (each ending in a
/// newline) except for the `> ` prompt, and empty for events that only ask the driver to save
/// or stop. Text is not wrapped here: the terminal driver wraps to its width.
public enum SessionTranscript {
    /// The text for a run of events, in order.
    public static func render(_ events: [SessionEvent]) -> String {
        events.map(render).joined()
    }

    /// The text for one event.
    public static func render(_ event: SessionEvent) -> String {
        switch event {
        case .banner(let banner): return render(banner)
        case .question(let screen): return render(screen)
        case .invalidAnswer(let reason): return reason + "\n"
        case .feedback(let feedback): return render(feedback)
        case .time(let notice): return render(notice)
        case .questionList(let list): return render(list)
        case .confirmSubmit(let open): return open == 0 ? "Submit? (y/n)\n" : "Submit with \(open) unanswered? (y/n)\n"
        case .help(let kind): return help(kind)
        case .hint(let hint): return hint.map { "Hint: \($0.trimmingTrailingNewlines())\n" } ?? "No hint for this one.\n"
        case .notice(let notice): return render(notice)
        case .awaitLine: return "> "
        case .flagged(let position, let isFlagged):
            return isFlagged ? "Flagged \(position); list shows flagged questions.\n" : "Unflagged \(position).\n"
        case .answered, .ended: return ""
        }
    }

    static func render(_ banner: TestBanner) -> String {
        var facts = ["\(banner.questionCount) question\(banner.questionCount == 1 ? "" : "s")"]
        if let limit = banner.timeLimit {
            if let left = banner.remaining, left < limit {
                facts.append("\(TestSession.clock(left)) of \(TestSession.clock(limit)) left")
            } else {
                facts.append(TestSession.clock(limit))
            }
        } else {
            facts.append("untimed")
        }
        facts.append("pass mark \(Figures.plain(banner.passMark))%")
        facts.append("seed \(banner.seed)")
        return "\(banner.title) · \(banner.subtitle)\n" + facts.joined(separator: " · ") + "\n"
            + answerCue(banner.questionTypes) + "; type help for commands.\n\n"
    }

    /// How the test's questions are answered, naming only the types it holds.
    static func answerCue(_ types: [QuestionType]) -> String {
        let forms = types.map { type in
            switch type {
            case .single: "a letter"
            case .multiple: "letters"
            case .truefalse: "t/f"
            case .short: "a word or phrase"
            case .numeric: "a number"
            case .order: "numbers in order"
            case .match: "pairs like 1B"
            }
        }
        guard let last = forms.last else { return "Answer as each question asks" }
        if forms.count == 1 { return "Answer with \(last)" }
        let list = forms.count == 2 ? "\(forms[0]) or \(last)" : forms.dropLast().joined(separator: ", ") + ", or \(last)"
        return "Answer with \(list), as each question asks"
    }

    static func render(_ screen: QuestionScreen) -> String {
        var text = screen.occasion == .next ? "\n" : ""
        switch screen.header {
        case .practiceTest(let left, let section, let flagged):
            text += "[\(screen.position)/\(screen.count)]"
            if let left { text += " \(TestSession.clock(left)) left" }
            text += " · \(section)"
            if flagged { text += " · flagged" }
        case .quickCheck:
            text += "Quick check \(screen.position) of \(screen.count)"
        }
        text += "\n" + render(screen.view)
        if let given = screen.givenAnswer {
            text += "(Your answer: \(given). Type another to change it, or next.)\n"
        }
        return text
    }

    /// The prompt and the lines under it, without a header.
    public static func render(_ view: QuestionView) -> String {
        var text = view.prompt + "\n"
        for option in view.options { text += "  \(option.label)) \(option.text)\n" }
        if let form = view.form { text += form.instruction + "\n" }
        return text
    }

    static func render(_ feedback: AnswerFeedback) -> String {
        let explanation = feedback.explanation?.trimmingTrailingNewlines()
        let choiceFeedback = feedback.choiceFeedback?.trimmingTrailingNewlines()
        switch feedback.kind {
        case .practiceTest:
            var text = switch feedback.verdict {
            case .right: "Right."
            case .partlyRight: "Partly right."
            case .wrong: "Not right."
            }
            if let right = feedback.rightAnswer { text += " The answer: \(right)." }
            if let explanation { text += "\n" + explanation }
            return text + "\n"
        case .quickCheck:
            let because = explanation.map { " " + $0 } ?? ""
            if feedback.verdict == .right { return "Right.\(because)\n" }
            if feedback.tryAgain {
                let opening = feedback.verdict == .partlyRight ? "Partly right" : "Not quite"
                return opening + (choiceFeedback.map { ": " + $0 } ?? ".") + "\nTry once more.\n"
            }
            var text = choiceFeedback.map { "Not quite: \($0)\n" } ?? ""
            if let right = feedback.rightAnswer { text += "The answer: \(right)." }
            return text + because + "\n"
        }
    }

    static func render(_ notice: TimeNotice) -> String {
        switch notice {
        case .left(let remaining, let limit): "\(TestSession.clock(remaining)) left of \(TestSession.clock(limit)).\n"
        case .untimed: "This test has no time limit.\n"
        case .up: "\nTime is up.\n"
        }
    }

    static func render(_ list: QuestionList) -> String {
        func numbers(_ positions: [Int]) -> String {
            positions.isEmpty ? "none" : positions.map(String.init).joined(separator: " ")
        }
        return "Answered: \(numbers(list.answered))\n"
            + "Unanswered: \(numbers(list.unanswered))\n"
            + "Flagged: \(numbers(list.flagged))\n"
    }

    static func render(_ notice: SessionNotice) -> String {
        switch notice {
        case .atFirstQuestion: "This is the first question.\n"
        case .atLastQuestion: "This is the last question; type submit when you are done.\n"
        case .gotoNeedsNumber(let count): "Type goto and a question number, 1–\(count).\n"
        case .noSuchQuestion(let number, let count):
            "There is no question \(number.map(String.init) ?? "that big"); choose 1–\(count).\n"
        case .answerLocked: "You have answered this one and seen its answer; type next, or submit.\n"
        case .noHintsInTests: "Hints are for quick checks; a practice test has none.\n"
        case .testCommandInQuickCheck: "Here you can answer, or type hint, skip or quit.\n"
        case .submitExpectsYesOrNo: "Type y to submit or n to go back.\n"
        }
    }

    static func help(_ kind: SessionKind) -> String {
        switch kind {
        case .practiceTest:
            """
            Answer with a letter (b), letters (a c), t or f, a number, numbers in order (3 1 2 4), pairs (1B 2A 3C) or text, as each question asks. Commands:
              skip      leave this question for later
              flag      mark it to come back to
              prev      the previous question (or back)
              next      the next question
              goto N    question N
              list      answered, unanswered, flagged
              time      time left
              submit    finish and see your score
              quit      stop now; quiz resume continues later
            To answer with a command word, start the line with =, e.g. =next.

            """
        case .quickCheck:
            """
            Answer as the question asks. Commands: hint, skip (come back later), quit (progress is saved).
            To answer with a command word, start the line with =.

            """
        }
    }
}

extension QuestionView.AnswerForm {
    /// The line under the options that says how to answer.
    var instruction: String {
        switch self {
        case .text: "(type your answer)"
        case .letters: "(Pick every right choice: letters, e.g. a c.)"
        case .trueOrFalse: "(true or false)"
        case .number: "(a number)"
        case .order(let count): "(Give every number 1–\(count) once, in order from first to last.)"
        case .pairs(let count): "(Pair each of 1–\(count) with a letter, e.g. 1B 2A.)"
        }
    }
}
