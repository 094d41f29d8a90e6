import QuizKit

/// `invalid-value`: a value of the wrong type or outside its allowed set (answers are `answer-key`).
public enum InvalidValueRule: Rule {
    public static let description = RuleDescription(
        id: .invalidValue,
        defaultSeverity: .error,
        summary: "A value of the wrong type or outside its allowed set: a non-kebab id, a bad duration, a boolean written yes/no.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A
                time: ↓ten seconds
                shuffle: ↓yes
                explanation: Because.

            """),
            .questions("""
              - id: ↓Bad_Id
                section: alpha
                type: ↓essay
                prompt: Write.

            """),
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                pass: ↓70
                penalty: ↓2

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Yes, No, "off"]
                answer: A
                time: 1m30s
                shuffle: false
                explanation: Text stays text.

            """, tests: """
              - id: practice
                title: Practice
                time_limit: 90
                pass: "62.5%"
                penalty: 0.25

            """),
        ])
}
