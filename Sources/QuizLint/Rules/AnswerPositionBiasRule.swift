import QuizKit

/// `answer-position-bias`: among unshuffled single-choice questions, one letter is the answer far more often than chance.
public enum AnswerPositionBiasRule: Rule {
    public static let description = RuleDescription(
        id: .answerPositionBias,
        defaultSeverity: .warning,
        summary: "Among a bank's single-choice questions with shuffle: false (at least 8), one letter is the answer of at least half of them and at least twice as often as chance.",
        triggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\ndefaults: {shuffle: false}\n↓questions:\n"
                + (1...8).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [Right, Wrong, Other, Else], answer: \($0 <= 5 ? "A" : "B"), explanation: E}\n" }.joined()),
        ],
        nonTriggering: [
            RuleExample(bank: "quiz: demo\ntitle: Demo\ndefaults: {shuffle: false}\nquestions:\n"
                + (1...8).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [W, X, Y, Z], answer: \(["A", "B", "C", "D"][$0 % 4]), explanation: E}\n" }.joined()),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + (1...8).map { "  - {id: q\($0), section: alpha, prompt: Q\($0)?, choices: [Right, Wrong, Other, Else], answer: A, explanation: E}\n" }.joined()),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            var answers: [Int] = []
            var expected = [Double](repeating: 0, count: 8)
            for qi in bank.questions.indices where bank.questions[qi].flaw == nil && !bank.questions[qi].shuffle {
                guard case .single(let choices, let answer) = bank.questions[qi].kind, !choices.isEmpty else { continue }
                answers.append(answer)
                for i in 0..<min(choices.count, 8) { expected[i] += 1 / Double(choices.count) }
            }
            guard answers.count >= 8 else { continue }
            let counts = (0..<8).map { letter in answers.count { $0 == letter } }
            guard let letter = counts.indices.max(by: { counts[$0] < counts[$1] }) else { continue }
            let count = counts[letter]
            guard Double(count) * 2 >= Double(answers.count), Double(count) >= 2 * expected[letter] else { continue }
            let name = ChoiceLetter.name(letter)
            findings.append(root.finding(bank.file, bank.place.keys["questions"] ?? bank.place.start, .answerPositionBias,
                "\(count) of \(answers.count) unshuffled single-choice questions have answer \(name) (chance: \(Figures.fixed(expected[letter], places: 1))); move some right answers or let choices shuffle"))
        }
        return findings
    }
}
