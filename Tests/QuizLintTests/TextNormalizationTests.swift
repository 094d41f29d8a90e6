@testable import QuizKit
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

    /// The bucket read from a prompt's bytes is the bucket of its normalized text, for any text,
    /// including white space and the Kelvin sign inside non-ASCII words.
    @Test func promptBucketIsTheBucketOfTheNormalizedPrompt() {
        var texts = Self.texts + [
            "Is the caf\u{E9} open?", "Is the cafe\u{301} open?", "\u{212A}elvin degrees", "x\u{37E} y", "a\u{1FEF}b c",
            "Ångström  UNITS", "caf\u{E9}\u{A0}open", "é\tx", "é\u{2003}x", "é\u{202F}x", "é\u{205F}x", "é\u{3000}x",
            "é\u{1680}x", "é\u{85}x", "Ké\u{212A}", "a;b `c` d", "café’s order — now", "ÀB;C", "\u{2028}", "é",
            "«Ça» va — ‘BIEN’ …", "x\u{AD}y  Z", "Straße\tÉTÉ\r\nœuvre", "a\u{A0}b c", "’s — ", "\u{2010}A\u{2027}",
        ]
        // Every mix of a few tricky pieces, two at a time.
        let pieces = ["A", "é", " ", "\u{A0}", "\u{212A}", ";", "\u{301}", "\t", "’", "\u{2009}", "İ"]
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            let normalized = DuplicateChoiceRule.normalized(text)
            let expected: UInt64? = normalized.isEmpty ? nil : DuplicatePromptRule.bucket(normalized)
            #expect(DuplicatePromptRule.promptBucket(text) == expected, "\(text.debugDescription)")
        }
    }

    /// `firstWord` finds what splitting the text into `words` and looking each up finds.
    @Test func firstWordIsTheFirstOfTheWordsInTheSet() {
        let folded = ShownText.WordSet(["never", "always", "none", "straße", "it's"], foldCase: true)
        let exact = ShownText.WordSet(["not", "except", "Least"], foldCase: false)
        var texts = Self.texts + ["Never say never", "ALWAYS", "is not it", "NOT here", "Least of all, least", "x-never-y",
                                  "émigré never", "é never", "never—always", "it's fine", "Straße here", "nonever none"]
        let pieces = ["never", "NOT", "é", " ", "-", "’", "a", "Least", "\u{301}", "none"]
        for a in pieces { for b in pieces { for c in pieces { texts.append(a + b + c) } } }
        for text in texts {
            let foldedExpected = ShownText.words(text).lazy.map { $0.lowercased() }.first(where: folded.words.contains)
            #expect(ShownText.firstWord(of: text, in: folded) == foldedExpected, "\(text.debugDescription)")
            let exactExpected = ShownText.words(text).first(where: exact.words.contains)
            #expect(ShownText.firstWord(of: text, in: exact) == exactExpected, "\(text.debugDescription)")
        }
    }

    @Test func onlyTextsHoldingAboveCanNameTheOthers() {
        #expect(AllOfTheAboveRule.holdsAbove("All of the ABOVE"))
        #expect(AllOfTheAboveRule.holdsAbove("none of the above."))
        #expect(!AllOfTheAboveRule.holdsAbove("Both red and blue"))
        #expect(!AllOfTheAboveRule.holdsAbove("abov"))
    }
}
