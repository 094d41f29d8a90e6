import QuizKit

/// `unknown-key`: a key the DSL does not define, or one that does not belong to the question's type.
public enum UnknownKeyRule: Rule {
    public static let description = RuleDescription(
        id: .unknownKey,
        defaultSeverity: .error,
        summary: "A key the format does not define, or one that does not belong to the question's type; the message suggests the closest key.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Yes, No]
                answer: A
                ↓explaination: Because.

            """),
            .questions("""
              - id: tf
                section: alpha
                type: truefalse
                prompt: The sky is blue.
                ↓choices: [True, False]
                answer: true
                explanation: Mostly.

            """),
            .questions("""
              - id: steps
                section: alpha
                type: order
                prompt: Order them.
                items: [one, two, three]
                ↓answer: [A, B, C]
                explanation: Counting.

            """),
            RuleExample(bank: "quiz: demo\ntitle: Demo\n↓author: Me\nquestions:\n\(RuleExample.plainQuestion)"),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion),
            .questions("""
              - id: many
                section: alpha
                type: multiple
                scoring: partial
                prompt: Pick the even numbers.
                choices: ["2", "3", "4"]
                answer: [A, C]
                explanation: Two and four.

            """),
        ])
}
