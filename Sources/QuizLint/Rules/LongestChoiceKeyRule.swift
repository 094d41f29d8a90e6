import QuizKit

/// `longest-choice-key`: the right answer is visibly longer than every wrong one, a cue test-wise learners use unread.
public enum LongestChoiceKeyRule: Rule {
    static let ratio = RuleOption.number("ratio", 1.3, in: 1...10,
        summary: "how many times the longest distractor's length the key must reach to be a cue")

    public static let description = RuleDescription(
        id: .longestChoiceKey,
        defaultSeverity: .warning,
        summary: "The right answer is the longest choice by far: in a single-choice question with 3+ choices, the key is longer than every distractor and at least 1.3× the longest; in a multiple-choice question, the shortest key is at least 1.3× the longest distractor.",
        options: [ratio],
        triggering: [
            .questions("""
              - ↓id: one
                section: alpha
                prompt: Why does a browser reconnect an EventSource on its own?
                choices:
                  - Because the HTML standard tells it to reconnect after a network error
                  - Because HTTP/2 requires it
                  - Because of TCP keepalive
                answer: A
                explanation: The standard defines the reconnection.
              - ↓id: two
                section: alpha
                type: multiple
                prompt: Which travel over TCP?
                choices: [WebSocket over HTTP/1.1, SSE over HTTP/1.1, QUIC]
                answer: [A, B]
                explanation: QUIC runs over UDP.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Why does a browser reconnect an EventSource on its own?
                choices:
                  - The HTML standard says so
                  - HTTP/2 requires it
                  - TCP keepalive does it
                answer: A
                explanation: The standard defines the reconnection.
              - id: two
                section: alpha
                prompt: Two choices are too few to cue.
                choices: [A much longer right answer than the other, Short]
                answer: A
                explanation: Two choices are a true/false in disguise.

            """),
            RuleExample(bank: """
                quiz: demo
                title: Demo
                questions:
                  - id: one
                    section: alpha
                    prompt: Why does a browser reconnect an EventSource on its own?
                    choices:
                      - The HTML standard tells it to
                      - HTTP/2 requires it
                      - TCP keepalive
                    answer: A
                    explanation: The standard defines the reconnection.

                """, config: "rules:\n  longest-choice-key: {ratio: 2}\n"),
        ])

    /// A choice's length as a learner sees it: characters of its text without Markdown markers, trimmed.
    static func shownLength(_ choice: Choice) -> Int {
        ShownText.shownLength(choice.text)
    }

    public static func check(_ root: ContentRoot) -> [Finding] { check(root, settings: RuleSettings()) }

    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] {
        let ratio = settings.number(Self.ratio)
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for qi in bank.questions.indices where bank.questions[qi].flaw == nil {
                let choices = bank.questions[qi].kind.choices
                guard let keys = bank.questions[qi].kind.choiceKeys, bank.questions[qi].kind.type == .multiple || choices.count >= 3 else { continue }
                // The shortest key, then the longest distractor, without arrays of lengths: a
                // distractor as long as the shortest key settles it, so the rest are not measured.
                var shortestKey = Int.max, longestDistractor = -1
                for i in choices.indices where keys.contains(i) { shortestKey = min(shortestKey, shownLength(choices[i])) }
                guard shortestKey != Int.max else { continue }
                for i in choices.indices where !keys.contains(i) {
                    longestDistractor = max(longestDistractor, shownLength(choices[i]))
                    if longestDistractor >= shortestKey { break }
                }
                guard longestDistractor >= 0,
                      shortestKey > longestDistractor, Double(shortestKey) >= ratio * Double(longestDistractor) else { continue }
                let what = keys.count == 1 ? "the right answer is" : "every right answer is"
                findings.append(root.finding(bank.file, bank.questions[qi].place.start, .longestChoiceKey,
                    "in question \"\(bank.questions[qi].id)\" \(what) the longest choice (\(shortestKey) characters against at most \(longestDistractor)), a cue learners use without reading; make the choices parallel in length and grammar"))
            }
        }
        return findings
    }
}
