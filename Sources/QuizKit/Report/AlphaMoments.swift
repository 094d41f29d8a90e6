/// What Cronbach's alpha needs, kept in memory that does not grow with the
/// number of attempts: the co-moment matrix of the questions shown in every
/// attempt so far.
///
/// Alpha counts only questions shown in every attempt, and which those are is
/// known only at the end. But the set can only shrink: the first attempt
/// fixes who can qualify, and a question missing from any later attempt drops
/// out for good. So the matrix is sized once, by the first attempt's questions
/// (k × k, k the length of a test, whatever the number of attempts), and a
/// dropped question's row is simply no longer read or updated. For questions
/// still in, every attempt saw them, so one running mean per question serves
/// every pair, and the multivariate Welford update
/// `C[s,t] += (n−1)/n · dₛ · dₜ` (d = value − mean before this attempt) keeps the
/// matrix symmetric and free of the cancellation of Σxy − n·x̄·ȳ. Then
/// var(item) is C[s,s]/n and var(total) is ΣΣ C[s,t]/n over the survivors.
struct AlphaMoments: Sendable, Equatable {
    private(set) var attempts = 0
    /// Bank positions of the first attempt's questions, ascending; slot s is `members[s]`.
    private var members: [Int] = []
    /// Whether slot s was shown in every attempt so far.
    private var alive: [Bool] = []
    private var means: [Double] = []
    /// Upper triangle of the co-moment matrix, row by row.
    private var coMoments: [Double] = []

    /// Adds one attempt: `points[p]` is what the question at bank position p
    /// earned, nil when this attempt did not show it.
    mutating func add(_ points: [Double?]) {
        attempts += 1
        if attempts == 1 {
            members = points.indices.filter { points[$0] != nil }
            alive = Array(repeating: true, count: members.count)
            means = Array(repeating: 0, count: members.count)
            coMoments = Array(repeating: 0, count: members.count * (members.count + 1) / 2)
        }
        var deltas = Array(repeating: 0.0, count: members.count)
        for s in members.indices where alive[s] {
            guard let x = points[members[s]] else {
                alive[s] = false
                continue
            }
            deltas[s] = x - means[s]
            means[s] += deltas[s] / Double(attempts)
        }
        let weight = Double(attempts - 1) / Double(attempts)
        for s in members.indices where alive[s] {
            for t in s..<members.count where alive[t] {
                coMoments[slot(s, t)] += weight * deltas[s] * deltas[t]
            }
        }
    }

    /// Number of questions shown in every attempt so far.
    var questionCount: Int { alive.filter { $0 }.count }

    /// Cronbach's alpha over the questions shown in every attempt, with
    /// population variances (the 1/n cancels in the ratio); nil with fewer than
    /// 2 attempts or 2 such questions, or when the total never varies.
    ///
    /// var(total) counts as 0 when it is under 1e-12 of Σ var(item): only
    /// rounding can produce such a value (items that vary yet always sum to the
    /// same total), and it would read as an alpha of −10¹² rather than "none".
    var alpha: Double? {
        let k = questionCount
        guard attempts >= 2, k >= 2 else { return nil }
        var itemSum = 0.0, totalSum = 0.0
        for s in members.indices where alive[s] {
            itemSum += coMoments[slot(s, s)]
            totalSum += coMoments[slot(s, s)]
            for t in (s + 1)..<members.count where alive[t] {
                totalSum += 2 * coMoments[slot(s, t)]
            }
        }
        guard totalSum > 0, totalSum > itemSum * 1e-12 else { return nil }
        return Double(k) / Double(k - 1) * (1 - itemSum / totalSum)
    }

    /// Scalars held, for checking that memory stays flat as attempts grow.
    var storedValueCount: Int { 1 + members.count + alive.count + means.count + coMoments.count }

    private func slot(_ s: Int, _ t: Int) -> Int {
        let n = members.count
        return s * n - s * (s - 1) / 2 + (t - s)
    }
}
