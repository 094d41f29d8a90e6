import QuizKit
import QuizYAML

/// `duplicate-id`: a question id used twice in the root, a bank id twice, or a test id twice in a bank.
public enum DuplicateIDRule: Rule {
    public static let description = RuleDescription(
        id: .duplicateID,
        defaultSeverity: .error,
        summary: "An id used twice: question ids are unique across the root, bank ids across the root, test ids within a bank.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: First.
                choices: [Red, Blue]
                answer: A
                explanation: Because.
              - id: ↓one
                section: beta
                prompt: Second.
                choices: [Red, Blue]
                answer: B
                explanation: Because.

            """),
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: One
              - id: ↓practice
                title: Two

            """),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: One
              - id: final
                title: Two

            """),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        struct Occurrence { var file: String; var mark: Mark }
        var questions: [String: [Occurrence]] = [:]
        var banks: [String: [Occurrence]] = [:]
        for bank in root.usableBanks {
            banks[bank.id, default: []].append(Occurrence(file: bank.file, mark: bank.place.values["quiz"] ?? bank.place.start))
            for qi in bank.questions.indices where !bank.questions[qi].id.isEmpty {
                questions[bank.questions[qi].id, default: []].append(Occurrence(file: bank.file, mark: bank.questions[qi].place.values["id"] ?? bank.questions[qi].place.start))
            }
            var tests: [String: Mark] = [:]
            for t in bank.tests where !t.id.isEmpty {
                let mark = t.place.values["id"] ?? t.place.start
                if let first = tests[t.id] {
                    findings.append(root.finding(bank.file, mark, .duplicateID,
                        "test id \"\(t.id)\" is already used in this bank at line \(first.line); give this test another id"))
                } else {
                    tests[t.id] = mark
                }
            }
        }
        for (kind, table) in [("question", questions), ("bank", banks)] {
            for (id, all) in table where all.count > 1 {
                let ordered = all.sorted { ($0.file, $0.mark) < ($1.file, $1.mark) }
                let first = ordered[0]
                for other in ordered.dropFirst() {
                    let whereFirst = first.file == other.file ? "line \(first.mark.line)" : "\(first.file):\(first.mark.line)"
                    findings.append(root.finding(other.file, other.mark, .duplicateID,
                        "\(kind) id \"\(id)\" is already used at \(whereFirst); ids must be unique across the root"))
                }
            }
        }
        return findings
    }
}
