import Foundation
import QuizKit
import QuizRecords

/// How a running session is written down: the attempt and its questions when it starts,
/// every response, flag and clock reading the moment it happens, and the end.
///
/// Practice tests and quick checks both record through it, so a stored attempt
/// looks the same whichever command made it. Times are kept to the millisecond.
struct AttemptRecorder {
    let store: any AttemptStore
    let attemptID: String

    /// Records `attempt` with its questions, each placed in the lesson section it belongs to.
    static func start(_ attempt: AttemptRecord, items: [SessionQuestion], places: [(lesson: String, section: String)],
                      store: any AttemptStore) throws -> AttemptRecorder {
        var attempt = attempt
        var rows: [AttemptQuestionRecord] = []
        for (item, place) in zip(items, places) {
            rows.append(AttemptQuestionRecord(attemptID: attempt.id, position: item.position, questionID: item.question.id,
                                              section: place.section, lesson: place.lesson,
                                              presentation: try JSONDocument.compact(item.presentation),
                                              maxPoints: item.question.points))
        }
        // Ids are random, drawn by each client: on a server shared by a class, one may already be
        // taken (once in trillions of draws); the attempt is recorded under a fresh one.
        var retries = 0
        while true {
            do {
                try store.create(attempt, questions: rows)
                return AttemptRecorder(store: store, attemptID: attempt.id)
            } catch {
                guard case .idTaken = error, retries < 3 else { throw error }
                retries += 1
                attempt.id = AttemptRecord.newID()
                for index in rows.indices { rows[index].attemptID = attempt.id }
            }
        }
    }

    /// Saves what the learner has given for the question at `position` (1-based).
    func save(_ answer: SessionAnswer, position: Int) throws(StoreError) {
        try store.save(ResponseRecord(answer, attemptID: attemptID, position: position))
    }

    func saveClock(remaining: Double?, elapsed: Double) throws(StoreError) {
        try store.saveClock(attemptID: attemptID, remaining: remaining.map(Self.millis), elapsed: Self.millis(elapsed))
    }

    func finish(_ status: AttemptRecord.Status, elapsed: Double, remaining: Double?) throws(StoreError) {
        try store.finish(attemptID: attemptID, status: status, submittedAt: Date(), elapsed: Self.millis(elapsed),
                         remaining: remaining.map(Self.millis))
    }

    /// Times are stored to the millisecond.
    static func millis(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

extension ResponseRecord {
    /// The row that saves what a learner has given for one question, times to the millisecond.
    init(_ answer: SessionAnswer, attemptID: String, position: Int) {
        self.init(attemptID: attemptID, position: position, response: answer.response?.canonical, points: answer.grade.points,
                  correct: answer.response == nil ? nil : answer.grade.correct == true,
                  timeSpent: AttemptRecorder.millis(answer.timeSpent), flagged: answer.flagged, tries: answer.tries,
                  firstTryCorrect: answer.firstTryCorrect, answeredAt: answer.response == nil ? nil : Date())
    }
}
