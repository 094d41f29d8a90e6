import Foundation
import QuizKit

/// `negative-stem`: a prompt asks which choice is *not* right without marking the negative, so readers miss it.
public enum NegativeStemRule: Rule {
    static let words = RuleOption.words("words", ["not", "except", "least"],
        summary: "the negative words looked for, as whole words in lower case outside emphasis")

    public static let description = RuleDescription(
        id: .negativeStem,
        defaultSeverity: .warning,
        summary: "The prompt of a single- or multiple-choice question holds \"not\", \"except\" or \"least\" in lower case and outside emphasis, so a hurried reader answers the opposite question.",
        options: [words],
        triggering: [
            .questions("""
              - ↓id: one
                section: alpha
                prompt: Which of these does not reconnect by itself?
                choices: [EventSource, WebSocket, Neither]
                answer: B
                explanation: The WebSocket API has no reconnection.
              - ↓id: two
                section: alpha
                type: multiple
                prompt: All of these carry text, except which?
                choices: [SSE, WebSocket text frames, WebSocket binary frames]
                answer: [C]
                explanation: Binary frames carry bytes.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Which of these does **not** reconnect by itself?
                choices: [EventSource, WebSocket, Neither]
                answer: B
                explanation: The WebSocket API has no reconnection.
              - id: two
                section: alpha
                prompt: Which of these does NOT reconnect by itself?
                choices: [EventSource, WebSocket, Neither]
                answer: B
                explanation: Capitals mark the negative too.
              - id: three
                section: alpha
                prompt: Why can a client not tell a refused handshake from a dropped network?
                type: truefalse
                answer: true
                explanation: Only choice questions are checked.
              - id: four
                section: alpha
                prompt: Which one is knotted, or at the leastways notable?
                choices: [This, That, Other]
                answer: A
                explanation: Only whole words count.

            """),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] { check(root, settings: RuleSettings()) }

    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] {
        let negatives = ShownText.WordSet(Set(settings.words(Self.words)), foldCase: false)
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for qi in bank.questions.indices where bank.questions[qi].flaw == nil && (bank.questions[qi].kind.type == .single || bank.questions[qi].kind.type == .multiple) {
                // Most prompts hold none of the words at all; only those that may are parsed as Markdown.
                guard ShownText.mayShowOutsideEmphasis(anyOf: negatives, in: bank.questions[qi].prompt),
                      let word = ShownText.firstWord(of: ShownText.outsideEmphasis(bank.questions[qi].prompt), in: negatives) else { continue }
                findings.append(root.finding(bank.file, bank.questions[qi].place.start, .negativeStem,
                    "the prompt of question \"\(bank.questions[qi].id)\" asks with \"\(word)\", which hurried readers miss; ask it positively, or emphasise the word (**\(word)**)"))
            }
        }
        return findings
    }
}
