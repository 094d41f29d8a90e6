import QuizKit

/// `choice-count`: `choices` outside 2..8, or `items`/`pairs` outside 2..10.
public enum ChoiceCountRule: Rule {
    public static let description = RuleDescription(
        id: .choiceCount,
        defaultSeverity: .error,
        summary: "Too few or too many options: choices must number 2 to 8, order items and match pairs 2 to 10.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                ↓choices: [Only]
                answer: A
                explanation: Because.
              - id: two
                section: alpha
                type: order
                prompt: Order them.
                ↓items: [a, b, c, d, e, f, g, h, i, j, k]
                explanation: Alphabet.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                type: match
                prompt: Match them.
                pairs:
                  - SSE: server to client
                  - WebSocket: both ways
                explanation: Directions.

            """),
        ])
}
