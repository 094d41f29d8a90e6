import Dispatch
import QuizKit
import QuizRecords

/// Turns stored attempts into item-analysis samples on a thread of its own, so that
/// reading the store and analysing attempts run on two cores.
final class AnalysisWorker: @unchecked Sendable {
    // Safe to share: `analysis` is touched only on `queue`, and `questions` never changes.
    private var analysis: ItemAnalysis
    private let questions: [String: Question]
    private let queue = DispatchQueue(label: "quiz.stats")
    /// At most this many batches wait, so a fast reader cannot fill memory.
    private let room = DispatchSemaphore(value: 4)

    init(analysis: ItemAnalysis, questions: [String: Question]) {
        self.analysis = analysis
        self.questions = questions
    }

    func submit(_ batch: [([AttemptQuestionRecord], [ResponseRecord])]) {
        guard !batch.isEmpty else { return }
        room.wait()
        queue.async {
            for (questions, responses) in batch { self.analysis.add(self.sample(questions, responses)) }
            self.room.signal()
        }
    }

    func finish() -> ItemAnalysis {
        queue.sync { analysis }
    }

    /// One attempt as item analysis reads it. Both lists come in position order.
    func sample(_ shown: [AttemptQuestionRecord], _ responses: [ResponseRecord]) -> AttemptSample {
        var next = 0
        var points = 0.0, max = 0.0
        let items = shown.map { q -> ItemSample in
            while next < responses.count && responses[next].position < q.position { next += 1 }
            let r = next < responses.count && responses[next].position == q.position ? responses[next] : nil
            points += r?.points ?? 0
            max += q.maxPoints
            // Item analysis counts picks of single and multiple questions only; for the
            // other types it needs to know an answer was given, not to read it.
            let response = r?.response.map { text -> Response in
                guard let question = questions[q.questionID], question.type == .single || question.type == .multiple else {
                    return .short(text)
                }
                return Response(canonical: text, for: question) ?? .short(text)
            }
            return ItemSample(questionID: q.questionID, points: r?.points ?? 0, max: q.maxPoints, response: response)
        }
        return AttemptSample(percent: max > 0 ? Swift.max(0, points / max * 100) : 0, items: items)
    }
}
