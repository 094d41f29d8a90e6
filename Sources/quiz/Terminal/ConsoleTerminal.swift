import Foundation
import QuizApp
import QuizKit

/// A session on stdin and stdout: what the session shows is wrapped to the terminal's
/// width and printed; a read prints `> `, flushes, and waits for a line or the deadline.
final class ConsoleTerminal: SessionTerminal {
    private let reader = LineReader()
    private let width = Terminal.width

    var now: Double { Monotonic.now }

    func present(_ event: SessionEvent) {
        if case .show(let text) = event { Terminal.write(Wrapping.wrap(text, width: width)) }
    }

    func nextLine(deadline: Double?) -> LineOutcome {
        Terminal.write("> ")
        return reader.next(deadline: deadline)
    }
}
