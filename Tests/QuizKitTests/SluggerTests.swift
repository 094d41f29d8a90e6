import Testing
@testable import QuizKit

struct SluggerTests {
    @Test("a heading's slug", arguments: [
        // The seven sections of the shipped lesson.
        ("What is Real-Time Communication?", "what-is-real-time-communication"),
        ("Polling — Client Pull", "polling--client-pull"),
        ("Server-Sent Events (SSE) — Server Push", "server-sent-events-sse--server-push"),
        ("WebSockets — Full Duplex", "websockets--full-duplex"),
        ("Side-by-Side Comparison", "side-by-side-comparison"),
        ("When SSE is Enough vs When WebSocket is Needed", "when-sse-is-enough-vs-when-websocket-is-needed"),
        ("Reconnection Strategies and Heartbeats", "reconnection-strategies-and-heartbeats"),
        // Punctuation and symbols go; `-`, `_`, letters and digits stay; each space is one `-`.
        ("heading with a - dash", "heading-with-a---dash"),
        ("heading with an _ underscore", "heading-with-an-_-underscore"),
        ("exchange.bind_headers(exchange, routing [, bindCallback])", "exchangebind_headersexchange-routing--bindcallback"),
        ("Don't panic: it's “fine”!", "dont-panic-its-fine"),
        ("en–dash and em—dash", "endash-and-emdash"),
        ("100% & more", "100--more"),
        ("RFC 6455 ¶ 5.2", "rfc-6455--52"),
        ("Step ½", "step-"),
        // Any script is kept, and lowercased.
        ("Café résumé", "café-résumé"),
        ("Привет non-latin 你好", "привет-non-latin-你好"),
        ("Ⅻ and ⓐ", "ⅻ-and-ⓐ"),
        // Emoji are dropped, their spaces stay.
        ("😄 unicode emoji", "-unicode-emoji"),
        ("I ♥ unicode", "i--unicode"),
        ("Ship it 🚀", "ship-it-"),
        // Inline Markdown counts by its text.
        ("The `EventSource` API", "the-eventsource-api"),
        ("**Bold**, *em* and _under_", "bold-em-and-under"),
        ("See [RFC 6455](https://datatracker.ietf.org/doc/html/rfc6455)", "see-rfc-6455"),
        ("![logo](logo.png) Intro", "logo-intro"),
        ("snake_case_name and __init__", "snake_case_name-and-init"),
        ("`a_b` *not*closed", "a_b-notclosed"),
        ("<kbd>Ctrl</kbd> + C", "ctrl--c"),
        ("Escaped \\*stars\\* & &amp; entities", "escaped-stars---entities"),
        ("Tom &eacute; Jerry", "tom-é-jerry"),
    ])
    func slug(heading: String, expected: String) {
        var slugger = Slugger()
        #expect(slugger.slug(heading) == expected)
    }

    @Test("repeats get -1, -2 over the headings seen so far", arguments: [
        (["Intro", "Intro", "Intro"], ["intro", "intro-1", "intro-2"]),
        (["echo", "echo", "echo 1", "echo-1", "echo"], ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"]),
        (["foxtrot-1", "foxtrot", "foxtrot"], ["foxtrot-1", "foxtrot", "foxtrot-2"]),
        (["FAQ", "faq", "F.A.Q."], ["faq", "faq-1", "faq-2"]),
    ])
    func repeats(headings: [String], expected: [String]) {
        var slugger = Slugger()
        #expect(headings.map { slugger.slug($0) } == expected)
    }

    @Test func reservedIDsAreSteppedAround() {
        var slugger = Slugger()
        slugger.reserve("setup")
        #expect(slugger.slug("Setup") == "setup-1")
        #expect(slugger.slug("Setup") == "setup-2")
    }
}
