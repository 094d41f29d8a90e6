import Foundation
import Testing
@testable import QuizKit

struct PresentationTests {
    @Test("SplitMix64 from seed 42 gives the published stream")
    func seededStream() {
        var rng = SeededGenerator(seed: 42)
        let drawn = (0..<5).map { _ in rng.next() }
        #expect(drawn == [0xBDD7_3226_2FEB_6E95, 0x28EF_E333_B266_F103, 0x4752_6757_130F_9F52,
                          0x581C_E1FF_0E4A_E394, 0x09BC_585A_2448_23F2])
    }

    @Test("indices and shuffles for seed 42 are pinned")
    func pinnedDraws() {
        var rng = SeededGenerator(seed: 42)
        #expect((0..<8).map { _ in rng.nextIndex(below: 6) } == [4, 0, 1, 2, 0, 5, 1, 4])
        var again = SeededGenerator(seed: 42)
        #expect(Array(0..<10).reproduciblyShuffled(using: &again) == [8, 3, 6, 5, 4, 0, 9, 2, 1, 7])
    }

    @Test("nextIndex stays below its bound", arguments: [1, 2, 3, 7, 10, 1000])
    func indexRange(_ bound: Int) {
        var rng = SeededGenerator(seed: UInt64(bound))
        #expect((0..<500).allSatisfy { _ in (0..<bound).contains(rng.nextIndex(below: bound)) })
    }

    @Test("choices keep their written order when the question says shuffle: false")
    func unshuffledChoices() {
        var rng = SeededGenerator(seed: 7)
        let shown = Presentation.make(for: Sample.single(5, shuffle: false), rng: &rng)
        #expect(shown == Presentation(choices: [0, 1, 2, 3, 4]))
        #expect(rng == SeededGenerator(seed: 7))
    }

    @Test("shuffled choices are a permutation", arguments: UInt64(0)..<50)
    func shuffledChoices(_ seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let shown = Presentation.make(for: Sample.multiple(6, answers: [0]), rng: &rng)
        #expect(shown.choices.sorted() == Array(0..<6))
        #expect(shown.items.isEmpty && shown.options.isEmpty)
    }

    @Test("shuffled choices replay the order recorded for their seed")
    func shuffledChoicesReplay() {
        var rng = SeededGenerator(seed: 42)
        #expect(Presentation.make(for: Sample.multiple(6, answers: [0]), rng: &rng) == Presentation(choices: [2, 5, 3, 1, 0, 4]))
    }

    static let arranged: [Question] = (2...10).flatMap { [Sample.order($0), Sample.match($0)] }

    @Test("order items and match options are never shown as the answer", arguments: arranged)
    func neverTheAnswer(_ question: Question) {
        for seed in UInt64(0)..<300 {
            var rng = SeededGenerator(seed: seed)
            let shown = Presentation.make(for: question, rng: &rng)
            let layout = question.type == .order ? shown.items : shown.options
            let count = Sample.count(question)
            #expect(layout.sorted() == Array(0..<count))
            #expect(layout != Array(0..<count))
        }
    }

    @Test("order scrambles even with shuffle: false; repeated texts never read as the answer")
    func repeatedTexts() {
        var question = Sample.order(["x", "x", "y"])
        question.shuffle = false
        for seed in UInt64(0)..<100 {
            var rng = SeededGenerator(seed: seed)
            let shown = Presentation.make(for: question, rng: &rng)
            #expect(shown.items.map { ["x", "x", "y"][$0] } != ["x", "x", "y"])
        }
    }

    @Test("a generator stuck on the written order ends in a rotation")
    func stuckGenerator() {
        var rng = ConstantGenerator(value: .max)
        #expect(Array(0..<4).reproduciblyShuffled(using: &rng) == [0, 1, 2, 3])
        #expect(Presentation.make(for: Sample.order(4), rng: &rng).items == [1, 2, 3, 0])
        #expect(Presentation.make(for: Sample.match(["a", "a"]), rng: &rng).options == [1, 0])
    }

    @Test("types without layout get an empty one")
    func noLayout() {
        var rng = SeededGenerator(seed: 1)
        for question in [Sample.truefalse(true), Sample.short(.text("x")), Sample.numeric(1)] {
            #expect(Presentation.make(for: question, rng: &rng) == Presentation())
        }
    }

    @Test("typing the letters shown for the right answer scores full points", arguments: UInt64(0)..<40)
    func shownAnswerScores(_ seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let single = Sample.single(6, answer: 4)
        let choices = Presentation.make(for: single, rng: &rng)
        let letter = ChoiceLetter.name(try #require(choices.choices.firstIndex(of: 4)))
        #expect(Scorer.grade(single, try ResponseParser.parse(letter, for: single, shown: choices)).correct == true)

        let order = Sample.order(5)
        let items = Presentation.make(for: order, rng: &rng)
        let typed = (0..<5).map { String(items.items.firstIndex(of: $0)! + 1) }.joined(separator: " ")
        #expect(Scorer.grade(order, try ResponseParser.parse(typed, for: order, shown: items)).correct == true)

        let match = Sample.match(4)
        let options = Presentation.make(for: match, rng: &rng)
        let pairs = (0..<4).map { "\($0 + 1)\(ChoiceLetter.name(options.options.firstIndex(of: $0)!))" }
        #expect(Scorer.grade(match, try ResponseParser.parse(pairs.joined(separator: ","), for: match, shown: options))
                    .correct == true)
    }

    @Test("a layout survives JSON")
    func codable() throws {
        let shown = Presentation(choices: [2, 0, 1], items: [], options: [])
        let data = try JSONEncoder().encode(shown)
        #expect(try JSONDecoder().decode(Presentation.self, from: data) == shown)
    }
}

extension Sample {
    /// How many items or pairs an order or match question has.
    static func count(_ question: Question) -> Int {
        switch question.kind {
        case .order(let items): items.count
        case .match(let pairs): pairs.count
        default: 0
        }
    }
}
