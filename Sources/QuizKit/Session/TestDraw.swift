/// Which questions a practice test may draw (its pool) and how a draw picks from it.
///
/// Drawing is a pure function of the pool and a random generator, so a
/// recorded seed replays the same questions in the same order.
public struct TestDraw: Sendable {
    public var bank: Bank
    public var test: PracticeTest
    /// Questions of the bank that pass the test's `from` filter, in bank order.
    public var pool: [Question]
    /// The section each pool question resolves to (nil when it does not resolve), parallel to `pool`.
    public var poolSections: [SectionKey?]

    /// The section each pool question resolves to, by question id.
    public var sections: [String: SectionKey] {
        var out: [String: SectionKey] = [:]
        for (q, key) in zip(pool, poolSections) { if let key { out[q.id] = key } }
        return out
    }

    public init(test: PracticeTest, in bank: Bank, root: ContentRoot) {
        self.bank = bank
        self.test = test
        let keys = root.sectionKeys(of: bank)
        let wanted = test.pool.sections.map { refs in
            Set(refs.map { ref -> SectionKey in
                let (l, s) = ContentRoot.split(ref, lesson: bank.lesson)
                return SectionKey(lesson: l, section: s)
            })
        }
        var pool: [Question] = []
        var poolSections: [SectionKey?] = []
        for (q, key) in zip(bank.questions, keys) {
            if let wanted, !(key.map { wanted.contains($0) } ?? false) { continue }
            if let tags = test.pool.tags, !q.tags.contains(where: tags.contains) { continue }
            if let levels = test.pool.difficulty, !(q.difficulty.map(levels.contains) ?? false) { continue }
            pool.append(q)
            poolSections.append(key)
        }
        self.pool = pool
        self.poolSections = poolSections
    }

    /// Pool questions grouped by section, sections in order of first appearance in the bank.
    public var poolBySection: [(section: SectionKey?, questions: [Question])] {
        var order: [SectionKey?] = []
        var groups: [SectionKey?: [Question]] = [:]
        for (q, key) in zip(pool, poolSections) {
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
