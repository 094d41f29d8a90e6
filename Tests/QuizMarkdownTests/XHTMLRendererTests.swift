import Testing
import QuizMarkdown

struct XHTMLRendererTests {
    @Test("raw HTML is escaped and shown as text, never passed through", arguments: [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ("Press <kbd>Ctrl</kbd> & C", "<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; &amp; C</p>\n"),
        ("<img src=x onerror=alert(1)>", "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n"),
        ("<div>\n*block*\n</div>", "<p>&lt;div&gt;\n*block*\n&lt;/div&gt;</p>\n"),
        ("Text <!-- a note --> after", "<p>Text  after</p>\n"),
        ("<!-- a note\nfor authors -->\n\nShown.", "<p>Shown.</p>\n"),
    ])
    func rawHTML(markdown: String, xhtml: String) {
        #expect(XHTMLRenderer.render(markdown) == xhtml)
    }

    @Test("links that would run script lose their address", arguments: [
        ("[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"),
        ("[x](JavaScript:alert(1))", "<p><a href=\"\">x</a></p>\n"),
        ("![x](data:image/png;base64,AA)", "<p><img src=\"data:image/png;base64,AA\" alt=\"x\" /></p>\n"),
        ("[x](data:text/html;base64,AA)", "<p><a href=\"\">x</a></p>\n"),
    ])
    func unsafeLinks(markdown: String, xhtml: String) {
        #expect(XHTMLRenderer.render(markdown) == xhtml)
    }

    @Test func githubExtensions() {
        #expect(XHTMLRenderer.render("~~gone~~ https://x.org\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n") == """
            <p><del>gone</del> <a href="https://x.org">https://x.org</a></p>
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">1</td>
            <td align="right">2</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func inlineLeavesASingleParagraphUnwrapped() {
        #expect(XHTMLRenderer.inline("Use `EventSource` *now*") == "Use <code>EventSource</code> <em>now</em>")
        #expect(XHTMLRenderer.inline("one\n\ntwo") == "<p>one</p>\n<p>two</p>\n")
    }

    @Test func controlCharactersXMLCannotCarryAreDropped() {
        #expect(XHTMLRenderer.render("a\u{7}b") == "<p>ab</p>\n")
    }
}
