import QuizKit

/// `truefalse-balance`: a bank's true/false questions are mostly keyed the same way, so always answering that way pays.
public enum TrueFalseBalanceRule: Rule {
    static let share = RuleOption.number("share", 2.0 / 3.0, in: 0.5...1,
        summary: "the share of true/false questions with the same answer above which the bank is reported")
    static let questions = RuleOption.number("questions", 6, in: 1...10_000,
        summary: "how many true/false questions a bank needs before the balance means anything")

    public static let description = RuleDescription(
        id: .trueFalseBalance,
        defaultSeverity: .warning,
        summary: "A bank has at least 6 true/false questions and more than two thirds of them have the same answer, so always answering that way scores well.",
        options: [share, questions],
        triggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\n↓questions:\n"
                + (1...6).map { "  - {id: q\($0), section: alpha, type: truefalse, prompt: Claim \($0)., answer: \($0 == 1), explanation: E}\n" }.joined()),
        ],
        nonTriggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + (1...6).map { "  - {id: q\($0), section: alpha, type: truefalse, prompt: Claim \($0)., answer: \($0 <= 2), explanation: E}\n" }.joined()),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + (1...5).map { "  - {id: q\($0), section: alpha, type: truefalse, prompt: Claim \($0)., answer: false, explanation: E}\n" }.joined()),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] { check(root, settings: RuleSettings()) }

    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] {
        let share = settings.number(Self.share), minimum = settings.number(Self.questions)
        var findings: [Finding] = []
        for bank in root.usableBanks {
            let answers = bank.questions.indices.compactMap { qi -> Bool? in
                guard bank.questions[qi].flaw == nil, case .truefalse(let answer) = bank.questions[qi].kind else { return nil }
                return answer
            }
            guard !answers.isEmpty, Double(answers.count) >= minimum else { continue }
            let trues = answers.count { $0 }
            let (more, word) = trues * 2 >= answers.count ? (trues, "true") : (answers.count - trues, "false")
            guard Double(more) > share * Double(answers.count) + 1e-9 else { continue }
            findings.append(root.finding(bank.file, bank.place.keys["questions"] ?? bank.place.start, .trueFalseBalance,
                "\(more) of \(answers.count) true/false questions are \(word), so always answering \(word) scores \(more * 100 / answers.count)%; reword some so the answers are balanced"))
        }
        return findings
    }
}
