import Foundation

/// A score report as CSV (RFC 4180): a header row, then one row per question.
///
/// Every line ends in CRLF, the last one too. A field is quoted when it holds
/// a comma, a double quote, CR or LF, and a quote inside it is doubled; the
/// text is UTF-8 without a byte-order mark. Cells are written as they are, so
/// a spreadsheet may treat a prompt that starts with `=` as a formula.
///
/// `response` and `right_answer` are in the author's terms, whatever the
/// shuffle, so rows of different learners compare: a JSON string as is
/// (`B`, short text), a boolean as `true`/`false`, a number unrounded
/// (`42`, `3.5`), an array with its items joined by `;` (`A;C` for
/// multiple, `3;1;2` for order), and a match object as `left=right` pairs in
/// the JSON's sorted key order joined by `;`. An unanswered response is an
/// empty cell, as is `correct` then. `response_shown` is the same answer as the learner
/// typed it on their own shuffled screen (`C`, `A D`), which is what the text, Markdown,
/// HTML and JUnit reports show. The JSON report stays the lossless form.
public enum CSVReport {
    /// The columns of `render`, in order.
    public static let columns = [
        "position", "id", "section", "section_title", "type", "prompt", "response", "response_shown", "right_answer",
        "correct", "points", "max", "time_s", "flagged", "review",
    ]

    /// The columns `renderAll` writes before `columns`. `learner` is the login name of whoever
    /// took the attempt, empty for an attempt recorded before stores kept it.
    public static let attemptColumns = ["attempt", "learner", "started_at", "status", "percent"]

    /// One attempt: the header, then its questions in position order.
    public static func render(_ report: AttemptReport) -> String {
        var out = line(columns)
        for index in report.questions.indices {
            out += line(cells(report, index))
        }
        return out
    }

    /// A class's results: one row per attempt and question, attempts in the order given,
    /// each row opening with the attempt's id, learner, start time, status and percent; one header.
    public static func renderAll(_ reports: [AttemptReport]) -> String {
        var out = line(attemptColumns + columns)
        for report in reports {
            let attempt = [report.attempt.id, report.attempt.learner ?? "", report.attempt.startedAt, report.attempt.status,
                           Figures.plain(report.score.percent)]
            for index in report.questions.indices {
                out += line(attempt + cells(report, index))
            }
        }
        return out
    }

    static func cells(_ report: AttemptReport, _ index: Int) -> [String] {
        let q = report.questions[index]
        let detail = report.details.indices.contains(index) ? report.details[index] : nil
        return [
            String(q.position), q.id, q.section, detail?.sectionTitle ?? "", q.type, detail?.prompt ?? "",
            text(q.response), q.responseShown ?? "", text(detail?.rightResponse ?? .null), q.correct.map { $0 ? "true" : "false" } ?? "",
            Figures.plain(q.points), Figures.plain(q.max), Figures.plain(q.timeS), q.flagged ? "true" : "false",
            q.review,
        ]
    }

    /// A response (or right answer) as one cell, by the rules in the type's description.
    public static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .number: Figures.plain(value)
        case .string(let s): s
        case .array(let items): items.map(text).joined(separator: ";")
        case .object(let pairs): pairs.sorted { $0.key < $1.key }.map { "\($0.key)=\(text($0.value))" }.joined(separator: ";")
        }
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    /// A field quoted only when RFC 4180 needs it.
    static func quoted(_ field: String) -> String {
        let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard special else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
