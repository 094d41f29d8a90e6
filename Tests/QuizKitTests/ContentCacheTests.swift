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
        #expect(hit.root.lessons.map(\.id) == fresh.lessons.map(\.id))
        let a = try #require(fresh.banks.first), b = try #require(hit.root.banks.first)
        #expect(b.id == a.id && b.title == a.title && b.lesson == a.lesson && b.file == a.file)
        #expect(b.questions.count == a.questions.count)
        for (x, y) in zip(a.questions, b.questions) {
            #expect(x.id == y.id && x.section == y.section && x.prompt == y.prompt && x.type == y.type)
            #expect(x.explanation == y.explanation && x.hint == y.hint && x.points == y.points && x.tags == y.tags)
            #expect(x.time == y.time && x.shuffle == y.shuffle && x.check == y.check && x.scoring == y.scoring)
            #expect(Response.canonicalKey(x) == Response.canonicalKey(y), "the answer key of \(x.id)")
            #expect(x.kind.choices == y.kind.choices)
        }
        #expect(b.tests.map(\.id) == a.tests.map(\.id))
        #expect(b.tests.first?.pick == a.tests.first?.pick && b.tests.first?.timeLimit == a.tests.first?.timeLimit)
        // The same draw from either: the cache changes nothing a learner sees.
        let drawA = AttemptPlan.test(a.tests[0], in: a, root: fresh, seed: 5).map(\.question.id)
        let drawB = AttemptPlan.test(b.tests[0], in: b, root: hit.root, seed: 5).map(\.question.id)
        #expect(drawA == drawB)
    }

    @Test func anyChangeToAContentFileMisses() throws {
        let url = try Self.copyOfShippedRoot()
        let cache = Self.cache()
        cache.save(ContentRoot.load(at: url), filesWithErrors: [])
        #expect(cache.load(root: url) != nil)
        let bank = url.appendingPathComponent("Quizzes/websockets-sse-polling.yaml")
        try (try String(contentsOf: bank, encoding: .utf8) + "\n# edited\n").write(to: bank, atomically: true, encoding: .utf8)
        #expect(cache.load(root: url) == nil)
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
