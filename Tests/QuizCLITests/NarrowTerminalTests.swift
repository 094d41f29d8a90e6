import Foundation
import QuizMarkdown
import Testing

/// A learner at a terminal 50 columns wide: `quiz take` runs in a pseudo-terminal (util-linux `script`),
/// whose width the program reads with `TIOCGWINSZ`, and everything it prints must fit.
@Suite(.timeLimit(.minutes(1)), .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
struct NarrowTerminalTests {
    static let script = "/usr/bin/script"
    static let columns = 50

    static let lesson = """
        # Live updates

        ## Choosing between polling and server push for dashboards

        Text.

        ## Alpha

        More text.

        """

    static let bank = """
        quiz: live
        title: Live updates
        questions:
          - id: q1
            section: choosing-between-polling-and-server-push-for-dashboards
            prompt: Which mechanism lets a server send a stream of events to a browser over one long-lived HTTP response?
            choices:
              - Server-Sent Events over a response of type text/event-stream
              - Short polling with an interval of several seconds between requests
            shuffle: false
            answer: A
            explanation: An event stream keeps one response open and writes each event into it as it happens, so nothing is asked twice.
          - id: q2
            section: alpha
            type: short
            prompt: Which request header does a browser send when an EventSource reconnects after the connection dropped?
            answer: [Last-Event-ID]
            explanation: The browser sends the id of the last event it received, so the server can replay what was missed in between.
        tests:
          - {id: practice, title: Practice, shuffle: false}

        """

    /// Runs `quiz` inside a pseudo-terminal of `columns` columns, with `input` typed into it.
    static func inTerminal(_ arguments: [String], input: String, in root: URL, rows: Int = 40) async throws -> String {
        let command = (["stty", "cols", "\(columns)", "rows", "\(rows)", "&&", "exec", QuizProcess.binary.path] + arguments)
            .joined(separator: " ")
        let program = try RunningProgram(URL(fileURLWithPath: script), ["-qfec", command, "/dev/null"], in: root,
                                         environment: ["NO_COLOR": "1", "SHELL": "/bin/sh"])
        program.writeAllThenClose(input)
        try await program.finish(within: QuizProcess.deadline)
        #expect(program.process.terminationStatus == 0, "\(program.stdout)\(program.stderr)")
        return program.stdout.replacingOccurrences(of: "\r", with: "")
    }

    /// Each whitespace-separated word of `text`, lowercased, with how often it occurs; words holding digits
    /// (attempt ids, times) are left out, since they differ from run to run, and so is the ellipsis that
    /// cuts a long title in the table the pipe gets (the stacked table has room for the whole title).
    static func words(_ text: String) -> [String: Int] {
        text.lowercased().split(whereSeparator: \.isWhitespace)
            .filter { !$0.contains(where: \.isNumber) && $0 != "…" }
            .reduce(into: [:]) { counts, word in counts[String(word), default: 0] += 1 }
    }

    @Test func aTestAtFiftyColumnsFitsWithoutBreakingWordsAndStacksTheSectionTable() async throws {
        let root = try QuizProcess.root(["Lessons/live.md": Self.lesson, "Quizzes/live.yaml": Self.bank])
        let arguments = ["take", "live", "--no-time-limit", "--seed", "1", "--store", "store.sqlite"]
        let input = "help\na\n=nothing I remember\n"
        let piped = try await QuizProcess.run(arguments, stdin: input, in: root)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(piped.stdout.split(separator: "\n").contains { DisplayWidth.of($0) > Self.columns },
                "piped output is not wrapped, so this test has long lines to fit")

        let shown = try await Self.inTerminal(arguments, input: input, in: root)
        #expect(shown.contains("Score 1 / 2"), "\(shown)")
        // The input is typed before the program starts, so the terminal echoes it at the top and a
        // prompt's line holds what follows it; with a person typing, that starts on a line of its own.
        let long = shown.split(separator: "\n").map { $0.hasPrefix("> ") ? $0.dropFirst(2) : $0 }
            .filter { DisplayWidth.of($0) > Self.columns }
        #expect(long.isEmpty, "lines the terminal would have to wrap: \(long)")

        // Wrapping moves words to new lines but never cuts one: every word printed to the pipe is on the screen.
        let onScreen = Self.words(shown)
        let missing = Self.words(piped.stdout).filter { word, count in onScreen[word, default: 0] < count }
        #expect(missing.isEmpty, "words broken or lost at 50 columns: \(missing.keys.sorted())")

        // The section table does not fit: one block per section, the score under the title.
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Score by section"), "\(shown)")
        let title = try #require(lines.firstIndex(of: " Choosing between polling and server push for"), "\(shown)")
        #expect(lines[title + 1] == " dashboards")
        #expect(lines[title + 2].hasPrefix("   1 / 1"))
    }

    /// Lines wider than the terminal, leaving out the `> ` of a prompt whose input the terminal echoed earlier.
    static func tooLong(_ shown: String) -> [Substring] {
        shown.split(separator: "\n").map { $0.hasPrefix("> ") ? $0.dropFirst(2) : $0 }.filter { DisplayWidth.of($0) > columns }
    }

    @Test func studyAtFiftyColumnsWrapsItsHeaderStacksAWideTableAndPagesALongSection() async throws {
        let paragraph = "Polling asks the server again and again whether anything changed, and most answers say nothing did. "
        let lesson = """
            # Live updates

            ## Choosing between polling and server push for dashboards

            | Property | Polling | Server-Sent Events | WebSocket |
            |---|---|---|---|
            | Direction | Client pulls with ordinary requests | Server to client only | Both sides send at any time |
            | Payload | Anything HTTP can carry | UTF-8 text only | Text and binary messages |

            \(Array(repeating: paragraph + paragraph, count: 6).joined(separator: "\n\n"))

            ## Alpha

            More text.

            """
        let root = try QuizProcess.root(["Lessons/live.md": lesson, "Quizzes/live.yaml": Self.bank])
        let arguments = ["study", "live", "--store", "store.sqlite"]
        let shown = try await Self.inTerminal(arguments, input: "\n\n\n\n\n\nq\n", in: root, rows: 12)
        #expect(Self.tooLong(shown).isEmpty, "lines the terminal would have to wrap: \(Self.tooLong(shown))")
        #expect(shown.contains("Section 1 of 3 · ~"), "\(shown)")
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Direction") && lines.contains("  Server-Sent Events:"), "the table is stacked: \(shown)")
        #expect(!shown.contains("| Direction"))
        #expect(shown.contains("(more · Enter to read on, or q to stop)"), "a long section pages at a terminal: \(shown)")

        let piped = try await QuizProcess.run(arguments, stdin: "q\n", in: root)
        #expect(!piped.stdout.contains("(more"), "piped output is never paged")
        #expect(piped.stdout.contains("| Direction"), "piped output keeps the table's rows")
    }

    @Test func historyAtFiftyColumnsIsOneBlockPerAttempt() async throws {
        let root = try QuizProcess.root(["Lessons/live.md": Self.lesson, "Quizzes/live.yaml": Self.bank])
        let take = try await QuizProcess.run(["take", "live", "--store", "store.sqlite"], stdin: "a\nLast-Event-ID\n", in: root)
        #expect(take.status == 0, "\(take.stderr)")
        let shown = try await Self.inTerminal(["history", "--store", "store.sqlite"], input: "", in: root)
        #expect(Self.tooLong(shown).isEmpty, "\(shown)")
        let lines = shown.split(separator: "\n").map(String.init)
        #expect(lines.contains("test     live/practice"), "\(shown)")
        #expect(lines.contains("result   passed"), "\(shown)")
        let piped = try await QuizProcess.run(["history", "--store", "store.sqlite"], in: root)
        #expect(piped.stdout.hasPrefix("date "), "piped history keeps its columns: \(piped.stdout)")
    }
}
