import Testing
@testable import QuizKit

/// The hand-worked example: five attempts over three questions, every one
/// shown in every attempt.
///
///     #   q1 single (B)   q2 multiple (A+C)   q3 truefalse (true, 2 pts)   total   percent
///     1   B   → 1         A,C → 1             true  → 2                    4       100
///     2   B   → 1         A,C → 1             false → 0                    2        50
///     3   B   → 1         A,B → 0             true  → 2                    3        75
///     4   A   → 0         B   → 0             false → 0                    0         0
///     5   –   → 0         A,C → 1             –     → 0                    1        25
enum HandWorked {
    static let q1 = Question(id: "q1", section: "s", prompt: "?",
                             kind: .single(choices: [Choice("alpha"), Choice("bravo"), Choice("charlie"), Choice("delta")],
                                           answer: 1))
    static let q2 = Question(id: "q2", section: "s", prompt: "?",
                             kind: .multiple(choices: [Choice("a"), Choice("b"), Choice("c"), Choice("d")], answers: [0, 2]))
    static let q3 = Question(id: "q3", section: "s", prompt: "?", kind: .truefalse(answer: true), points: 2)
    static let q4 = Question(id: "q4", section: "s", prompt: "?",
                             kind: .single(choices: [Choice("x"), Choice("y"), Choice("z")], answer: 0))

    static func item(_ id: String, _ points: Double, _ max: Double, _ response: Response?) -> ItemSample {
        ItemSample(questionID: id, points: points, max: max, response: response)
    }

    static func item(_ id: String, _ points: Double, _ response: Response?) -> ItemSample {
        item(id, points, 1, response)
    }

    static let attempts: [AttemptSample] = [
        AttemptSample(percent: 100, items: [item("q1", 1, .single(1)), item("q2", 1, .multiple([0, 2])),
                                            item("q3", 2, 2, .truefalse(true))]),
        AttemptSample(percent: 50, items: [item("q1", 1, .single(1)), item("q2", 1, .multiple([0, 2])),
                                           item("q3", 0, 2, .truefalse(false))]),
        AttemptSample(percent: 75, items: [item("q1", 1, .single(1)), item("q2", 0, .multiple([0, 1])),
                                           item("q3", 2, 2, .truefalse(true))]),
        AttemptSample(percent: 0, items: [item("q1", 0, .single(0)), item("q2", 0, .multiple([1])),
                                          item("q3", 0, 2, .truefalse(false))]),
        AttemptSample(percent: 25, items: [item("q1", 0, nil), item("q2", 1, .multiple([0, 2])), item("q3", 0, 2, nil)]),
    ]

    static func analysis(_ questions: [Question] = [q1, q2, q3], _ attempts: [AttemptSample] = attempts) -> ItemAnalysis {
        var analysis = ItemAnalysis(bank: "bank", test: "practice", questions: questions)
        for attempt in attempts { analysis.add(attempt) }
        return analysis
    }
}

@Suite struct ItemAnalysisTests {
    let report = HandWorked.analysis().result()

    func near(_ actual: Double?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let actual else {
            Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(actual - expected) < 1e-9, "\(actual) is not \(expected)", sourceLocation: sourceLocation)
    }

    @Test func meanAndPopulationSDOfPercents() {
        // percents 100, 50, 75, 0, 25: mean 250 / 5 = 50;
        // deviations 50, 0, 25, −50, −25 → squares 2500 + 0 + 625 + 2500 + 625 = 6250;
        // population variance 6250 / 5 = 1250, sd √1250 = 25√2 ≈ 35.3553.
        #expect(report.attempts == 5)
        near(report.meanPercent, 50)
        near(report.sdPercent, 25 * 2.0.squareRoot())
    }

    @Test func facilityIsMeanPointsOverMaximum() {
        // q1: (1+1+1+0+0)/5 = 0.6 of 1; q2: (1+1+0+0+1)/5 = 0.6 of 1; q3: (2+0+2+0+0)/5 = 0.8 of 2 = 0.4.
        near(report.questions[0].facility, 0.6)
        near(report.questions[1].facility, 0.6)
        near(report.questions[2].facility, 0.4)
        #expect(report.questions.map(\.id) == ["q1", "q2", "q3"])
        #expect(report.questions.map(\.attempts) == [5, 5, 5])
    }

