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
        out += wrapped(line, hanging: 0, width: width)
        if r.attempt.status == "expired" { out += "Time ran out; unanswered questions score 0.\n" }
        out += "\n"

        out += sectionTable(r.sections, width: width)

        let missed = zip(r.questions, r.details).filter { $0.0.correct != true }
        out += "\n"
        if missed.isEmpty {
            out += "Every question right.\n"
        } else {
            out += "Review\n"
            for (q, d) in missed {
                let mark = q.correct == nil ? "–" : AttemptReport.value(q.points) > 0 ? "◐" : "✗"
                out += wrapped(" \(mark) [\(q.position)] \(firstLine(d.prompt))", hanging: 5, width: width)
                let given = "     You answered: \(d.given ?? "(nothing)")", right = "Right: \(d.right)"
                if DisplayWidth.of(given) + 4 + DisplayWidth.of(right) <= width {
                    out += given + "    " + right + "\n"
                } else {
                    out += wrapped(given, hanging: 7, width: width) + wrapped("     " + right, hanging: 7, width: width)
                }
                if let e = d.explanation { out += wrap(e, indent: 5, width: width) }
                out += wrapped("     Read again: \(q.review)", hanging: 7, width: width)
            }
        }
        return out
    }

    /// One row per section (title, score, bar) when that fits `width`; otherwise stacked, one
    /// block per section: its title, then its score and bar indented under it.
    static func sectionTable(_ sections: [AttemptReport.SectionScore], width: Int) -> String {
        let titleWidth = min(48, max(8, sections.map { DisplayWidth.of($0.title) }.max() ?? 8) + 2)
        let stacked = titleWidth + 20 > width
        var out = stacked ? "Score by section\n" : "Section".padded(to: titleWidth) + "Score\n"
        for section in sections {
            let points = AttemptReport.value(section.points), max = AttemptReport.value(section.max)
            let score = "\(Figures.number(section.points)) / \(Figures.number(section.max))"
            let bar = Figures.bar(max > 0 ? points / max : 0, cells: 10)
            if stacked {
                out += wrap(section.title, indent: 1, width: width) + "   " + score + (bar.isEmpty ? "" : "  " + bar) + "\n"
            } else {
                out += section.title.truncated(to: titleWidth - 2).padded(to: titleWidth) + score.padded(to: 10) + bar + "\n"
            }
        }
        return out
    }

    /// One line of the report wrapped at spaces to `width`, later lines indented by `hanging`.
    static func wrapped(_ text: String, hanging: Int, width: Int) -> String {
        let leading = text.prefix { $0 == " " }.count
        guard DisplayWidth.of(text) > width else { return text + "\n" }
        return TextWrap.wrap(text.dropFirst(leading), width: width, indent: leading, hanging: hanging).map { $0 + "\n" }.joined()
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
