import Testing
import QuizMarkdown

struct MarkdownHeadingTests {
    private func heading(_ markdown: String) -> MarkdownHeading? {
        MarkdownDocument(markdown).headings.first
    }

    @Test("a heading line read into level, text and explicit id", arguments: [
        ("## Setup", MarkdownHeading(level: 2, text: "Setup")),
        ("# Title", MarkdownHeading(level: 1, text: "Title")),
        ("###### Six", MarkdownHeading(level: 6, text: "Six")),
        ("   ## Indented three", MarkdownHeading(level: 2, text: "Indented three")),
        ("## Closed ##", MarkdownHeading(level: 2, text: "Closed")),
        ("## C# and F#", MarkdownHeading(level: 2, text: "C# and F#")),
        ("## Setup {#install}", MarkdownHeading(level: 2, text: "Setup", explicitID: "install")),
        ("## Setup {#install} ##", MarkdownHeading(level: 2, text: "Setup", explicitID: "install")),
        ("## Setup ## {#install}", MarkdownHeading(level: 2, text: "Setup", explicitID: "install")),
        ("## Keep {#Odd_ID.1}", MarkdownHeading(level: 2, text: "Keep", explicitID: "Odd_ID.1")),
        ("## Not{#glued}", MarkdownHeading(level: 2, text: "Not{#glued}")),
        ("## Braces {not an id}", MarkdownHeading(level: 2, text: "Braces {not an id}")),
        ("## Spaced {#a b}", MarkdownHeading(level: 2, text: "Spaced {#a b}")),
        ("## The `EventSource` API", MarkdownHeading(level: 2, text: "The `EventSource` API", plainText: "The EventSource API")),
        ("Setext\n---", MarkdownHeading(level: 2, text: "Setext", isATX: false)),
        ("> ## Quoted", MarkdownHeading(level: 2, text: "Quoted", isTopLevel: false)),
    ])
    func reads(markdown: String, expected: MarkdownHeading) {
        #expect(heading(markdown) == expected)
    }

    @Test func anEmptyHeadingHasNoText() {
        #expect(heading("##")?.level == 2)
        #expect(heading("##")?.text == "")
    }

    @Test("lines that are not headings", arguments: ["#hashtag", "####### seven", "    ## four spaces", "text ## here", "", "```\n## fenced\n```", "<!--\n## comment\n-->"])
    func notAHeading(markdown: String) {
        #expect(MarkdownDocument(markdown).headings.isEmpty)
    }

    @Test func headingsKnowTheirLines() {
        let lines = MarkdownDocument("# A\n\ntext\n\n## B\n\n```\n## C\n```\n### D\n").headings.map { $0.range?.startLine }
        #expect(lines == [1, 5, 10])
    }
}
