import Testing
@testable import QuizKit

struct LessonParserTests {
    private func parse(_ text: String, id: String = "lesson") -> (lesson: Lesson, findings: [Finding]) {
        LessonParser.parse(text, id: id, file: "Lessons/\(id).md")
    }

    private let shipped = """
        ---
        title: WebSockets vs SSE vs Polling
        summary: How the server gets news to the browser.
        links:
          - title: "RFC 6455 — The WebSocket Protocol"
            url: https://datatracker.ietf.org/doc/html/rfc6455
          - title: MDN — EventSource
            url: https://developer.mozilla.org/en-US/docs/Web/API/EventSource
        ---

        # WebSockets vs SSE vs Polling

        Chat and live scores share one requirement.

        ## What is Real-Time Communication?

        Start with plain HTTP.

        ## Polling — Client Pull

        ### Short polling

        Ask on a timer.

        ## Server-Sent Events (SSE) — Server Push

        ## WebSockets — Full Duplex

        ## Side-by-Side Comparison

        ## When SSE is Enough vs When WebSocket is Needed

        ## Reconnection Strategies and Heartbeats

        Back off with jitter.
        """

    @Test func readsTheSectionsOfALesson() {
        let (lesson, findings) = parse(shipped, id: "websockets-sse-polling")
        #expect(findings.isEmpty)
        #expect(lesson.title == "WebSockets vs SSE vs Polling")
        #expect(lesson.summary == "How the server gets news to the browser.")
        #expect(lesson.links == [
            Lesson.Link(title: "RFC 6455 — The WebSocket Protocol", url: "https://datatracker.ietf.org/doc/html/rfc6455"),
            Lesson.Link(title: "MDN — EventSource", url: "https://developer.mozilla.org/en-US/docs/Web/API/EventSource"),
        ])
        #expect(lesson.file == "Lessons/websockets-sse-polling.md")
        #expect(lesson.intro == "Chat and live scores share one requirement.")
        #expect(lesson.sections.map(\.id) == [
            "what-is-real-time-communication",
            "polling--client-pull",
            "server-sent-events-sse--server-push",
            "websockets--full-duplex",
            "side-by-side-comparison",
            "when-sse-is-enough-vs-when-websocket-is-needed",
            "reconnection-strategies-and-heartbeats",
        ])
        #expect(lesson.sections.map(\.line) == [15, 19, 25, 27, 29, 31, 33])
        #expect(lesson.sections[1] == Section(id: "polling--client-pull", title: "Polling — Client Pull", line: 19,
                                              body: "### Short polling\n\nAsk on a timer.", wordCount: 7, readingMinutes: 1))
        #expect(lesson.sections[2].body == "")
        #expect(lesson.sections[2].readingMinutes == 0)
    }

    @Test("the lesson title", arguments: [
        ("---\ntitle: From YAML\n---\n# From Heading\n", "From YAML"),
        ("# From Heading\n\n## Section\n", "From Heading"),
        ("Some text first.\n\n# Later Heading {#top}\n", "Later Heading"),
        ("## Only Sections\n", "lesson"),
        ("#\n# Real Title\n", "Real Title"),
        ("---\nsummary: no title here\n---\n", "lesson"),
    ])
    func title(text: String, expected: String) {
        #expect(parse(text).lesson.title == expected)
    }

    @Test func introKeepsTextAroundTheTitleHeadingButNotTheHeading() {
        let text = "[badge](b.svg)\n\n# Title\n\nFirst paragraph.\n\n### Aside\n\n## Section\n"
        #expect(parse(text).lesson.intro == "[badge](b.svg)\n\n\nFirst paragraph.\n\n### Aside")
    }

    @Test func sectionTitlesLoseClosingHashesAndExplicitIDs() {
        let (lesson, findings) = parse("## Setup ##\n## Install it {#install}\n##   Spaced   \n")
        #expect(findings.isEmpty)
        #expect(lesson.sections.map(\.title) == ["Setup", "Install it", "Spaced"])
        #expect(lesson.sections.map(\.id) == ["setup", "install", "spaced"])
    }

    @Test("slugs count every heading outside fences, any level, in file order", arguments: [
        ("# Intro\n## Intro\n", ["intro-1"]),
        ("## Notes\n### Notes\n## Notes\n", ["notes", "notes-2"]),
        ("## A {#setup}\n## Setup\n", ["setup", "setup-1"]),
        ("## Setup {#x}\n## Setup\n", ["x", "setup"]),
        ("## A\n```\n## A\n```\n## A\n", ["a", "a-1"]),
        // Setext headings and headings in quotes take slugs, as on GitHub, but open no section.
        ("Intro\n=====\n\n## Intro\n", ["intro-1"]),
        ("Notes\n-----\n\n## Notes\n", ["notes-1"]),
        ("> ## Quoted\n\n## Quoted\n", ["quoted-1"]),
    ])
    func slugCounting(text: String, ids: [String]) {
        #expect(parse(text).lesson.sections.map(\.id) == ids)
    }

    @Test("fenced code hides `## ` lines", arguments: [
        "```\n## Hidden\n```",
        "~~~\n## Hidden\n~~~",
        "```swift\n## Hidden\n```",
        "````\n```\n## Hidden\n```\n````",
        "~~~~\n~~~\n## Hidden\n~~~~",
        "~~~\n```\n## Hidden\n~~~",
        "```\n~~~\n## Hidden\n```",
        "   ```\n## Hidden\n   ```",
        "```\n## Hidden\n  ```  ",
    ])
    func fencesHideHeadings(fenced: String) {
        let (lesson, _) = parse("## Before\n\n\(fenced)\n\n## After\n")
        #expect(lesson.sections.map(\.id) == ["before", "after"])
        #expect(lesson.sections[0].body == fenced)
    }

    @Test("HTML comment blocks hide `## ` lines", arguments: [
        ("## Before\n\n<!--\n## Draft\n-->\n\n## After\n", ["before", "after"]),
        ("## Before\n<!-- TODO: expand -->\n## After\n", ["before", "after"]),
        ("## Before\n<!-- starts\n## Draft\nends --> here\n## After\n", ["before", "after"]),
        ("## Before\n<!--\n## Never closed\n", ["before"]),
        ("## Before\nText <!--\n## Seen\n-->\n", ["before", "seen"]),
    ])
    func commentsHideHeadings(text: String, ids: [String]) {
        #expect(parse(text).lesson.sections.map(\.id) == ids)
    }

    @Test func aFenceNeverClosedRunsToTheEnd() {
        let (lesson, _) = parse("## Before\n\n````\n## Hidden\n```\n## Still hidden\n")
        #expect(lesson.sections.map(\.id) == ["before"])
    }

    @Test("lines that do not open a fence leave headings alone", arguments: [
        "    ```\n## Seen\n    ```",
        "``\n## Seen\n``",
        "``` a`b\n## Seen\n```",
    ])
    func notAFence(text: String) {
        #expect(parse("## Before\n\n\(text)\n").lesson.sections.map(\.id) == ["before", "seen"])
    }

    @Test("reading time is words / 200, rounded up", arguments: [
        (0, 0), (1, 1), (199, 1), (200, 1), (201, 2), (400, 2), (401, 3), (1000, 5),
    ])
    func readingTimeByCount(words: Int, minutes: Int) {
        let body = Array(repeating: "word", count: words).joined(separator: " ")
        let section = parse("## S\n\n\(body)\n").lesson.sections[0]
        #expect(section.wordCount == words)
        #expect(section.readingMinutes == minutes)
    }

    @Test func wordsIncludeCodeAndMarkup() {
        let section = parse("## S\n\n- one **two**\n\n```js\nlet x = 1;\n```\n").lesson.sections[0]
        #expect(section.wordCount == 3 + 6)
    }

    @Test("a stated reading time sets the minutes and leaves the body", arguments: [
        ("Reading time: 3 min", 3),
        ("Reading time: 12 minutes", 12),
        ("reading time: 1 Min", 1),
        ("Reading time: 0 min", 0),
    ])
    func statedReadingTime(line: String, minutes: Int) {
        let section = parse("## S\n\n\(line)\n\nThree words here.\n").lesson.sections[0]
        #expect(section.readingMinutes == minutes)
        #expect(section.body == "Three words here.")
        #expect(section.wordCount == 3)
    }

    @Test("a reading-time line that does not count", arguments: [
        "Text first.\n\nReading time: 3 min",
        "Reading time: about 3 min",
        "Reading time: 3",
        "*Reading time: 3 min*",
    ])
    func notAStatedReadingTime(body: String) {
        let section = parse("## S\n\n\(body)\n").lesson.sections[0]
        #expect(section.body == body)
        #expect(section.readingMinutes == 1)
    }

    @Test func crlfLineEndingsReadLikeLF() {
        let lf = parse(shipped, id: "websockets-sse-polling")
        let crlf = parse(shipped.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"),
                         id: "websockets-sse-polling")
        #expect(crlf.findings.isEmpty)
        #expect(crlf.lesson.title == lf.lesson.title)
        #expect(crlf.lesson.links == lf.lesson.links)
        #expect(crlf.lesson.intro == lf.lesson.intro)
        #expect(crlf.lesson.sections == lf.lesson.sections)
        #expect(!crlf.lesson.sections.contains { $0.body.contains("\r") })
    }

    @Test func crlfFindingsKeepTheirLines() {
        let findings = parse("---\r\ntitle: T\r\nauthor: me\r\n---\r\n## A {#x}\r\n## B {#x}\r\n").findings
        #expect(findings.map { "\($0.rule.rawValue) \($0.line):\($0.column)" } == ["unknown-key 3:1", "duplicate-id 6:1"])
    }

    @Test func aByteOrderMarkIsIgnored() {
        let (lesson, findings) = parse("\u{FEFF}---\ntitle: T\n---\n## A\n")
        #expect(findings.isEmpty)
        #expect(lesson.title == "T")
        #expect(lesson.sections.map(\.line) == [4])
    }

    @Test("front matter that is fine", arguments: [
        "---\n---\n## A\n",
        "---\n# only a comment\n---\n## A\n",
        "---   \ntitle: T\n---\t\n## A\n",
        "---\ntitle: 42\nsummary: Yes\nlinks: []\n---\n## A\n",
    ])
    func frontMatterWithoutFindings(text: String) {
        let (lesson, findings) = parse(text)
        #expect(findings.isEmpty)
        #expect(lesson.sections.map(\.id) == ["a"])
    }

    @Test func scalarsStayTextAsWritten() {
        let lesson = parse("---\ntitle: 42\nsummary: Yes\n---\n").lesson
        #expect(lesson.title == "42")
        #expect(lesson.summary == "Yes")
    }

    @Test("each front-matter problem is one finding at its place", arguments: [
        ("---\ntitle: [unclosed\n---\n", "yaml-syntax", 3, 1),
        ("---\ntitle: \"open\n---\n", "yaml-syntax", 2, 13),
        ("---\ntitle: T\n\n# No closing line\n", "yaml-syntax", 1, 1),
        ("---\n- a\n- b\n---\n", "invalid-value", 2, 1),
        ("---\njust text\n---\n", "invalid-value", 2, 1),
        ("---\ntitle: [a, b]\n---\n", "invalid-value", 2, 8),
        ("---\ntitle:\n---\n", "invalid-value", 2, 7),
        ("---\nsummary:\n  short: no\n---\n", "invalid-value", 3, 3),
        ("---\nlinks: https://example.com\n---\n", "invalid-value", 2, 8),
        ("---\nlinks:\n  - https://example.com\n---\n", "invalid-value", 3, 5),
        ("---\nlinks:\n  - title: Spec\n---\n", "invalid-value", 3, 5),
        ("---\nlinks:\n  - title: Spec\n    url: [a]\n---\n", "invalid-value", 4, 10),
        ("---\nauthor: Me\n---\n", "unknown-key", 2, 1),
        ("---\nlinks:\n  - title: Spec\n    url: https://example.com\n    note: old\n---\n", "unknown-key", 5, 5),
        ("---\ntitle: A\ntitle: B\n---\n", "duplicate-key", 3, 1),
        ("## A {#x}\n\ntext\n\n## B {#x}\n", "duplicate-id", 5, 1),
        ("## Setup\n\n## Again {#setup}\n", "duplicate-id", 3, 1),
    ])
    func finding(text: String, rule: String, line: Int, column: Int) {
        let findings = parse(text).findings
        #expect(findings.map { "\($0.rule.rawValue) \($0.line):\($0.column)" } == ["\(rule) \(line):\(column)"])
        #expect(findings.allSatisfy { $0.file == "Lessons/lesson.md" })
    }

    @Test func findingMessagesNameTheFix() {
        func message(_ text: String) -> String { parse(text).findings.first?.message ?? "" }
        #expect(message("## A {#x}\n## B {#x}\n")
            == "section id `x` is already used by the heading on line 1; give one of them a different `{#id}`")
        #expect(message("---\ntitle: T\n")
            == "the front matter opened by `---` on line 1 is never closed; add a `---` line after its last key")
        #expect(message("---\nauthor: Me\n---\n")
            == "unknown front-matter key `author`; use only `title`, `summary` and `links`, or remove it")
        #expect(message("---\ntitle: [a]\n---\n")
            == "`title` is a list, but it must be text; write the lesson's title after `title:`")
        #expect(message("---\n- a\n---\n")
            == "the front matter is a list, but it must be a mapping; write `title:`, `summary:` and `links:` as `key: value` lines")
        #expect(message("---\nlinks:\n  - {}\n---\n").hasSuffix("link 1 has no `title` and no `url`; add `title: …` and `url: …` to it"))
        #expect(message("---\ntitle: \"open\n---\n") == "the front matter is not valid YAML: found unexpected end of stream"
            + " (while scanning a quoted scalar at line 2, column 8); fix the YAML between the two `---` lines")
    }

    @Test func goodKeysAreKeptBesideBadOnes() {
        let (lesson, findings) = parse("---\ntitle: Kept\nsummary: [bad]\nlinks:\n  - title: A\n    url: a\n  - b\n---\n")
        #expect(findings.map(\.rule) == [.invalidValue, .invalidValue])
        #expect(lesson.title == "Kept")
        #expect(lesson.summary == nil)
        #expect(lesson.links == [Lesson.Link(title: "A", url: "a")])
    }

    @Test func anUnclosedFrontMatterIsReadAsMarkdown() {
        let (lesson, _) = parse("---\ntitle: T\n\n## First\n\ntext\n")
        #expect(lesson.title == "lesson")
        #expect(lesson.sections.map(\.id) == ["first"])
        #expect(lesson.intro == "---\ntitle: T")
    }

    @Test func aThematicBreakLaterIsNotFrontMatter() {
        let (lesson, findings) = parse("# T\n\n---\ntitle: no\n---\n\n## A\n")
        #expect(findings.isEmpty)
        #expect(lesson.title == "T")
        #expect(lesson.intro == "---\ntitle: no\n---")
    }

    @Test func totalReadingTimeAddsTheSections() {
        let words = Array(repeating: "w", count: 250).joined(separator: " ")
        let lesson = parse("## A\n\n\(words)\n\n## B\n\nReading time: 4 min\n").lesson
        #expect(lesson.readingMinutes == 6)
        #expect(lesson.section("b")?.readingMinutes == 4)
    }
}
