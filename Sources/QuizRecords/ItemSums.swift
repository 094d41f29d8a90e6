import Foundation

/// Folds finished attempts, one packed summary at a time, into the sums of ``TestAggregates``:
/// what a store without a server (SQLite) does with the rows its query streams. Memory holds one
/// row per question id and one per (tallied question, response text), whatever the attempts' number.
///
/// A database server computes the very same sums in SQL; tests hold the two to the walk of every
/// response through `ItemAnalysis`.
public struct ItemSums {
    private let tallied: Set<String>
    private var attempts = 0
    private var learners: Set<String> = []
    private var unnamed = 0
    private var percent = MomentsSum()
    private var total = MomentsSum()
    private var ids = ByteKeys()
    private var questions: [QuestionSum] = []
    private var pickKeys = ByteKeys()
    private var picks: [(slot: Int, count: Int)] = []

    public init(tallied: [String]) {
        self.tallied = Set(tallied)
    }

    /// Adds one attempt: who took it (nil when not recorded) and its packed items (``ScoredItems/packed``).
    /// False, adding nothing, when the bytes are not a summary this version reads.
    public mutating func add(learner: String?, packed raw: UnsafeRawBufferPointer) -> Bool {
        var t = 0.0, m = 0.0
        guard ScoredItems.unpack(raw, { _, points, max, _ in t += points; m += max }) else { return false }
        addAttempt(learner: learner, t: t, m: m)
        _ = ScoredItems.unpack(raw) { id, x, max, response in
            let slot = self.slot(of: id)
            questions[slot].add(x: x, max: max, t: t)
            guard let response else {
                questions[slot].unanswered += 1
                return
            }
            if questions[slot].tallied { countPick(slot: slot, response: response) }
        }
        return true
    }

    /// Adds one attempt from its items.
    public mutating func add(learner: String?, items: ScoredItems) {
        let packed = items.packed
        _ = packed.withUnsafeBytes { add(learner: learner, packed: $0) }
    }

    /// The sums so far; questions in id order, responses by question id then text.
    public var aggregates: TestAggregates {
        var byID: [(String, QuestionSum)] = questions.enumerated().map { (ids.key(at: $0.offset), $0.element) }
        byID.sort { $0.0 < $1.0 }
        var responses: [ResponseCount] = []
        for (key, pick) in zip(pickKeys.keys, picks) {
            responses.append(ResponseCount(questionID: ids.key(at: pick.slot),
                                           response: String(decoding: key.dropFirst(4), as: UTF8.self), count: pick.count))
        }
        responses.sort { ($0.questionID, $0.response) < ($1.questionID, $1.response) }
        return TestAggregates(
            attempts: attempts, learners: learners.count, unnamed: unnamed,
            percent: percent.moments, total: total.moments,
            questions: byID.map { id, sum in
                QuestionAggregates(questionID: id, shown: sum.x.count, maxSum: sum.maxSum, unanswered: sum.unanswered,
                                   points: sum.x.moments, rest: sum.r.moments, pointsTimesRest: sum.xr)
            },
            responses: responses)
    }

    private mutating func addAttempt(learner: String?, t: Double, m: Double) {
        attempts += 1
        if let learner { learners.insert(learner) } else { unnamed += 1 }
        total.add(t)
        percent.add(m > 0 && t > 0 ? t / m * 100 : 0)
    }

    private mutating func slot(of id: UnsafeRawBufferPointer) -> Int {
        let (slot, inserted) = ids.slot(for: id)
        if inserted {
            questions.append(QuestionSum(tallied: tallied.contains(String(decoding: id, as: UTF8.self))))
        }
        return slot
    }

    private mutating func countPick(slot: Int, response: UnsafeRawBufferPointer) {
        // The key is the question's slot (4 bytes) then the response text.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 + response.count) { key in
            for k in 0..<4 { key[k] = UInt8(truncatingIfNeeded: slot >> (8 * k)) }
            for (k, byte) in response.enumerated() { key[4 + k] = byte }
            let (index, inserted) = pickKeys.slot(for: UnsafeRawBufferPointer(key))
            if inserted { picks.append((slot, 0)) }
            picks[index].count += 1
        }
    }

    /// The totals, over `questions` only, of the attempts streamed again: what Cronbach's alpha reads
    /// when not every question was drawn into every attempt (``StatsQuery/commonQuestions(in:)``).
    public struct CommonTotal {
        private var common = ByteKeys()
        private var sum = MomentsSum()

        public init(questions: [String]) {
            for id in questions {
                var bytes = Array(id.utf8)
                _ = bytes.withUnsafeMutableBytes { common.slot(for: UnsafeRawBufferPointer($0)) }
            }
        }

        /// Adds one attempt's total over the common questions; false, adding nothing, for unreadable bytes.
        public mutating func add(packed raw: UnsafeRawBufferPointer) -> Bool {
            var t = 0.0
            guard ScoredItems.unpack(raw, { id, x, _, _ in if common.contains(id) { t += x } }) else { return false }
            sum.add(t)
            return true
        }

        public var moments: TestAggregates.Moments { sum.moments }
    }
}

/// Count, Σ, Σ², least and greatest, added one value at a time.
struct MomentsSum {
    var count = 0
    var sum = 0.0
    var squares = 0.0
    var least = Double.infinity
    var greatest = -Double.infinity

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        squares += value * value
        least = Swift.min(least, value)
        greatest = Swift.max(greatest, value)
    }

    var moments: TestAggregates.Moments {
        count > 0 ? TestAggregates.Moments(count: count, sum: sum, squares: squares, min: least, max: greatest) : .empty
    }
}

/// One question's running sums: its points x, the rest r = t − x, Σx·r, Σmax, unanswered.
struct QuestionSum {
    let tallied: Bool
    var x = MomentsSum()
    var r = MomentsSum()
    var xr = 0.0
    var maxSum = 0.0
    var unanswered = 0

    init(tallied: Bool) {
        self.tallied = tallied
    }

    mutating func add(x value: Double, max: Double, t: Double) {
        x.add(value)
        r.add(t - value)
        xr += value * (t - value)
        maxSum += max
    }
}

/// Byte strings numbered in the order first seen, found again by hashing their bytes: ids and
/// responses are looked up without making a `String` of each one.
struct ByteKeys {
    private(set) var keys: [[UInt8]] = []
    private var table = [Int](repeating: -1, count: 64)

    func key(at index: Int) -> String { String(decoding: keys[index], as: UTF8.self) }

    func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var at = Self.hash(bytes) & (table.count - 1)
        while table[at] >= 0 {
            if keys[table[at]].elementsEqual(bytes) { return true }
            at = (at + 1) & (table.count - 1)
        }
        return false
    }

    /// The number of `bytes`, and whether it was new.
    mutating func slot(for bytes: UnsafeRawBufferPointer) -> (Int, Bool) {
        var at = Self.hash(bytes) & (table.count - 1)
        while table[at] >= 0 {
            let index = table[at]
            if keys[index].elementsEqual(bytes) { return (index, false) }
            at = (at + 1) & (table.count - 1)
        }
        keys.append(Array(bytes))
        table[at] = keys.count - 1
        if keys.count * 2 > table.count { grow() }
        return (keys.count - 1, true)
    }

    private mutating func grow() {
        table = [Int](repeating: -1, count: table.count * 2)
        for (index, key) in keys.enumerated() {
            var at = key.withUnsafeBytes { Self.hash($0) } & (table.count - 1)
            while table[at] >= 0 { at = (at + 1) & (table.count - 1) }
            table[at] = index
        }
    }

    /// FNV-1a.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
