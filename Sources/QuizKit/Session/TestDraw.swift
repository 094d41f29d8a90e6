/// Which questions a practice test may draw (its pool) and how a draw picks from it.
///
/// Drawing is a pure function of the pool and a random generator, so a
/// recorded seed replays the same questions in the same order.
public struct TestDraw: Sendable {
    public var bank: Bank
    public var test: PracticeTest
    /// Questions of the bank that pass the test's `from` filter, in bank order.
    public var pool: [Question]
    /// The section each pool question resolves to (nil when it does not resolve), by question id.
    public var sections: [String: SectionKey]

    public init(test: PracticeTest, in bank: Bank, root: ContentRoot) {
        self.bank = bank
        self.test = test
        var sections: [String: SectionKey] = [:]
        for q in bank.questions {
            if let key = root.sectionKey(of: q, in: bank) { sections[q.id] = key }
        }
        self.sections = sections
        let wanted = test.pool.sections.map { refs in
            Set(refs.map { ref -> SectionKey in
                let (l, s) = ContentRoot.split(ref, lesson: bank.lesson)
                return SectionKey(lesson: l, section: s)
            })
        }
        pool = bank.questions.filter { q in
            if let wanted, !(sections[q.id].map { wanted.contains($0) } ?? false) { return false }
            if let tags = test.pool.tags, !q.tags.contains(where: tags.contains) { return false }
            if let levels = test.pool.difficulty, !(q.difficulty.map(levels.contains) ?? false) { return false }
            return true
        }
    }

    /// Pool questions grouped by section, sections in order of first appearance in the bank.
    public var poolBySection: [(section: SectionKey?, questions: [Question])] {
        var order: [SectionKey?] = []
        var groups: [SectionKey?: [Question]] = [:]
        for q in pool {
            let key = sections[q.id]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(q)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// How many questions a draw yields (when the pool is big enough).
    public var drawCount: Int {
        switch test.pick {
        case .all: pool.count
        case .count(let n): min(n, pool.count)
        case .perSection(let n): poolBySection.reduce(0) { $0 + min(n, $1.questions.count) }
        }
    }

    /// Draws the test's questions. With `shuffle: false` they keep bank order.
    public func draw(using rng: inout some RandomNumberGenerator) -> [Question] {
        var picked: [Question]
        switch test.pick {
        case .all:
            picked = pool
        case .count(let n):
            picked = Array(pool.reproduciblyShuffled(using: &rng).prefix(n))
        case .perSection(let n):
            picked = poolBySection.flatMap { Array($0.questions.reproduciblyShuffled(using: &rng).prefix(n)) }
        }
        if test.shuffle {
            return picked.reproduciblyShuffled(using: &rng)
        }
        let order = Dictionary(uniqueKeysWithValues: pool.enumerated().map { ($1.id, $0) })
        return picked.sorted { order[$0.id, default: 0] < order[$1.id, default: 0] }
    }
}
