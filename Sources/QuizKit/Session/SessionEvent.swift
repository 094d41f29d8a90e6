/// What a session engine tells its driver, in order: things to show the learner, a line to read,
/// a response or flag to save, the end.
///
/// Events carry facts, not sentences: the only text inside them is the author's (prompts, choices,
/// feedback, explanations, hints) and the parser's detail on a line that is not an answer.
/// `SessionTranscript` turns them into the lines the terminal prints; a program driving a session
/// can read them directly, and two runs compare equal when they showed the same things.
public enum SessionEvent: Sendable, Equatable {
    /// The opening of a practice test: its title, size, time and seed.
    case banner(TestBanner)
    /// A question to answer, with its place in the session.
    case question(QuestionScreen)
    /// The line was not an answer to the question on screen: the parser's reason, in a sentence.
    /// The question follows again.
    case invalidAnswer(String)
    /// How an answer was marked, when the session marks at once.
    case feedback(AnswerFeedback)
    /// The clock: what is left, that there is none, or that time ran out.
    case time(TimeNotice)
    /// Which questions are answered, unanswered and flagged (`list`).
    case questionList(QuestionList)
    /// Asks whether to submit, with how many questions are still open.
    case confirmSubmit(unanswered: Int)
    /// The answer forms and commands of this kind of session (`help`).
    case help(SessionKind)
    /// The author's hint for the quick check on screen, or nil when it has none.
    case hint(String?)
    /// A short reply to a command that could not be carried out as typed.
    case notice(SessionNotice)
    /// Print the `> ` prompt, flush, and read one line.
    case awaitLine
    /// The answer at this position changed: save it now.
    case answered(position: Int)
    /// The flag at this position was set or cleared: save it now, and tell the learner.
    case flagged(position: Int, isFlagged: Bool)
    /// The session is over.
    case ended(SessionEnd)
}

/// How a session ended.
public enum SessionEnd: String, Sendable, Equatable {
    /// Submitted by the learner or by end of input.
    case submitted
    /// The time limit ran out.
    case expired
    /// `quit`: the attempt stays in progress and can be resumed.
    case quit
    /// A quick-check round reached its end.
    case finished
}
