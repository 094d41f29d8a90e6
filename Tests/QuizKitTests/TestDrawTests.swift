import Foundation
import Testing
@testable import QuizKit

/// Which questions a practice test draws: the pool (`from`) and the pick, replayable from a seed.
struct TestDrawTests {
    static func question(_ id: String, _ section: String, _ difficulty: Difficulty? = nil,
                         tags: [String] = []) -> Question {
        Question(id: id, section: section, prompt: "\(id)?", kind: .truefalse(answer: true), difficulty: difficulty, tags: tags)
    }

    /// Lesson `net` (polling, sse, ws) and lesson `http` (status); bank `net` with questions in all of them.
    static let root: ContentRoot = {
        func section(_ id: String, _ title: String) -> Section {
            Section(id: id, title: title, line: 1, body: "", wordCount: 0, readingMinutes: 1)
        }
        var root = ContentRoot(url: URL(fileURLWithPath: "/nonexistent"))
        root.lessons = [
            Lesson(id: "net", title: "Networking", file: "Lessons/net.md",
                   sections: [section("polling", "Polling — Client Pull"), section("sse", "Server-Sent Events"),
                              section("ws", "WebSockets")]),
            Lesson(id: "http", title: "HTTP", file: "Lessons/http.md", sections: [section("status", "Status codes")]),
        ]
        root.banks = [bank]
        return root
    }()

    static let bank = Bank(id: "net", title: "Networking", lesson: "net", file: "Quizzes/net.yaml", questions: [
        question("p1", "polling", .easy, tags: ["http"]),
        question("p2", "polling", .medium, tags: ["http", "basics"]),
        question("p3", "polling"),
        question("s1", "sse", .easy, tags: ["stream"]),
        question("s2", "sse", .hard, tags: ["stream", "http"]),
        question("s3", "net#sse", .medium),
        question("w1", "ws", .hard, tags: ["ws"]),
        question("w2", "ws", tags: ["ws", "basics"]),
        question("w3", "ws", .easy),
        question("h1", "http#status", .medium, tags: ["http"]),
        question("x1", "nowhere", .easy),
    ])

    static func draw(_ pick: Pick = .all, from pool: PoolFilter = PoolFilter(), shuffle: Bool = true) -> TestDraw {
        TestDraw(test: PracticeTest(id: "t", title: "T", pick: pick, pool: pool, shuffle: shuffle), in: bank, root: root)
    }

    static func ids(_ draw: TestDraw, seed: UInt64) -> [String] {
        var rng = SeededGenerator(seed: seed)
        return draw.draw(using: &rng).map(\.id)
    }

    @Test("without from the pool is the whole bank in bank order")
    func wholeBank() {
        let d = Self.draw()
        #expect(d.pool.map(\.id) == Self.bank.questions.map(\.id))
        #expect(d.drawCount == 11)
        #expect(d.sections["s3"] == SectionKey(lesson: "net", section: "sse"))
        #expect(d.sections["h1"] == SectionKey(lesson: "http", section: "status"))
        #expect(d.sections["x1"] == nil)
    }

    struct PoolCase: Sendable, CustomTestStringConvertible {
        var name: String
        var filter: PoolFilter
        var ids: [String]
        var testDescription: String { name }
    }

    static let poolCases: [PoolCase] = [
        PoolCase(name: "sections, plain and lesson#section", filter: PoolFilter(sections: ["polling", "http#status"]),
                 ids: ["p1", "p2", "p3", "h1"]),
        PoolCase(name: "a section written both ways", filter: PoolFilter(sections: ["net#sse"]), ids: ["s1", "s2", "s3"]),
        PoolCase(name: "tags match any of", filter: PoolFilter(tags: ["basics", "ws"]), ids: ["p2", "w1", "w2"]),
        PoolCase(name: "difficulty", filter: PoolFilter(difficulty: [.easy]), ids: ["p1", "s1", "w3", "x1"]),
        PoolCase(name: "no difficulty matches no difficulty filter", filter: PoolFilter(difficulty: [.easy, .medium, .hard]),
                 ids: ["p1", "p2", "s1", "s2", "s3", "w1", "w3", "h1", "x1"]),
        PoolCase(name: "filters combine with AND",
                 filter: PoolFilter(sections: ["sse", "ws"], tags: ["http", "ws"], difficulty: [.hard]), ids: ["s2", "w1"]),
        PoolCase(name: "sections and tags", filter: PoolFilter(sections: ["polling"], tags: ["http"]), ids: ["p1", "p2"]),
        PoolCase(name: "nothing left", filter: PoolFilter(tags: ["stream"], difficulty: [.medium]), ids: []),
    ]

