import QuizMarkdown

/// A score report as one self-contained HTML5 page: inline CSS and inline SVG, no scripts.
///
/// The page makes no request of its own: no external style sheets, fonts or
/// images. The headline names the lesson(s) the questions come from. The only
/// links lead to those lessons, as absolute `file://` URLs (with `#section-id`
/// in the review list), so they work wherever the report is saved; a lesson
/// that is not on this machine is named by its title and path as text. Author
/// Markdown (prompts, choices, right answers, explanations) goes through
/// `XHTMLRenderer` with links shown as text, so code spans and emphasis read
/// as in the lesson while raw HTML (a `<script>`) shows as those characters and
/// no link or image leads off the page; learner text (a short answer) and ids
/// go through `Markup.text` or `Markup.attribute`.
public enum HTMLReport {
    public static func render(_ r: AttemptReport) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(Markup.text(headline(r))) — \(Figures.percent(r.score.percent)) \(verdict(r))</title>\n"
        html += "<style>\n\(HTMLStyle.sheet)\n</style>\n</head>\n<body>\n<main>\n"
        html += header(r) + sections(r) + questions(r) + review(r)
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func verdict(_ r: AttemptReport) -> String { r.score.passed ? "PASSED" : "FAILED" }

    /// The test's title and the lessons it covers, as the session's banner names them:
    /// `Practice test · WebSockets vs SSE vs Polling`.
    static func headline(_ r: AttemptReport) -> String {
        guard !r.lessons.isEmpty else { return r.attempt.title }
        return r.attempt.title + " · " + r.lessons.map(\.title).joined(separator: ", ")
    }

