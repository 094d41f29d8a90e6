import QuizKit

/// `missing-field`: a required key is absent.
public enum MissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: .missingField,
        defaultSeverity: .error,
        summary: "A required key is absent: quiz, title and questions in a bank; id, section, prompt and the type's answer keys in a question; id and title in a test.",
        triggering: [
            .questions("""
              - ↓↓id: one
                section: alpha
                choices: [Red, Blue]
                explanation: Because.

            """),
            RuleExample(bank: "↓quiz: demo\nquestions:\n\(RuleExample.plainQuestion)"),
            RuleExample(bank: "↓"),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion),
        ])
}
