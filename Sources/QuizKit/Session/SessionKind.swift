/// The two kinds of session: they answer the same way but differ in commands and feedback.
public enum SessionKind: Sendable, Equatable {
    /// A practice test: navigation, flags, a clock, feedback at the end (or at once when the test says so).
    case practiceTest
    /// The quick checks of a section: feedback at once, two tries, hints.
    case quickCheck
}