    @Test func discriminationCorrelatesPointsWithTheRestOfTheTest() {
        // totals 4, 2, 3, 0, 1.
        // q1: x = 1,1,1,0,0 (x̄ .6, var .24); rest = 3,1,2,0,1 (r̄ 7/5 = 1.4, E[r²] 15/5 = 3, var 3 − 1.96 = 1.04);
        //     E[xr] = (3+1+2)/5 = 1.2, cov 1.2 − .6·1.4 = .36; r = .36 / √(.24·1.04) ≈ 0.7206.
        near(report.questions[0].discrimination, 0.36 / (0.24 * 1.04).squareRoot())
        // q2: x = 1,1,0,0,1 (x̄ .6, var .24); rest = 3,1,3,0,0 (r̄ 1.4, E[r²] 19/5 = 3.8, var 1.84);
        //     E[xr] = (3+1)/5 = .8, cov .8 − .84 = −.04; r = −.04 / √(.24·1.84) ≈ −0.0602.
        near(report.questions[1].discrimination, -0.04 / (0.24 * 1.84).squareRoot())
        // q3: x = 2,0,2,0,0 (x̄ .8, E[x²] 8/5 = 1.6, var .96); rest = 2,2,1,0,1 (r̄ 1.2, E[r²] 10/5 = 2, var .56);
        //     E[xr] = (4+2)/5 = 1.2, cov 1.2 − .8·1.2 = .24; r = .24 / √(.96·.56) ≈ 0.3273.
        near(report.questions[2].discrimination, 0.24 / (0.96 * 0.56).squareRoot())
    }

    @Test func alphaWithPopulationVariances() {
        // var(items) = .24 + .24 + .96 = 1.44; totals 4,2,3,0,1: mean 2, E[t²] 30/5 = 6, var 6 − 4 = 2
        // (check: 1.44 + 2·(cov12 .04 + cov13 .32 + cov23 −.08) = 1.44 + .56 = 2).
        // alpha = 3/2 · (1 − 1.44/2) = 1.5 · .28 = 0.42.
        near(report.alpha, 0.42)
    }

    @Test func choicesCountPicksByLetterAsWritten() {
        // q1 single: B three times, A once, one unanswered; C and D never.
        #expect(report.questions[0].choices == ["A": 1, "B": 3, "C": 0, "D": 0])
        #expect(report.questions[0].unanswered == 1)
        // q2 multiple: A in 1,2,3,5; B in 3,4; C in 1,2,5; D never.
        #expect(report.questions[1].choices == ["A": 4, "B": 2, "C": 3, "D": 0])
        #expect(report.questions[1].unanswered == 0)
        // q3 truefalse has no choices to count.
        #expect(report.questions[2].choices == nil)
        #expect(report.questions[2].unanswered == 1)
    }

    @Test func questionsNotShownInEveryAttemptAreLeftOutOfAlpha() {
        // q4 is shown in attempts 1 (A, right) and 3 (B, wrong) only.
        var attempts = HandWorked.attempts
        attempts[0].items.append(HandWorked.item("q4", 1, .single(0)))
        attempts[2].items.append(HandWorked.item("q4", 0, .single(1)))
        let report = HandWorked.analysis([HandWorked.q1, HandWorked.q2, HandWorked.q3, HandWorked.q4], attempts).result()
        // alpha still sums q1–q3 only: 0.42 as above.
        near(report.alpha, 0.42)
        let q4 = report.questions[3]
        // facility over the 2 attempts shown it: (1 + 0)/2; points 1,0 against rest 4,3: two points on a rising line.
        #expect(q4.attempts == 2)
        near(q4.facility, 0.5)
        near(q4.discrimination, 1)
        #expect(q4.choices == ["A": 1, "B": 1, "C": 0])
        // q1's rest now includes q4: totals 5,2,3,0,1 → rest 4,1,2,0,1 (r̄ 1.6, E[r²] 22/5 = 4.4, var 1.84);
        // E[xr] = 7/5 = 1.4, cov 1.4 − .6·1.6 = .44; r = .44 / √(.24·1.84).
        near(report.questions[0].discrimination, 0.44 / (0.24 * 1.84).squareRoot())
        #expect(report.questions[0].attempts == 5)
    }

    @Test func aQuestionMissingFromTheFirstAttemptLeavesTooFewForAlpha() {
        // q2 is not shown in the first attempt, so only q1 is shown in every one: k = 1.
        var attempts = HandWorked.attempts
        attempts[0].items.remove(at: 1)
        let report = HandWorked.analysis([HandWorked.q1, HandWorked.q2], attempts).result()
        #expect(report.alpha == nil)
        #expect(report.questions[1].attempts == 4)
        near(report.questions[1].facility, 0.5)
    }

