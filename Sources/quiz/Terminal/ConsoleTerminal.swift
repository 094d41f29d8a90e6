import Foundation
import QuizApp
import QuizKit

/// A session on stdin and stdout: what the session shows is rendered, wrapped to the
/// terminal's width and printed at once; a read waits for a line or the deadline.
final class ConsoleTerminal: SessionTerminal {
    private let reader = LineReader()
    var now: Double { Monotonic.now }

    func present(_ event: SessionEvent) {
        Terminal.show(event)
    }

    func nextLine(deadline: Double?) -> LineOutcome {
        reader.next(deadline: deadline)
    }
}
