@testable import QuizLint
import Testing

/// Duplicate choices and prompts are compared ignoring case and spacing; the byte-wise path
/// must give what lowercasing and splitting Characters gives, for any text.
@Suite struct TextNormalizationTests {
    static let texts: [String] = [
        "", "  ", "Long Polling", "  Long \t polling\n", "LONG\r\nPOLLING", "café’s ORDER — Now", "ÉCOLE  straße",
        "a \u{301}b", "x\u{A0}y", "x \u{A0} y", "İstanbul", "Kelvin \u{212A}", "emoji 👍🏽  here", "ls\u{2028}ps", "nel\u{85}x",
        "All of the above.", "NONE OF THE ABOVE!",
    ]

    @Test func normalizedIsLowercasedCharactersJoinedBySpaces() {
        for text in Self.texts {
            let expected = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(DuplicateChoiceRule.normalized(text) == expected, "\(text.debugDescription)")
        }
    }

    /// Prompts that Swift holds equal (canonically equivalent) must meet in one bucket.
    @Test func equalPromptsShareABucket() {
        let pairs = [
            ("Is the caf\u{E9} open?", "Is the cafe\u{301} open?"),
            ("\u{212A}elvin degrees", "kelvin degrees"),
            ("x\u{37E} y", "x; y"),
            ("a\u{1FEF}b c", "a`b c"),
            ("Ångström  UNITS", "A\u{30A}ngstro\u{308}m units"),
        ]
        for (a, b) in pairs {
            let (na, nb) = (DuplicateChoiceRule.normalized(a), DuplicateChoiceRule.normalized(b))
            #expect(na == nb, "\(a) and \(b)")
            #expect(DuplicatePromptRule.bucket(na) == DuplicatePromptRule.bucket(nb), "\(a) and \(b)")
        }
        #expect(DuplicatePromptRule.bucket("one two") != DuplicatePromptRule.bucket("one three"))
    }

    @Test func onlyTextsHoldingAboveCanNameTheOthers() {
        #expect(AllOfTheAboveRule.holdsAbove("All of the ABOVE"))
        #expect(AllOfTheAboveRule.holdsAbove("none of the above."))
        #expect(!AllOfTheAboveRule.holdsAbove("Both red and blue"))
        #expect(!AllOfTheAboveRule.holdsAbove("abov"))
    }
}