    static func header(_ r: AttemptReport) -> String {
        let a = r.attempt, s = r.score
        var html = "<header>\n<h1>\(Markup.text(headline(r)))</h1>\n<p class=\"summary\">"
        html += "<span class=\"verdict \(s.passed ? "passed" : "failed")\">\(verdict(r))</span> "
        html += "<span class=\"score\">\(Figures.number(s.points)) / \(Figures.number(s.max)) · \(Figures.percent(s.percent))</span> "
        html += "<span>pass mark \(Figures.number(s.passMark))%</span> "
        var used = "\(TestSession.clock(a.elapsedS)) used"
        if let limit = a.timeLimitS { used += " of \(TestSession.clock(Double(limit)))" }
        html += "<span>\(used)</span>"
        if a.status == "expired" { html += " <span>time ran out; unanswered questions score 0</span>" }
        html += "</p>\n<dl class=\"meta\">\n"
        var facts: [(String, String)] = r.lessons.map { lesson in
            let title = Markup.text(lesson.title), path = " (" + Markup.text(lesson.path) + ")"
            return ("Lesson", (lesson.url.flatMap { link($0, text: title) } ?? title) + path)
        }
        facts += [("Bank", Markup.text(a.bank)), ("Test", Markup.text(a.test)), ("Attempt", Markup.text(a.id)),
                  ("Seed", String(a.seed)), ("Started", time(a.startedAt))]
        if let submitted = a.submittedAt { facts.append(("Submitted", time(submitted))) }
        facts.append(("Status", Markup.text(a.status)))
        for (term, value) in facts { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
        return html + "</dl>\n</header>\n"
    }

    static func time(_ stamp: String) -> String {
        "<time datetime=\"\(Markup.attribute(stamp))\">\(Markup.text(stamp))</time>"
    }

    static func sections(_ r: AttemptReport) -> String {
        var html = "<section aria-labelledby=\"sections\">\n<h2 id=\"sections\">Sections</h2>\n<div class=\"scroll\"><table>\n"
        html += "<thead><tr><th>Section</th><th class=\"num\">Questions</th><th class=\"num\">Score</th><th class=\"num\">%</th></tr></thead>\n<tbody>\n"
        for section in r.sections {
            let points = AttemptReport.value(section.points), max = AttemptReport.value(section.max)
            html += "<tr><td>\(Markup.text(section.title))</td><td class=\"num\">\(section.questions)</td>"
            html += "<td class=\"num\">\(Figures.number(section.points)) / \(Figures.number(section.max))</td>"
            html += "<td class=\"num\">\(Figures.percent(max > 0 ? points * 100 / max : 0))</td></tr>\n"
        }
        let s = r.score
        html += "</tbody>\n<tfoot><tr><td>Total</td><td class=\"num\">\(r.questions.count)</td>"
        html += "<td class=\"num\">\(Figures.number(s.points)) / \(Figures.number(s.max))</td><td class=\"num\">\(Figures.percent(s.percent))</td></tr></tfoot>\n"
        html += "</table></div>\n<figure>\n\(HTMLCharts.sections(r))\n"
        html += "<figcaption>Score per section; the dark mark on each bar is the pass mark.</figcaption>\n</figure>\n</section>\n"
        return html
    }

    static func questions(_ r: AttemptReport) -> String {
        var html = "<section aria-labelledby=\"questions\">\n<h2 id=\"questions\">Questions</h2>\n<figure>\n\(HTMLCharts.times(r))\n"
        html += "<figcaption class=\"legend\">Seconds per question: "
        for (kind, label) in [("right", "right"), ("partial", "partly right"), ("wrong", "wrong"), ("none", "unanswered")] {
            html += "<span><span class=\"swatch \(kind)\"></span>\(label)</span>"
        }
        html += "</figcaption>\n</figure>\n<div class=\"scroll\"><table class=\"stack\">\n<thead><tr><th class=\"num\">#</th><th>Question</th>"
        html += "<th>Section</th><th>Type</th><th>Result</th><th class=\"num\">Points</th><th class=\"num\">Time</th></tr></thead>\n<tbody>\n"
        for (i, q) in r.questions.enumerated() {
            let d = r.details.indices.contains(i) ? r.details[i] : nil
            let outcome = outcome(q)
            html += "<tr><td class=\"num\">\(q.position)</td><td class=\"text\"><strong>\(Markup.text(q.id))</strong><br>"
            html += "\(phrase(TextReport.firstLine(d?.prompt ?? "").truncated(to: 90)))</td>"
            html += "<td class=\"text\" data-label=\"Section\">\(Markup.text(d?.sectionTitle ?? q.section))</td>"
            html += "<td class=\"small\" data-label=\"Type\">\(Markup.text(q.type))</td>"
            html += "<td class=\"small\"><span class=\"tag \(outcome.kind)\">\(outcome.label)</span>\(q.flagged ? " ⚑ flagged" : "")</td>"
            html += "<td class=\"num small\" data-label=\"Points\">\(Figures.number(q.points)) / \(Figures.number(q.max))</td>"
            html += "<td class=\"num small\" data-label=\"Time\">\(Figures.plain(q.timeS)) s</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    static func review(_ r: AttemptReport) -> String {
        var html = "<section aria-labelledby=\"review\">\n<h2 id=\"review\">Review</h2>\n"
        let missed = r.questions.indices.filter { r.questions[$0].correct != true }
        guard !missed.isEmpty else { return html + "<p>Every question right.</p>\n</section>\n" }
        html += "<ol class=\"review\">\n"
        for i in missed {
            let q = r.questions[i]
            let d = r.details.indices.contains(i) ? r.details[i] : nil
            let outcome = outcome(q)
            html += "<li><article>\n<h3>\(q.position). \(Markup.text(q.id)) <span class=\"tag \(outcome.kind)\">\(outcome.label)</span>"
            html += (q.flagged ? " ⚑ flagged" : "") + "</h3>\n"
            html += "<div class=\"prompt\">\n\(authored(d?.prompt ?? ""))</div>\n<dl class=\"answers\">\n"
            html += "<dt>Your answer</dt><dd>\(d?.given.map { answer($0, q) } ?? "<em>(nothing)</em>")</dd>\n"
            html += "<dt>Right answer</dt><dd>\(answer(d?.right ?? "", q))</dd>\n"
            html += "<dt>Points</dt><dd>\(Figures.number(q.points)) / \(Figures.number(q.max))</dd>\n"
            if let why = d?.explanation { html += "<dt>Why</dt><dd>\(XHTMLRenderer.inline(why, links: .shownAsText))</dd>\n" }
            html += "<dt>Read again</dt><dd>\(readAgain(q, d))</dd>\n</dl>\n</article></li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// Author Markdown as blocks, links shown as text.
    static func authored(_ markdown: String) -> String {
        XHTMLRenderer.render(markdown, links: .shownAsText)
    }

    /// One line of author Markdown as phrasing content (code spans, emphasis), for a table cell;
    /// a line that Markdown would read as a block (a heading, a list item) shows as text.
    static func phrase(_ markdown: String) -> String {
        let document = MarkdownDocument(markdown)
        guard document.root.children.count == 1, case .paragraph = document.nodes[document.root.children[0]].kind else {
            return Markup.text(markdown)
        }
        return XHTMLRenderer.inline(markdown, links: .shownAsText)
    }

    /// An answer as the review shows it. Choices, order items and match pairs are the author's
    /// Markdown (`B) Send \`Upgrade\``); a short answer, a number or true/false is shown
    /// exactly as written, so `__init__` or a pattern's `*` stays as typed.
    static func answer(_ text: String, _ q: AttemptReport.QuestionResult) -> String {
        switch q.type {
        case "single", "multiple", "order", "match": XHTMLRenderer.inline(text, links: .shownAsText)
        default: Markup.text(text)
        }
    }

    /// The section to read again: its title linked to the lesson file's section when the lesson
    /// is on this machine, else its title and the lesson's path as text.
    static func readAgain(_ q: AttemptReport.QuestionResult, _ d: AttemptReport.Detail?) -> String {
        let title = Markup.text(d?.sectionTitle ?? q.section)
        let place = " (" + Markup.text(q.review) + ")"
        guard let url = d?.reviewURL, let anchor = link(url, text: title) else { return title + place }
        return anchor + place
    }

    /// `<a href>` to an absolute `file://` URL (all a report links to); nil for any other target,
    /// which the caller shows as text.
    static func link(_ url: String, text: String) -> String? {
        guard url.hasPrefix("file:///"), !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }) else {
            return nil
        }
        return "<a href=\"\(Markup.attribute(url))\">\(text)</a>"
    }

    /// How a question went, as a CSS class (`right`, `partial`, `wrong`, `none`) and a label.
    static func outcome(_ q: AttemptReport.QuestionResult) -> (kind: String, label: String) {
        switch q.correct {
        case true: ("right", "✓ right")
        case nil: ("none", "– unanswered")
        default: AttemptReport.value(q.points) > 0 ? ("partial", "◐ partly right") : ("wrong", "✗ wrong")
        }
    }
}
