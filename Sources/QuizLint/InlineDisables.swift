import QuizKit

/// The `# quizlint: disable=RULE[,RULE]` comments of one file, and the lines they silence.
///
/// A comment that ends a line with other content silences that line. On a
/// line of its own it silences the whole question or test whose `- id:` is
/// the next non-blank, non-comment line, else that next line only. In
/// Markdown the comment is written `<!-- quizlint: disable=RULE -->`.
struct InlineDisables {
    /// Silenced rules (nil = all) per inclusive line range.
    private(set) var spans: [(lines: ClosedRange<Int>, rules: Set<RuleID>?)] = []
    private(set) var findings: [Finding] = []

    /// `itemEnd` gives the last line of the question or test that starts on a line, when one does.
    init(text: String, file: String, itemEnd: (Int) -> Int?) {
        guard text.contains("quizlint:") else { return }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        let markdown = file.hasSuffix(".md")
        for (index, line) in lines.enumerated() {
            guard let (rules, standalone, column) = Self.directive(in: line, markdown: markdown, file: file, line: index + 1, findings: &findings) else { continue }
            let lineNumber = index + 1
            guard standalone else {
                spans.append((lineNumber...lineNumber, rules))
                continue
            }
            var next = index + 1
            while next < lines.count {
                let t = lines[next].trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") && !markdown || t.hasPrefix("<!--") && markdown { next += 1 } else { break }
            }
            guard next < lines.count else { continue }
            let target = next + 1
            let t = lines[next].trimmingCharacters(in: .whitespaces)
            if !markdown, t.hasPrefix("- id:") || t.hasPrefix("-  id:") || t == "-" , let end = itemEnd(target) {
                spans.append((target...max(target, end), rules))
            } else {
                spans.append((target...target, rules))
            }
            _ = column
        }
        indexSpans()
    }

    /// Lines where every rule is silenced, and the rules silenced on other lines: one lookup per finding,
    /// where a scan of every span for each finding is quadratic in a file with a directive on each question.
    private var allRulesSilenced: Set<Int> = []
    private var rulesSilenced: [Int: Set<RuleID>] = [:]

    func silences(_ finding: Finding) -> Bool {
        allRulesSilenced.contains(finding.line) || rulesSilenced[finding.line]?.contains(finding.rule) == true
    }

    /// Fills the per-line lookup. Directives stacked above one question give one range many times: each
    /// distinct range is walked once, and distinct question ranges do not overlap, so this is linear.
    private mutating func indexSpans() {
        var merged: [ClosedRange<Int>: Set<RuleID>?] = [:]
        for span in spans {
            if let known = merged[span.lines] {
                merged[span.lines] = known.flatMap { old in span.rules.map { old.union($0) } }
            } else {
                merged[span.lines] = span.rules
            }
        }
        for (lines, rules) in merged {
            for line in lines {
                if let rules { rulesSilenced[line, default: []].formUnion(rules) } else { allRulesSilenced.insert(line) }
            }
        }
    }

    /// Parses one line's directive: the rules (nil = all), whether the comment stands alone, its column.
    private static func directive(in line: Substring, markdown: Bool, file: String, line number: Int,
                                  findings: inout [Finding]) -> (Set<RuleID>?, Bool, Int)? {
        guard let range = line.range(of: "quizlint:") else { return nil }
        let before = line[..<range.lowerBound]
        let opener = markdown ? "<!--" : "#"
        guard let open = before.range(of: opener, options: .backwards) else { return nil }
        if !markdown, open.lowerBound != line.startIndex, !(line[line.index(before: open.lowerBound)].isWhitespace) { return nil }
        guard before[open.upperBound...].allSatisfy(\.isWhitespace) else { return nil }
        var rest = line[range.upperBound...].drop { $0 == " " }
        guard rest.hasPrefix("disable=") else { return nil }
        rest = rest.dropFirst("disable=".count)
        if markdown, let close = rest.range(of: "-->") { rest = rest[..<close.lowerBound] }
        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
        let names = rest.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        var rules: Set<RuleID>? = []
        for name in names {
            if name == "all" { rules = nil; continue }
            if let id = RuleID(rawValue: name) { rules?.insert(id); continue }
            var message = "unknown rule \"\(name)\" in a quizlint comment"
            if let guess = Spelling.suggestion(for: name, among: RuleID.allCases.map(\.rawValue)) { message += "; did you mean \"\(guess)\"?" }
            findings.append(Finding(file: file, line: number, column: column, rule: .invalidValue, message: message))
        }
        if names.isEmpty {
            findings.append(Finding(file: file, line: number, column: column, rule: .invalidValue,
                                    message: "quizlint comment names no rule; write disable=RULE or disable=all"))
        }
        let standalone = line[..<open.lowerBound].allSatisfy(\.isWhitespace)
        return (rules, standalone, column)
    }
}
