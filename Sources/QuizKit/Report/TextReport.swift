import Foundation

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

    static func wrap(_ text: String, indent: Int, width: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = "", line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if !line.isEmpty && line.count + 1 + word.count > width - indent {
                out += pad + line + "\n"
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { out += pad + line + "\n" }
        return out
    }
}

extension String {
    /// Padded with spaces to `width` terminal columns (wide characters count two).
    func padded(to width: Int) -> String {
        let columns = DisplayWidth.of(self)
        return columns >= width ? self + " " : self + String(repeating: " ", count: width - columns)
    }

    /// Cut to at most `width` terminal columns, with an ellipsis when anything was cut.
    func truncated(to width: Int) -> String {
        guard DisplayWidth.of(self) > width else { return self }
        var out = ""
        var columns = 0
        for character in self {
            let w = DisplayWidth.of(character)
            if columns + w > width - 1 { break }
            out.append(character)
            columns += w
        }
        return out + "…"
    }
}
