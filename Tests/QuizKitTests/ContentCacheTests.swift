import Foundation
@testable import QuizKit
import Testing

/// The content cache gives back exactly the banks it was given, and misses as soon as anything changes.
@Suite(.timeLimit(.minutes(1))) struct ContentCacheTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func copyOfShippedRoot() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-cache-root-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for folder in ["Lessons", "Quizzes"] {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(folder), to: url.appendingPathComponent(folder))
        }
        return url
    }

    static func cache() -> ContentCache {
        ContentCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("quiz-cache-\(UUID().uuidString)"),
                     toolStamp: "test")
    }

    @Test func aHitGivesBackTheSameBanks() throws {
        let url = try Self.copyOfShippedRoot()
        let cache = Self.cache()
        let fresh = ContentRoot.load(at: url)
        #expect(cache.load(root: url) == nil, "nothing cached yet")
        cache.save(fresh, filesWithErrors: ["Quizzes/x.yaml"])
        let hit = try #require(cache.load(root: url))
        #expect(hit.filesWithErrors == ["Quizzes/x.yaml"])
        #expect(hit.root.lessons == fresh.lessons)
        // Whole values: every field of every bank, question and test (their places in the file aside).
        #expect(hit.root.banks == fresh.banks)
        let a = try #require(fresh.banks.first), b = try #require(hit.root.banks.first)
        // The same draw from either: the cache changes nothing a learner sees.
        let drawA = AttemptPlan.test(a.tests[0], in: a, root: fresh, seed: 5).map(\.question.id)
        let drawB = AttemptPlan.test(b.tests[0], in: b, root: hit.root, seed: 5).map(\.question.id)
        #expect(drawA == drawB)
    }

    /// A bank that sets every key the DSL has, with values other than the defaults, and one question that
    /// cannot be asked: a round trip that dropped any of them would give back a different bank.
    static let everyKey = """
        quiz: every
        title: Every key
        lesson: every
        defaults: {time: 30s, difficulty: medium}
        questions:
          - id: one
            section: alpha
            prompt: Pick **one**.
            choices: [{text: Red, feedback: Warm}, Blue, Green]
            answer: C
            explanation: Green.
            hint: Not red.
            points: 2.5
            difficulty: hard
            tags: [colour, basics]
            time: 1m30s
            shuffle: false
            check: false
          - {id: many, section: alpha, type: multiple, prompt: Pick two., choices: [A1, B1, C1], answer: [A, C], scoring: partial, explanation: E}
          - {id: tf, section: alpha, type: truefalse, prompt: True?, answer: false, explanation: E, tags: [x]}
          - {id: text, section: alpha, type: short, prompt: Name?, answer: [ok, "/o+k/"], explanation: E, difficulty: easy}
          - {id: num, section: alpha, type: numeric, prompt: How many?, answer: 12.5, tolerance: "5%", explanation: E}
          - {id: abs, section: alpha, type: numeric, prompt: How far?, answer: -3, tolerance: 0.25, explanation: E}
          - {id: seq, section: alpha, type: order, prompt: Order them., items: [first, second, third], scoring: partial, explanation: E}
          - {id: pairs, section: alpha, type: match, prompt: Match them., pairs: [{a: one}, {b: two}], explanation: E}
          - {id: broken, section: alpha, prompt: Broken?, choices: [Yes, No], answer: Z, explanation: E}
        tests:
          - id: timed
            title: Timed
            time_limit: 5m
            pick: 3
            from: {sections: [alpha], tags: [colour, x], difficulty: [hard, easy]}
            shuffle: false
            pass: "62.5%"
            penalty: 0.25
            feedback: immediate
          - {id: each, title: Each, pick: {per_section: 2}}
          - {id: plain, title: Plain}

        """

    @Test func aBankUsingEveryKeyComesBackWhole() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-cache-every-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        try "# Every\n\n## Alpha\n\nText.\n".write(to: url.appendingPathComponent("Lessons/every.md"), atomically: true, encoding: .utf8)
        try Self.everyKey.write(to: url.appendingPathComponent("Quizzes/every.yaml"), atomically: true, encoding: .utf8)
        let fresh = ContentRoot.load(at: url)
        let bank = try #require(fresh.banks.first)
        #expect(bank.questions.count == 9 && bank.tests.count == 3)
        #expect(bank.questions.map(\.isValid) == Array(repeating: true, count: 8) + [false], "one question cannot be asked")
        let cache = Self.cache()
        cache.save(fresh, filesWithErrors: ["Quizzes/every.yaml"])
        let hit = try #require(cache.load(root: url))
        #expect(hit.root.banks == fresh.banks)
        #expect(hit.root.lessons == fresh.lessons)
    }

    /// A root saved in a fresh cache, which hits.
    static func cachedRoot() throws -> (url: URL, cache: ContentCache) {
        let url = try copyOfShippedRoot()
        let cache = cache()
        cache.save(ContentRoot.load(at: url), filesWithErrors: [])
        #expect(cache.load(root: url) != nil, "a hit before the change")
        return (url, cache)
    }

    @Test func anyChangeToAContentFileMisses() throws {
        let (url, cache) = try Self.cachedRoot()
        let bank = url.appendingPathComponent("Quizzes/websockets-sse-polling.yaml")
        try (try String(contentsOf: bank, encoding: .utf8) + "\n# edited\n").write(to: bank, atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil)
    }

    @Test func anEditThatKeepsTheSizeMisses() throws {
        let (url, cache) = try Self.cachedRoot()
        let bank = url.appendingPathComponent("Quizzes/websockets-sse-polling.yaml")
        let text = try String(contentsOf: bank, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "answer: B", with: "answer: C")
        try #require(edited != text && edited.utf8.count == text.utf8.count)
        try edited.write(to: bank, atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil)
        cache.save(ContentRoot.load(at: url), filesWithErrors: [])
        let hit = try #require(cache.load(root: url))
        #expect(hit.root.banks == ContentRoot.load(at: url).banks, "saved again, the cache gives back the edited bank")
    }

    @Test(arguments: ["Quizzes/extra.yaml", "Lessons/extra.md"])
    func anAddedFileMisses(_ path: String) throws {
        let (url, cache) = try Self.cachedRoot()
        let text = path.hasSuffix(".md") ? "# Extra\n\n## One\n\nText.\n" : "quiz: extra\ntitle: Extra\nquestions: []\n"
        try text.write(to: url.appendingPathComponent(path), atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil)
    }

    @Test func aNewOrEditedLintConfigurationMisses() throws {
        // The cache keeps lint verdicts, which the configuration changes.
        let (url, cache) = try Self.cachedRoot()
        let configuration = url.appendingPathComponent(".quizlint.yaml")
        try "rules:\n  missing-explanation: off\n".write(to: configuration, atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil, "a configuration added")
        cache.save(ContentRoot.load(at: url), filesWithErrors: [])
        #expect(cache.load(root: url) != nil)
        try "rules:\n  missing-explanation: error\n".write(to: configuration, atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil, "a configuration edited")
    }

    @Test func anotherToolOrADamagedFileMisses() throws {
        let url = try Self.copyOfShippedRoot()
        let cache = Self.cache()
        cache.save(ContentRoot.load(at: url), filesWithErrors: [])
        #expect(ContentCache(directory: cache.directory, toolStamp: "other build").load(root: url) == nil)
        let file = try #require(FileManager.default.contentsOfDirectory(atPath: cache.directory.path).first)
        try Data("garbage".utf8).write(to: cache.directory.appendingPathComponent(file))
        #expect(cache.load(root: url) == nil)
    }
}

