import QuizKit

/// `missing-explanation`: a question without `explanation`, so a learner who misses it learns nothing.
public enum MissingExplanationRule: Rule {
    public static let description = RuleDescription(
        id: .missingExplanation,
        defaultSeverity: .warning,
        summary: "A question has no explanation, so a learner who misses it is told the answer but not why.",
        triggering: [
            .questions("""
              - ↓id: one
                section: alpha
                prompt: Pick one.
                choices: [Red, Blue]
                answer: A

            """),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        root.usableBanks.flatMap { bank in
            bank.questions.filter { $0.explanation == nil && $0.place.keys["explanation"] == nil }.map { q in
                root.finding(bank.file, q.place.start, .missingExplanation,
                             "question \"\(q.id)\" has no explanation; add explanation: saying why the answer is right")
            }
        }
    }
}
