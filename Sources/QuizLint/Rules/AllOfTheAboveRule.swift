import QuizKit

/// `all-of-the-above`: a choice "All of the above" or "None of the above", which breaks when choices are shuffled.
public enum AllOfTheAboveRule: Rule {
    public static let description = RuleDescription(
        id: .allOfTheAbove,
        defaultSeverity: .warning,
        summary: "A choice reads \"All of the above\" or \"None of the above\": it depends on position, breaks under shuffling, and is guessable.",
        triggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices:
                  - Red
                  - Blue
                  - ↓All of the above.
                answer: C
                explanation: Because.
              - id: two
                section: alpha
                type: multiple
                prompt: Pick some.
                choices: [Red, Blue, ↓none of the above]
                answer: [A]
                explanation: Because.

            """),
        ],
        nonTriggering: [
            .questions("""
              - id: one
                section: alpha
                prompt: Pick one.
                choices: [Red, Blue, Both red and blue]
                answer: C
                explanation: Because.

            """),
        ])

    private static let ofTheAbove = Array("of the above".utf8)

    /// Whether `text` holds `phrase`, byte for byte.
    static func holds(_ text: String, _ phrase: [UInt8]) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = phrase.first, bytes.count >= phrase.count else { return false }
        for start in 0...(bytes.count - phrase.count) where bytes[start] == first {
            if bytes[start..<start + phrase.count].elementsEqual(phrase) { return true }
        }
        return false
    }

    /// Whether `text` holds "above", ignoring ASCII case, byte for byte.
    static func holdsAbove(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            // The letters compared one by one, without an array of them made for every text.
            guard bytes.count >= 5 else { return false }
            for s in 0...(bytes.count - 5) where bytes[s] | 0x20 == 0x61 {
                if bytes[s + 1] | 0x20 == 0x62, bytes[s + 2] | 0x20 == 0x6F, bytes[s + 3] | 0x20 == 0x76, bytes[s + 4] | 0x20 == 0x65 {
                    return true
                }
            }
            return false
        }
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for qi in bank.questions.indices {
                for choice in bank.questions[qi].kind.choices {
                    // Only a text holding "above" in some case can normalize to hold "of the above"
                    // (no non-ASCII letter lowercases to one of its letters).
                    guard holdsAbove(choice.text) else { continue }
                    let normalized = DuplicateChoiceRule.normalized(choice.text)
                    // Only text holding "of the above" can trim to either phrase; skip the costly trim otherwise.
                    guard holds(normalized, ofTheAbove) else { continue }
                    let text = normalized.trimmingCharacters(in: .punctuationCharacters)
                    guard text == "all of the above" || text == "none of the above" else { continue }
                    findings.append(root.finding(bank.file, choice.mark, .allOfTheAbove,
                        "choice \"\(choice.text)\" depends on the order of the other choices, which are shuffled; name what it means, or use type: multiple"))
                }
            }
        }
        return findings
    }
}
