import QuizKit

/// What a session runs on: somewhere to show what the session shows, a source of
/// lines that can stop waiting at a deadline, and a clock that never jumps.
///
/// The command line gives stdin, stdout and SIGINT; tests give a script of lines
/// and a clock they move by hand, so a whole session runs without a process.
public protocol SessionTerminal: AnyObject {
    /// Seconds on a monotonic clock: deadlines and time spent are measured on it.
    var now: Double { get }
    /// Shows one event the session emitted. Every event comes here, in order, before it is
    /// acted on: `awaitLine` is the prompt, and saves and the end show nothing on a terminal.
    func present(_ event: SessionEvent)
    /// The next line, waiting at most until `deadline` on `now`'s clock.
    func nextLine(deadline: Double?) -> LineOutcome
}

/// What asking for a line gave.
public enum LineOutcome: Equatable, Sendable {
    case line(String)
    case endOfInput
    /// The deadline passed before a whole line arrived.
    case deadline
    /// The learner pressed Ctrl-C.
    case interrupted
}
