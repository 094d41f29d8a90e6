import Testing
@testable import QuizMarkdown

struct TerminalRendererTests {
    private func render(_ markdown: String, width: Int = 40) -> String {
        TerminalRenderer.render(markdown, width: width, color: false)
    }

    @Test("paragraphs are re-wrapped to the width", arguments: [
        ("The quick brown fox jumps over the lazy dog and keeps running.", 20,
         "The quick brown fox\njumps over the lazy\ndog and keeps\nrunning."),
        ("one\ntwo   three\n   four", 40, "one two three four"),
        ("first\n\n\n\nsecond", 40, "first\n\nsecond"),
        ("exactly ten", 11, "exactly ten"),
        ("exactly ten", 10, "exactly\nten"),
        ("See https://example.com/a/very/long/path/that/cannot/fit here.", 20,
         "See\nhttps://example.com/a/very/long/path/that/cannot/fit\nhere."),
        ("Supercalifragilistic word", 5, "Supercalifragilistic\nword"),
        ("first  \nsecond\\\nthird", 40, "first\nsecond\nthird"),
        ("你好世界 你好世界 你好世界", 18, "你好世界 你好世界\n你好世界"),
    ])
    func paragraph(markdown: String, width: Int, expected: String) {
        #expect(render(markdown, width: width) == expected)
    }

    @Test("inline markers are removed; code keeps its backticks", arguments: [
        ("**Bold**, *em*, _em_, `code` and ***both***.", "Bold, em, em, `code` and both."),
        ("Use my_var_name and 2 * 3 * 4, not __init__ alone.", "Use my_var_name and 2 * 3 * 4, not init alone."),
        ("An *unclosed marker and a `lone backtick", "An *unclosed marker and a `lone backtick"),
        ("Escaped \\*stars\\* stay", "Escaped *stars* stay"),
        ("``a ` b``", "`` a ` b ``"),
        ("Read [the spec](https://x.org \"Title\") or <https://y.org>.", "Read the spec (https://x.org) or https://y.org."),
        ("Jump to [Polling](#polling--client-pull).", "Jump to Polling."),
        ("Press <kbd>Ctrl</kbd> &amp; C", "Press Ctrl & C"),
    ])
    func inline(markdown: String, expected: String) {
        #expect(render(markdown, width: 80) == expected)
    }