    @Test func oneAttemptHasNoSpreadToMeasure() {
        let report = HandWorked.analysis(HandWorked.allThree, [HandWorked.attempts[2]]).result()
        #expect(report.attempts == 1)
        near(report.meanPercent, 75)
        near(report.sdPercent, 0)
        #expect(report.alpha == nil)
        #expect(report.questions.allSatisfy { $0.discrimination == nil })
        near(report.questions[2].facility, 1)
    }

    @Test func identicalAttemptsHaveNoVariance() {
        let report = HandWorked.analysis(HandWorked.allThree, Array(repeating: HandWorked.attempts[0], count: 4)).result()
        near(report.sdPercent, 0)
        #expect(report.alpha == nil)
        #expect(report.questions.allSatisfy { $0.discrimination == nil })
        #expect(report.questions.allSatisfy { $0.facility == 1 })
    }

    @Test func itemsThatVaryButAlwaysSumAlikeGiveNoAlpha() {
        // q1 and q2 trade places: totals 1,1,1,1, so var(total) = 0 although each item varies.
        let attempts = [1.0, 0, 1, 0].map { x in
            AttemptSample(percent: 50, items: [HandWorked.item("q1", x, nil), HandWorked.item("q2", 1 - x, nil)])
        }
        let report = HandWorked.analysis([HandWorked.q1, HandWorked.q2], attempts).result()
        #expect(report.alpha == nil)
        // Each item against the rest (the other item): a perfect negative correlation.
        near(report.questions[0].discrimination, -1)
    }

    @Test func aLoneQuestionHasNoRestToCorrelateWith() {
        let report = HandWorked.analysis([HandWorked.q1], HandWorked.attempts.map {
            AttemptSample(percent: $0.percent, items: [$0.items[0]])
        }).result()
        #expect(report.questions[0].discrimination == nil)
        #expect(report.alpha == nil)
        near(report.questions[0].facility, 0.6)
    }

    @Test func noAttemptsGiveNullFiguresAndZeroCounts() {
        let report = HandWorked.analysis(HandWorked.allThree, []).result()
        #expect(report.attempts == 0)
        #expect(report.meanPercent == nil && report.sdPercent == nil && report.alpha == nil)
        #expect(report.questions.map(\.attempts) == [0, 0, 0])
        #expect(report.questions.allSatisfy { $0.facility == nil && $0.discrimination == nil })
        #expect(report.questions[0].choices == ["A": 0, "B": 0, "C": 0, "D": 0])
    }

    @Test func runningFiguresKeepTheirDigitsFarFromZero() {
        // 1e9 + 4, 7, 13, 16: mean 1e9 + 10, deviations −6, −3, 3, 6 → (36+9+9+36)/4 = 22.5.
        // Σx² − n·x̄² would cancel away all of it in doubles; Welford's update does not.
        var pairs = RunningCorrelation()
        for d in [4.0, 7, 13, 16] { pairs.add(1e9 + d, 2e9 - d) }
        near(pairs.x.variance, 22.5)
        near(pairs.r, -1)
    }

    @Test func memoryStaysFlatAsAttemptsGrow() {
        // q4 is in every other attempt; percents alternate 60 and 80 (mean 70, sd 10).
        var analysis = ItemAnalysis(bank: "b", test: "t", questions: HandWorked.allThree + [HandWorked.q4])
        func attempt(_ n: Int) -> AttemptSample {
            var items = [HandWorked.item("q1", Double(n % 2), .single(n % 4)),
                         HandWorked.item("q2", Double(n % 3 == 0 ? 1 : 0), .multiple([n % 4])),
                         HandWorked.item("q3", Double(2 * (n % 2)), 2, .truefalse(n % 2 == 1))]
            if n % 2 == 0 { items.append(HandWorked.item("q4", 1, .single(0))) }
            return AttemptSample(percent: n % 2 == 0 ? 60 : 80, items: items)
        }
        for n in 0..<10 { analysis.add(attempt(n)) }
        let early = analysis.storedValueCount
        for n in 10..<100_000 { analysis.add(attempt(n)) }
        #expect(analysis.storedValueCount == early)
        let report = analysis.result()
        #expect(report.attempts == 100_000)
        near(report.meanPercent, 70)
        near(report.sdPercent, 10)
        near(report.questions[0].facility, 0.5)
        #expect(report.questions[3].attempts == 50_000)
        // Alpha over q1–q3 (q4 is not in every attempt): item variances 1/4, 2/9, 1, and the total's
        // 2,060,187,037/1,000,000,000 (population variances), so 3/2 · (1 − 1.47222…/2.06018…).
        near(report.alpha, 1_250_000_000.0 / 2_060_187_037.0)
    }
}

extension HandWorked {
    static let allThree = [q1, q2, q3]
}
