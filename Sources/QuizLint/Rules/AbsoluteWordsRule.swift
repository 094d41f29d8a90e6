import QuizKit

/// `absolute-words`: absolutes such as "always" or "never" appear only in wrong choices, which test-wise learners rule out unread.
public enum AbsoluteWordsRule: Rule {
    static let words = RuleOption.words("words",
        ["always", "never", "none", "every", "completely", "entirely", "guaranteed", "impossible", "absolutely", "totally"],
        summary: "the absolute words looked for, as whole words in any case")

    public static let description = RuleDescription(
        id: .absoluteWords,
        defaultSeverity: .warning,
        summary: "In a single- or multiple-choice question, at least one wrong choice and no right one holds an absolute word (always, never, none, every, completely, entirely, guaranteed, impossible, absolutely, totally).",
        options: [words],
        triggering: [
            .questions("""
              - ↓id: one
                section: alpha
                prompt: When does an EventSource reconnect by itself?
                choices:
                  - After a network error
                  - Always, whatever the server answered
                  - After the server closes the stream with a 204
                answer: A
                explanation: A 204 or any other non-200 response stops it for good.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: When does an EventSource reconnect by itself?
                choices:
                  - Always after a network error
                  - Always, whatever the server answered
                  - Never
                answer: A
                explanation: Absolutes in the key too give nothing away.
              - id: two
                section: alpha
                prompt: What stops an EventSource for good?
                choices: [A non-200 response, A network error, A comment line]
                answer: A
                explanation: Any non-200 response fails the connection.

            """),
            RuleExample(bank: """
                quiz: demo
                title: Demo
                questions:
                  - id: one
                    section: alpha
                    prompt: When does an EventSource reconnect by itself?
                    choices: [After a network error, Always, After a 204]
                    answer: A
                    explanation: A 204 stops it.

                """, config: "rules:\n  absolute-words:\n    words: [invariably]\n"),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] { check(root, settings: RuleSettings()) }

    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] {
        let absolutes = ShownText.WordSet(Set(settings.words(Self.words)), foldCase: true)
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for qi in bank.questions.indices where bank.questions[qi].flaw == nil {
                guard let keys = bank.questions[qi].kind.choiceKeys else { continue }
                func absolute(in choice: Choice) -> String? {
                    ShownText.firstWord(of: ShownText.plain(choice.text), in: absolutes)
                }
                let choices = bank.questions[qi].kind.choices
                guard !choices.indices.contains(where: { keys.contains($0) && absolute(in: choices[$0]) != nil }),
                      let (index, word) = choices.indices.lazy.filter({ !keys.contains($0) })
                        .compactMap({ i in absolute(in: choices[i]).map { (i, $0) } }).first else { continue }
                findings.append(root.finding(bank.file, bank.questions[qi].place.start, .absoluteWords,
                    "in question \"\(bank.questions[qi].id)\" only wrong choices hold absolute words (\"\(word)\" in \"\(choices[index].text)\"), a cue learners use to rule them out; put absolutes in a right answer too, or in no choice"))
            }
        }
        return findings
    }
}
