import QuizKit

/// `answer-key`: every problem with the value of `answer`.
public enum AnswerKeyRule: Rule {
    public static let description = RuleDescription(
        id: .answerKey,
        defaultSeverity: .error,
        summary: "The answer cannot be right: a letter beyond the choices, a non-boolean, a non-number, an empty list, or a regular expression that does not compile.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Red, Blue, Green, Black]
                answer: ↓E
                explanation: Because.
              - id: two
                section: alpha
                type: truefalse
                prompt: Water is wet.
                answer: ↓yes
                explanation: It is.
              - id: three
                section: alpha
                type: multiple
                prompt: Pick two.
                choices: [Red, Blue, Green]
                answer: ↓[]
                explanation: Any.
              - id: four
                section: alpha
                type: short
                prompt: Name it.
                answer: ↓"/web(socket/"
                explanation: Websocket.
              - id: five
                section: alpha
                type: numeric
                prompt: How many?
                answer: ↓many
                explanation: Six.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                type: short
                prompt: Which header carries the last event id?
                answer: ["Last-Event-ID", "/last[- ]event[- ]id/"]
                explanation: The browser sends it on reconnect.
              - id: two
                section: alpha
                type: numeric
                prompt: Default HTTPS port?
                answer: 443
                tolerance: 0
                explanation: 443.

            """),
        ])
}
