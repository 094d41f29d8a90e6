import Testing
@testable import QuizKit

struct GradeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var question: Question
    var response: Response?
    var penalty: Double = 0
    var points: Double
    var correct: Bool?

    var testDescription: String { name }
}

private func grade(_ name: String, _ q: Question, _ r: Response?, penalty: Double = 0,
                   _ points: Double, _ correct: Bool?) -> GradeCase {
    GradeCase(name: name, question: q, response: r, penalty: penalty, points: points, correct: correct)
}

struct ScorerTests {
    static let choiceCases: [GradeCase] = [
        grade("single right", Sample.single(answer: 1), .single(1), 1, true),
        grade("single wrong", Sample.single(answer: 1), .single(2), 0, false),
        grade("single wrong, penalty", Sample.single(answer: 1), .single(2), penalty: 0.25, -0.25, false),
        grade("single wrong, penalty × points", Sample.single(answer: 1, points: 2), .single(0), penalty: 0.25, -0.5, false),
        grade("single right, penalty", Sample.single(answer: 1, points: 3), .single(1), penalty: 1, 3, true),
        grade("single unanswered, penalty", Sample.single(), nil, penalty: 1, 0, nil),
        grade("single, other type", Sample.single(answer: 1), .multiple([1]), 0, false),
        grade("multiple exact", Sample.multiple(answers: [0, 2]), .multiple([0, 2]), 1, true),
        grade("multiple subset", Sample.multiple(answers: [0, 2]), .multiple([0]), 0, false),
        grade("multiple superset", Sample.multiple(answers: [0, 2]), .multiple([0, 1, 2]), 0, false),
        grade("multiple subset, penalty", Sample.multiple(answers: [0, 2]), .multiple([2]), penalty: 0.5, -0.5, false),
        grade("multiple unanswered, penalty", Sample.multiple(answers: [0, 2]), nil, penalty: 0.5, 0, nil),
        grade("partial all right", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3), .multiple([0, 2, 3]), 3, true),
        grade("partial two of three", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3), .multiple([0, 2]), 2, false),
        grade("partial two right one wrong", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3),
              .multiple([0, 1, 2]), 1, false),
        grade("partial everything picked", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3),
              .multiple([0, 1, 2, 3, 4]), 1, false),
        grade("partial nets zero", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3), .multiple([0, 1]), 0, false),
        grade("partial nets zero, penalty", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3),
              .multiple([0, 1]), penalty: 0.5, -1.5, false),
        grade("partial nets below zero, penalty", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3),
              .multiple([0, 1, 4]), penalty: 0.5, -1.5, false),
        grade("partial share, penalty not applied", Sample.multiple(answers: [0, 2, 3], partial: true, points: 3),
              .multiple([0, 2]), penalty: 0.5, 2, false),
        grade("truefalse right", Sample.truefalse(false), .truefalse(false), 1, true),
        grade("truefalse wrong", Sample.truefalse(false), .truefalse(true), 0, false),
        grade("truefalse wrong, penalty", Sample.truefalse(true, points: 2), .truefalse(false), penalty: 1, -2, false),
        grade("truefalse unanswered, penalty", Sample.truefalse(true), nil, penalty: 1, 0, nil),
    ]

    @Test("single, multiple and truefalse", arguments: choiceCases)
    func choiceTypes(_ c: GradeCase) {
        #expect(Scorer.grade(c.question, c.response, penalty: c.penalty) == Grade(points: c.points, max: c.question.points, correct: c.correct))
    }

    static let textCases: [GradeCase] = [
        grade("text ignores case and outer space", Sample.short(.text("Last-Event-ID")), .short("  last-event-id "), 1, true),
        grade("text collapses whitespace runs", Sample.short(.text("Server  Sent Events")), .short("server sent\t \tevents"), 1, true),
        grade("text keeps inner spaces", Sample.short(.text("server sent events")), .short("serversentevents"), 0, false),
        grade("text folds ß", Sample.short(.text("Straße")), .short("STRASSE"), 1, true),
        grade("any accepted text", Sample.short(.text("SSE"), .text("Server-Sent Events")), .short("sse"), 1, true),
        grade("regex, case-insensitive", Sample.short(.pattern("colou?r")), .short("COLOUR"), 1, true),
        grade("regex must match all", Sample.short(.pattern("colou?r")), .short("colours"), 0, false),
        grade("regex not a substring", Sample.short(.pattern("colou?r")), .short("my color"), 0, false),
        grade("regex alternatives against the whole", Sample.short(.pattern("a|ab")), .short("AB"), 1, true),
        grade("regex against the trimmed response", Sample.short(.pattern(#"\d+ ?ms"#)), .short(" 200ms "), 1, true),
        grade("regex with (?x) comment", Sample.short(.pattern("(?x) ab c # letters")), .short("abc"), 1, true),
        grade("invalid regex never matches", Sample.short(.pattern("([a-z")), .short("([a-z"), 0, false),
        grade("short wrong, penalty not applied", Sample.short(.text("x")), .short("y"), penalty: 1, 0, false),
        grade("numeric exact", Sample.numeric(42), .numeric(42), 1, true),
        grade("numeric sum noise, no tolerance", Sample.numeric(0.3), .numeric(0.1 + 0.2), 1, true),
        grade("numeric just off, no tolerance", Sample.numeric(0.3), .numeric(0.3001), 0, false),
        grade("absolute at upper bound", Sample.numeric(10, .absolute(0.5)), .numeric(10.5), 1, true),
        grade("absolute at lower bound", Sample.numeric(10, .absolute(0.5)), .numeric(9.5), 1, true),
        grade("absolute just past", Sample.numeric(10, .absolute(0.5)), .numeric(10.5000001), 0, false),
        grade("absolute 0.3 ± 0.1 at 0.4", Sample.numeric(0.3, .absolute(0.1)), .numeric(0.4), 1, true),
        grade("absolute 0.3 ± 0.1 at 0.2", Sample.numeric(0.3, .absolute(0.1)), .numeric(0.2), 1, true),
        grade("absolute 0.3 ± 0.1 past 0.4", Sample.numeric(0.3, .absolute(0.1)), .numeric(0.4000001), 0, false),
        grade("percent at upper bound", Sample.numeric(200, .percent(5)), .numeric(210), 1, true),
        grade("percent at lower bound", Sample.numeric(200, .percent(5)), .numeric(190), 1, true),
        grade("percent just past", Sample.numeric(200, .percent(5)), .numeric(210.001), 0, false),
        grade("percent of a negative answer", Sample.numeric(-200, .percent(5)), .numeric(-210), 1, true),
        grade("percent of a negative answer, past", Sample.numeric(-200, .percent(5)), .numeric(-189.99), 0, false),
        grade("percent 1.1 ± 10% at 1.21", Sample.numeric(1.1, .percent(10)), .numeric(1.21), 1, true),
        grade("numeric wrong, penalty not applied", Sample.numeric(1), .numeric(2), penalty: 1, 0, false),
        grade("numeric unanswered", Sample.numeric(1), nil, 0, nil),
    ]

    @Test("short and numeric", arguments: textCases)
    func textTypes(_ c: GradeCase) {
        #expect(Scorer.grade(c.question, c.response, penalty: c.penalty) == Grade(points: c.points, max: 1, correct: c.correct))
    }

    static let arrangementCases: [GradeCase] = [
        grade("order right", Sample.order(4, partial: true), .order([0, 1, 2, 3]), 1, true),
        grade("order half in place", Sample.order(4, partial: true, points: 2), .order([1, 0, 2, 3]), 1, false),
        grade("order two of four", Sample.order(4, partial: true, points: 4), .order([0, 1, 3, 2]), 2, false),
        grade("order none in place", Sample.order(4, partial: true), .order([1, 2, 3, 0]), 0, false),
        grade("order none in place, penalty not applied", Sample.order(4, partial: true), .order([3, 2, 1, 0]), penalty: 1, 0, false),
        grade("order all-or-nothing, half", Sample.order(4), .order([1, 0, 2, 3]), 0, false),
        grade("order repeated texts interchange", Sample.order(["x", "y", "x"]), .order([2, 1, 0]), 1, true),
        grade("order too short", Sample.order(3, partial: true), .order([0, 1]), 2.0 / 3, false),
        grade("match right", Sample.match(3, partial: true), .match([0, 1, 2]), 1, true),
        grade("match one of three", Sample.match(3, partial: true, points: 3), .match([1, 0, 2]), 1, false),
        grade("match none", Sample.match(3, partial: true), .match([1, 2, 0]), 0, false),
        grade("match all-or-nothing, one of three", Sample.match(3), .match([1, 0, 2]), 0, false),
        grade("match one option for all", Sample.match(3, partial: true, points: 3), .match([0, 0, 0]), 1, false),
        grade("match repeated right sides", Sample.match(["HTTP", "TCP", "HTTP"]), .match([2, 1, 0]), 1, true),
        grade("match unanswered, penalty", Sample.match(3), nil, penalty: 1, 0, nil),
    ]

    @Test("order and match", arguments: arrangementCases)
    func arrangements(_ c: GradeCase) {
        let got = Scorer.grade(c.question, c.response, penalty: c.penalty)
        #expect(abs(got.points - c.points) < 1e-12)
        #expect(got.correct == c.correct)
        #expect(got.max == c.question.points)
    }

    struct TotalCase: Sendable, CustomTestStringConvertible {
        var name: String
        var grades: [Grade]
        var passMark: Double
        var percent: Double
        var rounded: Double
        var passed: Bool

        var testDescription: String { name }
    }

    static let totals: [TotalCase] = [
        TotalCase(name: "report example", grades: [Grade(points: 14.5, max: 21, correct: false)], passMark: 70,
                  percent: 1450.0 / 21, rounded: 69.05, passed: false),
        TotalCase(name: "69.995 writes 70.00 but fails 70", grades: [Grade(points: 69.995, max: 100, correct: false)],
                  passMark: 70, percent: 69.995, rounded: 70, passed: false),
        TotalCase(name: "exactly the pass mark", grades: [Grade(points: 7, max: 10, correct: false)], passMark: 70,
                  percent: 70, rounded: 70, passed: true),
        TotalCase(name: "pass mark with decimals", grades: [Grade(points: 57, max: 100, correct: false)], passMark: 57,
                  percent: 57, rounded: 57, passed: true),
        TotalCase(name: "summing noise does not fail the mark",
                  grades: Array(repeating: Grade(points: 0.1, max: 1, correct: false), count: 10), passMark: 10,
                  percent: 9.999999999999998, rounded: 10, passed: true),
        TotalCase(name: "one hundredth below", grades: [Grade(points: 6999, max: 10000, correct: false)], passMark: 70,
                  percent: 69.99, rounded: 69.99, passed: false),
        TotalCase(name: "thirds", grades: [Grade(points: 2, max: 3, correct: false)], passMark: 66.67,
                  percent: 200.0 / 3, rounded: 66.67, passed: false),
        TotalCase(name: "negative points give 0", grades: [Grade(points: -1.5, max: 3, correct: false),
                                                           Grade(points: 0.5, max: 1, correct: false)],
                  passMark: 70, percent: 0, rounded: 0, passed: false),
        TotalCase(name: "no questions", grades: [], passMark: 70, percent: 0, rounded: 0, passed: false),
        TotalCase(name: "full marks", grades: [Grade(points: 1, max: 1, correct: true), Grade(points: 2, max: 2, correct: true)],
                  passMark: 100, percent: 100, rounded: 100, passed: true),
        TotalCase(name: "unanswered count in the maximum", grades: [Grade(points: 1, max: 1, correct: true),
                                                                    Grade(points: 0, max: 1, correct: nil)],
                  passMark: 50, percent: 50, rounded: 50, passed: true),
    ]

    @Test("test totals, rounding and pass mark", arguments: totals)
    func total(_ c: TotalCase) {
        let score = Scorer.total(grades: c.grades, passMark: c.passMark)
        #expect(score.points == c.grades.reduce(0) { $0 + $1.points })
        #expect(score.max == c.grades.reduce(0) { $0 + $1.max })
        #expect(score.percent == c.percent)
        #expect(score.percentRounded == c.rounded)
        #expect(score.passed == c.passed)
        #expect(score.passMark == c.passMark)
    }

    @Test("rounding to 2 decimals judges the decimal value", arguments: [
        (1.005, 1.01), (2.675, 2.68), (69.995, 70.0), (69.994999, 69.99), (0.004999, 0.0),
        (66.666666, 66.67), (12.344999999999999, 12.35), (12.3449, 12.34), (100, 100), (0, 0),
    ])
    func rounding(_ value: Double, _ expected: Double) {
        #expect(TestScore.roundedToHundredths(value) == expected)
    }
}
