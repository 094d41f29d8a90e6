/// A score report as GitHub-flavoured Markdown, for a pull request or a wiki page.
///
/// A title, a summary line, a table of sections whose last column is a bar
/// chart of block characters (in a code span, so it lines up), a table of
/// questions, then the review list of questions not fully right.
///
/// Author text keeps its inline Markdown (code spans, emphasis, fenced code
/// in prompts) but never becomes HTML: `<` and `>` outside code are written as
/// entities. Learner text (a short answer) is shown literally, every
/// punctuation mark backslash-escaped. In table cells `|` is escaped and line
/// breaks become `<br>`. Review links are Markdown links only when relative
/// (`Markup.isRelativeLink`), else plain text.
public enum MarkdownReport {
    /// Cells of a section's bar.
    static let barCells = 20

    public static func render(_ report: AttemptReport) -> String {
        var out = "# \(MarkdownText.heading(report.attempt.title))\n\n"
        out += summary(report) + "\n\n"
        let a = report.attempt
        out += "Bank: \(MarkdownText.literal(a.bank)) · Test: \(MarkdownText.literal(a.test))"
        out += " · Attempt: \(MarkdownText.literal(a.id)) · Seed: \(a.seed) · Started: \(a.startedAt)"
        out += " · Status: \(MarkdownText.literal(a.status))\n\n"
        out += sections(report) + "\n" + questions(report)
        out += "\n" + review(report)
        return out
    }

    /// `**Score 14.5 / 21 (69.05%) · FAILED** · pass mark 70% · 6:12 used of 7:00`
    static func summary(_ r: AttemptReport) -> String {
        let s = r.score
        var line = "**Score \(Figures.number(s.points)) / \(Figures.number(s.max)) (\(Figures.percent(s.percent)))"
        line += " · \(s.passed ? "PASSED" : "FAILED")** · pass mark \(Figures.number(s.passMark))%"
        line += " · \(TestSession.clock(r.attempt.elapsedS)) used"
        if let limit = r.attempt.timeLimitS { line += " of \(TestSession.clock(Double(limit)))" }
        if r.attempt.status == "expired" { line += " · time ran out" }
        return line
    }

    static func sections(_ r: AttemptReport) -> String {
        var out = "## Sections\n\n| Section | Questions | Score | % | Chart |\n|---|---:|---:|---:|---|\n"
        for section in r.sections {
            let points = AttemptReport.value(section.points), max = AttemptReport.value(section.max)
            let fraction = max > 0 ? points / max : 0
            out += row([MarkdownText.inline(section.title), String(section.questions),
                        "\(Figures.number(section.points)) / \(Figures.number(section.max))",
                        Figures.percent(fraction * 100), "`\(bar(fraction))`"])
        }
        let s = r.score
        out += row(["**Total**", "**\(r.questions.count)**", "**\(Figures.number(s.points)) / \(Figures.number(s.max))**",
                    "**\(Figures.percent(s.percent))**", "`\(bar(AttemptReport.value(s.percent) / 100))`"])
        return out
    }

    /// A bar of block characters padded with light shade to `barCells`, so every bar has the same length.
    static func bar(_ fraction: Double) -> String {
        let filled = Figures.bar(fraction, cells: barCells)
        return filled + String(repeating: "░", count: max(0, barCells - filled.count))
    }

    static func questions(_ r: AttemptReport) -> String {
        var out = "## Questions\n\n| # | Question | Section | Type | Result | Points | Time |\n"
        out += "|---:|---|---|---|---|---:|---:|\n"
        for (i, q) in r.questions.enumerated() {
            let detail = r.details.indices.contains(i) ? r.details[i] : nil
            let result = outcome(q) + (q.flagged ? " · ⚑ flagged" : "")
            out += row([String(q.position), MarkdownText.literal(q.id), MarkdownText.inline(detail?.sectionTitle ?? q.section),
                        q.type, result, "\(Figures.number(q.points)) / \(Figures.number(q.max))",
                        Figures.plain(q.timeS) + " s"])
        }
        return out
    }

    static func outcome(_ q: AttemptReport.QuestionResult) -> String {
        switch q.correct {
        case true: "✓ right"
        case nil: "– unanswered"
        default: AttemptReport.value(q.points) > 0 ? "◐ partly right" : "✗ wrong"
        }
    }

    static func review(_ r: AttemptReport) -> String {
        let missed = r.questions.indices.filter { r.questions[$0].correct != true }
        guard !missed.isEmpty else { return "## Review\n\nEvery question right.\n" }
        var out = "## Review\n"
        for i in missed {
            let q = r.questions[i]
            let d = r.details.indices.contains(i) ? r.details[i] : nil
            // A short answer, a number or true/false reads exactly as typed (`__init__`, a pattern's `*`);
            // choices, order items and match pairs are the author's Markdown.
            let exact = ["short", "numeric", "truefalse"].contains(q.type)
            let learner = exact ? MarkdownText.literal : MarkdownText.listItem
            out += "\n### \(q.position). \(MarkdownText.literal(q.id)) — \(outcome(q))"
            out += (q.flagged ? " · ⚑ flagged" : "") + "\n\n"
            out += MarkdownText.quoted(d?.prompt ?? "") + "\n"
            out += "- **Your answer:** \(d?.given.map(learner) ?? "*(nothing)*")\n"
            out += "- **Right answer:** \(learner(d?.right ?? ""))\n"
            out += "- **Points:** \(Figures.number(q.points)) / \(Figures.number(q.max))\n"
            if let why = d?.explanation { out += "- **Why:** \(MarkdownText.listItem(why))\n" }
            out += "- **Read again:** \(link(q.review))\n"
        }
        return out
    }

    static func link(_ target: String) -> String {
        let text = MarkdownText.literal(target)
        guard Markup.isRelativeLink(target), !target.contains("<"), !target.contains(">") else { return text }
        return "[\(text)](<\(target)>)"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
    }
}
