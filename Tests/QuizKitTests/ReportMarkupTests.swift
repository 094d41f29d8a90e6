import Foundation
import QuizKit
import Testing

/// The HTML and Markdown exports never let author or learner text become markup.
@Suite struct ReportMarkupTests {
    static let tags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "main", "header", "section", "article", "h1", "h2", "h3",
        "p", "span", "strong", "em", "br", "dl", "dt", "dd", "time", "div", "table", "thead", "tbody", "tfoot", "tr",
        "th", "td", "figure", "figcaption", "ol", "li", "a", "svg", "desc", "g", "rect", "line", "text", "tspan",
        // Author Markdown rendered: code, lists, quotes and the like.
        "code", "pre", "ul", "del", "blockquote", "hr", "h4", "h5", "h6",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "name", "content", "class", "id", "role", "aria-labelledby", "datetime", "href", "viewBox",
        "x", "y", "x1", "y1", "x2", "y2", "width", "height", "rx", "fill", "stroke", "stroke-width",
        "stroke-dasharray", "data-label", "font-size", "font-weight", "text-anchor", "align", "start",
    ]

    /// Every tag of `html` as its name and attributes; nil when a `<` starts anything else.
    static func tags(in html: String) -> [(name: String, attributes: [(String, String)])]? {
        var found: [(String, [(String, String)])] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return nil }
            let inside = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if inside == "!DOCTYPE html" { continue }
            guard let match = inside.wholeMatch(of: /\/?([a-z][a-z0-9]*)((?:\s+[a-zA-Z][a-zA-Z0-9-]*="[^"<>]*")*)\s*\/?/) else { return nil }
            let pairs = match.output.2.matches(of: /([a-zA-Z][a-zA-Z0-9-]*)="([^"]*)"/).map { (String($0.output.1), String($0.output.2)) }
            found.append((String(match.output.1), pairs))
        }
        return found
    }

    static var html: String { HTMLReport.render(ReportFixture.attempt) }

    @Test func everyTagAndAttributeIsOnTheAllowedLists() throws {
        let found = try #require(Self.tags(in: Self.html))
        #expect(found.count > 100)
        for tag in found {
            #expect(Self.tags.contains(tag.name), "tag <\(tag.name)>")
            for (name, value) in tag.attributes {
                #expect(Self.attributes.contains(name), "attribute \(name) on <\(tag.name)>")
                #expect(!name.lowercased().hasPrefix("on"))
                #expect(!value.contains("http:") && !value.contains("https:") && !value.contains("javascript:"))
            }
        }
    }

    @Test func hostileTextShowsAsText() {
        let html = Self.html
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("Practice test — &quot;Sockets&quot; &amp; &lt;Streams&gt;"))
        #expect(html.contains("日本語 🚀"))
    }

    @Test func thePageAsksNothingOfTheNetwork() throws {
        let html = Self.html
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        let style = try #require(html.firstMatch(of: /<style>([^<]*)<\/style>/)?.output.1)
        #expect(!style.contains("url(") && !style.contains("@import") && !style.contains("http"))
        #expect(style.contains("@media print"))
        let markup = try #require(Self.tags(in: html))
        let hrefs = markup.flatMap { $0.attributes.filter { $0.0 == "href" }.map(\.1) }
        #expect(hrefs == ReportFixture.attempt.questions.filter { $0.correct != true }.map(\.review))
        let text = html.replacing(/<[^>]*>/, with: "")
        #expect(text.ranges(of: "https://").count == html.ranges(of: "https://").count)
        #expect(html.contains("see https://example.com/ws?a=1&amp;b=2."))
    }

    @Test(arguments: ["javascript:alert(1)", "https://evil.example/x", "//evil.example", "/etc/passwd", "a\\b"])
    func reviewTargetsThatLeaveTheFolderAreText(_ target: String) throws {
        var report = ReportFixture.attempt
        for i in report.questions.indices { report.questions[i].review = target }
        let html = HTMLReport.render(report)
        #expect(!html.contains("href="))
        #expect(html.contains(Markup.text(target)))
        #expect(!MarkdownReport.render(report).contains("]("))
    }

    @Test func chartsAreLabelledForScreenReaders() throws {
        let html = Self.html
        #expect(html.ranges(of: "<svg ").count == 2)
        #expect(html.contains("aria-labelledby=\"sections-title sections-desc\""))
        #expect(html.contains("<title id=\"times-title\">Time per question</title>"))
        #expect(html.ranges(of: "<g><title>").count == 2 + 7)
    }

    @Test func markdownKeepsAuthorTextReadableButNeverHTML() {
        let md = MarkdownReport.render(ReportFixture.attempt)
        #expect(!md.contains("<script") && !md.contains("<img") && !md.contains("<b>") && !md.contains("<Headers>"))
        #expect(md.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(md.contains("> ```\n> GET /chat HTTP/1.1\n> Authorization: Bearer <token>\n> ```\n"))
        #expect(md.contains("It's `Authorization` — not &lt;b&gt;Auth&lt;/b&gt;, & not a cookie."))
        #expect(md.contains("Autorización, \"quoted\""))
    }

    @Test func markdownTableRowsKeepTheirColumns() {
        var report = ReportFixture.attempt
        report.sections[0].title = "pipes | and\nbreaks"
        let md = MarkdownReport.render(report)
        let tables = md.split(separator: "\n\n").filter { $0.hasPrefix("|") }
        #expect(tables.count == 2)
        for table in tables {
            let widths = table.split(separator: "\n").map { row in
                row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count - 1
            }
            #expect(Set(widths).count == 1, "\(table)")
        }
        #expect(md.contains("| pipes \\| and<br>breaks | 3 |"))
        #expect(md.contains("WebSockets: \"Upgrade\", &lt;Headers&gt; & 日本語"))
    }
}
