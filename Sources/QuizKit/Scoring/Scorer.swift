import Foundation

/// Scores responses by the rules of the DSL's "Scoring" section.
///
/// Pure functions of the question and the response in the author's terms, so
/// a stored attempt can be rescored at any time. Order items and match pairs
/// are compared by text, so two items or right sides written alike are
/// interchangeable.
public enum Scorer {
    /// How far past a numeric boundary still counts, relative to the largest
    /// magnitude involved: absorbs binary rounding (0.4 − 0.3 > 0.1 in Double)
    /// while no response typed with fewer than 12 significant digits gains from it.
    public static let numericSlack = 1e-12

    /// The grade of `response` to `question`; `penalty` is the test's fraction (0…1) of points taken off.
    public static func grade(_ question: Question, _ response: Response?, penalty: Double = 0) -> Grade {
        let max = question.points
        guard let response else { return Grade(points: 0, max: max, correct: nil) }
        let share = self.share(question, response)
        if share >= 1 { return Grade(points: max, max: max, correct: true) }
        if share > 0 { return Grade(points: max * share, max: max, correct: false) }
        let penalised = [.single, .multiple, .truefalse].contains(question.type) && penalty > 0
        return Grade(points: penalised ? -(penalty * max) : 0, max: max, correct: false)
    }

    /// The sum of a test's grades against its pass mark in percent.
    public static func total(grades: [Grade], passMark: Double) -> TestScore {
        TestScore(points: grades.reduce(0) { $0 + $1.points }, max: grades.reduce(0) { $0 + $1.max }, passMark: passMark)
    }

    /// The share of the points earned, 0…1. A response of another type than the question earns nothing.
    static func share(_ question: Question, _ response: Response) -> Double {
        let partial = question.scoring == .partial
        switch (question.kind, response) {
        case (.single(_, let answer), .single(let picked)):
            return picked == answer ? 1 : 0
        case (.multiple(_, let answers), .multiple(let picks)):
            let right = Set(answers), picked = Set(picks)
            guard !right.isEmpty else { return 0 }
            guard partial else { return picked == right ? 1 : 0 }
            let net = picked.intersection(right).count - picked.subtracting(right).count
            return Swift.max(0, Double(net) / Double(right.count))
        case (.truefalse(let answer), .truefalse(let given)):
            return given == answer ? 1 : 0
        case (.short(let accepted), .short(let text)):
            return accepted.contains { $0.accepts(text) } ? 1 : 0
        case (.numeric(let answer, let tolerance), .numeric(let given)):
            return isWithin(given, of: answer, tolerance: tolerance) ? 1 : 0
        case (.order(let items), .order(let placed)):
            let written = items.map(\.text)
            return arranged(placed.map { written.indices.contains($0) ? written[$0] : nil }, written, partial)
        case (.match(let pairs), .match(let rights)):
            let written = pairs.map(\.right)
            return arranged(rights.map { written.indices.contains($0) ? written[$0] : nil }, written, partial)
        default:
            return 0
        }
    }

    /// The share of positions holding the right text; all or nothing unless `partial`.
    static func arranged(_ given: [String?], _ written: [String], _ partial: Bool) -> Double {
        guard !written.isEmpty else { return 0 }
        let right = zip(given, written).filter { $0.0 == $0.1 }.count
        if right == written.count && given.count == written.count { return 1 }
        return partial ? Double(right) / Double(written.count) : 0
    }

    /// |given − answer| ≤ tolerance, inclusive, with `numericSlack` for binary rounding.
    public static func isWithin(_ given: Double, of answer: Double, tolerance: Tolerance) -> Bool {
        let allowed = tolerance.allowance(for: answer)
        guard given.isFinite, answer.isFinite, allowed.isFinite, allowed >= 0 else { return false }
        let slack = numericSlack * Swift.max(abs(given), abs(answer), allowed)
        return abs(given - answer) <= allowed + slack
    }
}

extension ShortAnswer {
    /// Whether `response` is accepted: text after trimming, collapsing whitespace
    /// and folding case; a pattern when it matches the whole trimmed response,
    /// ignoring case. An invalid pattern accepts nothing.
    public func accepts(_ response: String) -> Bool {
        switch self {
        case .text(let text):
            return Self.folded(text) == Self.folded(response)
        case .pattern(let pattern):
            return Self.wholeMatch(pattern, response.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Trimmed, each whitespace run one space, case folded (`ß` and `SS` agree).
    static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .folding(options: .caseInsensitive, locale: nil)
    }

    /// The pattern (ICU syntax, as the bank decoder checks it) matched against all of `text`.
    ///
    /// The pattern is wrapped as `\A(?:…)\z` so alternatives like `a|ab` are
    /// tried against the whole text; when wrapping breaks a valid pattern (an
    /// `(?x)` comment or an unclosed `\Q` swallowing the wrapper) the first
    /// anchored match must cover the whole text instead.
    static func wholeMatch(_ pattern: String, _ text: String) -> Bool {
        guard let plain = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return false }
        let whole = NSRange(text.startIndex..., in: text)
        if let wrapped = try? NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z", options: [.caseInsensitive]) {
            return wrapped.firstMatch(in: text, range: whole) != nil
        }
        return plain.firstMatch(in: text, options: [.anchored], range: whole)?.range == whole
    }
}
