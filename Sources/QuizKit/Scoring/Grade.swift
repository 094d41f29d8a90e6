/// What one response earned: points out of the question's maximum.
///
/// `points` can be negative: a test's penalty takes points off a single,
/// multiple or truefalse response that earns nothing. `correct` is nil when
/// the question was not answered, and true only for full points.
public struct Grade: Sendable, Equatable, Codable {
    public var points: Double
    public var max: Double
    public var correct: Bool?

    public init(points: Double, max: Double, correct: Bool?) {
        self.points = points
        self.max = max
        self.correct = correct
    }
}

/// The result of a whole test: points, percent and whether it passed.
///
/// `percent` is never below 0 (a penalty can push the points negative) and is
/// 0 when the maximum is 0. `passed` compares the unrounded percent with the
/// pass mark, so 69.995 is written `70.00` yet fails a 70 % mark; only binary
/// rounding noise (under 1e-9 of a percent) is forgiven, so a score that is
/// 70 % in exact arithmetic never fails by a hair.
public struct TestScore: Sendable, Equatable, Codable {
    public var points: Double
    public var max: Double
    /// Unrounded, 0 or more.
    public var percent: Double
    /// `percent` rounded to 2 decimals, halves away from zero, as reports write it.
    public var percentRounded: Double
    /// In percent, 0…100.
    public var passMark: Double
    public var passed: Bool

    /// How far below the pass mark a percent may fall from binary rounding alone.
    static let passSlack = 1e-9

    public init(points: Double, max: Double, passMark: Double) {
        self.points = points
        self.max = max
        self.passMark = passMark
        let percent = max > 0 && points > 0 ? points * 100 / max : 0
        self.percent = percent
        percentRounded = Self.roundedToHundredths(percent)
        passed = percent >= passMark - Self.passSlack
    }

    /// `x` to 2 decimals, halves away from zero, judged on its decimal value.
    ///
    /// Rounding `x * 100` directly would turn 1.005 (stored as 1.00499999…)
    /// into 1.00; the binary noise is dropped first by rounding to 8 decimals,
    /// then the exact half is seen and rounded up to 1.01.
    public static func roundedToHundredths(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let noiseFree = (x * 1e8).rounded()
        return (noiseFree / 1e6).rounded(.toNearestOrAwayFromZero) / 100
    }
}
