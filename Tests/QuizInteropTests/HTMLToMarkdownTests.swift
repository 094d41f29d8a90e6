import QuizInterop
import QuizMarkdown
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
        #expect(md(#"<pre><code class="language-js">let a = 1;</code></pre>"#) == "```js\nlet a = 1;\n```")
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
        #expect(md("a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &#39;s&#x27; caf&#233; &nbsp;x &unknown; & y") == "a < b && c > d \"q\" 's' café x \\&unknown; & y")
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
        #expect(MarkdownDocument(unclosed.markdown).plainText(of: 0) == String(repeating: "<a<", count: depth))
    }
}

/// Text in the HTML that Markdown would read as markup comes out escaped: the Markdown, rendered, shows
/// the text the HTML showed, and has no heading, list, emphasis, code or link the HTML did not have.
@Suite struct HTMLToMarkdownEscapingTests {
    /// What a browser shows of simple HTML: tags gone (`<br>` a space), entities decoded, spaces squeezed.
    static func shown(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<br>", with: " ")
        while let open = text.range(of: "<[a-z/][^>]*>", options: .regularExpression) { text.removeSubrange(open) }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The kinds of node the Markdown renders to, beyond document, paragraph, text and breaks. A web
    /// address linked as itself (GitHub's autolinks) shows the same text, so it is not counted.
    static func markup(_ document: MarkdownDocument) -> [String] {
        document.nodes.indices.compactMap { index in
            switch document.nodes[index].kind {
            case .document, .paragraph, .text, .softBreak, .lineBreak: nil
            case .link(let destination, _) where document.plainText(of: index) == destination: nil
            case let kind: "\(kind)"
            }
        }
    }

    static let plainCases = [
        "<p>2 * 3 * 4</p>",
        "<p>2*3*4 is 24</p>",
        "<p>*not emphasis* and **not strong**</p>",
        "<p>_not emphasis_ and __init__</p>",
        "<p>1. not a list</p>",
        "<p>2024) was a year</p>",
        "<p># not a heading</p>",
        "<p>- not a list</p>",
        "<p>+ not a list</p>",
        "<p>&gt; not a quote</p>",
        "<p>===</p>",
        "<p>a<br>===<br>b</p>",
        "<p>intro<br># not a heading<br>- nor a list<br>3. nor this</p>",
        "<p>`not code` and ``two``</p>",
        "<p>[x](y) and ![alt](pic.png) are text</p>",
        "<p>&lt;b&gt;not bold&lt;/b&gt; and &lt;https://example.org&gt;</p>",
        "<p>&amp;amp; and &amp;#169; stay as written</p>",
        "<p>snake_case_name and a_b</p>",
        "<p>a | b | c</p>",
        "<p>~~not struck~~</p>",
        "<p>a \\ backslash \\* and a \\` tick</p>",
        "<p>Wow!</p>",
        "<p>1.0 and -5 and +1 stay as they are</p>",
        "<p>---</p>",
        "<p>## two</p>",
    ]

    @Test(arguments: plainCases) func literalTextRendersAsTheHTMLShowedIt(html: String) {
        let markdown = HTMLToMarkdown(html: html).markdown
        let document = MarkdownDocument(markdown)
        #expect(document.plainText(of: 0) == Self.shown(html), "\(markdown)")
        #expect(Self.markup(document).isEmpty, "\(markdown) renders as \(Self.markup(document))")
    }

    @Test func textMarkdownWouldNotMisreadIsLeftAsWritten() {
        // Authors edit the imported YAML, so backslashes go only where they are needed.
        #expect(HTMLToMarkdown(html: "<p>1.0 and -5, snake_case, a < b & c, Wow!</p>").markdown == "1.0 and -5, snake_case, a < b & c, Wow!")
        #expect(HTMLToMarkdown(html: "<p>-5 degrees</p><p>+1 vote</p>").markdown == "-5 degrees\n\n+1 vote")
        #expect(HTMLToMarkdown(html: "==").markdown == "==")
        #expect(HTMLToMarkdown(html: "a<br>==").markdown == "a\\\n\\==")
    }

    @Test func markupTheHTMLHadIsKeptAroundEscapedText() {
        let markdown = HTMLToMarkdown(html: #"<p><strong>2 * 3</strong> is <em>6_</em>; see!<a href="https://e.org/a_(b)">[1]</a>!</p>"#).markdown
        let document = MarkdownDocument(markdown)
        #expect(document.plainText(of: 0) == "2 * 3 is 6_; see![1]!", "\(markdown)")
        #expect(Self.markup(document) == ["strong", "emphasis", #"link(destination: "https://e.org/a_(b)", title: "")"#], "\(markdown)")
    }

    @Test func aListItemsTextIsEscapedAsALineStart() {
        let markdown = HTMLToMarkdown(html: "<ul><li># one</li><li>- two</li></ul><ol><li>1. three</li></ol>").markdown
        let document = MarkdownDocument(markdown)
        let items = document.nodes.indices.filter { document.nodes[$0].kind == .item }.map { document.plainText(of: $0) }
        #expect(items == ["# one", "- two", "1. three"], "\(markdown)")
        #expect(!document.nodes.contains { if case .heading = $0.kind { true } else { false } }, "\(markdown)")
    }

    @Test func codeKeepsItsTextAndIsFencedPastItsBackticks() {
        let span = HTMLToMarkdown(html: "<p>Use <code>a `b` *c*</code> here</p>").markdown
        let spanDocument = MarkdownDocument(span)
        #expect(spanDocument.nodes.contains { $0.kind == .code("a `b` *c*") }, "\(span)")
        let block = HTMLToMarkdown(html: "<pre>```\nx * y\n```</pre>").markdown
        let blockDocument = MarkdownDocument(block)
        #expect(blockDocument.nodes.contains { $0.kind == .codeBlock(info: "", code: "```\nx * y\n```\n") }, "\(block)")
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
