import Foundation
import Testing
@testable import QuizKit

@Suite struct StatsTextTests {
    typealias Line = StatsReport.QuestionStats

    static func line(_ id: String, attempts: Int = 10, facility: Double? = 0.6, discrimination: Double? = 0.4,
                     choices: [String: Int]? = nil) -> Line {
        Line(id: id, attempts: attempts, facility: facility, discrimination: discrimination, choices: choices,
             unanswered: 0)
    }

    static func report(_ lines: [Line], attempts: Int = 10, alpha: Double? = 0.8) -> StatsReport {
        StatsReport(bank: "bank", test: "practice", attempts: attempts, meanPercent: 71.2, sdPercent: 12.9,
                    alpha: alpha, questions: lines)
    }

    /// The text of the "Worth a look" list, without its heading.
    static func flags(_ lines: [Line], questions: [Question] = HandWorked.allThree) -> String {
        let text = StatsText.render(report(lines), questions: questions, width: 1000)
        return String(text[text.range(of: "Worth a look\n")!.upperBound...])
    }

    @Test(arguments: [
        (line("q", facility: 0.95), "q is too easy (facility 0.95): nearly everyone earns its points."),
        (line("q", facility: 0.1), "q is too hard (facility 0.10): few learners earn its points."),
        (line("q", discrimination: 0.1), "q does not separate strong from weak learners (discrimination 0.10):"
            + " learners who do well on the rest of the test do no better here."),
        (line("q", discrimination: -0.3), "(discrimination -0.30): learners who do well on the rest of the test"
            + " do worse here. Check the answer key first"),
        (line("q1", choices: ["A": 3, "B": 7, "C": 0, "D": 0]), "q1 has choices nobody picked: C “charlie”,"
            + " D “delta”. Replace them with mistakes learners really make, or remove them."),
        (line("q2", choices: ["A": 3, "B": 7, "C": 1, "D": 0]), "q2 has a choice nobody picked: D “d”."),
    ])
    func flagsSayWhatIsWrongAndWhatToDo(line: Line, expected: String) {
        let flags = Self.flags([line])
        #expect(flags.hasPrefix(" • "))
        #expect(flags.contains(expected), "\(flags)")
        #expect(flags.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        line("edge-easy", facility: 0.9), line("edge-hard", facility: 0.2), line("edge-separates", discrimination: 0.2),
        line("unknown", facility: nil, discrimination: nil),
        line("never-shown", attempts: 0, facility: nil, discrimination: nil, choices: ["A": 0, "B": 0]),
    ])
    func figuresOnTheBoundaryOrUnknownRaiseNoFlag(line: Line) {
        #expect(Self.flags([line]).hasPrefix(" Nothing:"))
    }

    @Test func theHandWorkedExampleFlagsItsWeakQuestion() {
        let text = StatsText.render(HandWorked.analysis().result(), questions: HandWorked.allThree)
        #expect(text.hasPrefix("""
            Item analysis of bank · practice
            5 attempts · mean 50.00% · sd 35.36%
            Alpha 0.42: inconsistent; the questions do not agree on who knows the material.
            Only 5 attempts: alpha and discrimination need about 30 attempts by different
            learners to mean much, so read them as indicative only.

            Question  Attempts  Facility  Discrimination  Unanswered
            q1               5      0.60            0.72           1
            q2               5      0.60           -0.06           0
            q3               5      0.40            0.33           1

            Worth a look
             • q1 has choices nobody picked: C “charlie”, D “delta”. Replace them with
               mistakes learners really make, or remove them.
             • q2 does not separate strong from weak learners (discrimination -0.06):

            """))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test(arguments: [
        (0.95, "very consistent"), (0.74, "consistent; the questions agree"), (0.5, "somewhat consistent"),
        (0.2, "inconsistent"), (-0.4, "inconsistent"),
    ])
    func alphaIsReadInPlainWords(alpha: Double, reading: String) {
        let text = StatsText.render(Self.report([], alpha: alpha), questions: [])
        #expect(text.contains("Alpha \(String(format: "%.2f", alpha)): \(reading)"))
    }

    @Test(arguments: [(1, true), (29, true), (30, false), (500, false)])
    func fewAttemptsMakeAlphaAndDiscriminationIndicative(attempts: Int, indicative: Bool) {
        let text = StatsText.render(Self.report([], attempts: attempts), questions: [], width: 1000)
        let noun = attempts == 1 ? "attempt" : "attempts"
        #expect(text.contains("Only \(attempts) \(noun): alpha and discrimination need about 30 attempts by different"
            + " learners to mean much, so read them as indicative only.") == indicative, "\(text)")
    }

    @Test(arguments: [
        // (attempts, learners named, attempts naming nobody, indicative)
        (40, 3, 0, true), (40, 30, 0, false), (40, 1, 35, false), (40, 1, 20, true), (12, 12, 0, true),
    ])
    func oneLearnerTakingATestAgainDoesNotCountAsMore(attempts: Int, learners: Int, unnamed: Int, indicative: Bool) {
        var report = Self.report([], attempts: attempts)
        report.learners = learners
        report.unnamedAttempts = unnamed
        let text = StatsText.render(report, questions: [], width: 1000)
        #expect(text.contains("\(attempts) attempts by \(learners) \(learners == 1 ? "learner" : "learners") · mean"))
        #expect(text.contains("Only \(attempts) attempts by \(learners)") == indicative, "\(text)")
    }

    @Test(arguments: [(12, true), (30, false)])
    func aDiscriminationFlagSaysHowManyAttemptsItRestsOn(attempts: Int, indicative: Bool) {
        let flags = Self.flags([Self.line("q", attempts: attempts, discrimination: 0.05)])
        #expect(flags.contains("Indicative only: it rests on \(attempts) attempts of this question.") == indicative, "\(flags)")
    }

    @Test func alphaThatCannotBeComputedSaysWhy() {
        let text = StatsText.render(Self.report([], alpha: nil), questions: [])
        #expect(text.contains("Alpha — (it needs 2 or more attempts"))
    }

    @Test func noAttemptsSaySo() {
        let report = HandWorked.analysis(HandWorked.allThree, []).result()
        #expect(StatsText.render(report, questions: HandWorked.allThree) == """
            Item analysis of bank · practice
            No submitted or expired attempts of this test yet, so there is nothing to analyse.

            """)
    }

    @Test func jsonWritesEveryKeySortedWithNullsForMissingFigures() throws {
        let json = try HandWorked.analysis([HandWorked.q2, HandWorked.q3], []).result().json()
        #expect(json == """
            {
              "alpha" : null,
              "attempts" : 0,
              "bank" : "bank",
              "learners" : null,
              "mean_percent" : null,
              "questions" : [
                {
                  "attempts" : 0,
                  "choices" : {
                    "A" : 0,
                    "B" : 0,
                    "C" : 0,
                    "D" : 0
                  },
                  "discrimination" : null,
                  "facility" : null,
                  "id" : "q2",
                  "unanswered" : 0
                },
                {
                  "attempts" : 0,
                  "choices" : null,
                  "discrimination" : null,
                  "facility" : null,
                  "id" : "q3",
                  "unanswered" : 0
                }
              ],
              "schema" : "quiz-stats/1",
              "sd_percent" : null,
              "test" : "practice"
            }

            """)
    }

    @Test func jsonWritesFiguresUnrounded() throws {
        let report = HandWorked.analysis().result()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try report.json().utf8)) as? [String: Any])
        #expect(object["sd_percent"] as? Double == report.sdPercent)
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(questions[0]["discrimination"] as? Double == report.questions[0].discrimination)
        #expect(questions[2]["facility"] as? Double == 0.4)
    }
}
