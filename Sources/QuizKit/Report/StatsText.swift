import Foundation

/// `quiz stats --format text`: the item analysis as an author reads it, with
/// a "Worth a look" list that says what to do about each question flagged.
///
/// Flags follow the contract: facility above 0.9 or below 0.2,
/// discrimination below 0.2, and choices nobody picked. A figure that is
/// `null` raises no flag, and neither do unpicked choices of a question no
/// attempt was shown. Alpha and discrimination are correlations, which swing
/// widely over a handful of attempts: below `enoughAttempts` the text says
/// how many there are and that those figures are indicative only, and a
/// discrimination flag says how many attempts of its question it rests on.
public enum StatsText {
    public static let easyAbove = 0.9
    public static let hardBelow = 0.2
    public static let separatesBelow = 0.2
    /// Attempts below which alpha and discrimination are read as indicative only.
    public static let enoughAttempts = 30

    /// - Parameter questions: the bank's questions, for the text of unpicked choices.
    ///   Flags are wrapped to `width` columns.
    public static func render(_ report: StatsReport, questions: [Question], width: Int = 80) -> String {
        var out = "Item analysis of \(report.bank) · \(report.test)\n"
        guard report.attempts > 0, let mean = report.meanPercent, let sd = report.sdPercent else {
            return out + "No submitted or expired attempts of this test yet, so there is nothing to analyse.\n"
        }
        let noun = report.attempts == 1 ? "attempt" : "attempts"
        let by = report.learners.map { " by \($0) \($0 == 1 ? "learner" : "learners")" } ?? ""
        out += "\(report.attempts) \(noun)\(by) · mean \(percent(mean)) · sd \(percent(sd))\n"
        out += "Alpha " + (report.alpha.map { "\(figure($0)): \(reading(alpha: $0))" } ?? unknownAlpha) + "\n"
        if takers(report) < enoughAttempts {
            let few = "Only \(report.attempts) \(noun)\(by): alpha and discrimination need about \(enoughAttempts) attempts"
                + " by different learners to mean much, so read them as indicative only."
            out += TextReport.wrap(few, indent: 0, width: width)
        }
        out += "\n"

        let idWidth = min(40, max(8, report.questions.map { $0.id.count }.max() ?? 8) + 2)
        out += "Question".padded(to: idWidth) + "Attempts  Facility  Discrimination  Unanswered\n"
        for q in report.questions {
            out += q.id.truncated(to: idWidth - 2).padded(to: idWidth)
                + String(q.attempts).leftPadded(to: 8) + (q.facility.map(figure) ?? "—").leftPadded(to: 10)
                + (q.discrimination.map(figure) ?? "—").leftPadded(to: 16) + String(q.unanswered).leftPadded(to: 12)
                + "\n"
        }

        let byID = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let flags = report.questions.flatMap { flagged($0, question: byID[$0.id]) }
        out += "\nWorth a look\n"
        if flags.isEmpty {
            out += " Nothing: every question is neither too easy nor too hard, separates strong from weak"
                + " learners, and has every choice picked by someone.\n"
        }
        for flag in flags { out += " •" + TextReport.wrap(flag, indent: 3, width: width).dropFirst(2) }
        return out
    }

    /// How many different people the attempts may come from: the learners named, plus each attempt
    /// that names none (counted as someone else, since nothing says otherwise).
    static func takers(_ report: StatsReport) -> Int {
        guard let learners = report.learners else { return report.attempts }
        return min(report.attempts, learners + report.unnamedAttempts)
    }

    /// Alpha in plain words.
    static func reading(alpha: Double) -> String {
        switch alpha {
        case 0.9...: "very consistent; some questions may ask the same thing twice."
        case 0.7..<0.9: "consistent; the questions agree on who knows the material."
        case 0.5..<0.7: "somewhat consistent; some questions disagree with the rest."
        default: "inconsistent; the questions do not agree on who knows the material."
        }
    }

    static let unknownAlpha = "— (it needs 2 or more attempts, 2 or more questions shown in every attempt,"
        + " and totals that differ)."

    /// What is worth a look about one question, one sentence pair per finding.
    static func flagged(_ q: StatsReport.QuestionStats, question: Question?) -> [String] {
        var flags: [String] = []
        if let f = q.facility, f > easyAbove {
            flags.append("\(q.id) is too easy (facility \(figure(f))): nearly everyone earns its points."
                + " Make the wrong answers more tempting, or ask about something learners get wrong.")
        }
        if let f = q.facility, f < hardBelow {
            flags.append("\(q.id) is too hard (facility \(figure(f))): few learners earn its points."
                + " Check the answer key first, then whether the prompt is clear and the lesson teaches it.")
        }
        if let d = q.discrimination, d < separatesBelow {
            let advice = d < 0
                ? "learners who do well on the rest of the test do worse here. Check the answer key first,"
                    + " then look for an ambiguous prompt or a trick that catches those who know the material."
                : "learners who do well on the rest of the test do no better here. Look for an ambiguous prompt,"
                    + " a wrong key, or a trick that catches those who know the material."
            let basis = q.attempts < enoughAttempts
                ? " Indicative only: it rests on \(q.attempts) \(q.attempts == 1 ? "attempt" : "attempts") of this question."
                : ""
            flags.append("\(q.id) does not separate strong from weak learners (discrimination \(figure(d))): \(advice)\(basis)")
        }
        if q.attempts > 0, let choices = q.choices {
            let texts = question?.kind.choices ?? []
            let unpicked = choices.filter { $0.value == 0 }.map(\.key).sorted()
            if !unpicked.isEmpty {
                let named = unpicked.map { letter in
                    guard let index = texts.indices.first(where: { ChoiceLetter.name($0) == letter }) else { return letter }
                    return "\(letter) “\(snippet(texts[index].text))”"
                }
                flags.append(unpicked.count == 1
                    ? "\(q.id) has a choice nobody picked: \(named[0]). Replace it with a mistake learners"
                        + " really make, or remove it."
                    : "\(q.id) has choices nobody picked: \(named.joined(separator: ", ")). Replace them with"
                        + " mistakes learners really make, or remove them.")
            }
        }
        return flags
    }

    /// The first line of a choice, cut to 40 characters.
    static func snippet(_ text: String) -> String {
        TextReport.firstLine(text).replacingOccurrences(of: " …", with: "").truncated(to: 40)
    }

    static func figure(_ x: Double) -> String { Figures.fixed(x) }

    static func percent(_ x: Double) -> String { Figures.percent(x) }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
