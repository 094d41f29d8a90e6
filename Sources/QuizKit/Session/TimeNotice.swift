/// What a session says about the clock.
public enum TimeNotice: Sendable, Equatable {
    /// `time` in a timed test: seconds left of the limit.
    case left(remaining: Double, limit: Double)
    /// `time` in an untimed test.
    case untimed
    /// The deadline passed; the session ends.
    case up
}
