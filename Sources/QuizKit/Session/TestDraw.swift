/// Which questions a practice test may draw (its pool) and how a draw picks from it.
///
/// Drawing is a pure function of the pool and a random generator, so a
/// recorded seed replays the same questions in the same order.
public struct TestDraw: Sendable {
    public var bank: Bank
    public var test: PracticeTest
    /// Positions in `bank.questions` of the questions that pass the test's `from` filter, in bank order.
    /// The pool is kept as positions so a large bank is never copied to be checked.
    public var poolIndices: [Int]
    /// The section each pool question resolves to (nil when it does not resolve), parallel to `poolIndices`.
    public var poolSections: [SectionKey?]

    /// The pool's questions, in bank order.
    public var pool: [Question] { poolIndices.map { bank.questions[$0] } }

    /// The section each pool question resolves to, by question id.
    public var sections: [String: SectionKey] {
        var out: [String: SectionKey] = [:]
        for (i, key) in zip(poolIndices, poolSections) { if let key { out[bank.questions[i].id] = key } }
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
        var indices: [Int] = []
        var sections: [SectionKey?] = []
        for (i, q) in bank.questions.enumerated() {
            // A question the loader found unusable is never drawn, whatever lint's configuration says.
            guard q.isValid else { continue }
            let key = keys[i]
            if let wanted, !(key.map { wanted.contains($0) } ?? false) { continue }
            if let tags = test.pool.tags, !q.tags.contains(where: tags.contains) { continue }
            if let levels = test.pool.difficulty, !(q.difficulty.map(levels.contains) ?? false) { continue }
            indices.append(i)
            sections.append(key)
        }
        poolIndices = indices
        poolSections = sections
    }

    /// Pool positions grouped by section, sections in order of first appearance in the bank.
    public var groups: [(section: SectionKey?, indices: [Int])] {
        var order: [SectionKey?] = []
        var slots: [SectionKey?: Int] = [:]
        var out: [[Int]] = []
        for (i, key) in zip(poolIndices, poolSections) {
            if let slot = slots[key] {
                out[slot].append(i)
            } else {
                slots[key] = out.count
                order.append(key)
                out.append([i])
            }
        }
        return zip(order, out).map { ($0, $1) }
    }

    /// Pool questions grouped by section, sections in order of first appearance in the bank.
    public var poolBySection: [(section: SectionKey?, questions: [Question])] {
        groups.map { ($0.section, $0.indices.map { bank.questions[$0] }) }
    }

    /// How many questions a draw yields (when the pool is big enough).
    public var drawCount: Int {
        switch test.pick {
        case .all: poolIndices.count
        case .count(let n): min(n, poolIndices.count)
        case .perSection(let n): groups.reduce(0) { $0 + min(n, $1.indices.count) }
        }
    }

    /// Draws the test's questions. With `shuffle: false` they keep bank order.
    public func draw(using rng: inout some RandomNumberGenerator) -> [Question] {
        var picked: [Int]
        switch test.pick {
        case .all:
            picked = poolIndices
        case .count(let n):
            picked = Array(poolIndices.reproduciblyShuffled(using: &rng).prefix(n))
        case .perSection(let n):
            picked = groups.flatMap { Array($0.indices.reproduciblyShuffled(using: &rng).prefix(n)) }
        }
        // Positions are in bank order, so sorting them keeps bank order when the test does not shuffle.
        picked = test.shuffle ? picked.reproduciblyShuffled(using: &rng) : picked.sorted()
        return picked.map { bank.questions[$0] }
    }
}
