import Foundation

/// One attempt's score report, as the report contract defines it (`quiz-report/1`).
///
/// It is a pure function of the stored attempt: no export time, no random
/// ids, so two exports of one attempt are byte-identical. The JSON keys are
/// exactly the contract's; `details` carries what the human formats also show
/// (prompts, answers as shown, explanations) and is never encoded.
public struct AttemptReport: Sendable, Equatable, Encodable {
    public var schema = "quiz-report/1"
    public var attempt: Attempt
    public var score: Score
    public var sections: [SectionScore]
    public var questions: [QuestionResult]
    public var details: [Detail] = []
    /// The lessons the report's sections belong to, in the sections' order; never encoded.
    public var lessons: [ReportLesson] = []

    enum CodingKeys: String, CodingKey { case schema, attempt, score, sections, questions }

    public struct Attempt: Sendable, Equatable, Codable {
        public var id: String
        public var bank: String
        public var test: String
        public var title: String
        public var seed: UInt64
        public var startedAt: String
        public var submittedAt: String?
        public var timeLimitS: Int?
        public var elapsedS: Double
        public var status: String
        /// Who took the attempt (a login name); nil for attempts recorded before stores kept it.
        public var learner: String? = nil

        enum CodingKeys: String, CodingKey {
            case id, bank, test, title, seed, status, learner
            case startedAt = "started_at", submittedAt = "submitted_at", timeLimitS = "time_limit_s", elapsedS = "elapsed_s"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(bank, forKey: .bank)
            try c.encode(test, forKey: .test)
            try c.encode(title, forKey: .title)
            try c.encode(seed, forKey: .seed)
            try c.encode(startedAt, forKey: .startedAt)
            try c.encode(submittedAt, forKey: .submittedAt)
            try c.encode(timeLimitS, forKey: .timeLimitS)
            try c.encode(JSONValue.number(elapsedS), forKey: .elapsedS)
            try c.encode(status, forKey: .status)
            try c.encode(learner, forKey: .learner)
        }
    }

    public struct Score: Sendable, Equatable, Codable {
        public var points: JSONValue
        public var max: JSONValue
        public var percent: JSONValue
        public var passMark: JSONValue
        public var passed: Bool

        enum CodingKeys: String, CodingKey { case points, max, percent, passed, passMark = "pass_mark" }
    }

    public struct SectionScore: Sendable, Equatable, Codable {
        public var lesson: String
        public var id: String
        public var title: String
        public var points: JSONValue
        public var max: JSONValue
        public var questions: Int
    }

    public struct QuestionResult: Sendable, Equatable, Codable {
        public var position: Int
        public var id: String
        public var section: String
        public var type: String
        public var response: JSONValue
        /// The response as the learner typed it, in the letters and numbers of their own shuffled
        /// screen (`"C"`, `"A D"`, `"2 3 1"`, `"1B 2A"`), or nil when unanswered. `response` is the
        /// same answer in the author's terms, so the two differ whenever the shuffle moved things.
        public var responseShown: String?
        public var correct: Bool?
        public var points: JSONValue
        public var max: JSONValue
        public var timeS: JSONValue
        public var flagged: Bool
        public var review: String

        enum CodingKeys: String, CodingKey {
            case position, id, section, type, response, correct, points, max, flagged, review
            case timeS = "time_s", responseShown = "response_shown"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(position, forKey: .position)
            try c.encode(id, forKey: .id)
            try c.encode(section, forKey: .section)
            try c.encode(type, forKey: .type)
            try c.encode(response, forKey: .response)
            try c.encode(responseShown, forKey: .responseShown)
            try c.encode(correct, forKey: .correct)
            try c.encode(points, forKey: .points)
            try c.encode(max, forKey: .max)
            try c.encode(timeS, forKey: .timeS)
            try c.encode(flagged, forKey: .flagged)
            try c.encode(review, forKey: .review)
        }
    }

    /// What the human formats show for one question beyond the JSON.
    public struct Detail: Sendable, Equatable {
        public var prompt: String
        public var sectionTitle: String
        /// The learner's answer as they would have typed it, with the choice text, or nil when unanswered.
        public var given: String?
        public var right: String
        public var explanation: String?
        /// A response that earns full points, in the author's terms and the same JSON form as
        /// `response` (`"B"`, `["A","C"]`, `[1,2,3]`…), so it reads alike for every learner
        /// whatever the shuffle. Short: the first accepted text (a pattern as `/…/`);
        /// numeric: the answer without its tolerance, which `right` shows.
        public var rightResponse: JSONValue = .null
        /// Where to read the question's section again: the lesson file's absolute `file://` URL and
        /// `#section-id`, or nil when the lesson is not on this machine (`review` then stands as text).
        public var reviewURL: String?
    }

    /// The whole report as JSON: keys sorted, pretty-printed, ending in a newline.
    public func json() throws -> String {
        try JSONDocument.pretty(self)
    }
}
