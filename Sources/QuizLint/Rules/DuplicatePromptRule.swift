import QuizKit
import QuizYAML

/// `duplicate-prompt`: two questions ask the same thing, so a test may ask it twice or one gives the other away.
public enum DuplicatePromptRule: Rule {
    public static let description = RuleDescription(
        id: .duplicatePrompt,
        defaultSeverity: .warning,
        summary: "Two questions in the root have the same prompt, ignoring case and runs of white space; the later one is reported.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: What does a browser send when an EventSource reconnects?
                choices: [Last-Event-ID, Retry-After]
                answer: A
                explanation: The id of the last event it saw.
              - ↓id: two
                section: beta
                prompt: |
                  what does a browser send  when an
                  EventSource reconnects?
                type: short
                answer: Last-Event-ID
                explanation: The id of the last event it saw.

            """),
            RuleExample(bank: "quiz: demo\ntitle: Demo\nquestions:\n"
                + "  - {id: one, section: alpha, prompt: Why jitter?, type: short, answer: herd, explanation: E}\n",
                extra: ["Quizzes/other.yaml": "quiz: other\ntitle: Other\nlesson: demo\nquestions:\n"
                    + "  - {id: two, section: beta, prompt: Why back off?, type: short, answer: load, explanation: E}\n"
                    + "  - {↓id: three, section: beta, prompt: WHY  jitter?, type: short, answer: herd, explanation: E}\n"]),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: What does a browser send when an EventSource reconnects?
                choices: [Last-Event-ID, Retry-After]
                answer: A
                explanation: The id of the last event it saw.
              - id: two
                section: beta
                prompt: What does a server send to set the reconnection delay?
                type: short
                answer: retry
                explanation: A retry field in milliseconds.

            """),
        ])

    /// A prompt as compared: lower case, white-space runs as one space, trimmed.
    static func normalized(_ prompt: String) -> String {
        DuplicateChoiceRule.normalized(prompt)
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        struct Occurrence { var file: String; var mark: Mark; var id: String }
        var seen: [String: Occurrence] = [:]
        var findings: [Finding] = []
        let banks = root.usableBanks.sorted { $0.file < $1.file }
        for bank in banks {
            for q in bank.questions.sorted(by: { $0.place.start < $1.place.start }) {
                let prompt = normalized(q.prompt)
                guard !prompt.isEmpty else { continue }
                guard let first = seen[prompt] else {
                    seen[prompt] = Occurrence(file: bank.file, mark: q.place.start, id: q.id)
                    continue
                }
                let place = first.file == bank.file ? "line \(first.mark.line)" : "\(first.file):\(first.mark.line)"
                findings.append(root.finding(bank.file, q.place.start, .duplicatePrompt,
                    "question \"\(q.id)\" has the same prompt as \"\(first.id)\" at \(place); merge them, or reword one so each asks its own thing"))
            }
        }
        return findings
    }
}
