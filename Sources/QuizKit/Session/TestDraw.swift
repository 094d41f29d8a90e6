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
    public var poolSections: [SectionKey?] { poolGroups.map { sectionsByNumber[$0] } }

    /// The pool's questions, in bank order.
    public var pool: [Question] { poolIndices.map { bank.questions[$0] } }

    /// The section each pool question resolves to, by question id.
    public var sections: [String: SectionKey] {
        var out: [String: SectionKey] = [:]
        for (i, key) in zip(poolIndices, poolSections) { if let key { out[bank.questions[i].id] = key } }
        return out
    }

    /// Which of the pool's sections each pool question is in, parallel to `poolIndices`: numbers
    /// that are equal exactly when the sections are, so grouping needs no hashing.
    var poolGroups: [Int]
    /// The section each number stands for.
    var sectionsByNumber: [SectionKey?]

    public init(test: PracticeTest, in bank: Bank, root: ContentRoot) {
        self.bank = bank
        self.test = test
        let (numbers, sections) = root.sectionNumbers(of: bank)
        let wanted = test.pool.sections.map { refs in
            Set(refs.map { ref -> SectionKey in
                let (l, s) = ContentRoot.split(ref, lesson: bank.lesson)
                return SectionKey(lesson: l, section: s)
            })
        }
        let questions = bank.questions
        var indices: [Int] = []
        var groups: [Int] = []
        // By section number: whether `from`'s sections hold it.
        let inPool = wanted.map { wanted in sections.map { key in key.map { wanted.contains($0) } ?? false } }
        for i in questions.indices {
            // A question the loader found unusable is never drawn, whatever lint's configuration says.
            guard questions[i].isValid else { continue }
            let number = numbers[i]
            if let inPool, !inPool[number] { continue }
            if let tags = test.pool.tags, !questions[i].tags.contains(where: tags.contains) { continue }
            if let levels = test.pool.difficulty, !(questions[i].difficulty.map(levels.contains) ?? false) { continue }
            indices.append(i)
            groups.append(number)
        }
        poolIndices = indices
        poolGroups = groups
        sectionsByNumber = sections
    }

    /// A pool found before (kept in the bank cache): positions in bank order, the section number of
    /// each, and the section each number stands for.
    init(test: PracticeTest, in bank: Bank, poolIndices: [Int], poolGroups: [Int], sectionsByNumber: [SectionKey?]) {
        self.bank = bank
        self.test = test
        self.poolIndices = poolIndices
        self.poolGroups = poolGroups
        self.sectionsByNumber = sectionsByNumber
    }

    /// Pool positions grouped by section, sections in order of first appearance in the bank.
    public var groups: [(section: SectionKey?, indices: [Int])] {
        // Counted first, then placed in one flat array and cut: no array grows a question at a time,
        // and the passes over the pool (100,000 questions in a large bank) run on raw buffers.
        var slots = [Int](repeating: -1, count: sectionsByNumber.count)  // by section number: its group, or -1
        var order: [Int] = []  // section numbers, in order of first appearance
        var counts = [Int](repeating: 0, count: sectionsByNumber.count)  // by group
        poolGroups.withUnsafeBufferPointer { numbers in
            slots.withUnsafeMutableBufferPointer { slots in
                counts.withUnsafeMutableBufferPointer { counts in
                    for number in numbers {
                        var slot = slots[number]
                        if slot < 0 {
                            slot = order.count
                            slots[number] = slot
                            order.append(number)
                        }
                        counts[slot] += 1
                    }
                }
            }
        }
        var starts = [Int](repeating: 0, count: order.count)
        var next = 0
        for g in order.indices {
            starts[g] = next
            next += counts[g]
        }
        var cursor = starts
        // Every slot is written once: the counts add up to the pool.
        let flat = [Int](unsafeUninitializedCapacity: poolIndices.count) { flat, filled in
            poolIndices.withUnsafeBufferPointer { positions in
                poolGroups.withUnsafeBufferPointer { numbers in
                    slots.withUnsafeBufferPointer { slots in
                        cursor.withUnsafeMutableBufferPointer { cursor in
                            for n in 0..<positions.count {
                                let group = slots[numbers[n]]
                                flat[cursor[group]] = positions[n]
                                cursor[group] += 1
                            }
                        }
                    }
                }
            }
            filled = poolIndices.count
        }
        return order.indices.map { g in (sectionsByNumber[order[g]], Array(flat[starts[g]..<(starts[g] + counts[g])])) }
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
        positions(using: &rng).map { bank.questions[$0] }
    }

    /// The positions in the bank of the questions a draw takes, in the order they are asked.
    public func positions(using rng: inout some RandomNumberGenerator) -> [Int] {
        let picked: [Int]
        switch test.pick {
        case .all:
            picked = poolIndices
        case .count(let n):
            picked = Array(poolIndices.reproduciblyShuffled(using: &rng).prefix(n))
        case .perSection(let n):
            picked = groups.flatMap { Array($0.indices.reproduciblyShuffled(using: &rng).prefix(n)) }
        }
        // Positions are in bank order, so sorting them keeps bank order when the test does not shuffle.
        return test.shuffle ? picked.reproduciblyShuffled(using: &rng) : picked.sorted()
    }
}
