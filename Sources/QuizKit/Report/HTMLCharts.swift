import QuizMarkdown

/// The inline SVG charts of the HTML report: score per section and time per question.
///
/// Each chart is `role="img"` with a `<title>` and `<desc>` it is labelled by,
/// and every bar has its own `<title>` (a tooltip, and what a screen reader
/// reads). The drawing is in a fixed `viewBox` that CSS scales to the page
/// width; coordinates are rounded to hundredths so output never depends on
/// floating-point noise.
enum HTMLCharts {
    static let width = 400.0
    /// Colours by outcome, as the legend and the style sheet show them.
    static let colours = ["right": "#1a7f37", "partial": "#9a6700", "wrong": "#cf222e", "none": "#6e7781"]

    /// One row per section: its title (left) and score (right) on a line, a bar below on a
    /// track, and a mark across each track at the pass mark.
    static func sections(_ r: AttemptReport) -> String {
        let row = 44.0, top = 16.0
        let height = top + row * Double(r.sections.count)
        var svg = open("sections", height: height, title: "Score per section",
                       desc: "Share of the points earned in each of \(r.sections.count) sections; pass mark \(Figures.number(r.score.passMark))%.")
        let mark = width * min(100, max(0, AttemptReport.value(r.score.passMark))) / 100
        for (i, section) in r.sections.enumerated() {
            let points = AttemptReport.value(section.points), max = AttemptReport.value(section.max)
            let fraction = max > 0 ? Swift.max(0, Swift.min(1, points / max)) : 0
            let y = top + row * Double(i)
            let figures = "\(Figures.number(section.points)) / \(Figures.number(section.max)) · \(Figures.percent(fraction * 100))"
            let label = fitted(section.title, room: width - Double(figures.count) * 7.6 - 12)
            svg += "<g><title>\(Markup.text(section.title)): \(figures)</title>"
            svg += "<text x=\"0\" y=\"\(c(y + 12))\" font-size=\"13\">\(Markup.text(label))</text>"
            svg += "<text x=\"\(c(width))\" y=\"\(c(y + 12))\" font-size=\"13\" font-weight=\"600\" text-anchor=\"end\">\(figures)</text>"
            svg += "<rect x=\"0\" y=\"\(c(y + 18))\" width=\"\(c(width))\" height=\"14\" rx=\"3\" fill=\"#eef1f4\"/>"
            svg += "<rect x=\"0\" y=\"\(c(y + 18))\" width=\"\(c(width * fraction))\" height=\"14\" rx=\"3\" fill=\"#0969da\"/>"
            svg += "<line x1=\"\(c(mark))\" y1=\"\(c(y + 15))\" x2=\"\(c(mark))\" y2=\"\(c(y + 35))\" stroke=\"#1f2328\" stroke-width=\"2\"/></g>\n"
        }
        let anchor = mark > width - 60 ? "end" : mark < 60 ? "start" : "middle"
        svg += "<text x=\"\(c(mark))\" y=\"10\" font-size=\"11\" text-anchor=\"\(anchor)\">pass mark \(Figures.number(r.score.passMark))%</text>\n"
        return svg + "</svg>"
    }

    /// `text` cut with `…` to fit `room` units at 13 px: about 7.2 a column, two columns for wide characters.
    static func fitted(_ text: String, room: Double) -> String {
        DisplayWidth.truncated(text, to: Int(room / 7.2))
    }

    /// One bar per question, its height the seconds spent, its colour the outcome.
    static func times(_ r: AttemptReport) -> String {
        let left = 34.0, top = 10.0, plot = 150.0, count = max(1, r.questions.count)
        let height = top + plot + 24
        let slot = (width - left) / Double(count)
        let longest = r.questions.map { AttemptReport.value($0.timeS) }.max() ?? 0
        let scale = niceCeiling(longest)
        let labelEvery = Int((Double(count) / 20).rounded(.up))
        var svg = open("times", height: height, title: "Time per question",
                       desc: "Seconds spent on each of \(r.questions.count) questions, longest \(Figures.plain(longest)) s; colour shows the outcome.")
        for tick in [0.0, scale / 2, scale] {
            let y = top + plot - plot * tick / scale
            svg += "<line x1=\"\(c(left))\" y1=\"\(c(y))\" x2=\"\(c(width))\" y2=\"\(c(y))\" stroke=\"#d1d9e0\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(c(left - 4))\" y=\"\(c(y + 4))\" font-size=\"11\" text-anchor=\"end\">\(Figures.number(tick))s</text>\n"
        }
        for (i, q) in r.questions.enumerated() {
            let seconds = max(0, AttemptReport.value(q.timeS))
            let barHeight = plot * seconds / scale
            let x = left + slot * Double(i) + slot * 0.15
            let outcome = HTMLReport.outcome(q)
            svg += "<g><title>[\(q.position)] \(Markup.text(q.id)): \(Figures.plain(q.timeS)) s, \(outcome.label)</title>"
            svg += "<rect x=\"\(c(x))\" y=\"\(c(top + plot - barHeight))\" width=\"\(c(slot * 0.7))\" height=\"\(c(barHeight))\""
            svg += " fill=\"\(colours[outcome.kind] ?? "#6e7781")\"/>"
            if i % labelEvery == 0 {
                svg += "<text x=\"\(c(x + slot * 0.35))\" y=\"\(c(top + plot + 16))\" font-size=\"11\" text-anchor=\"middle\">\(q.position)</text>"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }

    private static func open(_ id: String, height: Double, title: String, desc: String) -> String {
        "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(Markup.text(title))</title><desc id=\"\(id)-desc\">\(Markup.text(desc))</desc>\n"
    }

    /// The smallest round figure (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) at or above `x`,
    /// 10 for nothing: the top of the time axis.
    static func niceCeiling(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return 10 }
        var power = 1.0
        while power * 10 <= x { power *= 10 }
        while power > x { power /= 10 }
        for step in [1.0, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] where step * power >= x { return step * power }
        return 10 * power
    }

    /// A coordinate rounded to hundredths, written without needless decimals.
    static func c(_ x: Double) -> String { Figures.plain((x * 100).rounded() / 100) }
}
