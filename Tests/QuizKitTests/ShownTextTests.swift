import Foundation
@testable import QuizKit
import Testing

/// Lint weighs and searches the text a learner sees. Most texts hold no Markdown and skip
/// cmark-gfm; these tests hold the quick paths to what cmark-gfm gives for texts of every kind.
@Suite struct ShownTextTests {
    static let texts: [String] = [
        "", "   ", "Plain words, no markup.", "  padded on both sides\t", "Long polling", "HTTP/2 requires it (case 12)",
        "Poll `/orders` once a second", "` spaced `", "`  `", "`a` and `b`", "odd ` backtick", "``double``", "`*not emphasis*`",
        "x `y", "`tab\tinside`", "`  two spaces  `", "` x`", "`x `", "` \u{A0}x \u{A0} `",
        "*never* again", "**always** right", "_none_ of them", "~~totally~~", "ne*ver*", "no*t*", "a [link](https://example.com) here",
        "![alt text](img.png)", "&amp; entity", "&#110;ot", "back\\slash", "\\*escaped\\*", "<b>bold</b> html", "<https://example.com>",
        "www.example.com", "mail me@example.com", "C# and F#", "ends with #", "# starts with hash", "1. a list?", "- a dash", "> quote",
        "key: value", "100% sure!", "a | b", "café’s order — now", "naïve résumé", "\u{A0}no-break at start", "ends no-break\u{A0}",
        "e\u{301}", " \u{301}leading mark", "line one\nline two", "crlf\r\nline", "nel\u{85}line", "ls\u{2028}ps\u{2029}end",
        "don't and don’t", "Straße ÉCOLE", "emoji 👍🏽 here", "tab\tinside", "x\u{0B}vt", "nul\u{0}byte", "   `code` at start",
        "www", "awww.b", "ends with `code`", "Kelvin \u{212A}", "İstanbul",
    ]

    @Test func plainIsWhatCmarkShows() {
        for text in Self.texts {
            #expect(ShownText.plain(text) == ShownText.parsedPlain(text), "\(text.debugDescription)")
        }
    }

    @Test func wordsOutsideEmphasisAreWhatCmarkShows() {
        for text in Self.texts {
            #expect(ShownText.words(ShownText.outsideEmphasis(text)) == ShownText.words(ShownText.parsedOutsideEmphasis(text)),
                    "\(text.debugDescription)")
        }
    }

    @Test func wordsAreSplitAsCharactersSplitThem() {
        for text in Self.texts {
            let expected = text.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }.map(String.init)
            #expect(ShownText.words(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func lessonWordCountsAreCharacterSplitCounts() {
        for text in Self.texts {
            #expect(LessonParser.wordCount(text) == text.split(whereSeparator: \.isWhitespace).count, "\(text.debugDescription)")
        }
    }

    @Test func lessonLinesEndAtEveryLineEnding() {
        #expect(LessonParser.lines(of: "\u{FEFF}a\r\nb\rc\n\nd") == ["a", "b", "c", "", "d"])
        #expect(LessonParser.lines(of: "café\r\r\n—\n") == ["café", "", "—"])
        #expect(LessonParser.lines(of: "") == [])
    }

    @Test func firstWordIsTheFirstOfTheSetAmongTheWords() {
        let set = ShownText.WordSet(["never", "always", "straße"], foldCase: true)
        for text in Self.texts + ["NEVER say never", "Straße and always", "it is Always so", "nevermore"] {
            let expected = ShownText.words(text).lazy.map { $0.lowercased() }.first(where: set.words.contains)
            #expect(ShownText.firstWord(of: text, in: set) == expected, "\(text.debugDescription)")
        }
        let exact = ShownText.WordSet(["not"], foldCase: false)
        #expect(ShownText.firstWord(of: "Which is NOT right", in: exact) == nil)
        #expect(ShownText.firstWord(of: "Which is not right", in: exact) == "not")
    }

    @Test func aWordShownOutsideEmphasisIsNeverRuledOut() {
        for text in Self.texts {
            for word in ShownText.words(ShownText.parsedOutsideEmphasis(text)) {
                #expect(ShownText.mayShowOutsideEmphasis(anyOf: ShownText.WordSet([word], foldCase: false), in: text),
                        "\(word) in \(text.debugDescription)")
            }
        }
        let not = ShownText.WordSet(["not"], foldCase: false)
        #expect(!ShownText.mayShowOutsideEmphasis(anyOf: not, in: "Which of these is right?"))
        #expect(ShownText.mayShowOutsideEmphasis(anyOf: not, in: "Which is &#110;ot right?"))
    }
}
