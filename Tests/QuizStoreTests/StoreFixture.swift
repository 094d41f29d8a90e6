import Foundation
import QuizRecords
import QuizStore

/// A private temporary folder for one test, removed when the fixture goes away,
/// with helpers that build attempts the way a session would.
///
/// Swift may release a value right after its last use, so a test keeps its fixture (and the folder its
/// stores write to) until it ends with `defer { withExtendedLifetime(fixture) {} }`.
final class StoreFixture {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("quiz-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The store file inside the folder (`quiz.sqlite` unless named otherwise).
    func url(_ name: String = "quiz.sqlite") -> URL {
        folder.appendingPathComponent(name)
    }

    func open(_ name: String = "quiz.sqlite") throws -> SQLiteStore {
        try SQLiteStore(url: url(name))
    }

    /// A fixed instant, `seconds` after 2026-11-29T10:00:00Z (whole milliseconds survive storage).
    static func time(_ seconds: Double = 0) -> Date {
        Date(timeIntervalSince1970: 1_795_946_400 + seconds)
    }

    static func attempt(
        id: String = AttemptRecord.newID(), kind: AttemptRecord.Kind = .test,
        bank: String = "websockets-sse-polling", test: String? = "practice",
        lesson: String? = nil, startedAt: Date = time()
    ) -> AttemptRecord {
        AttemptRecord(
            id: id, kind: kind, bank: bank, test: test, lesson: lesson, title: "Practice test",
            seed: 42, startedAt: startedAt, timeLimit: 420, remaining: 420, passMark: 70)
    }

    static func questions(of attemptID: String, count: Int = 3) -> [AttemptQuestionRecord] {
        (1...count).map { position in
            AttemptQuestionRecord(
                attemptID: attemptID, position: position, questionID: "q\(position)",
                section: "polling--client-pull", lesson: "websockets-sse-polling",
                presentation: #"{"order":[2,1,3]}"#, maxPoints: 1)
        }
    }

    static func response(_ attemptID: String, _ position: Int, _ text: String? = "B") -> ResponseRecord {
        ResponseRecord(
            attemptID: attemptID, position: position, response: text, points: text == nil ? 0 : 1,
            correct: text.map { $0 == "B" }, timeSpent: 12.5, flagged: false, tries: 1,
            firstTryCorrect: text.map { $0 == "B" }, answeredAt: time(Double(position)))
    }

    static func bytes(of url: URL) throws -> Data {
        try Data(contentsOf: url)
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
