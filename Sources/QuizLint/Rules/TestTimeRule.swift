import QuizKit

/// `test-time`: a time limit shorter than the expected answering time of the worst-case draw.
public enum TestTimeRule: Rule {
    public static let description = RuleDescription(
        id: .testTime,
        defaultSeverity: .warning,
        summary: "A test's time limit is shorter than the expected answering times of its worst-case draw (the longest questions it could pick).",
        triggering: [
            .questions(RuleExample.plainQuestion.replacingOccurrences(of: "explanation:", with: "time: 2m\n    explanation:"), tests: """
              - id: practice
                title: Practice
                time_limit: ↓1m

            """),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                time_limit: 20s

            """),
        ])

    /// Seconds the longest possible draw is expected to take.
    static func worstCase(_ draw: TestDraw) -> Int {
        let questions = draw.bank.questions
        func longest(_ indices: [Int], _ n: Int) -> Int { indices.map { questions[$0].time }.sorted(by: >).prefix(n).reduce(0, +) }
        switch draw.test.pick {
        case .all: return draw.poolIndices.reduce(0) { $0 + questions[$1].time }
        case .count(let n): return longest(draw.poolIndices, n)
        case .perSection(let n): return draw.groups.reduce(0) { $0 + longest($1.indices, n) }
        }
    }

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for test in bank.tests {
                guard let limit = test.timeLimit else { continue }
                let draw = TestDraw(test: test, in: bank, root: root)
                let needed = worstCase(draw)
                guard limit < needed else { continue }
                findings.append(root.finding(bank.file, test.place.values["time_limit"] ?? test.place.start, .testTime,
                    "time limit \(Duration.format(limit)) of test \"\(test.id)\" is shorter than the \(Duration.format(needed)) its longest draw is expected to take; raise it to at least \(Duration.format(needed))"))
            }
        }
        return findings
    }
}

/// Durations written the way authors write them in the DSL.
enum Duration {
    static func format(_ seconds: Int) -> String {
        let h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60
        var out = ""
        if h > 0 { out += "\(h)h" }
        if m > 0 { out += "\(m)m" }
        if s > 0 || out.isEmpty { out += "\(s)s" }
        return out
    }
}
