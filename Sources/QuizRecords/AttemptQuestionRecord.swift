import Foundation

/// A question as it was drawn into one attempt.
///
/// The store keeps the presentation (shuffled choice order and the like) as
/// JSON text chosen by the caller, so a resumed or reported attempt shows the
/// question exactly as the learner saw it even if the bank has changed since.
public struct AttemptQuestionRecord: Hashable, Sendable {
    public var attemptID: String
    /// 1-based place in the attempt's order.
    public var position: Int
    public var questionID: String
    /// The id of the lesson section the question resolves to.
    public var section: String
    public var lesson: String
    /// JSON text, opaque to the store.
    public var presentation: String
    public var maxPoints: Double

    public init(
        attemptID: String, position: Int, questionID: String, section: String,
        lesson: String, presentation: String, maxPoints: Double
    ) {
        self.attemptID = attemptID
        self.position = position
        self.questionID = questionID
        self.section = section
        self.lesson = lesson
        self.presentation = presentation
        self.maxPoints = maxPoints
    }
}
