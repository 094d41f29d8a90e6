import Foundation
import QuizApp
import QuizKit
import QuizRecords
import Testing

/// `quiz stats` sums attempts in SQL; walking every attempt through `ItemAnalysis` is the
/// reference. Over many generated sets of attempts the two must give the same figures.
@Suite(.timeLimit(.minutes(2))) struct StatisticsAgreementTests {
    static let bank = """
        quiz: demo
        title: Demo bank
        questions:
          - {id: s1, section: alpha, prompt: One?, choices: [W, X, Y, Z], answer: B}
          - {id: s2, section: alpha, prompt: Two?, choices: [W, X, Y], answer: A, shuffle: false}
          - {id: s3, section: alpha, prompt: Three?, choices: [W, X, Y, Z, V], answer: E, points: 2}
          - {id: m1, section: beta, type: multiple, prompt: Pick?, choices: [W, X, Y, Z], answer: [A, C], scoring: partial}
          - {id: m2, section: beta, type: multiple, prompt: Pick again?, choices: [W, X, Y], answer: [B, C]}
          - {id: t1, section: beta, type: truefalse, prompt: True?, answer: true}
          - {id: h1, section: beta, type: short, prompt: Header?, answer: [Last-Event-ID]}
          - {id: n1, section: alpha, type: numeric, prompt: Port?, answer: 443, tolerance: 10%, points: 3}
        tests:
          - {id: t, title: Demo test, pass: "50%"}

        """

    /// A generator with a fixed seed, so a failure replays.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    /// How one generated set draws questions into its attempts.
    enum Draw: CaseIterable {
        /// Every attempt holds every question: alpha from the attempts' totals.
        case all
        /// A few questions in every attempt, others now and then: alpha from those few's own totals.
        case someCommon
        /// Random subsets: usually no question is in every attempt.
        case random
    }

    static let start = Date(timeIntervalSince1970: 1_795_946_400)

    /// One generated attempt's rows, with learners of varied ability, partial credit, penalties,
    /// unanswered and cleared responses, shuffled letters typed in either case, and some attempts
    /// the analysis must leave out (other tests, unfinished).
    static func attempt(_ index: Int, draw: Draw, questions: [Question], rng: inout Generator) -> AttemptRows {
        let statuses: [AttemptRecord.Status] = [.submitted, .submitted, .submitted, .expired, .inProgress, .abandoned]
        let status = statuses[Int(rng.next() % UInt64(statuses.count))]
        let otherTest = rng.chance(0.05)
        let id = String(format: "%012x", rng.next() & 0xFFFF_FFFF_FFFF)
        let learner: String? = rng.chance(0.2) ? nil : "learner\(rng.next() % 7)"
        let record = AttemptRecord(
            id: id, kind: .test, bank: "demo", test: otherTest ? "other" : "t", title: "Demo test", seed: Int64(index),
            startedAt: start.addingTimeInterval(Double(index) * 3600 * 7 + Double(rng.next() % 1000) / 1000),
            submittedAt: status.isFinished ? start.addingTimeInterval(Double(index) * 3600 * 7 + 300) : nil,
            elapsed: 300, status: status, passMark: 50, learner: learner)
        var drawn: [Question]
        switch draw {
        case .all: drawn = questions
        case .someCommon: drawn = Array(questions.prefix(3)) + questions.dropFirst(3).filter { _ in rng.chance(0.5) }
        case .random: drawn = questions.filter { _ in rng.chance(0.7) }
        }
        drawn.shuffle(using: &rng)
        let ability = Double(rng.next() % 100) / 100
        var rows: [AttemptQuestionRecord] = []
        var responses: [ResponseRecord] = []
        for (offset, question) in drawn.enumerated() {
            let position = offset + 1
            rows.append(AttemptQuestionRecord(attemptID: id, position: position, questionID: question.id, section: question.section,
                                              lesson: "demo", presentation: "{}", maxPoints: question.points))
            if rng.chance(0.1) { continue }  // never visited: no response row
            if rng.chance(0.05) {  // visited, answer cleared
                responses.append(ResponseRecord(attemptID: id, position: position, response: nil, points: 0))
                continue
            }
            let right = rng.chance(ability)
            let text: String
            let points: Double
            switch question.kind {
            case .single(let choices, let answer):
                let pick = right ? answer : Int(rng.next() % UInt64(choices.count))
                text = rng.chance(0.1) ? ChoiceLetter.name(pick).lowercased() : ChoiceLetter.name(pick)
                points = pick == answer ? question.points : -0.25
            case .multiple(let choices, _):
                let picks = choices.indices.filter { _ in rng.chance(0.5) }
                text = (picks.isEmpty ? [0] : picks).map(ChoiceLetter.name).joined(separator: ",")
                points = right ? question.points : Double(rng.next() % 3) / 3 * question.points
            case .truefalse:
                text = right ? "true" : "false"
                points = right ? question.points : 0
            default:
                text = right ? "443" : "80\(rng.next() % 3)"
                points = right ? question.points : (rng.chance(0.3) ? question.points / 3 : 0)
            }
            responses.append(ResponseRecord(attemptID: id, position: position, response: text, points: points,
                                            correct: right, timeSpent: 1, tries: 1))
        }
        return AttemptRows(attempt: record, questions: rows, responses: responses)
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): true
        case (let a?, let b?): abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        default: false
        }
    }

    static func expectSame(_ sql: StatsReport, _ reference: StatsReport, _ label: String) {
        #expect(sql.attempts == reference.attempts, "\(label)")
        #expect(sql.learners == reference.learners, "\(label)")
        #expect(sql.unnamedAttempts == reference.unnamedAttempts, "\(label)")
        #expect(close(sql.meanPercent, reference.meanPercent), "\(label): mean \(String(describing: sql.meanPercent)) vs \(String(describing: reference.meanPercent))")
        #expect(close(sql.sdPercent, reference.sdPercent), "\(label): sd \(String(describing: sql.sdPercent)) vs \(String(describing: reference.sdPercent))")
        #expect(close(sql.alpha, reference.alpha), "\(label): alpha \(String(describing: sql.alpha)) vs \(String(describing: reference.alpha))")
        #expect(sql.questions.map(\.id) == reference.questions.map(\.id), "\(label)")
        for (a, b) in zip(sql.questions, reference.questions) {
            #expect(a.attempts == b.attempts, "\(label) \(a.id)")
            #expect(a.unanswered == b.unanswered, "\(label) \(a.id)")
            #expect(a.choices == b.choices, "\(label) \(a.id)")
            #expect(close(a.facility, b.facility), "\(label) \(a.id): facility \(String(describing: a.facility)) vs \(String(describing: b.facility))")
            #expect(close(a.discrimination, b.discrimination),
                    "\(label) \(a.id): discrimination \(String(describing: a.discrimination)) vs \(String(describing: b.discrimination))")
        }
    }

    @Test(arguments: Draw.allCases)
    func sqlSumsGiveTheReferenceFigures(draw: Draw) throws {
        var checkedAlpha = 0, checkedDiscrimination = 0
        for seed in UInt64(1)...30 {
            let fixture = try AppFixture(files: ["Lessons/demo.md": "# Demo\n\n## Alpha\n\nA.\n\n## Beta\n\nB.\n",
                                                 "Quizzes/demo.yaml": Self.bank])
            defer { withExtendedLifetime(fixture) {} }
            let (bank, test) = try fixture.bankAndTest()
            var rng = Generator(state: seed &* 7919 &+ UInt64(Draw.allCases.firstIndex(of: draw)!))
            let count = Int(rng.next() % 40)
            let rows = (0..<count).map { Self.attempt($0, draw: draw, questions: bank.questions, rng: &rng) }
            try fixture.store.importAttempts(rows)
            // The pool the analysis reads: the bank's questions, sometimes without one that attempts still hold.
            let pool = seed % 5 == 0 ? Array(bank.questions.dropLast()) : bank.questions
            let since: Date? = seed % 3 == 0 ? Self.start.addingTimeInterval(Double(count) * 3600 * 7 / 2) : nil
            let sql = try TestStatistics.analyse(test, in: bank, pool: pool, since: since, store: fixture.store)
            let reference = try TestStatistics.analyseStreaming(test, in: bank, pool: pool, since: since, store: fixture.store)
            Self.expectSame(sql, reference, "\(draw) seed \(seed)")
            if reference.alpha != nil { checkedAlpha += 1 }
            checkedDiscrimination += reference.questions.count { $0.discrimination != nil }
        }
        // The generated sets exercise what they are meant to, not only empty figures.
        #expect(checkedDiscrimination > 30)
        if draw != .random { #expect(checkedAlpha > 10) }
    }

    @Test func statsOfNoAttemptsAreEmptyBothWays() throws {
        let fixture = try AppFixture(files: ["Lessons/demo.md": "# Demo\n\n## Alpha\n\nA.\n\n## Beta\n\nB.\n",
                                             "Quizzes/demo.yaml": Self.bank])
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        let sql = try TestStatistics.analyse(test, in: bank, pool: bank.questions, since: nil, store: fixture.store)
        let reference = try TestStatistics.analyseStreaming(test, in: bank, pool: bank.questions, since: nil, store: fixture.store)
        #expect(sql == reference)
        #expect(sql.attempts == 0 && sql.meanPercent == nil && sql.questions.allSatisfy { $0.facility == nil })
    }
}
