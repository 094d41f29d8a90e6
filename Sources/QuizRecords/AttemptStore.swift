import Foundation

/// Where a learner's attempts, responses, clocks and study progress are kept.
///
/// Sessions record through it as things happen (each call durable when it
/// returns, so a killed process loses nothing already answered), and reports,
/// history, progress and item analysis read through it. SQLite is the
/// default implementation; another database implements the same calls and
/// nothing above it changes.
public protocol AttemptStore: Sendable {
    /// Where the store is, as a learner would name it: a file path, or a URL without its password.
    var location: String { get }

    // MARK: What sessions record

    /// Records a new attempt and the questions drawn into it. In the same transaction,
    /// every other in-progress attempt of the same kind, bank, test and lesson becomes `abandoned`.
    func create(_ attempt: AttemptRecord, questions: [AttemptQuestionRecord]) throws(StoreError)
    /// Saves the response to one question, replacing any earlier one at that attempt and position.
    func save(_ response: ResponseRecord) throws(StoreError)
    /// Saves the attempt's clock so a resumed attempt starts where it stopped.
    func saveClock(attemptID: String, remaining: Double?, elapsed: Double) throws(StoreError)
    /// Ends an attempt with `status`.
    func finish(attemptID: String, status: AttemptRecord.Status, submittedAt: Date?, elapsed: Double,
                remaining: Double?) throws(StoreError)
    /// Notes that a lesson section was shown; the first time is kept.
    func markShown(lesson: String, section: String, at date: Date) throws(StoreError)
    /// Notes that a lesson section is done (which implies shown); the first time is kept.
    func markDone(lesson: String, section: String, at date: Date) throws(StoreError)
    /// Stores finished attempts as they are, many at once (imports, benchmarks). Nothing is abandoned.
    func importAttempts(_ batch: [AttemptRows]) throws(StoreError)

    // MARK: Lookups

    /// The attempt with exactly this id, or nil.
    func attempt(id: String) throws(StoreError) -> AttemptRecord?
    /// The one attempt whose id starts with `prefix` (case-insensitive, spaces trimmed):
    /// `.notFound` when none does, `.ambiguous` with the candidates in id order when several do.
    func attempt(matching prefix: String) throws(StoreError) -> AttemptRecord
    /// The most recently started attempt passing `filter`, ties to the one recorded last.
    func latestAttempt(_ filter: AttemptFilter) throws(StoreError) -> AttemptRecord?
    /// Every attempt passing `filter`, oldest first, ties in the order recorded.
    func attempts(_ filter: AttemptFilter) throws(StoreError) -> [AttemptRecord]
    /// The questions of an attempt, by position.
    func questions(of attemptID: String) throws(StoreError) -> [AttemptQuestionRecord]
    /// The saved responses of an attempt, by position (unvisited positions have none).
    func responses(of attemptID: String) throws(StoreError) -> [ResponseRecord]
    /// The study progress of a lesson's sections, in the order they were first shown.
    func progress(lesson: String) throws(StoreError) -> [SectionProgressRecord]
    /// The study progress of every lesson, by lesson, then in the order first shown: what `quiz store copy` copies.
    func allProgress() throws(StoreError) -> [SectionProgressRecord]

    /// Throws `.needsTeacher` when this store shows the caller only their own learner's attempts, so
    /// that a read of the whole class (`report --all`, `stats`) would pass a part off as the whole.
    /// A store of one learner's own file returns.
    func requireClassAccess() throws(StoreError)

    // MARK: Streams

    /// Calls `body` once per attempt passing `filter`, oldest first, with its questions and
    /// responses by position, holding one attempt's rows at a time. The questions may come
    /// without their `presentation` (empty) and the responses without `answeredAt`: what
    /// aggregates read never needs them. `body` must not call back into the store; an error
    /// it throws ends the walk and is rethrown as is; a store problem is a `StoreError`.
    func forEachAttempt(_ filter: AttemptFilter,
                        body: (AttemptRecord, [AttemptQuestionRecord], [ResponseRecord]) throws -> Void) throws

    // MARK: Aggregates

    /// The sums item analysis needs over the submitted and expired attempts of `query`'s test, from
    /// the summary each ended attempt keeps in its row (``ScoredItems``): a database server sums them
    /// in SQL, in one read transaction, so that a few rows per question cross the network; a file
    /// streams one row per attempt into ``ItemSums``. The figures must equal what walking the same
    /// attempts with ``forEachAttempt(_:body:)`` and summing in Swift would give, up to rounding.
    func testAggregates(_ query: StatsQuery) throws(StoreError) -> TestAggregates
    /// Each submitted or expired attempt of `query`'s test with its points and maximum summed by the
    /// store (from each attempt's summary), in no particular order: what `report --all` scores attempts with.
    func attemptScores(_ query: StatsQuery) throws(StoreError) -> [AttemptScore]
}

/// One attempt's points and maximum, summed over the questions drawn into it (unanswered ones earn 0).
public struct AttemptScore: Hashable, Sendable {
    public var attemptID: String
    public var points: Double
    public var max: Double

    public init(attemptID: String, points: Double, max: Double) {
        self.attemptID = attemptID
        self.points = points
        self.max = max
    }
}

/// One whole attempt as a store keeps it: the attempt, the questions drawn into it, its responses.
public struct AttemptRows: Hashable, Sendable {
    public var attempt: AttemptRecord
    public var questions: [AttemptQuestionRecord]
    public var responses: [ResponseRecord]

    public init(attempt: AttemptRecord, questions: [AttemptQuestionRecord], responses: [ResponseRecord]) {
        self.attempt = attempt
        self.questions = questions
        self.responses = responses
    }
}

extension AttemptStore {
    /// A store in a file holds one learner's attempts, all visible.
    public func requireClassAccess() throws(StoreError) {}

    /// Every attempt matching the given fields (nil matches anything), oldest first.
    public func attempts(bank: String? = nil, test: String? = nil,
                         kind: AttemptRecord.Kind? = nil) throws(StoreError) -> [AttemptRecord] {
        try attempts(AttemptFilter(kind: kind, bank: bank, test: test))
    }

    /// The most recently started attempt, of `kind` when given.
    public func latestAttempt(kind: AttemptRecord.Kind? = nil) throws(StoreError) -> AttemptRecord? {
        try latestAttempt(AttemptFilter(kind: kind))
    }

    /// The most recently started attempt still in progress, of `kind` when given: what `resume` continues.
    public func latestInProgress(kind: AttemptRecord.Kind? = nil) throws(StoreError) -> AttemptRecord? {
        try latestAttempt(AttemptFilter(kind: kind, statuses: [.inProgress]))
    }

    /// Notes that a section was shown, now.
    public func markShown(lesson: String, section: String) throws(StoreError) {
        try markShown(lesson: lesson, section: section, at: Date())
    }

    /// Notes that a section is done, now.
    public func markDone(lesson: String, section: String) throws(StoreError) {
        try markDone(lesson: lesson, section: section, at: Date())
    }

    /// Walks the submitted and expired attempts (or those with `statuses`; empty for every status) of one test.
    public func forEachAttempt(bank: String, test: String, since: Date? = nil,
                               statuses: [AttemptRecord.Status] = [.submitted, .expired],
                               body: (AttemptRecord, [AttemptQuestionRecord], [ResponseRecord]) throws -> Void) throws {
        try forEachAttempt(AttemptFilter(bank: bank, test: test, since: since, statuses: statuses), body: body)
    }
}