    @Test("from filters the pool, keeping bank order", arguments: poolCases)
    func pool(_ c: PoolCase) {
        let d = Self.draw(from: c.filter)
        #expect(d.pool.map(\.id) == c.ids)
        #expect(Self.ids(d, seed: 1).sorted() == c.ids.sorted())
    }

    @Test("per_section draws N from each section of the pool", arguments: UInt64(0)..<20)
    func perSection(_ seed: UInt64) {
        let d = Self.draw(.perSection(2), from: PoolFilter(sections: ["polling", "sse", "ws"]))
        #expect(d.drawCount == 6)
        let drawn = Self.ids(d, seed: seed)
        #expect(drawn.count == 6)
        #expect(Set(drawn).count == 6)
        for prefix in ["p", "s", "w"] {
            #expect(drawn.count { $0.hasPrefix(prefix) } == 2)
        }
    }

    @Test("per_section takes all of a section with fewer than N")
    func perSectionSmallSection() {
        let d = Self.draw(.perSection(2), from: PoolFilter(sections: ["polling", "http#status"]))
        #expect(d.drawCount == 3)
        let drawn = Self.ids(d, seed: 3)
        #expect(drawn.contains("h1"))
        #expect(drawn.count { $0.hasPrefix("p") } == 2)
    }

    @Test("pick N draws N different questions of the pool", arguments: UInt64(0)..<20)
    func pickCount(_ seed: UInt64) {
        let d = Self.draw(.count(4), from: PoolFilter(difficulty: [.easy, .medium, .hard]))
        #expect(d.drawCount == 4)
        let drawn = Self.ids(d, seed: seed)
        #expect(drawn.count == 4)
        #expect(Set(drawn).count == 4)
        #expect(Set(drawn).isSubset(of: d.pool.map(\.id)))
    }

    @Test("pick N from a smaller pool draws the whole pool")
    func pickMoreThanPool() {
        let d = Self.draw(.count(5), from: PoolFilter(sections: ["ws"]))
        #expect(d.drawCount == 3)
        #expect(Self.ids(d, seed: 9).sorted() == ["w1", "w2", "w3"])
    }

    @Test("shuffle: false keeps bank order, whatever was picked", arguments: UInt64(0)..<10)
    func unshuffled(_ seed: UInt64) {
        #expect(Self.ids(Self.draw(shuffle: false), seed: seed) == Self.bank.questions.map(\.id))
        let picked = Self.ids(Self.draw(.count(5), shuffle: false), seed: seed)
        let order = Self.bank.questions.map(\.id)
        #expect(picked.map { order.firstIndex(of: $0)! } == picked.map { order.firstIndex(of: $0)! }.sorted())
        let perSection = Self.ids(Self.draw(.perSection(1), from: PoolFilter(sections: ["polling", "sse", "ws"]),
                                            shuffle: false), seed: seed)
        #expect(perSection.map { $0.prefix(1) } == ["p", "s", "w"])
    }

    /// Drawing twice in one process and comparing would prove nothing about replay: each draw is compared with
    /// the one recorded when the draw was written, as an attempt saved by an older build would be replayed.
    @Test("a seed replays the recorded questions in the recorded order", arguments: [
        (Pick.all, ["p1", "s3", "s2", "w3", "w2", "h1", "x1", "p2", "s1", "p3", "w1"]),
        (.count(5), ["s2", "p1", "w3", "w2", "s3"]),
        (.perSection(2), ["w1", "w2", "p3", "p1", "x1", "s3", "h1", "s1"]),
    ])
    func sameSeed(_ pick: Pick, _ recorded: [String]) {
        #expect(Self.ids(Self.draw(pick), seed: 48213) == recorded)
    }

    @Test("different seeds draw differently from a pool big enough")
    func differentSeeds() {
        let all = Self.draw()
        #expect(Self.ids(all, seed: 1) != Self.ids(all, seed: 2))
        let some = Self.draw(.count(5))
        #expect(Set((0..<10).map { Self.ids(some, seed: $0) }).count > 1)
    }

    @Test("a draw is pinned to the seeded shuffle, so recorded seeds replay across versions")
    func pinnedDraw() {
        let questions = (0..<10).map { Self.question("q\($0)", "polling") }
        let bank = Bank(id: "net", title: "N", lesson: "net", file: "Quizzes/net.yaml", questions: questions)
        let d = TestDraw(test: PracticeTest(id: "t", title: "T"), in: bank, root: Self.root)
        var rng = SeededGenerator(seed: 42)
        #expect(d.draw(using: &rng).map(\.id) == [8, 3, 6, 5, 4, 0, 9, 2, 1, 7].map { "q\($0)" })
    }
}
