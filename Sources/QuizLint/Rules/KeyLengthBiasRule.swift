import QuizKit

/// `key-length-bias`: across a bank, the right answer is the longest choice far more often than chance.
public enum KeyLengthBiasRule: Rule {
    static let share = RuleOption.number("share", 0.5, in: 0...1,
        summary: "the share of questions whose key is the longest choice above which the bank is reported")
    static let questions = RuleOption.number("questions", 8, in: 1...10_000,
        summary: "how many single-choice questions with 3+ choices a bank needs before the share means anything")

    public static let description = RuleDescription(
        id: .keyLengthBias,
        defaultSeverity: .warning,
        summary: "Among a bank's single-choice questions with 3+ choices (at least 8 of them), the right answer is the longest choice in more than half, so \"pick the longest\" beats chance.",
        options: [share, questions],
        triggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\n↓questions:\n"
                + (1...8).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [\($0 <= 5 ? "Answer" : "Key"), Wrong, Other], answer: A, explanation: E}\n" }.joined()),
        ],
        nonTriggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + (1...8).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [\($0 <= 4 ? "Answer" : "Key"), Wrong, Other], answer: A, explanation: E}\n" }.joined()),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + (1...7).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [Answer, Wrong, Other], answer: A, explanation: E}\n" }.joined()),
        ])

    /// Whether the key of a single-choice question is longer than each of its distractors, as shown.
    static func keyIsLongest(_ choices: [Choice], answer: Int) -> Bool {
        guard choices.indices.contains(answer) else { return false }
        let key = LongestChoiceKeyRule.shownLength(choices[answer])
        return choices.indices.allSatisfy { $0 == answer || LongestChoiceKeyRule.shownLength(choices[$0]) < key }
    }

    public static func check(_ root: ContentRoot) -> [Finding] { check(root, settings: RuleSettings()) }

    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] {
        let share = settings.number(Self.share), minimum = settings.number(Self.questions)
        var findings: [Finding] = []
        for bank in root.usableBanks {
            var counted = 0, longest = 0
            for qi in bank.questions.indices where bank.questions[qi].flaw == nil {
                guard case .single(let choices, let answer) = bank.questions[qi].kind, choices.count >= 3 else { continue }
                counted += 1
                if keyIsLongest(choices, answer: answer) { longest += 1 }
            }
            guard counted > 0, Double(counted) >= minimum, Double(longest) > share * Double(counted) + 1e-9 else { continue }
            findings.append(root.finding(bank.file, bank.place.keys["questions"] ?? bank.place.start, .keyLengthBias,
                "in \(longest) of \(counted) single-choice questions with 3 or more choices the right answer is the longest choice; shorten some keys or lengthen distractors so length gives nothing away"))
        }
        return findings
    }
}
