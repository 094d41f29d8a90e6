/// A reply to a command that cannot be carried out as typed; each says why and what to type instead.
public enum SessionNotice: Sendable, Equatable {
    /// `prev` on the first question.
    case atFirstQuestion
    /// `next` on the last question.
    case atLastQuestion
    /// `goto` without a number; questions run 1…`count`.
    case gotoNeedsNumber(count: Int)
    /// `goto N` outside 1…`count`; `number` is nil when it is too large to read.
    case noSuchQuestion(number: Int?, count: Int)
    /// An answer to a question whose right answer immediate feedback has shown: it stays as it was.
    case answerLocked
    /// `hint` in a practice test.
    case noHintsInTests
    /// A practice-test command (`next`, `list`, `submit`…) in a quick check.
    case testCommandInQuickCheck
    /// A line at the submit question that is neither yes nor no.
    case submitExpectsYesOrNo
}
