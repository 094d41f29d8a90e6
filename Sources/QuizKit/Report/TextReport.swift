import Foundation
import QuizMarkdown

/// The text report a session prints after submit, and `quiz report --format text`.
public enum TextReport {
    public static func render(_ r: AttemptReport, width: Int = 80) -> String {
        var out = ""
        let s = r.score
        let verdict = s.passed ? "PASSED" : "FAILED"
        var line = "Score \(Figures.number(s.points)) / \(Figures.number(s.max)) (\(Figures.percent(s.percent))) · \(verdict) (pass mark \(Figures.number(s.passMark))%)"
        let used = TestSession.clock(r.attempt.elapsedS)
        if let limit = r.attempt.timeLimitS {
            line += " · \(used) used of \(TestSession.clock(Double(limit)))"
        } else {
            line += " · \(used) used"
        }
        out += line + "\n"
        if r.attempt.status == "expired" { out += "Time ran out; unanswered questions score 0.\n" }
        out += "\n"

        let titleWidth = min(48, max(8, r.sections.map { DisplayWidth.of($0.title) }.max() ?? 8) + 2)
        out += "Section".padded(to: titleWidth) + "Score\n"
        for section in r.sections {
            let points = AttemptReport.value(section.points), max = AttemptReport.value(section.max)
            let score = "\(Figures.number(section.points)) / \(Figures.number(section.max))"
            out += section.title.truncated(to: titleWidth - 2).padded(to: titleWidth) + score.padded(to: 10)
                + Figures.bar(max > 0 ? points / max : 0, cells: 10) + "\n"
        }

        let missed = zip(r.questions, r.details).filter { $0.0.correct != true }
        out += "\n"
        if missed.isEmpty {
            out += "Every question right.\n"
        } else {
            out += "Review\n"
            for (q, d) in missed {
                let mark = q.correct == nil ? "–" : AttemptReport.value(q.points) > 0 ? "◐" : "✗"
                out += " \(mark) [\(q.position)] \(firstLine(d.prompt))\n"
                out += "     You answered: \(d.given ?? "(nothing)")    Right: \(d.right)\n"
                if let e = d.explanation { out += wrap(e, indent: 5, width: width) }
                out += "     Read again: \(q.review)\n"
            }
        }
        return out
    }

    static func firstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let first = lines.first.map(String.init) ?? ""
        return lines.count > 1 ? first + " …" : first
    }

    /// `text` wrapped to `width` columns by display width, every line indented by `indent` spaces.
    static func wrap(_ text: String, indent: Int, width: Int) -> String {
        guard text.contains(where: { !$0.isWhitespace }) else { return "" }
        return TextWrap.wrap(text, width: width, indent: indent).map { $0 + "\n" }.joined()
    }
}

extension String {
    /// Padded with spaces to `width` terminal columns (wide characters count two).
    func padded(to width: Int) -> String { DisplayWidth.padded(self, to: width) }

    /// Cut to at most `width` terminal columns, with an ellipsis when anything was cut.
    func truncated(to width: Int) -> String { DisplayWidth.truncated(self, to: width) }
}
