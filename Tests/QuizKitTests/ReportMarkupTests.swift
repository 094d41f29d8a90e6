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
        let lesson = try #require(ReportFixture.lessonFile.url)
        let missed = ReportFixture.attempt.questions.filter { $0.correct != true }
        #expect(hrefs == [lesson] + missed.map { lesson + "#" + $0.section })
        let text = html.replacing(/<[^>]*>/, with: "")
        #expect(text.ranges(of: "https://").count == html.ranges(of: "https://").count)
        #expect(html.contains("see https://example.com/ws?a=1&amp;b=2."))
    }

    @Test(arguments: ["javascript:alert(1)", "https://evil.example/x", "//evil.example", "/etc/passwd", "a\\b",
                      "file:///x\" onmouseover=\"alert(1)", "Lessons/net.md#polling"])
    func reviewTargetsOtherThanLocalFilesAreText(_ target: String) throws {
        var report = ReportFixture.attempt
        for i in report.questions.indices {
            report.questions[i].review = target
            report.details[i].reviewURL = target
        }
        report.lessons[0].url = target
        let html = HTMLReport.render(report)
        #expect(!html.contains("href="))
        #expect(html.contains(Markup.text(target)))
        if !Markup.isRelativeLink(target) { #expect(!MarkdownReport.render(report).contains("](")) }
    }

    @Test func aLessonNotOnThisMachineIsNamedByItsTitleAndPath() throws {
        let lesson = ReportLesson(id: ReportFixture.lesson, title: "WebSockets vs SSE vs Polling",
                                  path: "Lessons/websockets-sse-polling.md", url: nil)
        let html = HTMLReport.render(ReportFixture.report(lessons: [lesson]))
        #expect(!html.contains("href="))
        #expect(html.contains("<h1>Practice test — &quot;Sockets&quot; &amp; &lt;Streams&gt; · WebSockets vs SSE vs Polling</h1>"))
        #expect(html.contains("<dt>Lesson</dt><dd>WebSockets vs SSE vs Polling (Lessons/websockets-sse-polling.md)</dd>"))
        #expect(html.contains("<dt>Read again</dt><dd>Polling — Client Pull (Lessons/websockets-sse-polling.md#polling--client-pull)</dd>"))
    }

    @Test func theHeadlineNamesTheLessonAndReviewLinksAreAbsolute() throws {
        let html = Self.html
        #expect(html.contains("<h1>Practice test — &quot;Sockets&quot; &amp; &lt;Streams&gt; · WebSockets vs SSE vs Polling</h1>"))
        #expect(html.contains("<title>Practice test — &quot;Sockets&quot; &amp; &lt;Streams&gt; · WebSockets vs SSE vs Polling — "))
        #expect(html.contains("<a href=\"file:///home/learner/course/Lessons/websockets-sse-polling.md#polling--client-pull\">Polling — Client Pull</a>"))
        // Without the lessons (a report built from the attempt alone), the headline is the test's title.
        #expect(HTMLReport.render(ReportFixture.report(lessons: [])).contains("<h1>Practice test — &quot;Sockets&quot; &amp; &lt;Streams&gt;</h1>"))
    }

    @Test func authorMarkdownRendersWhereverAuthorTextShows() throws {
        var report = ReportFixture.attempt
        // Question 2 (multiple, partly right) is in the review list; question 4 is a short answer.
        report.details[1].prompt = "Pick every `pull` technique, *then* move on"
        report.details[1].given = "A) `Short` polling"
        report.details[1].right = "A) `Short` polling; B) **Long** polling"
        report.details[1].explanation = "Both _polling_ styles pull."
        report.details[3].given = "__init__ *not emphasis*"
        report.details[3].right = "text matching /^a*_b_$/"
        let md = MarkdownReport.render(report)
        #expect(md.contains("- **Your answer:** \\_\\_init\\_\\_ \\*not emphasis\\*\n"))
        #expect(md.contains("- **Right answer:** text matching /^a\\*\\_b\\_$/\n"))
        #expect(md.contains("- **Right answer:** A) `Short` polling; B) **Long** polling\n"))
        let html = HTMLReport.render(report)
        #expect(html.ranges(of: "Pick every <code>pull</code> technique, <em>then</em> move on").count == 2, "table and review")
        #expect(html.contains("<dt>Your answer</dt><dd>A) <code>Short</code> polling</dd>"))
        #expect(html.contains("<dt>Right answer</dt><dd>A) <code>Short</code> polling; B) <strong>Long</strong> polling</dd>"))
        #expect(html.contains("<dt>Why</dt><dd>Both <em>polling</em> styles pull.</dd>"))
        #expect(html.contains("<dt>Your answer</dt><dd>__init__ *not emphasis*</dd>"), "a learner's typing is shown as typed")
        #expect(html.contains("<dt>Right answer</dt><dd>text matching /^a*_b_$/</dd>"))
        // A prompt whose first line Markdown reads as a block stays text in the table.
        report.details[1].prompt = "# not a heading"
        #expect(HTMLReport.render(report).contains("<br># not a heading</td>"))
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