    @Test func headingsAreALineFollowedByABlankLine() {
        let markdown = "Intro.\n### Short polling ###\nThe client asks.\n#### Deeper\n- item"
        #expect(render(markdown) == """
            Intro.

            Short polling

            The client asks.

            Deeper

            • item
            """)
    }

    @Test("lists wrap with a hanging indent", arguments: [
        ("- Direction — who can send, and over which channel.\n- Latency", 20,
         "• Direction — who\n  can send, and over\n  which channel.\n• Latency"),
        ("* star\n* list", 20, "• star\n• list"),
        ("1. first line\ncontinues lazily\n2. second", 40, "1. first line continues lazily\n2. second"),
        ("9. nine\n10. ten is a longer item that wraps", 20, " 9. nine\n10. ten is a longer\n    item that wraps"),
        ("3) three\n7) four", 20, "3) three\n4) four"),
        ("- a\n  - b\n    - c\n  - d\n- e", 20, "• a\n  ◦ b\n    ▪ c\n  ◦ d\n• e"),
        ("- loose\n\n- items", 20, "• loose\n\n• items"),
        // A blank line between an item's blocks makes the whole list loose, as CommonMark says.
        ("- para one\n\n  para two\n- next", 20, "• para one\n\n  para two\n\n• next"),
        ("Text before\n- a list\n\nText after", 20, "Text before\n\n• a list\n\nText after"),
        ("- item\n\n      code in item", 30, "• item\n\n      code in item"),
    ])
    func list(markdown: String, width: Int, expected: String) {
        #expect(render(markdown, width: width) == expected)
    }

    @Test("block quotes keep a bar on every line", arguments: [
        ("> Quoted text that is long enough to wrap twice.", 20, "│ Quoted text that\n│ is long enough to\n│ wrap twice."),
        ("> one\n>\n> two", 20, "│ one\n│\n│ two"),
        ("> lazy\ncontinuation", 40, "│ lazy continuation"),
        ("> - a list\n> - in a quote", 40, "│ • a list\n│ • in a quote"),
    ])
    func quote(markdown: String, width: Int, expected: String) {
        #expect(render(markdown, width: width) == expected)
    }

    @Test("code blocks are indented by 4, never wrapped, fences not shown", arguments: [
        ("Text.\n\n```js\nlet aVeryLongLineOfCodeThatExceedsTheWidth = 1;\n\n  indented();\n```\nAfter.",
         "Text.\n\n    let aVeryLongLineOfCodeThatExceedsTheWidth = 1;\n\n      indented();\n\nAfter."),
        ("~~~\n## not a heading\n~~~", "    ## not a heading"),
        ("````md\n```\ninner\n```\n````", "    ```\n    inner\n    ```"),
        ("  ```\n  two spaces off\n    four\n  ```", "    two spaces off\n      four"),
        ("```\nunclosed", "    unclosed"),
        ("    indented code\n\n    more", "    indented code\n\n    more"),
        ("```\n\tx = 1\n```", "        x = 1"),
    ])
    func codeBlock(markdown: String, expected: String) {
        #expect(render(markdown, width: 20) == expected)
    }

    @Test func tablesAreAlignedByDisplayWidth() {
        let markdown = """
            | Name | Qty | Note |
            |------|----:|:----:|
            | Café | 3 | `a\\|b` |
            | 你好 | 12 | **x** |
            """
        #expect(render(markdown) == """
            | Name | Qty | Note  |
            ──────────────────────
            | Café |   3 | `a|b` |
            | 你好 |  12 |   x   |
            """)
    }

    @Test func tableRowsMayLackOrAddCellsAndOuterPipes() {
        let markdown = "a | b\n--|--\n1\n2 | 3 | 4\nText after"
        #expect(render(markdown) == """
            | a          | b |
            ──────────────────
            | 1          |   |
            | 2          | 3 |
            | Text after |   |
            """)
    }

    @Test func aTableTooWideWrapsItsWidestColumns() {
        let markdown = """
            | Key | Value |
            |---|---|
            | a | one two three four five six |
            | b | seven |
            """
        #expect(render(markdown, width: 30) == """
            | Key | Value              |
            ────────────────────────────
            | a   | one two three four |
            |     | five six           |
            ────────────────────────────
            | b   | seven              |
            """)
    }

    @Test func aTableThatCannotFitIsStackedOneBlockPerRow() {
        let markdown = """
            | Property | Polling | WebSocket |
            |---|---|---|
            | Direction | Client pulls with ordinary requests | Both sides send at any time |
            | Payload | Anything HTTP can carry | Text and binary messages |
            """
        let lines = render(markdown, width: 30)
        #expect(lines == """
            Direction
              Polling:
                Client pulls with ordinary
                requests
              WebSocket:
                Both sides send at any
                time

            Payload
              Polling:
                Anything HTTP can carry
              WebSocket:
                Text and binary messages
            """)
        #expect(!lines.split(separator: "\n").contains { DisplayWidth.of($0) > 30 })
    }

    @Test("other blocks", arguments: [
        ("a\n\n---\n\nb", "a\n\n──────────\n\nb"),
        ("a\n* * *\nb", "a\n\n──────────\n\nb"),
        ("<!-- a note\nfor authors -->\nShown.", "Shown."),
        ("", ""),
        ("\n\n", ""),
        ("a | b\nnot a table", "a | b not\na table"),
        ("<details>\n<summary>More</summary>\n</details>", "More"),
    ])
    func otherBlocks(markdown: String, expected: String) {
        #expect(render(markdown, width: 10) == expected)
    }

    @Test func deepNestingIsCappedNotFatal() {
        let rendered = render(String(repeating: "> ", count: 10_000) + "deep", width: 200)
        #expect(rendered == String(repeating: "│ ", count: TerminalRenderer.maxNesting) + "deep")
        let list = render(String(repeating: "- ", count: 10_000) + "item", width: 200)
        #expect(list.hasSuffix("item"))
        #expect(list.split(separator: "\n").count == 1)
    }

    @Test func strikethroughAndBareURLsComeFromGitHubsExtensions() {
        #expect(render("~~old~~ new at https://example.com/x", width: 80) == "old new at https://example.com/x")
        #expect(render("see www.example.com", width: 80) == "see www.example.com")
    }

    @Test func crlfReadsLikeLF() {
        #expect(render("- a\r\n- b\r\n\r\n```\r\ncode\r\n```") == "• a\n• b\n\n    code")
    }

    @Test func colorUsesANSIStyles() {
        let esc = "\u{1B}"
        #expect(TerminalRenderer.render("### Head\n\n**b** *i* `c`\n\n```\nx\n```", width: 40, color: true) == """
            \(esc)[1mHead\(esc)[0m

            \(esc)[1mb\(esc)[0m \(esc)[3mi\(esc)[0m \(esc)[4mc\(esc)[0m

                \(esc)[2mx\(esc)[0m
            """)
    }

    @Test func aStyledPhraseKeepsItsStyleAcrossSpacesButNotLineEnds() {
        let esc = "\u{1B}"
        #expect(TerminalRenderer.render("**one two three**", width: 8, color: true)
            == "\(esc)[1mone two\(esc)[0m\n\(esc)[1mthree\(esc)[0m")
    }
}
