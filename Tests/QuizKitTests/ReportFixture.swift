import Foundation
import QuizKit

/// One fixed attempt at a small bank, built in code, for the export tests.
///
/// Seven questions, one of each type, in two sections; right, partly right,
/// wrong and unanswered ones, one flagged; fixed dates, seed and times. The
/// text is hostile on purpose: HTML and script, quotes, commas, line breaks,
/// a fenced code block, a URL, and non-ASCII (é, —, 日本語, emoji).
enum ReportFixture {
    static let lesson = "websockets-sse-polling"
    static let polling = (id: "polling--client-pull", title: "Polling — Client Pull")
    static let sockets = (id: "websockets", title: "WebSockets: \"Upgrade\", <Headers> & 日本語")

    /// The lesson as found on the machine that builds the report (the path is fixed so the golden files are).
    static let lessonFile = ReportLesson(id: lesson, title: "WebSockets vs SSE vs Polling", path: "Lessons/\(lesson).md",
                                         url: "file:///home/learner/course/Lessons/\(lesson).md")

    static let questions: [(question: Question, section: (id: String, title: String), shown: Presentation?)] = [
        (Question(id: "upgrade-status", section: sockets.id,
                  prompt: "Which status code switches a connection to WebSockets? <script>alert(\"x\")</script>",
                  kind: .single(choices: [Choice("200 OK"), Choice("101 Switching Protocols"),
                                          Choice("426 Upgrade Required"), Choice("301 Moved, \"Permanently\"")], answer: 1),
                  explanation: "The server answers `101 Switching Protocols`; see https://datatracker.ietf.org/doc/html/rfc6455 — «Section 4»."),
         sockets, Presentation(choices: [2, 0, 3, 1])),
        (Question(id: "pull-techniques", section: polling.id,
                  prompt: "Pick every \"pull\" technique, then move on:\nshort, long, or neither?",
                  kind: .multiple(choices: [Choice("Short polling"), Choice("Long polling"), Choice("Server-Sent Events"),
                                            Choice("WebSockets, \"full duplex\"")], answers: [0, 1]),
                  explanation: "Both polling styles pull; SSE and WebSockets push.", points: 2, scoring: .partial),
         polling, nil),
        (Question(id: "sse-bidirectional", section: polling.id, prompt: "Server-Sent Events are bidirectional — true or false?",
                  kind: .truefalse(answer: false),
                  explanation: "SSE is one-way: server → client.\nFor the other direction see https://example.com/ws?a=1&b=2."),
         polling, nil),
        (Question(id: "auth-header", section: sockets.id,
                  prompt: "Name the header that carries the token.\n<img src=x onerror=alert(1)>\n```\nGET /chat HTTP/1.1\nAuthorization: Bearer <token>\n```",
                  kind: .short(accepted: [.text("Authorization"), .pattern("^auth(orization)?$")]),
                  explanation: "It's `Authorization` — not <b>Auth</b>, & not a cookie."),
         sockets, nil),
        (Question(id: "retry-seconds", section: polling.id, prompt: "Retry after how many seconds? 日本語 🚀",
                  kind: .numeric(answer: 2.5, tolerance: .absolute(0.5))),
         polling, nil),
        (Question(id: "handshake-steps", section: sockets.id, prompt: "Put the handshake in order.",
                  kind: .order(items: [Item("Client sends `Upgrade: websocket`"), Item("Server replies 101"),
                                       Item("Frames flow, both ways")]),
                  explanation: "Upgrade request, then 101, then frames."),
         sockets, Presentation(items: [2, 0, 1])),
        (Question(id: "transport-match", section: polling.id, prompt: "Match each transport with who starts a message.",
                  kind: .match(pairs: [MatchPair("Polling", "client pulls"), MatchPair("SSE", "server pushes, text/event-stream"),
                                       MatchPair("WebSocket", "both <push> & pull")]),
                  explanation: "Only WebSockets let both sides send."),
         polling, Presentation(options: [2, 0, 1])),
    ]

    /// The first attempt: submitted, failing.
    static var attempt: AttemptReport { report(lessons: [lessonFile]) }

    /// A second learner's attempt at the same test: time ran out, passing; recorded before stores
    /// kept who took an attempt, so its learner is unknown.
    static var second: AttemptReport {
        report(id: "attempt-0002", started: 1_796_049_000, status: "expired",
               responses: [.single(1), .multiple([0, 1]), .truefalse(false), .short("authorization"),
                           .numeric(2.5), .order([0, 1, 2]), nil],
               times: [9, 31.5, 4, 12.75, 18, 40, 0], flagged: [7], elapsed: 420)
    }

    /// The first attempt, built with `lessons` as the machine building the report finds them.
    static func report(lessons: [ReportLesson]) -> AttemptReport {
        report(id: "attempt-0001", started: 1_795_946_400, status: "submitted",
               responses: [.single(1), .multiple([0]), .truefalse(true), .short("Autorización, \"quoted\""),
                           .numeric(3), nil, .match([0, 2, 1])],
               times: [12.3, 45, 8.25, 30, 20, 5.5, 61], flagged: [2], elapsed: 372.4, lessons: lessons,
               learner: "ana")
    }

    static func report(id: String, started: TimeInterval, status: String, responses: [Response?],
                       times: [Double], flagged: Set<Int>, elapsed: Double, lessons: [ReportLesson]? = nil,
                       learner: String? = nil) -> AttemptReport {
        let entries = questions.enumerated().map { i, entry in
            let q = entry.question
            let item = SessionQuestion(position: i + 1, question: q, presentation: entry.shown ?? .asWritten(for: q),
                                       sectionTitle: entry.section.title,
                                       review: "Lessons/\(lesson).md#\(entry.section.id)")
            let answer = SessionAnswer(response: responses[i], grade: Scorer.grade(q, responses[i]),
                                       flagged: flagged.contains(i + 1), timeSpent: times[i])
            return AttemptReport.Entry(item: item, lesson: lesson, section: entry.section.id, answer: answer)
        }
        let summary = AttemptReport.Summary(
            id: id, bank: lesson, test: "practice", title: "Practice test — \"Sockets\" & <Streams>", seed: 42,
            startedAt: Date(timeIntervalSince1970: started),
            submittedAt: status == "submitted" ? Date(timeIntervalSince1970: started + elapsed) : nil,
            timeLimit: 420, elapsed: elapsed, status: status, passMark: 70, learner: learner)
        return AttemptReport(summary: summary, entries: entries, lessons: lessons ?? [lessonFile])
    }
}
