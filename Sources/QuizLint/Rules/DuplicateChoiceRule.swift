import QuizKit
import QuizYAML

/// `duplicate-choice`: two choices (or order items, or match left sides) with the same text, ignoring case and space.
public enum DuplicateChoiceRule: Rule {
    public static let description = RuleDescription(
        id: .duplicateChoice,
        summary: "Two choices with the same text, ignoring case and spacing; also two order items or two match left sides, which make the key ambiguous.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices:
                  - Long polling
                  - Short polling
                  - ↓long  Polling
                answer: A
                explanation: Because.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Long polling, Short polling, Streaming]
                answer: A
                explanation: Because.

            """),
        ])

    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for q in bank.questions {
                let entries: [(String, Mark)]
                let noun: String
                switch q.kind {
                case .single(let c, _), .multiple(let c, _): entries = c.map { ($0.text, $0.mark) }; noun = "choice"
                case .order(let items): entries = items.map { ($0.text, $0.mark) }; noun = "item"
                case .match(let pairs): entries = pairs.map { ($0.left, $0.mark) }; noun = "left side"
                default: continue
                }
                var seen: [String: Int] = [:]
                for (i, (text, mark)) in entries.enumerated() where !text.isEmpty {
                    let key = normalized(text)
                    if let first = seen[key] {
                        findings.append(root.finding(bank.file, mark, .duplicateChoice,
                            "\(noun) \(i + 1) \"\(text)\" repeats \(noun) \(first + 1) of question \"\(q.id)\"; make each \(noun) different"))
                    } else {
                        seen[key] = i
                    }
                }
            }
        }
        return findings
    }
}
