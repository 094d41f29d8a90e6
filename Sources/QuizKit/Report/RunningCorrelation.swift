/// The mean and population variance of a stream of numbers, kept in O(1) memory.
///
/// Uses Welford's update (a running mean and a running sum of squared
/// deviations from it) rather than Σx and Σx², which cancel catastrophically
/// when the spread is small next to the mean. A constant stream keeps
/// `squaredDeviations` exactly 0, so "no variance" is an exact test.
struct RunningVariance: Sendable, Equatable {
    private(set) var count = 0
    private(set) var mean = 0.0
    /// Σ (x − mean)² over the values seen so far.
    private(set) var squaredDeviations = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        squaredDeviations += delta * (x - mean)
    }

    /// Population variance; nil before the first value.
    var variance: Double? {
        count > 0 ? Swift.max(0, squaredDeviations / Double(count)) : nil
    }

    /// Scalars this value holds, for checking that memory stays flat.
    static let storedValueCount = 3
}

/// Pearson's r between two streams read in pairs, kept in O(1) memory.
///
/// The bivariate form of Welford's update: besides each side's running mean
/// and squared deviations it keeps the co-moment Σ (x − x̄)(y − ȳ), updated as
/// `(x − x̄ before) · (y − ȳ after)`, which is exact in real arithmetic and
/// stays accurate where Σxy − n·x̄·ȳ would not.
struct RunningCorrelation: Sendable, Equatable {
    private(set) var x = RunningVariance()
    private(set) var y = RunningVariance()
    /// Σ (x − x̄)(y − ȳ) over the pairs seen so far.
    private(set) var coMoment = 0.0

    var count: Int { x.count }

    mutating func add(_ xValue: Double, _ yValue: Double) {
        let dx = xValue - x.mean
        x.add(xValue)
        y.add(yValue)
        coMoment += dx * (yValue - y.mean)
    }

    /// r in −1…1; nil with fewer than 2 pairs or when either side never varies.
    var r: Double? {
        guard count >= 2, x.squaredDeviations > 0, y.squaredDeviations > 0 else { return nil }
        let r = coMoment / (x.squaredDeviations * y.squaredDeviations).squareRoot()
        guard r.isFinite else { return nil }
        return Swift.min(1, Swift.max(-1, r))
    }

    static let storedValueCount = 2 * RunningVariance.storedValueCount + 1
}
