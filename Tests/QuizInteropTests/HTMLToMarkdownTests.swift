import QuizInterop
import Testing

/// Moodle's `[html]` question text becomes the Markdown an author would have written.
@Suite struct HTMLToMarkdownTests {
    private func md(_ html: String) -> String { HTMLToMarkdown(html: html).markdown }

    @Test func paragraphsAndBreaks() {
        #expect(md("<p>One.</p><p>Two.</p>") == "One.\n\nTwo.")
        #expect(md("Line one<br>line two<br/>") == "Line one\\\nline two")
    }

    @Test func emphasisAndCode() {
        #expect(md("<strong>bold</strong> and <b>bold</b>") == "**bold** and **bold**")
        #expect(md("<em>it</em> and <i>it</i>") == "*it* and *it*")
        #expect(md("run <code>ls -l</code>") == "run `ls -l`")
    }

    @Test func preformattedKeepsLinesAndMarkup() {
        #expect(md("<p>Code:</p><pre><code>if a &lt; b {\n    **x**\n}</code></pre>") == "Code:\n\n```\nif a < b {\n    **x**\n}\n```")
    }

    @Test func linksAndImages() {
        #expect(md(#"See <a href="https://example.org/a?b=1&amp;c=2">the spec</a>."#) == "See [the spec](https://example.org/a?b=1&c=2).")
        #expect(md(#"<img src="cell.png" alt="A cell">"#) == "![A cell](cell.png)")
        #expect(md("<a name=\"top\">anchor</a>") == "anchor")
    }

    @Test func lists() {
        #expect(md("<ul><li>one</li><li>two</li></ul>") == "- one\n- two")
        #expect(md("<ol><li>first</li><li>second</li></ol>") == "1. first\n2. second")
        #expect(md("<p>Steps:</p><ol><li>a<ul><li>b</li></ul></li><li>c</li></ol><p>End.</p>") == "Steps:\n\n1. a\n   - b\n2. c\n\nEnd.")
    }

    @Test func subscriptAndSuperscriptKeepTheirText() {
        let result = HTMLToMarkdown(html: "H<sub>2</sub>O and x<sup>2</sup>")
        #expect(result.markdown == "H2O and x2")
        #expect(result.unconverted.isEmpty)
    }

    @Test func nestedEmphasis() {
        #expect(md("<p><strong>Very <em>important</em></strong> text</p>") == "**Very *important*** text")
    }

    @Test func entitiesAreDecoded() {
        #expect(md("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#x27; caf&#233; &nbsp;x &unknown; & y") == "a < b && c > d \"q\" 's' café x &unknown; & y")
    }

    @Test func unknownTagsKeepTheirTextAndAreNamed() {
        let result = HTMLToMarkdown(html: #"<div class="x"><span style="color:red">Red</span> <table><tr><td>cell</td></tr></table></div>"#)
        #expect(result.markdown == "Red cell")
        #expect(result.unconverted == ["div", "span", "table", "td", "tr"])
        #expect(HTMLToMarkdown(html: "<p>fine <b>bold</b></p>").unconverted.isEmpty)
    }

    @Test func aLoneLessThanIsText() {
        #expect(md("if a < b and 3 <4") == "if a < b and 3 <4")
        #expect(md("<!-- note --><p>After</p>") == "After")
    }

    @Test func deepNestingDoesNotExhaustTheStack() {
        let depth = 10_000
        let html = String(repeating: "<div><ul><li><b>", count: depth) + "deep" + String(repeating: "</b></li></ul></div>", count: depth)
        let result = HTMLToMarkdown(html: html)
        #expect(result.markdown.contains("- **deep**"))
        #expect(result.unconverted == ["div"])
        let unclosed = HTMLToMarkdown(html: String(repeating: "<a<", count: depth))
        #expect(unclosed.markdown.count == depth * 3)
    }
}

/// An `[html]` GIFT question comes in as Markdown, with a warning only for tags that had no Markdown form.
@Suite struct GIFTHTMLImportTests {
    @Test func htmlPromptBecomesMarkdown() throws {
        let reader = GIFTReader(text: "::Water::[html]<p>What is <strong>H<sub>2</sub>O</strong>?</p>{=water ~<em>fire</em>}", file: "in.gift")
        let entry = try #require(reader.entries.first, "\(reader.warnings)")
        #expect(entry.question.prompt == "What is **H2O**?")
        #expect(reader.warnings.isEmpty)
    }

    @Test func unconvertedTagsAreNamedInTheWarning() throws {
        let reader = GIFTReader(text: "::Red::[html]<span class=\"x\">Which colour?</span>{=red ~blue}", file: "in.gift")
        let entry = try #require(reader.entries.first, "\(reader.warnings)")
        #expect(entry.question.prompt == "Which colour?")
        #expect(reader.warnings.contains { $0.contains("in.gift:1") && $0.contains("\"Red\"") && $0.contains("<span>") })
    }
}
