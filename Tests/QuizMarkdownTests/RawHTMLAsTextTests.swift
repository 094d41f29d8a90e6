import QuizMarkdown
import Testing

/// Author Markdown embedded in a Markdown page keeps its Markdown but never runs as HTML.
struct RawHTMLAsTextTests {
    @Test(arguments: [
        ("Use <b>bold</b> or `<b>` here.", "Use &lt;b&gt;bold&lt;/b&gt; or `<b>` here."),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Send `Authorization: Bearer <token>` with *every* request.", "Send `Authorization: Bearer <token>` with *every* request."),
        // cmark writes a fence without an info string back as an indented block: the same code.
        ("```\nGET / HTTP/1.1\nAccept: <any>\n```", "    GET / HTTP/1.1\n    Accept: <any>"),
        ("```http\nAccept: <any>\n```", "``` http\nAccept: <any>\n```"),
        ("No tags here: a > b, 2 * 3.", "No tags here: a > b, 2 * 3."),
    ])
    func htmlBecomesTextAndCodeKeepsItsBrackets(_ input: String, _ expected: String) {
        #expect(MarkdownDocument.rawHTMLAsText(input) == expected)
    }

    @Test func whatItWritesReadsBackWithNoHTML() {
        let written = MarkdownDocument.rawHTMLAsText("Hi <img src=x onerror=alert(1)>\n\n<div>\nblock\n</div>\n")
        let html = XHTMLRenderer.render(MarkdownDocument(written))
        #expect(!html.contains("<img") && !html.contains("<div"), "\(html)")
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(html)")
    }
}
