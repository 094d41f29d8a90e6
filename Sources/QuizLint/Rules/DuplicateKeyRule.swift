import QuizKit

/// `duplicate-key`: a key written twice in one mapping (YAML would silently keep one).
public enum DuplicateKeyRule: Rule {
    public static let description = RuleDescription(
        id: .duplicateKey,
        defaultSeverity: .error,
        summary: "A key appears twice in one mapping; only one can be meant.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Yes, No]
                answer: A
                ↓answer: B
                explanation: Because.

            """),
            RuleExample(bank: "quiz: demo\ntitle: Demo\n↓title: Again\nquestions:\n\(RuleExample.plainQuestion)"),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion),
        ])
}
