import QuizKit

/// `yaml-syntax`: anything libyaml rejects, and hostile shapes it would accept but we will not.
public enum YAMLSyntaxRule: Rule {
    public static let description = RuleDescription(
        id: .yamlSyntax,
        defaultSeverity: .error,
        summary: "The file is not YAML that can be read: a syntax error, bad encoding, nesting too deep, or aliases that expand too far.",
        triggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions: [a, b↓"),
            RuleExample(bank: "quiz: demo\ntitle: a↓: b\n"),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n↓\t- id: x\n"),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions: ↓*nowhere\n"),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion),
            RuleExample(bank: "quiz: demo\ntitle: \"a: b\"\nquestions:\n  - &q {id: one, section: alpha, prompt: P, choices: [A1, B1], answer: A, explanation: E}\n"),
        ])
}
