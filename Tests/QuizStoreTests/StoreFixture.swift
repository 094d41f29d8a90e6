import Foundation
import QuizRecords
import QuizStore
import StoreContract

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

    // The records a session would write, shared with every store's contract checks.

    static func time(_ seconds: Double = 0) -> Date { StoreContract.time(seconds) }

    static func attempt(
        id: String = AttemptRecord.newID(), kind: AttemptRecord.Kind = .test,
        bank: String = "websockets-sse-polling", test: String? = "practice",
        lesson: String? = nil, startedAt: Date = time()
    ) -> AttemptRecord {
        StoreContract.attempt(id: id, kind: kind, bank: bank, test: test, lesson: lesson, startedAt: startedAt)
    }

    static func questions(of attemptID: String, count: Int = 3) -> [AttemptQuestionRecord] {
        StoreContract.questions(of: attemptID, count: count)
    }

    static func response(_ attemptID: String, _ position: Int, _ text: String? = "B") -> ResponseRecord {
        StoreContract.response(attemptID, position, text)
    }

    static func bytes(of url: URL) throws -> Data {
        try Data(contentsOf: url)
    }

    static func mode(of url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