/// The bank cache gives the same attempts as the bank it was saved from, reading only its index and
/// the questions drawn, and misses as soon as anything the bank's verdict depends on changes.
@Suite(.timeLimit(.minutes(1))) struct BankCacheTests {
    static func cache() -> BankCache {
        BankCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("quiz-bank-cache-\(UUID().uuidString)"),
                  toolStamp: "test")
    }

    /// A root holding the every-key bank beside the shipped course.
    static func rootWithEveryKey() throws -> URL {
        let url = try ContentCacheTests.copyOfShippedRoot()
        try "# Every\n\n## Alpha\n\nText.\n".write(to: url.appendingPathComponent("Lessons/every.md"), atomically: true, encoding: .utf8)
        try ContentCacheTests.everyKey.write(to: url.appendingPathComponent("Quizzes/every.yaml"), atomically: true, encoding: .utf8)
        return url
    }

    /// What a learner is shown of an attempt: each question whole, and its layout.
    static func shown(_ items: [SessionQuestion]) -> [String] {
        items.map { "\($0.position) \($0.question.id) \($0.presentation) \($0.sectionTitle) \($0.review)" }
    }

    @Test func theIndexDrawsWhatTheWholeBankDraws() throws {
        let url = try Self.rootWithEveryKey()
        let fresh = ContentRoot.load(at: url)
        let cache = Self.cache()
        for bank in fresh.banks {
            let lessons = fresh.lessons.filter { $0.id == bank.lesson }
            cache.save(bank, lessons: lessons, root: url, inputs: ["Lessons/\(bank.lesson).md"])
            let cached = try #require(cache.open(bank.file, root: url))
            #expect(cached.bank.tests == bank.tests && cached.bank.title == bank.title && cached.count == bank.questions.count)
            #expect(cached.lessons == lessons, "its lessons come back whole")
            // The warm side knows only what the cache gives back: the index and the lessons.
            var warm = ContentRoot(url: url)
            warm.lessons = cached.lessons
            for test in bank.tests {
                for seed in UInt64(1)...25 {
                    let whole = AttemptPlan.test(test, in: bank, root: fresh, seed: seed)
                    let indexed = AttemptPlan.test(try #require(cached.draw(test)), root: warm, seed: seed) { cached.questions(at: $0)! }
                    #expect(Self.shown(indexed) == Self.shown(whole), "\(bank.id)/\(test.id) seed \(seed)")
                    let byID = Dictionary(uniqueKeysWithValues: bank.questions.map { ($0.id, $0) })
                    // Whole questions, as the loader built them (their places in the file aside).
                    #expect(indexed.allSatisfy { $0.question == byID[$0.question.id] })
                }
            }
        }
    }

    @Test func onlyTheIndexAndTheDrawnQuestionsAreRead() throws {
        let url = try ContentCacheTests.copyOfShippedRoot()
        let fresh = ContentRoot.load(at: url)
        let bank = try #require(fresh.banks.first)
        let cache = Self.cache()
        cache.save(bank, lessons: fresh.lessons, root: url, inputs: [])
        let file = cache.file(for: bank.file, root: url)
        let cached = try #require(cache.open(bank.file, root: url))
        var rng = SeededGenerator(seed: 9)
        let drawn = Set(try #require(cached.draw(bank.tests[0])).positions(using: &rng))
        #expect(drawn.count < bank.questions.count)
        // Every record but the drawn ones overwritten: nothing the draw needs is lost.
        var bytes = [UInt8](try Data(contentsOf: file))
        for i in 0..<cached.count where !drawn.contains(i) {
            let (offset, length) = try #require(cached.record(i))
            for b in (cached.layout.records + offset)..<(cached.layout.records + offset + length) { bytes[b] = 0xFF }
        }
        try Data(bytes).write(to: file)
        let damaged = try #require(cache.open(bank.file, root: url), "the index is intact")
        let items = AttemptPlan.test(try #require(damaged.draw(bank.tests[0])), root: fresh, seed: 9) { damaged.questions(at: $0)! }
        #expect(Self.shown(items) == Self.shown(AttemptPlan.test(bank.tests[0], in: bank, root: fresh, seed: 9)))
        let undrawn = try #require((0..<bank.questions.count).first { !drawn.contains($0) })
        #expect(damaged.questions(at: [undrawn]) == nil, "a damaged record is a miss, never a wrong question")
    }

    @Test func aPoolOrRecordPlacePointingOutsideTheFileIsAMiss() throws {
        let url = try ContentCacheTests.copyOfShippedRoot()
        let fresh = ContentRoot.load(at: url)
        let bank = try #require(fresh.banks.first)
        let cache = Self.cache()
        cache.save(bank, lessons: fresh.lessons, root: url, inputs: [])
        let cached = try #require(cache.open(bank.file, root: url))
        let pool = cached.layout.pools[0]
        #expect(pool.count > 3 && cached.draw(bank.tests[0]) != nil)
        let file = cache.file(for: bank.file, root: url)
        let original = [UInt8](try Data(contentsOf: file))
        // The fourth pool entry's position and section number, then out of bank order.
        for (at, value) in [(pool.start + 3 * 8 + 2, UInt8(0xEE)), (pool.start + 3 * 8 + 4, 0xEE), (pool.start + 3 * 8, 0)] {
            var bytes = original
            bytes[at] = value
            try Data(bytes).write(to: file)
            let reopened = try #require(cache.open(bank.file, root: url))
            #expect(reopened.draw(bank.tests[0]) == nil, "pool byte at \(at - pool.start)")
        }
        // The third question's record said to run past the records.
        var bytes = original
        bytes[cached.layout.places + 2 * 8 + 7] = 0x7F
        try Data(bytes).write(to: file)
        let reopened = try #require(cache.open(bank.file, root: url))
        #expect(reopened.questions(at: [2]) == nil && reopened.questions(at: [1]) != nil)
        #expect(reopened.questions(at: [cached.count]) == nil, "a position past the bank")
    }

    @Test func anAttemptsQuestionsAreFoundByID() throws {
        let url = try ContentCacheTests.copyOfShippedRoot()
        let bank = try #require(ContentRoot.load(at: url).banks.first)
        let cache = Self.cache()
        cache.save(bank, lessons: [], root: url, inputs: [])
        let cached = try #require(cache.open(bank.file, root: url))
        let ids = [bank.questions[7].id, bank.questions[2].id, "gone"]
        let found = try #require(cached.positions(of: ids).flatMap(cached.questions(at:)))
        #expect(Set(found.map(\.id)) == Set(ids.dropLast()))
    }

    @Test func anyChangeToTheBankItsLessonsTheConfigurationOrTheToolMisses() throws {
        let url = try ContentCacheTests.copyOfShippedRoot()
        let bank = try #require(ContentRoot.load(at: url).banks.first)
        let lesson = "Lessons/\(bank.lesson).md", absent = "Lessons/later.md"
        let inputs = [lesson, absent, ".quizlint.yaml"]
        let cache = Self.cache()
        func saved() -> Bool {
            cache.save(bank, lessons: [], root: url, inputs: inputs)
            return cache.open(bank.file, root: url) != nil
        }
        func append(_ text: String, to file: String) throws {
            let target = url.appendingPathComponent(file)
            let old = (try? String(contentsOf: target, encoding: .utf8)) ?? ""
            try (old + text).write(to: target, atomically: true, encoding: .utf8)
        }
        #expect(saved())
        try append("\n# edited\n", to: bank.file)
        #expect(cache.open(bank.file, root: url) == nil, "the bank edited")
        #expect(saved())
        try append("\nMore text.\n", to: lesson)
        #expect(cache.open(bank.file, root: url) == nil, "its lesson edited")
        #expect(saved())
        try append("# Later\n\n## One\n\nText.\n", to: absent)
        #expect(cache.open(bank.file, root: url) == nil, "a lesson it names, absent before, now written")
        #expect(saved())
        try append("rules:\n  answer-key: off\n", to: ".quizlint.yaml")
        #expect(cache.open(bank.file, root: url) == nil, "a configuration added")
        #expect(saved())
        try "# Unrelated\n\n## One\n\nText.\n".write(to: url.appendingPathComponent("Lessons/unrelated.md"), atomically: true, encoding: .utf8)
        try "quiz: other\ntitle: Other\nquestions: []\n".write(to: url.appendingPathComponent("Quizzes/other.yaml"), atomically: true, encoding: .utf8)
        #expect(cache.open(bank.file, root: url) != nil, "files the bank does not depend on change nothing")
        #expect(BankCache(directory: cache.directory, toolStamp: "another build").open(bank.file, root: url) == nil)
        let file = cache.file(for: bank.file, root: url)
        let bytes = try Data(contentsOf: file)
        for cut in [0, 7, 8, 100, bytes.count / 2] {
            try bytes.prefix(cut).write(to: file)
            #expect(cache.open(bank.file, root: url).flatMap { $0.questions(at: Array(0..<$0.count)) } == nil, "cut at \(cut)")
        }
    }
}

extension Response {
    /// A question's answer key as text, for comparing two copies of a question.
    static func canonicalKey(_ q: Question) -> String {
        switch q.kind {
        case .single(_, let a): "\(a)"
        case .multiple(_, let a): "\(a)"
        case .truefalse(let a): "\(a)"
        case .short(let s): "\(s)"
        case .numeric(let a, let t): "\(a) \(t)"
        case .order(let items): items.map(\.text).joined(separator: "|")
        case .match(let pairs): pairs.map { "\($0.left)=\($0.right)" }.joined(separator: "|")
        }
    }
}
