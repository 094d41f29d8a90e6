import Foundation
import QuizKit
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
